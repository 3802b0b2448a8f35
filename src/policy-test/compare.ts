/** A case's expectations against an evaluation: every difference, as a mismatch. */
import type { Evaluation, Result } from "../evaluate/result.js";
import { closest } from "../text/suggest.js";
import { RESULT_FIELDS, ROUNDED_FIELDS, type IssueExpectation, type ResultExpectation, type ScoreExpectation } from "./format.js";
import type { Mismatch } from "./report.js";
import { testText, type Input, type TestText } from "./words.js";

export interface Expectations {
  readonly expect: readonly ResultExpectation[];
  readonly expectScores: readonly ScoreExpectation[];
  /** Undefined: no data issue is expected. */
  readonly expectIssues: readonly IssueExpectation[] | undefined;
}

/** Which input a data issue's `file` stands for, so `in` can be matched. */
export type InputOf = (file: string) => Input | undefined;

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
type UnknownUnit = (unit: string) => TestText | undefined;

type Subject = Pick<Mismatch, "kind" | "unit" | "metric" | "field">;

/** A mismatch whose two sides are words: in English, with the arguments to word them again. */
const worded = (subject: Subject, expected: TestText, actual: TestText): Mismatch => ({
  ...subject,
  expected: testText("en", expected),
  actual: testText("en", actual),
  args: { expected, actual },
});

function unknownUnit(units: ReadonlySet<string>): UnknownUnit {
  return (unit) => {
    if (units.has(unit)) return undefined;
    const near = closest(unit, units);
    return { kind: "not-among-units", unit, ...(near ? { near } : {}) };
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
  const noResult = (metric: string | null, expected: TestText, actual: TestText): Mismatch[] => [
    worded({ kind: "result", unit: e.unit, metric, field: "result" }, expected, actual),
  ];
  if (e.absent) {
    if (candidates.length === 0) return [];
    const found = candidates.map((r) => ({ target: r.target, status: r.status }));
    return noResult(named ?? candidates[0]?.metric ?? null, { kind: "no-result" }, { kind: "found-results", results: found });
  }
  if (candidates.length === 0) {
    const others = results.filter((r) => r.unit === e.unit).map((r) => ({ metric: r.metric, target: r.target }));
    const actual: TestText = unknown(e.unit) ?? (others.length === 0 ? { kind: "no-target-selects" } : { kind: "has-results", results: others });
    return noResult(named, { kind: "a-result", ...(e.metric === undefined && e.target !== undefined ? { target: e.target } : {}) }, actual);
  }
  const [result, ...more] = candidates;
  if (result === undefined || more.length > 0) {
    return noResult(named, { kind: "one-result" }, { kind: "several-results", metrics: candidates.map((r) => r.metric) });
  }
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
  if (e.unit === undefined) return compareGroupScore(evaluation, e);
  const unit = e.unit;
  const index = evaluation.indexes?.find((s) => s.unit === unit && s.index === e.score);
  const score = index ? { points: index.total, rank: index.rank } : evaluation.scores.find((s) => s.unit === unit && s.score === e.score);
  const mismatch = (field: string, expected: Mismatch["expected"], actual: Mismatch["actual"]): Mismatch => ({
    kind: "score",
    unit,
    metric: e.score,
    field,
    expected,
    actual,
  });
  if (!score) {
    const others = [...evaluation.scores.filter((s) => s.unit === unit).map((s) => s.score), ...(evaluation.indexes ?? []).filter((s) => s.unit === unit).map((s) => s.index)];
    const actual: TestText = unknown(unit) ?? (others.length === 0 ? { kind: "no-score-selects" } : { kind: "has-scores", scores: others });
    return [worded({ kind: "score", unit, metric: e.score, field: "score" }, { kind: "a-score" }, actual)];
  }
  const out: Mismatch[] = [];
  if (e.points !== undefined && !sameValue("points", e.points, score.points)) out.push(mismatch("points", e.points, score.points));
  if (e.rank !== undefined && e.rank !== score.rank) out.push(mismatch("rank", e.rank, score.rank));
  return out;
}

/** A group's points under a score, or its total under an index. */
function compareGroupScore(evaluation: Evaluation, e: ScoreExpectation): Mismatch[] {
  const kind = e.tier !== undefined ? "tier" : e.parent !== undefined ? "parent" : "all";
  const id = e.tier ?? e.parent ?? "all";
  const whose = kind === "all" ? "all" : `${kind} ${id}`;
  const index = evaluation.indexGroups?.find((g) => g.kind === kind && g.id === id && g.index === e.score);
  const group = index ? { points: index.total } : evaluation.scoreGroups?.find((g) => g.kind === kind && g.id === id && g.score === e.score);
  if (!group) return [worded({ kind: "score", unit: whose, metric: e.score, field: "score" }, { kind: "a-score" }, { kind: "no-score-selects" })];
  if (e.points === undefined || sameValue("points", e.points, group.points)) return [];
  return [{ kind: "score", unit: whose, metric: e.score, field: "points", expected: e.points, actual: group.points }];
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
    else out.push(issueMismatch(expectedIssue(e), { kind: "no-issue" }));
  }
  for (const a of left) out.push(issueMismatch({ kind: "no-issue" }, actualIssue(a, inputOf(a.file))));
  return out;
}

const issueMismatch = (expected: TestText, actual: TestText): Mismatch => worded({ kind: "issue", unit: null, metric: null, field: "issue" }, expected, actual);

const expectedIssue = (e: IssueExpectation): TestText => ({
  kind: "expected-issue",
  code: e.code,
  line: e.line,
  ...(e.in === undefined ? {} : { in: e.in }),
  ...(e.column === undefined ? {} : { column: e.column }),
});

const actualIssue = (a: ActualIssue, input: Input | undefined): TestText => ({
  kind: "actual-issue",
  code: a.code,
  line: a.line,
  file: a.file,
  message: a.message,
  ...(input === undefined ? {} : { input }),
  ...(a.args === undefined ? {} : { issue: a.args }),
});
