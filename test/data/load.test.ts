/** `readData`: a policy's data from a list of sources, as the CLI, policy tests and services read it. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/files/policy.js";
import { formatOfPath, readData, readingOf, type Source } from "../../src/data/load.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import type { IsoDate } from "../../src/time/calendar.js";

const policy = compile(
  `policy p effective 2022-01-01
tier province
tier commune "UBND cấp xã"
field dossiers "Số hồ sơ tiếp nhận" column "Tổng số hồ sơ"
field online_dossiers "Số hồ sơ trực tuyến"
field note_count
metric online_share = online_dossiers / dossiers
target t for all: by 2022-11-30 online_share >= 50%
`,
  { file: "policy.ct" },
).policy!;

const units: Source = { role: "units", file: "units.csv", content: "id,name,tier,parent\nhuyen,Huyện,province,\nxa-a,Xã A,commune,huyen\n" };

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Số liệu");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("readData", () => {
  it("reads text, streamed chunks and workbook bytes together, each file tallied", async () => {
    const chunks = ["unit,period,dos", "siers,online_dossiers\nhuyen,2022-10,100,", "60\n"];
    const read = await readData(policy, [
      units,
      { role: "data", file: "october.csv", content: chunks },
      { role: "data", file: "november.xlsx", content: await workbook([["Đơn vị", "Kỳ", "Tổng số hồ sơ", "Số hồ sơ trực tuyến"], ["xa-a", "2022-11", 10, 5]]) },
    ]);
    expect(read.dataIssues).toEqual([]);
    expect(read.files).toEqual([
      { file: "units.csv", role: "units", read: 2, used: 2, rejected: 0 },
      { file: "october.csv", role: "data", read: 1, used: 1, rejected: 0 },
      { file: "november.xlsx", role: "data", read: 1, used: 1, rejected: 0 },
    ]);
    expect(read.rows).toEqual({ read: 2, used: 2, rejected: 0 });
    expect(read.observations.map((o) => [o.unit, o.period.text, o.counts.get("dossiers"), o.source.file])).toEqual([
      ["huyen", "2022-10", 100, "october.csv"],
      ["xa-a", "2022-11", 10, "november.xlsx"],
    ]);
  });

  it("refuses the same unit and month from a second file, naming the first place, in a worksheet by its row", async () => {
    const read = await readData(policy, [
      units,
      { role: "data", file: "a.xlsx", content: await workbook([["unit", "period", "dossiers", "online_dossiers"], ["xa-a", "2022-Q4", 30, 10]]) },
      { role: "data", file: "b.csv", content: "unit,period,dossiers,online_dossiers\nxa-a,2022-11,10,5\nxa-a,2022-09,10,5\n" },
    ]);
    expect(read.dataIssues.map((i) => [i.file, i.line, i.code, i.message])).toEqual([
      ["b.csv", 2, "duplicate-row", "`xa-a` 2022-11 overlaps 2022-Q4 on row 2 of a.xlsx; report each month once"],
    ]);
    expect(read.files.find((f) => f.file === "b.csv")).toEqual({ file: "b.csv", role: "data", read: 2, used: 1, rejected: 1 });
  });

  it("reads registries from several files as one: a parent may be in another file, an id given twice is refused where it comes second", async () => {
    const read = await readData(policy, [
      { role: "units", file: "communes.csv", content: "id,name,tier,parent\nxa-a,Xã A,commune,huyen\nhuyen,Again,province,\n" },
      { role: "units", file: "districts.json", content: JSON.stringify([{ id: "huyen", name: "Huyện", tier: "province" }]) },
      { role: "data", file: "data.csv", content: "unit,period,dossiers,online_dossiers\nxa-a,2022-11,10,5\n" },
    ]);
    expect(read.registry.units.map((u) => u.id)).toEqual(["xa-a", "huyen"]);
    expect(read.dataIssues.map((i) => [i.file, i.line, i.code, i.message])).toEqual([["districts.json", 1, "duplicate-row", "item 1: unit `huyen` is already given on line 3 of communes.csv"]]);
  });

  it("gives an unreadable workbook an issue of its own and goes on with the other files", async () => {
    const read = await readData(policy, [units, { role: "data", file: "broken.xlsx", content: new TextEncoder().encode("not a zip") }, { role: "data", file: "ok.csv", content: "unit,period,dossiers,online_dossiers\nhuyen,2022-11,10,5\n" }]);
    expect(read.dataIssues.map((i) => [i.file, i.code, i.rejected])).toEqual([["broken.xlsx", "bad-row", true]]);
    expect(read.dataIssues[0]!.message).toMatch(/^the workbook cannot be read: not an Excel workbook \(\.xlsx\)/);
    expect(read.files.map((f) => [f.file, f.read, f.used])).toEqual([["units.csv", 2, 2], ["broken.xlsx", 0, 0], ["ok.csv", 1, 1]]);
  });

  it("is what prepare takes: a file whose rows the checks all reject is reported as unusable", async () => {
    const read = await readData(policy, [units, { role: "data", file: "over.csv", content: "unit,period,dossiers,online_dossiers\nhuyen,2022-11,10,50\n" }]);
    const evaluator = compileEvaluator(policy);
    const evaluation = evaluator.evaluate(evaluator.prepare(read), { asOf: "2022-11-30" as IsoDate });
    expect(evaluation.files.find((f) => f.file === "over.csv")).toEqual({ file: "over.csv", role: "data", read: 1, used: 0, rejected: 1 });
    expect(evaluation.dataIssues.map((i) => i.code)).toEqual(["numerator-above-denominator", "no-usable-row"]);
  });
});

describe("readingOf", () => {
  it("gives each field its title and column headings, and the fields the metrics need with their metrics", () => {
    const reading = readingOf(policy);
    expect(reading.headings).toEqual(
      new Map([
        ["dossiers", ["Số hồ sơ tiếp nhận", "Tổng số hồ sơ"]],
        ["online_dossiers", ["Số hồ sơ trực tuyến"]],
        ["note_count", []],
      ]),
    );
    expect(reading.needed).toEqual(
      new Map([
        ["online_dossiers", ["online_share"]],
        ["dossiers", ["online_share"]],
      ]),
    );
  });
});

describe("formatOfPath", () => {
  it.each([
    ["a.json", "json"],
    ["a.NDJSON", "ndjson"],
    ["a.jsonl", "ndjson"],
    ["Báo cáo.XLSX", "xlsx"],
    ["a.csv", "csv"],
    ["a.tsv", "csv"],
    ["noext", "csv"],
    ["folder.xlsx/data.csv", "csv"],
  ])("%s is %s", (path, format) => {
    expect(formatOfPath(path)).toBe(format);
  });
});

describe("found in review", () => {
  it("a policy that declares no tier puts no condition on a unit's tier", async () => {
    const untiered = compile("policy q effective 2022-01-01\nfield a field b\nmetric m = a / b\ntarget t for all: by 2022-11-30 m >= 50%\n", { file: "q.ct" }).policy!;
    const read = await readData(untiered, [
      { role: "units", file: "u.csv", content: "id,name,tier\nx,X,province\n" },
      { role: "data", file: "d.csv", content: "unit,period,a,b\nx,2022-11,1,2\n" },
    ]);
    expect(read.dataIssues).toEqual([]);
    expect(read.registry.units.map((u) => u.id)).toEqual(["x"]);
  });

  it("a JSON row naming one column twice, under two spellings, is rejected rather than read one way", async () => {
    const read = await readData(policy, [units, { role: "data", file: "d.json", content: '[{"unit":"huyen","Unit":"xa-a","period":"2022-11","dossiers":1,"online_dossiers":1}]' }]);
    expect(read.observations).toEqual([]);
    expect(read.dataIssues.map((i) => [i.code, i.column, i.message])).toEqual([
      ["bad-row", "unit", "item 1: the row names `unit` twice (under two spellings) and which one to read is unclear, so it is rejected"],
    ]);
  });

  it("a unit merged down over its months in a workbook stays the unit of each row", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("x");
    sheet.addRows([["unit", "period", "dossiers", "online_dossiers"], ["xa-a", "2022-10", 10, 5], [null, "2022-11", 10, 6]]);
    sheet.mergeCells("A2:A3");
    const read = await readData(policy, [units, { role: "data", file: "d.xlsx", content: new Uint8Array(await book.xlsx.writeBuffer()) }]);
    expect(read.dataIssues).toEqual([]);
    expect(read.observations.map((o) => [o.unit, o.period.text])).toEqual([["xa-a", "2022-10"], ["xa-a", "2022-11"]]);
  });
});

describe("JSON given in chunks", () => {
  it("is read as JSON, not streamed as CSV", async () => {
    const read = await readData(policy, [units, { role: "data", file: "d.json", content: ['[{"unit":"huyen","period":', '"2022-11","dossiers":10,"online_dossiers":5}]'] }]);
    expect(read.dataIssues).toEqual([]);
    expect(read.observations.map((o) => o.unit)).toEqual(["huyen"]);
  });
});
