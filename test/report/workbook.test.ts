/** Excel out (`eval --format xlsx`), read back and checked; Excel in, end to end through the CLI. */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/csv.js";
import { Evaluation } from "../../src/evaluate/result.js";
import { sheetNames, STATUS_FILLS } from "../../src/report/workbook.js";
import { runMain } from "../support/main.js";

const EXAMPLE = ["policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30"];

const dir = mkdtempSync(join(tmpdir(), "chitieu-xlsx-"));

async function load(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  return book;
}

/** A sheet's rows as objects keyed by the header row. */
function rowsOf(sheet: ExcelJS.Worksheet, headerRow = 1): { row: ExcelJS.Row; get: (heading: string) => ExcelJS.Cell }[] {
  const headings = (sheet.getRow(headerRow).values as unknown[]).map((v) => (typeof v === "string" || typeof v === "number" ? String(v) : ""));
  const out: { row: ExcelJS.Row; get: (heading: string) => ExcelJS.Cell }[] = [];
  sheet.eachRow((row, n) => {
    if (n <= headerRow) return;
    out.push({
      row,
      get: (heading) => {
        const index = headings.indexOf(heading);
        if (index < 1) throw new Error(`no column ${heading} in ${headings.join(", ")}`);
        return row.getCell(index);
      },
    });
  });
  return out;
}

