/** Excel workbooks as units send them, read through the same readers (and checks) as CSV. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readObservations } from "../../src/data/observations.js";
import type { Sheet } from "../../src/data/records.js";
import { readUnits } from "../../src/data/registry.js";
import { readSheet } from "../../src/data/xlsx.js";

type Cell = ExcelJS.CellValue;

async function workbook(sheets: Record<string, { rows: Cell[][]; formats?: Record<string, string> }>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, { rows, formats = {} }] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row) => sheet.addRow(row));
    for (const [address, format] of Object.entries(formats)) sheet.getCell(address).numFmt = format;
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function sheetOf(bytes: Uint8Array, sheet?: string): Promise<Sheet> {
  const read = await readSheet(bytes, { sheet });
  if (!read.ok) throw new Error(read.message);
  return read.sheet;
}

const fields = new Set(["dossiers", "online_dossiers"]);
const units = new Set(["tam-ky", "quang-tri", "dong-ha"]);
const plain = (o: { unit: string; period: { text: string }; counts: ReadonlyMap<string, number> }) => ({ unit: o.unit, period: o.period.text, counts: Object.fromEntries(o.counts) });

describe("readSheet and the readers", () => {
  it("reads a unit's report as typed in Excel: a title row, numbers, Vietnamese text numbers, a month cell, a formula", async () => {
    const bytes = await workbook({
      "Số liệu": {
        rows: [
          ["BÁO CÁO SỐ LIỆU DỊCH VỤ CÔNG TRỰC TUYẾN"],
          [],
          ["unit", "period", "dossiers", "online_dossiers"],
          ["tam-ky", "2023-01", 13796, 6705],
          ["quang-tri", "02/2023", "3.332", "1.373"],
          ["dong-ha", new Date(Date.UTC(2023, 2, 1)), { formula: "1000+150", result: 1150 }, 43],
        ],
        formats: { B6: "mm/yyyy" },
      },
    });
    const sheet = await sheetOf(bytes);
    expect(sheet.name).toBe("Số liệu");
    const read = readObservations(sheet, { file: "bao-cao.xlsx", format: "xlsx", fields, units, numbers: "vi" });
    expect(read.issues).toEqual([]);
    expect(read.rows).toEqual({ read: 3, used: 3, rejected: 0 });
    expect(read.observations.map(plain)).toEqual([
      { unit: "tam-ky", period: "2023-01", counts: { dossiers: 13796, online_dossiers: 6705 } },
      { unit: "quang-tri", period: "2023-02", counts: { dossiers: 3332, online_dossiers: 1373 } },
      { unit: "dong-ha", period: "2023-03", counts: { dossiers: 1150, online_dossiers: 43 } },
    ]);
    // Rows cite the spreadsheet's own row numbers.
    expect(read.observations.map((o) => o.source)).toEqual([
      { file: "bao-cao.xlsx", line: 4 },
      { file: "bao-cao.xlsx", line: 5 },
      { file: "bao-cao.xlsx", line: 6 },
    ]);
  });

  it("gives the same observations and issues as the CSV of the same table", async () => {
    const table = [
      ["unit", "period", "dossiers", "online_dossiers"],
      ["tam-ky", "2023-01", "100", "40"],
      ["tam-ky", "2023-01", "100", "41"],
      ["nowhere", "2023-01", "5", "1"],
      ["dong-ha", "2023-13", "5", "1"],
      ["quang-tri", "2023-01", "-3", "1"],
    ];
    const csv = readObservations(table.map((r) => r.join(",")).join("\n"), { file: "data", format: "csv", fields, units });
    const xlsx = readObservations(await sheetOf(await workbook({ Sheet1: { rows: table } })), { file: "data", format: "xlsx", fields, units });
    expect(xlsx.observations.map(plain)).toEqual(csv.observations.map(plain));
    expect(xlsx.rows).toEqual(csv.rows);
    expect(xlsx.issues.map((i) => [i.code, i.line, i.column, i.rejected, i.message])).toEqual(csv.issues.map((i) => [i.code, i.line, i.column, i.rejected, i.message.replace("on line", "on row")]));
  });

  it("refuses, naming the row and column, what a count cell must not hold: an error value, a formula never calculated, a value outside the table", async () => {
    const bytes = await workbook({
      Sheet1: {
        rows: [
          ["unit", "period", "dossiers", "online_dossiers"],
          ["tam-ky", "2023-01", { error: "#DIV/0!" }, 1],
          ["dong-ha", "2023-01", { formula: "SUM(X1:X9)" }, 1],
          ["quang-tri", "2023-01", 10, 1, "ghi chú"],
        ],
      },
    });
    const read = readObservations(await sheetOf(bytes), { file: "t.xlsx", format: "xlsx", fields, units });
    expect(read.observations).toEqual([]);
    expect(read.issues.map((i) => [i.line, i.code, i.column])).toEqual([
      [2, "bad-count", "dossiers"],
      [3, "bad-count", "dossiers"],
      [4, "bad-row", undefined],
    ]);
    expect(read.issues[0]!.message).toContain("#DIV/0!");
    expect(read.issues[1]!.message).toContain("SUM(X1:X9)");
    expect(read.issues[2]!.message).toBe("column E holds `ghi chú` but the header names no column there");
  });

  it("reads a registry from a named sheet, dates typed as dates, and a header without `tier` is one issue", async () => {
    const bytes = await workbook({
      Notes: { rows: [["read me"]] },
      "Đơn vị": {
        rows: [
          ["id", "name", "tier", "parent", "tags", "valid_from", "valid_to"],
          ["tam-ky", "Thành phố Tam Kỳ", "district", null, "pilot;urban", new Date(Date.UTC(2020, 0, 1)), null],
          [101, "Xã số 101", "commune", "tam-ky", null, null, "30/06/2025"],
        ],
        formats: { F2: "dd/mm/yyyy" },
      },
    });
    const read = readUnits(await sheetOf(bytes, "Đơn vị"), { file: "units.xlsx", format: "xlsx" });
    expect(read.issues).toEqual([]);
    expect(read.registry.units).toEqual([
      { id: "tam-ky", name: "Thành phố Tam Kỳ", tier: "district", parent: undefined, tags: ["pilot", "urban"], validFrom: "2020-01-01", validTo: undefined },
      { id: "101", name: "Xã số 101", tier: "commune", parent: "tam-ky", tags: [], validFrom: undefined, validTo: "2025-06-30" },
    ]);
    const first = readUnits(await sheetOf(bytes), { file: "units.xlsx", format: "xlsx" });
    expect(first.registry.units).toEqual([]);
    expect(first.issues.map((i) => [i.line, i.code, i.column, i.message])).toEqual([[1, "bad-row", "id", "the header has no `id` column, so no row could be read"]]);
  });

  it("says which sheets there are when the one asked for is missing, and refuses a file that is not a workbook", async () => {
    const bytes = await workbook({ "T10": { rows: [["unit"]] }, "T11": { rows: [["unit"]] } });
    expect(await readSheet(bytes, { sheet: "T12" })).toEqual({ ok: false, message: "the workbook has no sheet `T12`; its sheets are `T10`, `T11`" });
    const notBook = await readSheet(new TextEncoder().encode("unit,period\n"));
    expect(notBook.ok).toBe(false);
    expect(notBook.ok ? "" : notBook.message).toMatch(/^not an Excel workbook \(\.xlsx\)/);
  });
});

describe("a worksheet with one cell in its last column (XFD) on every row", () => {
  it("is read by the cells it holds: each row rejected for the value right of the header, the header not widened", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("x");
    sheet.getRow(1).values = ["unit", "period", "dossiers"];
    for (let r = 2; r <= 201; r++) sheet.getCell(r, 16384).value = "x";
    const read = await readSheet(new Uint8Array(await book.xlsx.writeBuffer()));
    if (!read.ok) throw new Error(read.message);
    expect(Object.keys(read.sheet.rows[1]!.cells)).toEqual(["16383"]);
    const observations = readObservations(read.sheet, { file: "x.xlsx", format: "xlsx", fields: new Set(["dossiers"]), units: new Set(["u"]) });
    expect(observations.rows).toEqual({ read: 200, used: 0, rejected: 200 });
    expect(new Set(observations.issues.map((i) => i.message))).toEqual(new Set(["column XFD holds `x` but the header names no column there"]));
  });
});
