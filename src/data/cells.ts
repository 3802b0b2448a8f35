/**
 * zod schemas for single cells, shared by the readers. A CSV cell is text and a JSON cell may be a
 * number or null, so every schema accepts both and says in its message what it wanted. Custom
 * issues carry the data issue code they stand for; a failed row becomes issues with `toIssues`.
 */
import { z } from "zod";
import { closest } from "../text/suggest.js";
import { parseDate } from "../time/calendar.js";
import { readCount, type CountProblem, type NumberStyle } from "./numbers.js";
import { parsePeriod } from "./period.js";
import { issueAt, type RawRecord } from "./records.js";
import type { DataIssue, DataIssueCode } from "./types.js";

/** Ids and names are compared as the policy compiler compares them: NFC, without outer spaces. */
function normalize(value: unknown): unknown {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return value === null ? undefined : value;
  const text = value.trim().normalize("NFC");
  return text === "" ? undefined : text;
}

const shown = (value: unknown): string => (typeof value === "string" ? `\`${value}\`` : JSON.stringify(value) ?? String(value));

function fail(ctx: z.RefinementCtx, code: DataIssueCode, message: string): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message, params: { code } });
  return z.NEVER;
}

export const requiredText = z.preprocess(
  normalize,
  z.string({ error: (issue) => (issue.input === undefined ? "has no value" : `must be text, not ${shown(issue.input)}`) }),
);

export const optionalText = z.preprocess(normalize, z.string({ error: (issue) => `must be text, not ${shown(issue.input)}` }).optional());

export const optionalDate = optionalText.transform((text, ctx) => {
  if (text === undefined) return undefined;
  return parseDate(text) ?? fail(ctx, "bad-row", `is not a date: \`${text}\`; write 2022-09-30 or 30/09/2022`);
});

export const requiredDate = requiredText.transform(
  (text, ctx) => parseDate(text) ?? fail(ctx, "bad-row", `is not a date: \`${text}\`; write 2022-09-30 or 30/09/2022`),
);

/** `a;b` in CSV, `["a", "b"]` or `"a;b"` in JSON. */
export const tags = z
  .preprocess((value) => (typeof value === "string" ? value.split(";") : (value ?? [])), z.array(optionalText, { error: "must be a list, or text separated by `;`" }))
  .transform((list) => [...new Set(list.filter((tag): tag is string => tag !== undefined))]);

export const period = requiredText.transform(
  (text, ctx) => parsePeriod(text) ?? fail(ctx, "bad-period", `is not a period: \`${text}\`; write 2022-10, 10/2022, 2022-Q3, Q3/2022, 2022-H1 or 2022`),
);

/** An id that must be one of `known`, with the nearest known id as a suggestion. */
export function knownId(known: ReadonlySet<string>, code: DataIssueCode, what: string) {
  const suggest = suggester(known);
  return requiredText.transform((id, ctx) => (known.has(id) ? id : fail(ctx, code, `names no known ${what}: \`${id}\`${suggest(id)}`)));
}

/** Known ids compared, over one read, before suggestions stop: about half a second of work. */
export const SUGGESTION_BUDGET = 50_000;

/**
 * "; did you mean `x`?" or nothing. Each suggestion compares the id with every known id, so a file
 * whose ids are all wrong (read against the wrong registry, most likely) would take rows x ids
 * steps: suggestions are remembered, and stop once the budget is spent.
 */
export function suggester(known: Iterable<string>): (id: string) => string {
  // A copy, since an iterator such as `map.keys()` would be used up by the first suggestion.
  const candidates = [...known];
  const made = new Map<string, string>();
  let budget = SUGGESTION_BUDGET;
  return (id) => {
    const remembered = made.get(id);
    if (remembered !== undefined) return remembered;
    if (budget < candidates.length) return "";
    budget -= candidates.length;
    const near = closest(id, candidates);
    const text = near === undefined ? "" : `; did you mean \`${near}\`?`;
    made.set(id, text);
    return text;
  };
}

const COUNT_PROBLEMS: Record<CountProblem, string> = {
  negative: "is negative",
  fractional: "is not a whole count",
  "not a number": "is not a number",
  "too large": "is too large to be counted exactly",
};

/** Empty is "not reported" (undefined), which is not zero. */
export function count(style: NumberStyle) {
  return z.unknown().transform((value, ctx) => {
    if (normalize(value) === undefined) return undefined;
    const result = readCount(value, style);
    if (result.ok) return result.value;
    return fail(ctx, "bad-count", `${COUNT_PROBLEMS[result.reason]}: ${shown(value)}${hint(value, style)}`);
  });
}

function hint(value: unknown, style: NumberStyle): string {
  if (style !== "plain" || typeof value !== "string" || !/^\d{1,3}(\.\d{3})+$/.test(value.trim())) return "";
  return `; if the dot groups thousands, read the file with numbers: "vi"`;
}

/** One issue per failed cell, naming the column; rows are rejected whenever a cell fails. */
export function toIssues(file: string, record: RawRecord, error: z.ZodError): DataIssue[] {
  return error.issues.map((issue) => {
    const column = columnOf(issue.path);
    const code = issue.code === "custom" ? codeOf(issue.params) : "bad-row";
    const subject = column === undefined ? "the row" : `\`${column}\``;
    return issueAt(file, record, code, column, `${subject} ${issue.message}`, true);
  });
}

// Counts sit one level down, in a Map under `counts`, and tags are listed by position: the column
// is the innermost name on the path.
function columnOf(path: readonly PropertyKey[]): string | undefined {
  return [...path].reverse().find((key): key is string => typeof key === "string");
}

// A Record over the union, so adding a code to types.ts without adding it here is a type error.
const CODES: Record<DataIssueCode, DataIssueCode> = {
  "bad-row": "bad-row",
  "unknown-unit": "unknown-unit",
  "unknown-field": "unknown-field",
  "unknown-column": "unknown-column",
  "bad-period": "bad-period",
  "bad-count": "bad-count",
  "duplicate-row": "duplicate-row",
  "numerator-above-denominator": "numerator-above-denominator",
  "failed-check": "failed-check",
  "merge-unknown-unit": "merge-unknown-unit",
};

function codeOf(params: Record<string, unknown> | undefined): DataIssueCode {
  const code = params?.["code"];
  return Object.values(CODES).find((known) => known === code) ?? "bad-row";
}