describe("chitieu eval --format xlsx", () => {
  let evaluation: Evaluation;
  let book: ExcelJS.Workbook;
  let english: ExcelJS.Workbook;

  beforeAll(async () => {
    const json = await runMain(["eval", ...EXAMPLE, "--format", "json"]);
    expect(json.status).toBe(0);
    evaluation = Evaluation.parse(JSON.parse(json.stdout));
    const out = join(dir, "results.xlsx");
    const run = await runMain(["eval", ...EXAMPLE, "--format", "xlsx", "--out", out, "--lang", "vi"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    book = await load(out);
    const en = join(dir, "results-en.xlsx");
    expect((await runMain(["eval", ...EXAMPLE, "--format", "xlsx", "--out", en, "--lang", "en"])).status).toBe(0);
    english = await load(en);
  });

  it("has a summary sheet, then one sheet per tier, named by the tier's short title in Vietnamese", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Cơ quan hành chính cấp tỉnh", "UBND cấp huyện", "UBND cấp xã"]);
    expect(english.worksheets.map((s) => s.name)).toEqual(["Summary", "province", "district", "commune"]);
  });

  it("has every result on its tier's sheet, with rates as percent-formatted numbers and statuses coloured", () => {
    for (const tier of ["province", "district", "commune"]) {
      const rows = rowsOf(english.getWorksheet(tier)!);
      const expected = evaluation.results.filter((r) => r.tier === tier);
      expect(rows).toHaveLength(expected.length);
      rows.forEach(({ get }, i) => {
        const r = expected[i]!;
        expect(get("Unit").value).toBe(r.unit);
        expect(get("Target").value).toBe(r.target);
        expect(get("Status").value).toBe({ met: "met", missed: "missed", "no-data": "no data", "no-denominator": "no denominator", "not-due": "not due", excluded: "excluded", incomplete: "incomplete" }[r.status]);
        expect((get("Status").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(STATUS_FILLS[r.status].fill);
        expect(get("Numerator").value ?? null).toBe(r.numerator);
        expect(get("Denominator").value ?? null).toBe(r.denominator);
        expect(get("Needed").value ?? null).toBe(r.needed);
        expect(get("Rank").value ?? null).toBe(r.rank);
        expect(get("Actual").numFmt).toBe("0.00%");
        expect(get("Threshold").numFmt).toBe("0.00%");
        if (r.actual === null) expect(get("Actual").value ?? null).toBeNull();
        else expect(get("Actual").value as number).toBeCloseTo(r.actual / 100, 12);
        expect(get("Threshold").value ?? null).toBe(r.threshold === null ? null : r.threshold / 100);
        expect(get("Gap").value ?? null).toBe(r.gapPoints);
        expect(get("Milestone").value).toEqual(r.milestone === null ? null : new Date(`${r.milestone}T00:00:00Z`));
      });
    }
  });

  it("names the units, and checks a few by hand: Châu Đức 24.00% missed by 1014 dossiers, Long Điền exactly on 50%", () => {
    const district = rowsOf(book.getWorksheet("UBND cấp huyện")!);
    const find = (unit: string, target: string) => district.find(({ get }) => get("Đơn vị").value === unit && get("Chỉ tiêu").value === target)!;
    const chauDuc = find("chau-duc", "online_share_local");
    expect(chauDuc.get("Tên đơn vị").value).toBe("Huyện Châu Đức");
    expect(chauDuc.get("Thực tế").value).toBe(936 / 3900);
    expect(chauDuc.get("Kết quả").value).toBe("chưa đạt");
    expect((chauDuc.get("Kết quả").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(chauDuc.get("Cần thêm").value).toBe(1014);
    expect(chauDuc.get("Mốc").numFmt).toBe("dd/mm/yyyy");
    const longDien = find("long-dien", "online_share_local");
    expect(longDien.get("Thực tế").value).toBe(0.5);
    expect(longDien.get("Kết quả").value).toBe("đạt");
    expect(longDien.get("Thiếu (điểm %)").value).toBe(0);
  });

  it("summarises each tier and all units with summed counts and percent formats", () => {
    const sheet = english.getWorksheet("Summary")!;
    expect(sheet.getCell("A1").value).toBe("Giao chỉ tiêu thực hiện DVCTT cho các cơ quan hành chính cấp tỉnh, UBND cấp huyện, xã năm 2022");
    const headerRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => sheet.getRow(n).getCell(1).value === "Tier")!;
    const rows = rowsOf(sheet, headerRow).filter(({ get }) => typeof get("Units").value === "number");
    const groups = evaluation.groups.filter((g) => g.kind !== "parent");
    expect(rows).toHaveLength(groups.length);
    const communeShare = rows.find(({ get }) => get("Tier").value === "UBND cấp xã (xã, phường, thị trấn)" && get("Metric").value === "Tỷ lệ hồ sơ TTHC xử lý trực tuyến")!;
    expect(communeShare.get("Numerator").value).toBe(6932);
    expect(communeShare.get("Denominator").value).toBe(12933);
    expect(communeShare.get("Rate from summed counts").value).toBe(6932 / 12933);
    expect(communeShare.get("Rate from summed counts").numFmt).toBe("0.00%");
    expect(communeShare.get("Met").value).toBe(63);
    expect(communeShare.get("Missed").value).toBe(18);
    expect(communeShare.get("No data").value).toBe(1);
    expect(communeShare.get("Units meeting").value).toBe(63 / 82);
    expect(communeShare.get("Units meeting").numFmt).toBe("0.00%");
  });

  it("needs --out, and says why", async () => {
    const run = await runMain(["eval", ...EXAMPLE, "--format", "xlsx"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("chitieu: --format xlsx writes a workbook: give --out FILE.xlsx\n");
  });
});

describe("sheetNames", () => {
  it("keeps names Excel accepts and mends the others: too long, forbidden characters, the same but for case", () => {
    expect(sheetNames(["Tổng hợp", "province", "a/b:c", "x".repeat(40), "Province", "x".repeat(35)])).toEqual([
      "Tổng hợp",
      "province",
      "a-b-c",
      "x".repeat(31),
      "Province~2",
      `${"x".repeat(29)}~2`,
    ]);
  });
});

describe("Excel in, through the CLI", () => {
  /** The example's CSV files as workbooks, the way a unit would type them: a title row, numbers as numbers. */
  async function asWorkbook(csvPath: string, out: string, sheet: string, title?: string): Promise<void> {
    const [header, ...rows] = parseCsv(readFileSync(csvPath, "utf8")).map((r) => r.cells);
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Hướng dẫn").addRow(["Điền số liệu vào trang tính bên cạnh"]);
    const ws = book.addWorksheet(sheet);
    if (title) ws.addRows([[title], []]);
    ws.addRow(header!);
    for (const cells of rows) ws.addRow(cells.map((c) => (/^\d+$/.test(c) ? Number(c) : c === "" ? null : c)));
    if (sheet !== "units") book.removeWorksheet(book.getWorksheet("Hướng dẫn")!.id);
    writeFileSync(out, new Uint8Array(await book.xlsx.writeBuffer()));
  }

  it("scores the example from .xlsx files exactly as from its CSV files", async () => {
    const units = join(dir, "units.xlsx");
    const data = join(dir, "data.xlsx");
    await asWorkbook("examples/brvt-2022/units.csv", units, "units");
    await asWorkbook("examples/brvt-2022/data.csv", data, "T8-T11", "BÁO CÁO SỐ LIỆU DVCTT THÁNG 8-11/2022");
    const fromCsv = JSON.parse((await runMain(["eval", ...EXAMPLE, "--format", "json"])).stdout) as Evaluation;
    // The units workbook's first sheet is the instructions: the registry is read from its first sheet, so it is refused...
    const wrong = await runMain(["eval", "policies/brvt-2139-2022.ct", "--units", units, "--data", data, "--as-of", "2022-11-30", "--format", "json"]);
    // ...no unit is read, so nothing can be used, and a scheduled job learns it from the exit code.
    expect(wrong.status).toBe(3);
    expect(wrong.stderr).toContain("no reported count could be used");
    expect((JSON.parse(wrong.stdout) as Evaluation).dataIssues[0]!.message).toContain("the header has no `id` column");
    // ...so this test writes the registry with its table first, and names the data's sheet.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(units) as unknown as ExcelJS.Buffer);
    book.removeWorksheet(book.getWorksheet("Hướng dẫn")!.id);
    writeFileSync(units, new Uint8Array(await book.xlsx.writeBuffer()));
    const run = await runMain(["eval", "policies/brvt-2139-2022.ct", "--units", units, "--data", data, "--sheet", "T8-T11", "--as-of", "2022-11-30", "--format", "json"]);
    expect(run.stderr).toBe("");
    const fromXlsx = JSON.parse(run.stdout) as Evaluation;
    expect(fromXlsx.results).toEqual(fromCsv.results);
    expect(fromXlsx.groups).toEqual(fromCsv.groups);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
  });

  it("reports a missing sheet with the sheets there are, and refuses --sheet for a data file that is not a workbook", async () => {
    const data = join(dir, "data-missing.xlsx");
    await asWorkbook("examples/brvt-2022/data.csv", data, "T11");
    const missing = await runMain(["eval", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", data, "--sheet", "T12", "--as-of", "2022-11-30"]);
    // One workbook among many that cannot be read is that file's issue, not the end of the run; here it was the only data.
    expect(missing.status).toBe(3);
    expect(missing.stdout).toContain(`${data}:1 rejected: the workbook cannot be read: the workbook has no sheet \`T12\`; its sheets are \`T11\``);
    expect(missing.stderr).toBe("chitieu: no reported count could be used (0 rows read): every unit is without data (exit 3; --allow-empty accepts it)\n");
    const notBook = await runMain(["eval", ...EXAMPLE, "--sheet", "T11"]);
    expect(notBook.status).toBe(2);
    expect(notBook.stderr).toBe("chitieu: --sheet names a worksheet of an .xlsx --data file, and examples/brvt-2022/data.csv is not one\n");
  });
});
