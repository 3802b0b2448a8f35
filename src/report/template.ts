/**
 * The workbook a unit fills in, made from the policy, so its columns always match what the policy
 * reads: the unit's id and name, the period, then one column per field the policy's metrics and
 * scores need, headed by the field's title (which the reader accepts as well as its id, noted on
 * the heading). Counts are whole numbers, checked by Excel as they are typed. A second sheet says
 * what each column is and states the policy's data checks; the reader reads the first sheet only.
 */
import { checkRule } from "../data/checks.js";
import { readingOf } from "../data/load.js";
import type { RegistryUnit } from "../data/types.js";
import type { Lang } from "../i18n/lang.js";
import type { Policy } from "../model/policy.js";

export interface TemplateOptions {
  readonly lang?: Lang;
  /** One row per unit, with its id and name; without them, empty rows to fill. */
  readonly units?: readonly RegistryUnit[];
  /** The period written on every row (`2022-11`); left for the unit to write when absent. */
  readonly period?: string;
}

const WORDS: Readonly<Record<Lang, { sheet: string; guide: string; unit: string; name: string; period: string; column: string; means: string; checks: string; noChecks: string; fill: string; whole: string }>> = {
  vi: {
    sheet: "Số liệu", guide: "Hướng dẫn", unit: "Mã đơn vị", name: "Tên đơn vị", period: "Kỳ báo cáo", column: "Cột", means: "Nội dung",
    checks: "Số liệu phải thỏa mãn các kiểm tra sau của văn bản chính sách:", noChecks: "Văn bản chính sách không có kiểm tra số liệu.",
    fill: "Điền số nguyên không âm vào các cột số liệu; để trống nếu không báo cáo. Kỳ báo cáo viết 2022-11 hoặc 11/2022.",
    whole: "Chỉ nhập số nguyên không âm",
  },
  en: {
    sheet: "Counts", guide: "Guide", unit: "Unit id", name: "Unit name", period: "Period", column: "Column", means: "What it holds",
    checks: "The counts must pass the policy's data checks:", noChecks: "The policy has no data checks.",
    fill: "Write whole non-negative counts in the count columns; leave a cell empty when not reporting. Write the period as 2022-11 or 11/2022.",
    whole: "Whole non-negative numbers only",
  },
};

const EMPTY_ROWS = 20;

export async function reportTemplate(policy: Policy, options: TemplateOptions = {}): Promise<Uint8Array> {
  const lang = options.lang ?? "vi";
  const w = WORDS[lang];
  const fields = [...(readingOf(policy).needed ?? new Map<string, readonly string[]>()).keys()];
  const titleOf = (id: string): string => policy.fields.get(id)?.name ?? id;
  const { default: excel } = await import("exceljs");
  const book = new excel.Workbook();
  book.creator = "chitieu";
  const sheet = book.addWorksheet(w.sheet, { views: [{ state: "frozen", ySplit: 2 }] });
  sheet.addRow([policy.title ?? policy.id]).font = { bold: true, size: 13 };
  const header = sheet.addRow([w.unit, w.name, w.period, ...fields.map(titleOf)]);
  header.font = { bold: true };
  fields.forEach((id, i) => (header.getCell(4 + i).note = id));
  const units = options.units ?? [];
  // Without a registry the rows stay blank: a row with only its period would read as a row without a unit.
  const rows = units.length > 0 ? units.map((u) => [u.id, u.name, options.period ?? ""]) : Array.from({ length: EMPTY_ROWS }, () => []);
  for (const row of rows) sheet.addRow(row);
  wholeNumbers(sheet, fields.length, rows.length, w.whole);
  sheet.columns.forEach((column, i) => (column.width = i === 1 ? 36 : i < 3 ? 14 : Math.min(40, Math.max(14, titleOf(fields[i - 3] ?? "").length))));
  guideSheet(book.addWorksheet(w.guide), policy, fields, titleOf, w);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function wholeNumbers(sheet: import("exceljs").Worksheet, fields: number, rows: number, prompt: string): void {
  for (let r = 3; r < 3 + rows; r++) {
    for (let c = 4; c < 4 + fields; c++) {
      sheet.getCell(r, c).dataValidation = { type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, showErrorMessage: true, error: prompt };
    }
  }
}

function guideSheet(sheet: import("exceljs").Worksheet, policy: Policy, fields: readonly string[], titleOf: (id: string) => string, w: (typeof WORDS)[Lang]): void {
  sheet.addRow([w.fill]);
  sheet.addRow([]);
  sheet.addRow([w.column, w.means]).font = { bold: true };
  for (const id of fields) sheet.addRow([titleOf(id), id]);
  sheet.addRow([]);
  sheet.addRow([policy.checks.length > 0 ? w.checks : w.noChecks]).font = { bold: true };
  for (const check of policy.checks) sheet.addRow([checkRule(check, titleOf)]);
  sheet.getColumn(1).width = 60;
  sheet.getColumn(2).width = 30;
}
