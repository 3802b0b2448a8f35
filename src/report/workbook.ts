/**
 * Results as an Excel workbook, as units expect them back: a summary sheet (the policy, the date,
 * per tier and metric the units that met, missed or sent nothing and the rate from summed counts,
 * the rows read and the data issues), then one sheet per tier with a row per unit and target.
 * Rates are real numbers in percent format, so they can be summed, sorted and charted in Excel;
 * statuses are coloured as Excel's own Good / Bad / Neutral styles are.
 */
// exceljs is loaded when a workbook is written, not at startup: it is hundreds of modules (see bench/README.md).
import type ExcelJS from "exceljs";
import { localizeIssue } from "../data/issue-words.js";
import type { RegistryUnit } from "../data/types.js";
import type { Evaluation, Group, Result, Status } from "../evaluate/result.js";
import type { Policy } from "../model/policy.js";
import { formatDate } from "../time/calendar.js";
import { capital, REPORT_WORDS } from "./report-words.js";
import type { Lang } from "../i18n/lang.js";
import { reasonIn, type Words } from "./words.js";
import { scoreReasonText } from "../evaluate/reasons.js";

export interface WorkbookOptions {
  readonly lang?: Lang;
  /** The registry's units, for their names and parents. */
  readonly units?: readonly RegistryUnit[];
}

export const PERCENT_FORMAT = "0.00%";
const POINTS_FORMAT = "0.00";
const COUNT_FORMAT = "#,##0";

/** Font and fill per status: Excel's Good (green), Bad (red) and Neutral (yellow), grey for the rest. */
export const STATUS_FILLS: Readonly<Record<Status, { readonly fill: string; readonly font: string }>> = {
  met: { fill: "FFC6EFCE", font: "FF006100" },
  missed: { fill: "FFFFC7CE", font: "FF9C0006" },
  "no-data": { fill: "FFFFEB9C", font: "FF9C5700" },
  "no-denominator": { fill: "FFFFEB9C", font: "FF9C5700" },
  incomplete: { fill: "FFFFEB9C", font: "FF9C5700" },
  "not-due": { fill: "FFEDEDED", font: "FF595959" },
  excluded: { fill: "FFEDEDED", font: "FF595959" },
};

const HEADER_FILL = "FFDDE5F0";

export async function resultsWorkbook(evaluation: Evaluation, policy: Policy, options: WorkbookOptions = {}): Promise<Uint8Array> {
  const lang = options.lang ?? "vi";
  const w = REPORT_WORDS[lang];
  const units = new Map((options.units ?? []).map((u) => [u.id, u]));
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  workbook.creator = "chitieu";
  const tiers = [...new Set(evaluation.results.map((r) => r.tier))];
  const indexes = [...new Set((evaluation.indexes ?? []).map((x) => x.index))];
  const scored = evaluation.scores.length > 0 ? [capital(w.scores)] : [];
  const names = sheetNames([w.summarySheet, ...tiers.map((tier) => (lang === "vi" ? shortTitle(policy.tiers.get(tier)?.name) ?? tier : tier)), ...scored, ...indexes]);
  summarySheet(workbook.addWorksheet(names[0]), evaluation, policy, lang);
  tiers.forEach((tier, i) => tierSheet(workbook.addWorksheet(names[i + 1]), evaluation, policy, tier, units, lang));
  if (scored.length > 0) scoresSheet(workbook.addWorksheet(names[tiers.length + 1]), evaluation, units, lang);
  indexes.forEach((id, i) => indexSheet(workbook.addWorksheet(names[tiers.length + 1 + scored.length + i]), evaluation, id, units, lang));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/**
 * Excel refuses sheet names longer than 31 characters, with any of `[]:*?/\`, or equal to another
 * ignoring case: such names are cut, cleaned and numbered.
 */
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    const clean = name.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim() || "sheet";
    let candidate = clean.slice(0, 31);
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${clean.slice(0, 31 - String(n).length - 1)}~${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A tier's title as a sheet name: the part before its parenthesis ("UBND cấp xã"), when that fits Excel's 31 characters. */
function shortTitle(title: string | undefined): string | undefined {
  const short = title?.split(" (")[0]?.trim();
  return short && short.length <= 31 ? short : undefined;
}

/** A date as Excel keeps it: midnight UTC of that day, shown as the language writes dates. */
const excelDate = (date: string): Date => new Date(`${date}T00:00:00Z`);
const dateFormat = (lang: Lang): string => (lang === "vi" ? "dd/mm/yyyy" : "yyyy-mm-dd");

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    if (typeof cell.value === "string") cell.value = capital(cell.value);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "thin", color: { argb: "FF9CA3AF" } } };
  });
}

