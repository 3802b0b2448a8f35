/** Results one per line for spreadsheets and pipelines: CSV with a header, or NDJSON. */
import { writeCsv } from "../data/csv.js";
import type { Evaluation, Result } from "../evaluate/result.js";

const COLUMNS = [
  "unit", "tier", "metric", "target", "milestone", "op", "threshold", "actual", "numerator", "denominator",
  "status", "gapPoints", "needed", "score", "rank", "nextDate", "nextThreshold", "ruleFile", "ruleLine",
  "months", "monthsWithData",
] as const;

/**
 * A cell of text that came from a policy or a data file, made inert for a spreadsheet: one that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula (OWASP's
 * "CSV injection"), so it is written after a single quote, which spreadsheets show as text.
 * Numbers are written by chitieu and stay as they are, negative ones included.
 */
export const inert = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function cells(r: Result): string[] {
  const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? "" : String(value));
  return [
    inert(r.unit), inert(r.tier), inert(r.metric), inert(r.target), text(r.milestone), r.op, text(r.threshold), text(r.actual), text(r.numerator), text(r.denominator),
    r.status, text(r.gapPoints), text(r.needed), text(r.score), text(r.rank), text(r.next?.date), text(r.next?.threshold), inert(r.rule.file), String(r.rule.line),
    text(r.explanation.window?.months), text(r.explanation.window?.monthsWithData),
  ];
}

export function resultsCsv(evaluation: Evaluation): string {
  return writeCsv([[...COLUMNS], ...evaluation.results.map(cells)]);
}

export function resultsNdjson(evaluation: Evaluation): string {
  return evaluation.results.map((r) => `${JSON.stringify(r)}\n`).join("");
}
