/** A case's expectations against an evaluation: every difference, as a mismatch. */
import type { Evaluation, Result } from "../evaluate/result.js";
import { closest } from "../text/suggest.js";
import { RESULT_FIELDS, ROUNDED_FIELDS, type IssueExpectation, type ResultExpectation, type ScoreExpectation } from "./format.js";
import type { Mismatch } from "./report.js";

export interface Expectations {
  readonly expect: readonly ResultExpectation[];
  readonly expectScores: readonly ScoreExpectation[];
  /** Undefined: no data issue is expected. */
  readonly expectIssues: readonly IssueExpectation[] | undefined;
}

/** Which input a data issue's `file` stands for, so `in` can be matched. */
export type InputOf = (file: string) => "units" | "merges" | "data" | undefined;

/**
 * `units` are the ids of the case's registry, so an expectation about a unit that is not there says
 * so (with the likely id meant) rather than only that it has no result.
 */
export function compareEvaluation(evaluation: Evaluation, expectations: Expectations, inputOf: InputOf, units: ReadonlySet<string>): Mismatch[] {
  const unknown = unknownUnit(units);
  return [
    ...expectations.expect.flatMap((e) => compareResult(evaluation.results, e, unknown)),
    ...expectations.expectScores.flatMap((e) => compareScore(evaluation, e, unknown)),
    ...compareIssues(evaluation.dataIssues, expectations.expectIssues ?? [], inputOf),
  ];
}

/** Rounded to 2 decimals, half away from zero, without the float noise of `x * 100` (1.005 -> 1.01). */
export function round2(x: number): number {
  const scaled = Number((Math.abs(x) * 100).toPrecision(15));
  const rounded = Math.round(scaled) / 100;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

export function sameValue(field: string, expected: unknown, actual: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number" && ROUNDED_FIELDS.has(field)) return round2(expected) === round2(actual);
  return expected === actual;
}

/** Why a unit has nothing: it is not in the registry; undefined when it is. */
type UnknownUnit = (unit: string) => string | undefined;

function unknownUnit(units: ReadonlySet<string>): UnknownUnit {
  return (unit) => {
    if (units.has(unit)) return undefined;
    const near = closest(unit, units);
    return `none: \`${unit}\` is not among the case's units${near ? `; did you mean \`${near}\`?` : ""}`;
  };
}

function compareResult(results: readonly Result[], e: ResultExpectation, unknown: UnknownUnit): Mismatch[] {
  // `metric` picks the result when given, and `target` is then checked; otherwise `target` picks it.
  const candidates = results.filter(
    (r) => r.unit === e.unit && (e.metric !== undefined ? r.metric === e.metric : e.target === undefined || r.target === e.target),
  );
  const named = e.metric ?? e.target ?? null;
  const mismatch = (metric: string | null, field: string, expected: Mismatch["expected"], actual: Mismatch["actual"]): Mismatch => ({
    kind: "result",
    unit: e.unit,
    metric,
    field,
    expected,
    actual,
  });
  if (e.absent) {
    if (candidates.length === 0) return [];
    const found = candidates.map((r) => `target ${r.target} (${r.status})`).join(", ");
    return [mismatch(named ?? candidates[0]!.metric, "result", "no result", found)];
  }
  if (candidates.length === 0) {
    const others = results.filter((r) => r.unit === e.unit).map((r) => `${r.metric} (target ${r.target})`);
    const actual = unknown(e.unit) ?? (others.length === 0 ? "none: no target of the policy selects the unit" : `none; the unit has results for ${others.join(", ")}`);
    return [mismatch(named, "result", e.metric === undefined && e.target !== undefined ? `a result for target ${e.target}` : "a result", actual)];
  }
  if (candidates.length > 1) {
    return [mismatch(named, "result", "one result", `${candidates.length} results (${candidates.map((r) => r.metric).join(", ")}): say which with metric or target`)];
  }
  const result = candidates[0]!;
  const out: Mismatch[] = [];
  if (e.metric !== undefined && e.target !== undefined && result.target !== e.target) out.push(mismatch(result.metric, "target", e.target, result.target));
  for (const field of RESULT_FIELDS) {
    const expected = e[field];
    if (expected === undefined) continue;
    const actual = result[field];
    if (!sameValue(field, expected, actual)) out.push(mismatch(result.metric, field, expected, actual));
  }
  return out;
}

function compareScore(evaluation: Evaluation, e: ScoreExpectation, unknown: UnknownUnit): Mismatch[] {
  const score = evaluation.scores.find((s) => s.unit === e.unit && s.score === e.score);
  const mismatch = (field: string, expected: Mismatch["expected"], actual: Mismatch["actual"]): Mismatch => ({
    kind: "score",
    unit: e.unit,
    metric: e.score,
    field,
    expected,
    actual,
  });
  if (!score) {
    const others = evaluation.scores.filter((s) => s.unit === e.unit).map((s) => s.score);
    const actual = unknown(e.unit) ?? (others.length === 0 ? "none: no score of the policy selects the unit" : `none; the unit has scores ${others.join(", ")}`);
    return [mismatch("score", "a score", actual)];
  }
  const out: Mismatch[] = [];
  if (e.points !== undefined && !sameValue("points", e.points, score.points)) out.push(mismatch("points", e.points, score.points));
  if (e.rank !== undefined && e.rank !== score.rank) out.push(mismatch("rank", e.rank, score.rank));
  return out;
}

type ActualIssue = Evaluation["dataIssues"][number];

/** Every expected issue must be there, and every issue there must be expected. */
function compareIssues(actual: readonly ActualIssue[], expected: readonly IssueExpectation[], inputOf: InputOf): Mismatch[] {
  const left = [...actual];
  const out: Mismatch[] = [];
  for (const e of expected) {
    const i = left.findIndex(
      (a) => a.line === e.line && a.code === e.code && (e.in === undefined || inputOf(a.file) === e.in) && (e.column === undefined || a.column === e.column),
    );
    if (i >= 0) left.splice(i, 1);
    else out.push(issueMismatch(describeExpected(e), "none"));
  }
  for (const a of left) out.push(issueMismatch("none", `${a.code} on line ${a.line} of ${inputOf(a.file) ?? a.file}: ${a.message}`));
  return out;
}

const issueMismatch = (expected: string, actual: string): Mismatch => ({ kind: "issue", unit: null, metric: null, field: "issue", expected, actual });

const describeExpected = (e: IssueExpectation): string =>
  `${e.code} on line ${e.line} of ${e.in ?? "any input"}${e.column === undefined ? "" : `, column ${e.column}`}`;
