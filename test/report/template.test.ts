/** The report template: made from the policy, filled as a clerk would, it reads back with no issue. */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readData } from "../../src/data/load.js";
import { readUnits } from "../../src/data/registry.js";
import { compileFile } from "../../src/files/policy.js";
import { reportTemplate } from "../../src/report/template.js";
import { runMain } from "../support/main.js";

const policy = compileFile("policies/brvt-2139-2022.ct").policy!;
const unitsCsv = readFileSync("examples/brvt-2022/units.csv", "utf8");
const units = readUnits(unitsCsv, { file: "units.csv", format: "csv" }).registry.units;

async function opened(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}

describe("reportTemplate", () => {
  it("heads the columns the policy needs with their Vietnamese titles, noting the ids, a row per unit", async () => {
    const book = await opened(await reportTemplate(policy, { units, period: "2022-11" }));
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(["Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo"]);
    expect(header.slice(3)).toEqual(expect.arrayContaining([policy.fields.get("dossiers")!.name, policy.fields.get("online_dossiers")!.name]));
    expect(sheet.getRow(2).getCell(4).note).toMatch(/^[a-z_]+$/);
    expect(sheet.rowCount).toBe(2 + units.length);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 4)).toEqual([units[0]!.id, units[0]!.name, "2022-11"]);
    expect(sheet.getCell(3, 4).dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
  });

  it("states the policy's data checks on its guide sheet, with the fields' titles", async () => {
    const book = await opened(await reportTemplate(policy, { lang: "en" }));
    const guide = book.worksheets[1]!;
    const text = guide.getSheetValues().flat().map((v) => (typeof v === "string" ? v : "")).join("\n");
    expect(text).toContain(policy.checks.length > 0 ? "The counts must pass the policy's data checks:" : "The policy has no data checks.");
    expect(book.worksheets[0]!.name).toBe("Counts");
  });

  it("filled in as a clerk would, reads back with no issue and every unit's counts", async () => {
    const book = await opened(await reportTemplate(policy, { units, period: "2022-11" }));
    const sheet = book.worksheets[0]!;
    const ids = (sheet.getRow(2).values as unknown[]).slice(4).map((_, i) => sheet.getRow(2).getCell(4 + i).note as string);
    // Counts that pass any check of a part against its total: each field gets less than the one before it.
    for (let r = 3; r <= sheet.rowCount; r++) ids.forEach((_, i) => (sheet.getCell(r, 4 + i).value = 100 - i * 10));
    const filled = new Uint8Array(await book.xlsx.writeBuffer());
    const read = await readData(policy, [{ role: "units", file: "units.csv", content: unitsCsv }, { role: "data", file: "filled.xlsx", content: filled }]);
    expect(read.dataIssues).toEqual([]);
    expect(read.rows).toEqual({ read: units.length, used: units.length, rejected: 0 });
    expect(read.observations[0]).toMatchObject({ unit: units[0]!.id, period: { text: "2022-11" } });
    expect(Object.fromEntries(read.observations[0]!.counts)).toEqual(Object.fromEntries(ids.map((id, i) => [id, 100 - i * 10])));
  });
});

describe("chitieu template", () => {
  it("writes the workbook, and refuses a period that is none", async () => {
    const out = `${process.env["TMPDIR"] ?? "/tmp"}/chitieu-template-${process.pid}.xlsx`;
    const run = await runMain(["template", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--period", "11/2022", "--out", out]);
    expect(run).toMatchObject({ status: 0, stderr: `chitieu: wrote ${out} with a row for each of ${units.length} units\n` });
    expect((await opened(readFileSync(out))).worksheets[0]!.getCell(3, 3).value).toBe("2022-11");
    expect((await runMain(["template", "policies/brvt-2139-2022.ct", "--period", "2022-13", "--out", out])).status).toBe(2);
  });
});
