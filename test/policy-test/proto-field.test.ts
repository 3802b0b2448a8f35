/**
 * `chitieu test` reads data as `chitieu eval` does (readData, by extension), so a field called
 * `__proto__`, legal in a policy, is kept in inline rows and in every data file format, and an
 * expectation on the unit's counts compares.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runTestFile } from "../../src/policy-test/run.js";
import { PROTO_IDS, PROTO_POLICY } from "../support/proto.js";

const ROW = '{"unit":"xa-a","period":"2022-10","__proto__":45,"constructor":100}';
const UNITS = [{ id: "xa-a", tier: "t" }];
const EXPECT = [{ unit: "xa-a", metric: "share", numerator: 45, denominator: 100, status: "met" }];

async function xlsx(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Sheet1").addRows([["unit", "period", "__proto__", "constructor"], ["xa-a", "2022-10", 45, 100]]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A test file with one case; `data` is JSON text so that its `__proto__` key is a key, not a prototype. */
const testFile = (data: string): string =>
  `{"policy": "p.ct", "cases": [{"name": "proto", "asOf": "2022-10-31", "units": ${JSON.stringify(UNITS)}, ${data}, "expect": ${JSON.stringify(EXPECT)}}]}`;

async function run(data: string, files: Record<string, string> = {}, bytes: Record<string, Uint8Array> = {}) {
  const memory = new Map(Object.entries({ "mem/p.test.json": testFile(data), "mem/p.ct": PROTO_POLICY, ...files }));
  return runTestFile("mem/p.test.json", { readFile: (path) => memory.get(path), readBytes: (path) => bytes[path] });
}

describe("chitieu test and a field called __proto__", () => {
  it("keeps it in inline rows", async () => {
    const report = await run(`"data": [${ROW}]`);
    expect(report.problems).toEqual([]);
    expect(report.cases[0]).toMatchObject({ passed: true, mismatches: [] });
  });

  it.each([
    ["data.csv", "unit,period,__proto__,constructor\nxa-a,2022-10,45,100\n"],
    ["data.json", `[${ROW}]`],
    ["data.ndjson", `${ROW}\n`],
  ])("keeps it in %s", async (name, content) => {
    const report = await run(`"dataFile": "${name}"`, { [`mem/${name}`]: content });
    expect(report.problems).toEqual([]);
    expect(report.cases[0]).toMatchObject({ passed: true, mismatches: [] });
  });

  it("keeps it in .xlsx", async () => {
    const report = await run(`"dataFile": "data.xlsx"`, {}, { "mem/data.xlsx": await xlsx() });
    expect(report.cases[0]).toMatchObject({ passed: true, mismatches: [] });
  });

  it("a wrong expectation on it fails", async () => {
    const report = await run(`"data": [${ROW.replace("45", "30")}]`);
    expect(report.cases[0]).toMatchObject({ passed: false, mismatches: expect.arrayContaining([expect.objectContaining({ field: "numerator", expected: 45, actual: 30 })]) });
  });
});

describe("inline rows kept as written are still checked", () => {
  it("a row without its unit is a problem at its path", async () => {
    const report = await run(`"data": [{"period": "2022-10", "__proto__": 45, "constructor": {"x": 1}}]`);
    expect(report.problems.map((p) => p.path)).toEqual(["cases[0].data[0].unit", "cases[0].data[0].constructor"]);
  });
});

describe("ids called __proto__, constructor and toString", () => {
  it("are a unit, a tier, a metric and a target that expectations name", async () => {
    const file = JSON.stringify({
      policy: "p.ct",
      cases: [
        {
          name: "ids",
          asOf: "2022-10-31",
          units: [{ id: "__proto__", tier: "constructor" }],
          data: [{ unit: "__proto__", period: "2022-10", a: 45, b: 100 }],
          expect: [{ unit: "__proto__", metric: "__proto__", target: "toString", numerator: 45, denominator: 100, status: "met" }],
        },
      ],
    });
    const memory = new Map([["mem/p.test.json", file], ["mem/p.ct", PROTO_IDS]]);
    const report = await runTestFile("mem/p.test.json", { readFile: (path) => memory.get(path) });
    expect(report.problems).toEqual([]);
    expect(report.cases[0]).toMatchObject({ passed: true, mismatches: [] });
  });
});
