/**
 * Policies over time: each milestone date is decided by the policy in force on it. Every policy of
 * the line is evaluated as of the as-of date, or of its last day in force if that is earlier; per
 * unit and metric the latest policy with a milestone due in its own period decides, and the result
 * names it. A unit with no milestone due yet shows the current policy's result (not due, its next).
 */
import type { Policy } from "../model/policy.js";
import type { InForce } from "../model/timeline.js";
import type { IsoDate } from "../time/calendar.js";
import { compileEvaluator, type EvaluationInput, type Evaluator, type PrepareOptions, type PreparedData } from "./evaluate.js";
import type { Evaluation, Group, Result } from "./result.js";

export interface TimelineEvaluator {
  /** The policies, earliest first, with the dates each decides. */
  readonly periods: readonly InForce[];
  prepare(input: EvaluationInput, options?: PrepareOptions): PreparedTimeline;
  evaluate(prepared: PreparedTimeline, options: { readonly asOf: IsoDate }): Evaluation;
}

/** The data prepared for each policy of the line, in the same order. */
export interface PreparedTimeline {
  readonly prepared: readonly PreparedData[];
}

export function compileEvaluatorOverTime(periods: readonly InForce[]): TimelineEvaluator {
  const evaluators = periods.map((p) => compileEvaluator(p.policy));
  return {
    periods,
    prepare: (input, options) => ({ prepared: evaluators.map((e) => e.prepare(input, options)) }),
    evaluate: (prepared, { asOf }) => evaluateOverTime(periods, evaluators, prepared, asOf),
  };
}

/**
 * The policy the line's data is read with: every tier, field and metric of every policy, so that a
 * column one policy reads and another does not is read, not reported as unknown.
 */
export function readingPolicy(periods: readonly InForce[]): Policy {
  const latest = periods.at(-1)!.policy;
  const union = <K extends "tiers" | "tags" | "units" | "fields" | "metrics">(key: K): Policy[K] => new Map(periods.flatMap((p) => [...p.policy[key].entries()])) as unknown as Policy[K];
  return { ...latest, tiers: union("tiers"), tags: union("tags"), units: union("units"), fields: union("fields"), metrics: union("metrics"), targets: periods.flatMap((p) => p.policy.targets), checks: [] };
}

function evaluateOverTime(periods: readonly InForce[], evaluators: readonly Evaluator[], data: PreparedTimeline, asOf: IsoDate): Evaluation {
  // The policies that have taken effect; before the first does, the first (whose milestones are all ahead).
  const started = Math.max(0, periods.filter((p) => p.from <= asOf).length - 1);
  const evaluations = periods.slice(0, started + 1).map((p, i) => evaluators[i]!.evaluate(data.prepared[i]!, { asOf: p.until !== undefined && p.until < asOf ? p.until : asOf }));
  const current = evaluations[started]!;
  const currentPolicy = periods[started]!.policy.id;
  const key = (r: Result): string => `${r.unit}\u0000${r.metric}`;
  const now = new Map(current.results.map((r) => [key(r), r]));
  const decided = new Map<string, Result>();
  for (let i = started; i >= 0; i--) {
    const { from, policy } = periods[i]!;
    for (const r of evaluations[i]!.results) {
      if (r.milestone === null || r.milestone < from || decided.has(key(r))) continue;
      // An earlier policy's next milestone is not in force any more: the current policy's is.
      decided.set(key(r), i === started ? { ...r, policy: policy.id } : { ...r, next: now.get(key(r))?.next ?? null, policy: policy.id });
    }
  }
  const results = current.results.map((r) => decided.get(key(r)) ?? { ...r, policy: currentPolicy });
  const inCurrent = new Set(now.keys());
  for (const [k, r] of decided) if (!inCurrent.has(k)) results.push(r);
  const units = data.prepared[started]!.data.units;
  return {
    ...current,
    results,
    groups: rollUpResults(results, new Map(units.map((u) => [u.id, u.parent]))),
    timeline: periods.map((p) => ({ policy: p.policy.id, from: p.from, until: p.until ?? null })),
  };
}

/** Groups from the results as decided, summed counts as the evaluator sums them: all units, each tier, each parent, per metric. */
function rollUpResults(results: readonly Result[], parentOf: ReadonlyMap<string, string | undefined>): Group[] {
  const groups = new Map<string, Group>();
  const add = (kind: Group["kind"], id: string, r: Result): void => {
    const k = `${r.metric}\u0000${kind}\u0000${id}`;
    const g = groups.get(k) ?? { kind, id, metric: r.metric, numerator: 0, denominator: 0, rate: null, units: 0, met: 0, missed: 0, noData: 0, noDenominator: 0, notDue: 0, excluded: 0, incomplete: 0 };
    const numerator = g.numerator + (r.numerator ?? 0);
    const denominator = g.denominator + (r.denominator ?? 0);
    groups.set(k, { ...g, numerator, denominator, rate: denominator > 0 ? (100 * numerator) / denominator : null, units: g.units + 1, [COUNT[r.status]]: g[COUNT[r.status]] + 1 });
  };
  for (const r of results) {
    add("all", "all", r);
    add("tier", r.tier, r);
    const parent = parentOf.get(r.unit);
    if (parent !== undefined) add("parent", parent, r);
  }
  // As the evaluator orders them: per metric, all units, then tiers, then parents, each as first seen.
  const order = { all: 0, tier: 1, parent: 2 } as const;
  const metrics = [...new Set(results.map((r) => r.metric))];
  return [...groups.values()].sort((a, b) => metrics.indexOf(a.metric) - metrics.indexOf(b.metric) || order[a.kind] - order[b.kind]);
}

const COUNT = { met: "met", missed: "missed", "no-data": "noData", "no-denominator": "noDenominator", "not-due": "notDue", excluded: "excluded", incomplete: "incomplete" } as const;
