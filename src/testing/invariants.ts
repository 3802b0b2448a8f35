/**
 * What must hold of any evaluation, whatever the data: each check takes an evaluation case and
 * returns the first violation as a sentence, or undefined. The checks re-run the evaluator on
 * modified copies of the data (cases added to a numerator, rows reordered) and compare.
 */
import { rises } from "../model/expression.js";
import { isDeepStrictEqual } from "node:util";
import { parsePeriod } from "../data/period.js";
import type { Observation } from "../data/types.js";
import type { Evaluator } from "../evaluate/evaluate.js";
import type { Evaluation, Group, Result } from "../evaluate/result.js";
import type { Policy } from "../model/policy.js";
import type { EvaluationCase } from "./data.js";

export type Invariant = (evaluator: Evaluator, c: EvaluationCase) => string | undefined;

export function run(evaluator: Evaluator, c: EvaluationCase, observations: readonly Observation[] = c.observations): Evaluation {
  const prepared = evaluator.prepare({ registry: c.registry, observations }, { successors: c.successors });
  return evaluator.evaluate(prepared, { asOf: c.asOf });
}

const who = (r: Result): string => `unit \`${r.unit}\`, \`${r.metric}\` (target \`${r.target}\`, ${r.op} ${r.threshold ?? "-"}% due ${r.milestone ?? "-"})`;

/** `met` exactly when `needed` is 0; `missed` needs at least one case or cannot be met; others have none. */
export const metIffNeededZero: Invariant = (evaluator, c) => {
  for (const r of run(evaluator, c).results) {
    const wrong =
      r.status === "met" ? r.needed !== 0 : r.status === "missed" ? r.needed === 0 : r.needed !== null;
    if (wrong) return `${who(r)} is ${r.status} with needed ${r.needed} (${r.numerator}/${r.denominator})`;
  }
  return undefined;
};

/** Adding `needed` cases (removing, for `<=` and `<`) meets the threshold; one fewer does not. */
export const neededIsExact: Invariant = (evaluator, c) => {
  for (const r of run(evaluator, c).results) {
    if (r.status !== "missed") continue;
    const found = r.needed === null ? impossible(evaluator, c, r) : exactly(evaluator, c, r, r.needed);
    if (found) return found;
  }
  return undefined;
};

function exactly(evaluator: Evaluator, c: EvaluationCase, r: Result, needed: number): string | undefined {
  const verb = rises(r.op) ? "adding" : "removing";
  const after = statusAfter(evaluator, c, r, needed);
  if (after !== undefined && after !== "met") return `${who(r)}: ${r.numerator}/${r.denominator} needs ${needed}, but ${verb} ${needed} leaves it ${after}`;
  const fewer = needed > 1 ? statusAfter(evaluator, c, r, needed - 1) : undefined;
  if (fewer === "met") return `${who(r)}: ${r.numerator}/${r.denominator} needs ${needed}, but ${verb} ${needed - 1} already meets it`;
  return undefined;
}

/** `needed` null: even the most cases the denominator allows do not meet the threshold. */
function impossible(evaluator: Evaluator, c: EvaluationCase, r: Result): string | undefined {
  const most = rises(r.op) ? r.denominator! - r.numerator! : r.numerator!;
  const after = statusAfter(evaluator, c, r, most);
  return after === "met" ? `${who(r)}: ${r.numerator}/${r.denominator} says no number of cases meets it, but changing ${most} does` : undefined;
}

/** The result's status once `cases` are moved in its window's rows; undefined when the rows cannot take them. */
function statusAfter(evaluator: Evaluator, c: EvaluationCase, r: Result, cases: number): Result["status"] | undefined {
  const changed = withCases(evaluator.policy, c, r, cases);
  if (!changed) return undefined;
  return run(evaluator, c, changed).results.find((x) => x.unit === r.unit && x.metric === r.metric)?.status;
}

/**
 * The rows with `cases` added to (or removed from) the metric's numerator, spread over the rows in
 * the result's window so no row's part exceeds its total, which would get the row rejected.
 */
export function withCases(policy: Policy, c: EvaluationCase, r: Result, cases: number): Observation[] | undefined {
  const metric = policy.metrics.get(r.metric)!;
  const adding = rises(r.op);
  const window = r.explanation.window!;
  const [from, to] = [parsePeriod(window.from)!.from, parsePeriod(window.to)!.to];
  const units = contributors(c, r.unit);
  let left = cases;
  const rows = c.observations.map((o) => {
    if (left === 0 || !units.has(o.unit) || o.period.from < from || o.period.to > to || rejected(policy, o)) return o;
    const room = adding ? roomToAdd(policy, o, metric.numerator) : roomToRemove(policy, o, metric.numerator);
    const moved = Math.min(room, left);
    left -= moved;
    const counts = new Map(o.counts);
    counts.set(metric.numerator, (o.counts.get(metric.numerator) ?? 0) + (adding ? moved : -moved));
    return { ...o, counts };
  });
  return left === 0 ? rows : undefined;
}