function paintStatus(cell: ExcelJS.Cell, status: Status): void {
  const colours = STATUS_FILLS[status];
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: colours.fill } };
  cell.font = { color: { argb: colours.font }, bold: status === "missed" };
}

function summarySheet(sheet: ExcelJS.Worksheet, evaluation: Evaluation, policy: Policy, lang: Lang): void {
  const w = REPORT_WORDS[lang];
  sheet.addRow([policy.title]).font = { bold: true, size: 14 };
  if (policy.basis) {
    sheet.addRow([w.basis(policy.basis.number, policy.basis.date && formatDate(policy.basis.date, lang === "vi" ? "vi" : "iso"), policy.basis.issuer)]);
  }
  const asOf = sheet.addRow([w.asOf, excelDate(evaluation.asOf)]);
  asOf.getCell(2).numFmt = dateFormat(lang);
  asOf.getCell(2).alignment = { horizontal: "left" };
  asOf.font = { bold: true };
  sheet.addRow([]);
  const header = sheet.addRow([w.tier, w.metric, w.units, w.met, w.missed, w.noData, w.noDenominator, w.incomplete, w.base.status["not-due"], w.excluded, w.compliance, w.numerator, w.denominator, w.rate]);
  styleHeader(header);
  const headerRow = header.number;
  const groups = [...evaluation.groups.filter((g) => g.kind === "tier"), ...evaluation.groups.filter((g) => g.kind === "all")];
  for (const g of groups) {
    const row = sheet.addRow(groupCells(g, g.kind === "all" ? w.allUnits : (policy.tiers.get(g.id)?.name ?? g.id), policy));
    row.getCell(11).numFmt = PERCENT_FORMAT;
    row.getCell(12).numFmt = COUNT_FORMAT;
    row.getCell(13).numFmt = COUNT_FORMAT;
    row.getCell(14).numFmt = PERCENT_FORMAT;
    if (g.kind === "all") row.font = { bold: true };
  }
  sheet.views = [{ state: "frozen", ySplit: headerRow }];
  sheet.addRow([]);
  const { read, used, rejected } = evaluation.rows;
  sheet.addRow([w.base.rows(read, used, rejected, evaluation.dataIssues.length)]);
  if (evaluation.dataIssues.length > 0) {
    sheet.addRow([]);
    sheet.addRow([w.dataIssues]).font = { bold: true };
    styleHeader(sheet.addRow([w.file, w.line, w.column, w.code, w.action, w.message]));
    for (const issue of evaluation.dataIssues) {
      const row = sheet.addRow([issue.file, issue.line, issue.column ?? "", issue.code, issue.rejected ? w.base.rejected : w.base.flagged, localizeIssue(issue, lang)]);
      paintStatus(row.getCell(5), issue.rejected ? "missed" : "no-data");
    }
  }
  const widths = [34, 34, 10, 9, 10, 12, 12, 12, 12, 12, 14, 12, 12, 16];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/** Each unit's points under each score, then each group's from its summed counts. */
function scoresSheet(sheet: ExcelJS.Worksheet, evaluation: Evaluation, units: ReadonlyMap<string, RegistryUnit>, lang: Lang): void {
  const w = REPORT_WORDS[lang];
  const c = w.base.columns;
  styleHeader(sheet.addRow([c.unit, w.unitName, w.tier, c.score, c.points, c.rank, w.why]));
  for (const s of evaluation.scores) {
    const row = sheet.addRow([s.unit, units.get(s.unit)?.name ?? s.unit, s.tier, s.score, s.points, s.rank, s.because ? scoreReasonText(s.because, lang) : (s.reason ?? "")]);
    row.getCell(5).numFmt = POINTS_FORMAT;
  }
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const groups = evaluation.scoreGroups ?? [];
  if (groups.length > 0) {
    sheet.addRow([]);
    sheet.addRow([capital(w.base.scoreGroups)]).font = { bold: true };
    styleHeader(sheet.addRow([capital(w.base.groupHeading), "", "", c.score, c.points, "", w.why]));
    for (const g of groups) {
      const row = sheet.addRow([w.base.groupName(g.kind, g.id), "", "", g.score, g.points, null, g.because ? scoreReasonText(g.because, lang) : (g.reason ?? "")]);
      row.getCell(5).numFmt = POINTS_FORMAT;
    }
  }
  [16, 34, 12, 20, 10, 8, 50].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/** An index: a row per unit with each component's points, the total and its rank of the tier's ranked units; then the groups' totals. */
function indexSheet(sheet: ExcelJS.Worksheet, evaluation: Evaluation, id: string, units: ReadonlyMap<string, RegistryUnit>, lang: Lang): void {
  const w = REPORT_WORDS[lang];
  const c = w.base.columns;
  const mine = (evaluation.indexes ?? []).filter((x) => x.index === id);
  const components = mine[0]?.components.map((x) => x.score) ?? [];
  sheet.addRow([capital(w.base.index(id, String(mine[0]?.maximum ?? "")))]).font = { bold: true, size: 14 };
  styleHeader(sheet.addRow([c.unit, w.unitName, w.tier, ...components, capital(w.base.total), c.rank, w.ranked, w.why]));
  const points = (row: ExcelJS.Row) => components.forEach((_, i) => (row.getCell(4 + i).numFmt = POINTS_FORMAT));
  for (const x of mine) {
    const row = sheet.addRow([x.unit, units.get(x.unit)?.name ?? x.unit, x.tier, ...x.components.map((p) => p.points), x.total, x.rank, x.ranked, x.because ? scoreReasonText(x.because, lang) : (x.reason ?? "")]);
    points(row);
    row.getCell(4 + components.length).numFmt = POINTS_FORMAT;
    row.getCell(4 + components.length).font = { bold: true };
  }
  sheet.views = [{ state: "frozen", ySplit: 2 }];
  for (const g of (evaluation.indexGroups ?? []).filter((x) => x.index === id)) {
    const row = sheet.addRow([w.base.groupName(g.kind, g.id), "", "", ...g.components.map((p) => p.points), g.total]);
    points(row);
    row.getCell(4 + components.length).numFmt = POINTS_FORMAT;
    row.font = { bold: true };
  }
  [16, 34, 12, ...components.map(() => 14), 10, 8, 10, 40].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

function groupCells(g: Group, label: string, policy: Policy): (string | number | null)[] {
  const due = g.met + g.missed + g.noData + g.noDenominator + g.incomplete;
  const metric = policy.metrics.get(g.metric)?.name ?? g.metric;
  return [label, metric, g.units, g.met, g.missed, g.noData, g.noDenominator, g.incomplete, g.notDue, g.excluded, due === 0 ? null : g.met / due, g.numerator, g.denominator, g.denominator > 0 ? g.numerator / g.denominator : null];
}

function tierSheet(sheet: ExcelJS.Worksheet, evaluation: Evaluation, policy: Policy, tier: string, units: ReadonlyMap<string, RegistryUnit>, lang: Lang): void {
  const w = REPORT_WORDS[lang];
  const c = w.base.columns;
  const headings = [c.unit, w.unitName, w.parent, c.target, w.metric.toLowerCase(), c.milestone, c.threshold, c.actual, w.numerator, w.denominator, c.status, c.months, c.gap, c.needed, c.score, c.rank, w.nextDate, w.nextThreshold];
  const header = sheet.addRow(headings);
  styleHeader(header);
  for (const r of evaluation.results.filter((x) => x.tier === tier)) {
    const unit = units.get(r.unit);
    const row = sheet.addRow([
      r.unit,
      unit?.name ?? policy.units.get(r.unit)?.name ?? r.unit,
      unit?.parent ?? null,
      r.target,
      r.metric,
      r.milestone ? excelDate(r.milestone) : null,
      r.threshold === null ? null : r.threshold / 100,
      r.numerator === null || r.denominator === null || r.denominator === 0 ? null : r.numerator / r.denominator,
      r.numerator,
      r.denominator,
      w.base.status[r.status],
      monthsReported(r, w.base),
      r.gapPoints,
      r.needed,
      r.score,
      r.rank,
      r.next ? excelDate(r.next.date) : null,
      r.next ? r.next.threshold / 100 : null,
    ]);
    row.getCell(6).numFmt = dateFormat(lang);
    row.getCell(7).numFmt = PERCENT_FORMAT;
    row.getCell(8).numFmt = PERCENT_FORMAT;
    row.getCell(9).numFmt = COUNT_FORMAT;
    row.getCell(10).numFmt = COUNT_FORMAT;
    row.getCell(13).numFmt = POINTS_FORMAT;
    row.getCell(14).numFmt = COUNT_FORMAT;
    row.getCell(15).numFmt = POINTS_FORMAT;
    row.getCell(17).numFmt = dateFormat(lang);
    row.getCell(18).numFmt = PERCENT_FORMAT;
    paintStatus(row.getCell(11), r.status);
    if (r.explanation.window && r.explanation.window.monthsWithData < r.explanation.window.months) paintStatus(row.getCell(12), "incomplete");
    const reason = reasonIn(r, lang);
    if (reason) row.getCell(11).note = reason;
  }
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 2 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, sheet.rowCount), column: headings.length } };
  const widths = [26, 34, 18, 24, 16, 12, 10, 10, 10, 10, 16, 14, 9, 9, 8, 7, 14, 12];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/** "11 of 11 months" for every result over a window, painted neutral when months are missing. */
function monthsReported(r: Result, words: Words): string | null {
  const window = r.explanation.window;
  return window ? words.months(window.monthsWithData, window.months) : null;
}
