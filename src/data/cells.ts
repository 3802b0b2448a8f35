/**
 * zod schemas for single cells, shared by the readers. A CSV cell is text and a JSON cell may be a
 * number or null, so every schema accepts both and says in its problem what it wanted. Every issue
 * is custom and carries the data issue code it stands for and its problem as arguments (so that
 * it can be worded in Vietnamese too); a failed row becomes issues with `toIssues`.
 */
import "../text/jitless.js";
import { z } from "zod";
import { suggester } from "../text/suggest.js";
import { parseDate } from "../time/calendar.js";
import type { CellProblem } from "./issue-words.js";
import { readCount, type NumberStyle } from "./numbers.js";
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

/** A cell's value as a message quotes it: text in backticks, anything else as JSON cut to a line (a list nested thousands deep is `[…]`). */
function shown(value: unknown): string {
  if (typeof value === "string") return `\`${value}\``;
  try {
    const json = JSON.stringify(value) ?? String(value);
    return json.length > 60 ? `${json.slice(0, 59)}…` : json;
  } catch {
    return Array.isArray(value) ? "[…]" : "{…}";
  }
}

/** What `toIssues` reads back from a custom zod issue. */
export interface CellFailure {
  readonly code: DataIssueCode;
  readonly problem: CellProblem;
}

function fail(ctx: z.RefinementCtx, code: DataIssueCode, problem: CellProblem): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message: problem.kind, params: { code, problem } satisfies CellFailure });
  return z.NEVER;
}

const notText = (value: unknown): CellProblem => (value === undefined ? { kind: "no-value" } : { kind: "not-text", value: shown(value) });

export const requiredText = z.preprocess(
  normalize,
  z.unknown().transform((value, ctx): string => (typeof value === "string" ? value : fail(ctx, "bad-row", notText(value)))),
);

export const optionalText = z.preprocess(
  normalize,
  z.unknown().transform((value, ctx): string | undefined => (value === undefined || typeof value === "string" ? value : fail(ctx, "bad-row", notText(value)))),
);

const notADate = (text: string): CellProblem => ({ kind: "not-a-date", text });

export const optionalDate = optionalText.transform((text, ctx) => {
  if (text === undefined) return undefined;
  return parseDate(text) ?? fail(ctx, "bad-row", notADate(text));
});

export const requiredDate = requiredText.transform((text, ctx) => parseDate(text) ?? fail(ctx, "bad-row", notADate(text)));

/** `a;b` in CSV, `["a", "b"]` or `"a;b"` in JSON. */
export const tags = z
  .preprocess(
    (value) => (typeof value === "string" ? value.split(";") : (value ?? [])),
    z.unknown().transform((value, ctx): unknown[] => (Array.isArray(value) ? (value as unknown[]) : fail(ctx, "bad-row", { kind: "not-a-list" }))).pipe(z.array(optionalText)),
  )
  .transform((list) => [...new Set(list.filter((tag): tag is string => tag !== undefined))]);

export const period = requiredText.transform((text, ctx) => parsePeriod(text) ?? fail(ctx, "bad-period", { kind: "not-a-period", text }));

/** A unit id that must be one of `known`, with the nearest known id as a suggestion. */
export function knownUnit(known: ReadonlySet<string>) {
  const suggest = suggester(known);
  return requiredText.transform((id, ctx) => (known.has(id) ? id : fail(ctx, "unknown-unit", { kind: "unknown-unit", id, ...suggest(id) })));
}

/** Empty is "not reported" (undefined), which is not zero. */
export function count(style: NumberStyle) {
  return z.unknown().transform((value, ctx) => {
    if (normalize(value) === undefined) return undefined;
    const result = readCount(value, style);
    if (result.ok) return result.value;
    return fail(ctx, "bad-count", { kind: "count", problem: result.reason, value: shown(value), thousands: groupsThousands(value, style) });
  });
}

/** `1.373` read as plain: most likely a count written the Vietnamese way. */
const groupsThousands = (value: unknown, style: NumberStyle): boolean => style === "plain" && typeof value === "string" && /^\d{1,3}(\.\d{3})+$/.test(value.trim());

/** One issue per failed cell, naming the column; rows are rejected whenever a cell fails. */
export function toIssues(file: string, record: RawRecord, error: z.ZodError): DataIssue[] {
  return error.issues.map((issue) => {
    const column = columnOf(issue.path);
    const failure = issue.code === "custom" ? failureOf(issue.params) : undefined;
    const problem = failure?.problem ?? { kind: "other", text: issue.message };
    return issueAt(file, record, failure?.code ?? "bad-row", column, { kind: "cell", ...(column === undefined ? {} : { column }), problem }, true);
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
  "empty-count": "empty-count",
  "missing-column": "missing-column",
  "unknown-tier": "unknown-tier",
  "outside-validity": "outside-validity",
  "no-usable-row": "no-usable-row",
  "duplicate-row": "duplicate-row",
  "numerator-above-denominator": "numerator-above-denominator",
  "failed-check": "failed-check",
  "sum-too-large": "sum-too-large",
  "merge-unknown-unit": "merge-unknown-unit",
  "bad-argument": "bad-argument",
};

function failureOf(params: Record<string, unknown> | undefined): CellFailure | undefined {
  const code = Object.values(CODES).find((known) => known === params?.["code"]);
  const problem = params?.["problem"] as CellProblem | undefined;
  return code === undefined || problem === undefined ? undefined : { code, problem };
}
