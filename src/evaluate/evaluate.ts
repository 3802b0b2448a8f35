/**
 * A compiled policy scores reported data. `compileEvaluator` does the per-policy work once;
 * `prepare` the per-data work once (checks, running sums, which target applies to which unit);
 * `evaluate` is then a pure function of the prepared data and an as-of date, callable many times.
 */
import { checkObservation } from "../data/checks.js";
import type { DataIssue, Observation, Registry, RegistryUnit, RowCounts } from "../data/types.js";
import type { Policy, Target } from "../model/policy.js";
import { resolveTarget, type Resolution } from "../model/selector.js";
import { dueMilestone, nextMilestone } from "../schedule/schedule.js";
import type { IsoDate } from "../time/calendar.js";
import { buildDataSet, type DataSet, type UnitSeries } from "./dataset.js";
import { rankResults, rollUp } from "./groups.js";
import type { Evaluation, Result } from "./result.js";
import { evaluateScores } from "./scores.js";
import { planTarget, scoreTarget, type TargetPlan } from "./target.js";

export interface EvaluationInput {
  readonly registry: Registry;
  readonly observations: readonly Observation[];
  /** Problems found while reading the data, carried into the output. */
  readonly dataIssues?: readonly DataIssue[];
  /** Rows as read; defaults to one per observation, all used. */
  readonly rows?: RowCounts;
}

export interface PrepareOptions {
  /** Count the history of merged units under their successors. */
  readonly successors?: boolean;
}

export interface PreparedData {
  readonly data: DataSet;
  /** Per unit, per metric: which target applies, and the more general ones it overrides, as cited. */
  readonly resolutions: readonly (readonly { readonly resolution: Resolution; readonly overrides: Result["explanation"]["overrides"] }[])[];
  readonly dataIssues: readonly DataIssue[];
  readonly rows: RowCounts;
  readonly mergedInto: ReadonlyMap<string, { successor: string; date: IsoDate }>;
  readonly successors: boolean;
}

export interface Evaluator {
  readonly policy: Policy;
  prepare(input: EvaluationInput, options?: PrepareOptions): PreparedData;
  evaluate(data: PreparedData, options: { readonly asOf: IsoDate }): Evaluation;
}

export function compileEvaluator(policy: Policy): Evaluator {
  const metrics = [...new Set(policy.targets.map((t) => t.metric))];
  const targetsByMetric = metrics.map((m) => policy.targets.filter((t) => t.metric === m));
  const fields = [...policy.fields.keys()];
  return {
    policy,
    prepare: (input, options = {}) => prepare(policy, fields, targetsByMetric, input, options),
    evaluate: (prepared, { asOf }) => evaluate(policy, metrics, prepared, asOf),
  };
}

function prepare(
  policy: Policy,
  fields: readonly string[],
  targetsByMetric: readonly (readonly Target[])[],
  input: EvaluationInput,
  options: PrepareOptions,
): PreparedData {
  const dataIssues = [...(input.dataIssues ?? [])];
  const kept: Observation[] = [];
  for (const observation of input.observations) {
    const issues = checkObservation(observation, policy);
    dataIssues.push(...issues);
    if (!issues.some((i) => i.rejected)) kept.push(observation);
  }
  const dropped = input.observations.length - kept.length;
  const read = input.rows ?? { read: input.observations.length, used: input.observations.length, rejected: 0 };
  const mergedInto = mergesOf(input.registry);
  const successorOf = options.successors ? (id: string) => finalSuccessor(id, mergedInto) : undefined;
  const data = buildDataSet(input.registry, kept, fields, successorOf);
  return {
    data,
    resolutions: data.units.map((s) =>
      targetsByMetric.map((targets) => {
        const resolution = resolveTarget(targets, s.unit);
        return { resolution, overrides: overridesOf(resolution) };
      }),
    ),
    dataIssues,
    rows: { read: read.read, used: read.used - dropped, rejected: read.rejected + dropped },
    mergedInto,
    successors: options.successors ?? false,
  };
}

/** Merges into a unit the registry does not hold are left out: the rows would count for no unit. */
function mergesOf(registry: Registry): Map<string, { successor: string; date: IsoDate }> {
  const known = new Set(registry.units.map((u) => u.id));
  return new Map(registry.merges.filter((m) => known.has(m.successor)).map((m) => [m.id, { successor: m.successor, date: m.date }]));
}