/** Whose rows count for a unit: its own, and with successors those of the units merged into it. */
function contributors(c: EvaluationCase, unit: string): Set<string> {
  const ids = new Set([unit]);
  if (!c.successors) return ids;
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of c.registry.merges) {
      if (ids.has(m.successor) && !ids.has(m.id)) {
        ids.add(m.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** A row with a part above its total is rejected whole: cases moved into it would count for nothing. */
function rejected(policy: Policy, o: Observation): boolean {
  return [...policy.metrics.values()].some((m) => (o.counts.get(m.numerator) ?? 0) > (o.counts.get(m.denominator) ?? Infinity));
}

function roomToAdd(policy: Policy, o: Observation, field: string): number {
  const value = o.counts.get(field);
  if (value === undefined) return 0;
  const totals = [...policy.metrics.values()].filter((m) => m.numerator === field).map((m) => o.counts.get(m.denominator));
  return Math.min(...totals.map((t) => (t === undefined ? Infinity : t - value)));
}

function roomToRemove(policy: Policy, o: Observation, field: string): number {
  const value = o.counts.get(field) ?? 0;
  const parts = [...policy.metrics.values()].filter((m) => m.denominator === field).map((m) => o.counts.get(m.numerator) ?? 0);
  return value - Math.max(0, ...parts);
}

/** Each group's counts are the sums of its units' counts, and its rate is theirs, never a mean of rates. */
export const groupRatesSum: Invariant = (evaluator, c) => {
  const evaluation = run(evaluator, c);
  const parentOf = new Map(c.registry.units.map((u) => [u.id, u.parent]));
  for (const g of evaluation.groups) {
    const members = evaluation.results.filter((r) => r.metric === g.metric && inGroup(g, r, parentOf.get(r.unit)));
    const numerator = members.reduce((s, r) => s + (r.numerator ?? 0), 0);
    const denominator = members.reduce((s, r) => s + (r.denominator ?? 0), 0);
    const rate = denominator > 0 ? (100 * numerator) / denominator : null;
    const met = members.filter((r) => r.status === "met").length;
    if (g.numerator !== numerator || g.denominator !== denominator || g.rate !== rate || g.units !== members.length || g.met !== met) {
      return `group ${g.kind} \`${g.id}\`, \`${g.metric}\`: ${g.numerator}/${g.denominator} = ${g.rate}% over ${g.units} units (${g.met} met), but its ${members.length} units sum to ${numerator}/${denominator} = ${rate}% (${met} met)`;
    }
  }
  return undefined;
};

function inGroup(g: Group, r: Result, parent: string | undefined): boolean {
  return g.kind === "all" || (g.kind === "tier" ? r.tier === g.id : parent === g.id);
}

/** Results, scores and groups do not depend on the order of the rows (data issues are compared as a set). */
export const rowOrder: Invariant = (evaluator, c) => {
  const original = comparable(run(evaluator, c));
  for (const [how, rows] of [["reversed", [...c.observations].reverse()], ["interleaved", interleave(c.observations)]] as const) {
    const other = comparable(run(evaluator, c, rows));
    const part = (["results", "scores", "groups", "dataIssues"] as const).find((k) => !isDeepStrictEqual(original[k], other[k]));
    if (part) return `the ${part} differ when the rows are ${how}: ${firstDifference(original[part], other[part])}`;
  }
  return undefined;
};

const comparable = (e: Evaluation) => ({
  results: e.results,
  scores: e.scores,
  groups: e.groups,
  dataIssues: [...e.dataIssues].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code) || a.message.localeCompare(b.message)),
});

/** Odd rows first, then even ones: a reordering that keeps no two neighbours together. */
const interleave = <T>(rows: readonly T[]): T[] => [...rows.filter((_, i) => i % 2 === 1), ...rows.filter((_, i) => i % 2 === 0)];

function firstDifference(a: readonly unknown[], b: readonly unknown[]): string {
  const i = a.findIndex((x, k) => !isDeepStrictEqual(x, b[k]));
  return `${JSON.stringify(a[i] ?? null)} in the original order, ${JSON.stringify(b[i] ?? null)} after`;
}