/** Follows merges to the unit that carries the history now; a cycle in the records stops it. */
function finalSuccessor(id: string, mergedInto: ReadonlyMap<string, { successor: string }>): string {
  let current = id;
  for (let hops = 0; hops <= mergedInto.size; hops++) {
    const next = mergedInto.get(current);
    if (!next) return current;
    current = next.successor;
  }
  return current;
}

function evaluate(policy: Policy, metrics: readonly string[], prepared: PreparedData, asOf: IsoDate): Evaluation {
  const plans = new Map(policy.targets.map((t) => [t, plan(policy, t, asOf, prepared.data)]));
  const results: Result[] = [];
  prepared.data.units.forEach((series, u) => {
    metrics.forEach((_, m) => {
      const row = resultFor(series, prepared.resolutions[u]![m]!, plans, prepared);
      if (row) results.push(row);
    });
  });
  rankResults(results, policy);
  return {
    policy: policy.id,
    asOf,
    results,
    scores: evaluateScores(policy, prepared.data, asOf),
    groups: rollUp(results, prepared.data.units.map((s) => s.unit)),
    dataIssues: prepared.dataIssues.map((i) => ({ ...i, column: i.column ?? null })),
    rows: prepared.rows,
  };
}

function plan(policy: Policy, target: Target, asOf: IsoDate, data: DataSet): TargetPlan {
  return planTarget(policy, target, data, dueMilestone(target.schedule, asOf), nextMilestone(target.schedule, asOf), asOf);
}

/** The overridden targets as results cite them, shared by every result with that resolution. */
function overridesOf(resolution: Resolution): Result["explanation"]["overrides"] {
  if (resolution.kind !== "applies" || resolution.overrides.length === 0) return NO_OVERRIDES;
  return resolution.overrides.map((t) => ({ target: t.id, rule: { file: t.rule.file, line: t.rule.line } }));
}

const NO_OVERRIDES: Result["explanation"]["overrides"] = [];

function resultFor(
  series: UnitSeries,
  { resolution, overrides }: PreparedData["resolutions"][number][number],
  plans: ReadonlyMap<Target, TargetPlan>,
  prepared: PreparedData,
): Result | undefined {
  switch (resolution.kind) {
    case "none":
      return undefined;
    case "excluded":
      return excludedRow(series.unit, resolution.by[0]!, `excluded by target \`${resolution.by[0]!.id}\``);
    case "conflict":
      return excludedRow(series.unit, resolution.targets[0]!, `targets ${resolution.targets.map((t) => `\`${t.id}\``).join(" and ")} conflict for this unit`);
    case "applies": {
      const plan = plans.get(resolution.target)!;
      const absent = absence(series.unit, plan.due?.date, prepared);
      if (absent) return excludedRow(series.unit, resolution.target, absent);
      return scoreTarget(series, plan, overrides, prepared.data);
    }
  }
}

/** Why a unit has no result on the milestone date although a target selects it, if it has none. */
function absence(unit: RegistryUnit, due: IsoDate | undefined, prepared: PreparedData): string | undefined {
  const merged = prepared.mergedInto.get(unit.id);
  if (merged && prepared.successors) return `merged into \`${merged.successor}\` on ${merged.date}; its history counts there`;
  if (!due) return undefined;
  if (unit.validFrom !== undefined && due < unit.validFrom) return `did not exist yet on ${due} (from ${unit.validFrom})`;
  if (unit.validTo !== undefined && due > unit.validTo) return `no longer existed on ${due} (until ${unit.validTo})`;
  return undefined;
}

function excludedRow(unit: RegistryUnit, target: Target, reason: string): Result {
  return {
    unit: unit.id,
    tier: unit.tier,
    metric: target.metric,
    target: target.id,
    milestone: null,
    op: target.comparison,
    threshold: null,
    actual: null,
    numerator: null,
    denominator: null,
    status: "excluded",
    gapPoints: null,
    needed: null,
    score: null,
    rank: null,
    next: null,
    rule: { file: target.rule.file, line: target.rule.line },
    explanation: { window: null, overrides: [], reason },
  };
}
