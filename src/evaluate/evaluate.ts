/**
 * A compiled policy scores reported data. `compileEvaluator` does the per-policy work once;
 * `prepare` the per-data work once (checks, running sums, which target applies to which unit);
 * `evaluate` is then a pure function of the prepared data and an as-of date, callable many times.
 */
import { rowChecks } from "../data/checks.js";
import { eachRow, partOfObservations } from "../data/count-rows.js";
import { IssueLog } from "../data/issue-log.js";
import { countPartsOf, unusable, type FileRows } from "../data/load.js";
import { FieldTotals } from "../data/totals.js";
import type { DataIssue, Observation, Registry, RegistryUnit, RowCounts } from "../data/types.js";
import type { Policy, Target } from "../model/policy.js";
import { resolveTarget, type Resolution } from "../model/selector.js";
import { dueMilestone, nextMilestone } from "../schedule/schedule.js";
import { parseDate, type IsoDate } from "../time/calendar.js";
import { badArgument, isObject, policy as policyArg, type Arg, type BadArgument } from "../data/guard.js";
import { buildDataSet, KeptRows, type DataSet } from "./dataset.js";
import { rollUp, unitGroups, type UnitGroups } from "./groups.js";
import { rankResults } from "./ranks.js";
import type { Reason } from "./reasons.js";
import type { Evaluation, Result } from "./result.js";
import { evaluateIndexes } from "./indexes.js";
import { evaluateScores, type ScoreTable } from "./scores.js";
import { resultSlice } from "./results.js";
import { EXCLUDED, resultTable, trimmed, type ResultTable } from "./table.js";
import { planTarget, scoreTarget, type TargetPlan } from "./target.js";

export interface EvaluationInput {
  readonly registry: Registry;
  readonly observations: readonly Observation[];
  /** Problems found while reading the data, carried into the output. */
  readonly dataIssues?: readonly DataIssue[];
  /** Rows as read; defaults to one per observation, all used. */
  readonly rows?: RowCounts;
  /** Each input file's rows as read (see `readData`); rows the checks here reject are taken off its tally. */
  readonly files?: readonly FileRows[];
}

export interface PrepareOptions {
  /** Count the history of merged units under their successors. */
  readonly successors?: boolean;
}

/** A unit's resolution for one metric, with what its results cite, worked out once per data set. */
interface Cell {
  /** The target the unit's row is under: the applying one, or the first that excludes it. */
  readonly target: number;
  readonly overrides: Result["explanation"]["overrides"];
  /** Why an excluded or conflicting unit has no threshold. */
  readonly reason: Reason | undefined;
}

export interface PreparedData {
  readonly data: DataSet;
  readonly groups: UnitGroups;
  /** cells[u * metrics + m]: which target applies to unit u for metric m. */
  readonly cells: readonly Cell[];
  /** Per unit, 1 when it may be absent on a milestone date (it has validity dates, or merged away). */
  readonly mayBeAbsent: Uint8Array;
  /** In the contract's form (a missing column is null), once, not at every evaluation. */
  readonly dataIssues: readonly Evaluation["dataIssues"][number][];
  readonly rows: RowCounts;
  readonly files: readonly FileRows[];
  readonly mergedInto: ReadonlyMap<string, { successor: string; date: IsoDate }>;
  readonly successors: boolean;
}

/**
 * `evaluate` takes the as-of date as the CLI does, `2022-11-30` or `30/11/2022`: a date checked
 * already (an IsoDate) always gives an evaluation; text, or data this evaluator did not prepare,
 * may give a `BadArgument` instead. `prepare` given something that is not data prepares no units,
 * with a `bad-argument` data issue saying why, which the evaluation then carries.
 */
export interface Evaluator {
  readonly policy: Policy;
  prepare(input: EvaluationInput, options?: PrepareOptions): PreparedData;
  evaluate(data: PreparedData, options: { readonly asOf: IsoDate }): Evaluation;
  evaluate(data: PreparedData, options: { readonly asOf: string }): Evaluation | BadArgument;
}

export function compileEvaluator(policy: Policy): Evaluator {
  const bad = badArgument("compileEvaluator", [policyArg], [policy]);
  if (bad) return refusing(policy, bad);
  const metrics = [...new Set(policy.targets.map((t) => t.metric))];
  const targetsByMetric = metrics.map((m) => policy.targets.filter((t) => t.metric === m));
  const fields = [...policy.fields.keys()];
  // Prepared data indexes this policy's targets: data prepared by another evaluator would read past them.
  const ours = new WeakSet<PreparedData>();
  const evaluateChecked = (prepared: PreparedData, options: { readonly asOf: string }): Evaluation | BadArgument => {
    const asOf = isObject(options) && typeof options.asOf === "string" ? parseDate(options.asOf) : undefined;
    const wrong = badArgument("evaluate", [isOurs(ours), AS_OF], [prepared, asOf]);
    return wrong ?? evaluate(policy, metrics, prepared, asOf as IsoDate);
  };
  return {
    policy,
    prepare: (input, options = {}) => {
      const wrong = badArgument("prepare", PREPARE_ARGS, [input, options]);
      const prepared = wrong ? emptyPrepared(wrong) : prepare(policy, fields, targetsByMetric, input, options);
      ours.add(prepared);
      return prepared;
    },
    evaluate: evaluateChecked as Evaluator["evaluate"],
  };
}

const AS_OF: Arg = { expected: "date", check: (v) => v !== undefined };
const PREPARE_ARGS: readonly Arg[] = [
  // readData's result is taken by its parts, without building the observations it can give.
  { expected: "object", check: (v) => isObject(v) && isObject(v.registry) && Array.isArray(v.registry.units) && Array.isArray(v.registry.merges) && (countPartsOf(v) !== undefined || Array.isArray(v.observations)) },
  { expected: "options", check: (v) => v === undefined || isObject(v) },
];
const isOurs = (ours: WeakSet<PreparedData>): Arg => ({ expected: "prepared", check: (v) => isObject(v) && ours.has(v as unknown as PreparedData) });

/** The evaluator of something that is not a policy: it prepares nothing and every evaluation is `bad`. */
function refusing(policy: Policy, bad: BadArgument): Evaluator {
  const evaluateNothing = (): BadArgument => bad;
  return { policy, prepare: () => emptyPrepared(bad), evaluate: evaluateNothing as unknown as Evaluator["evaluate"] };
}

/** Data with no units, carrying why it is empty as a data issue. */
function emptyPrepared(bad: BadArgument): PreparedData {
  const data = buildDataSet({ units: [], merges: [] }, new KeptRows(0), [], undefined);
  const issue = { code: "bad-argument", file: "", line: 0, column: null, message: bad.message, rejected: true, args: bad.args } as const;
  return {
    data,
    groups: unitGroups(data.units),
    cells: [],
    mayBeAbsent: new Uint8Array(0),
    dataIssues: [issue],
    rows: { read: 0, used: 0, rejected: 0 },
    files: [],
    mergedInto: new Map(),
    successors: false,
  };
}

function prepare(
  policy: Policy,
  fields: readonly string[],
  targetsByMetric: readonly (readonly Target[])[],
  input: EvaluationInput,
  options: PrepareOptions,
): PreparedData {
  const dataIssues = new IssueLog();
  dataIssues.addAll(input.dataIssues ?? []);
  const mergedInto = mergesOf(input.registry);
  // A merged unit's rows after the merge are its successor's history (--successors counts them there), not a mistake.
  const units = new Map(input.registry.units.filter((u) => !mergedInto.has(u.id)).map((u) => [u.id, u]));
  const droppedIn = new Map<string, number>();
  const totals = new FieldTotals(fields);
  const checks = rowChecks(policy);
  const kept = new KeptRows(fields.length);
  let seen = 0;
  eachRow(countPartsOf(input) ?? [partOfObservations("", input.observations)], fields, (row) => {
    seen++;
    const issues = checks.issues(row.counts, row.asObservation, units.get(row.unit));
    // Only a row the checks keep counts towards the totals, so a rejected row cannot push out a good one.
    const past = issues.some((i) => i.rejected) ? undefined : totals.admit(row.counts, row.asObservation);
    if (past) issues.push(past);
    if (issues.length > 0) dataIssues.addAll(issues);
    if (!issues.some((i) => i.rejected)) kept.push(row.unit, row.period, row.counts);
    else droppedIn.set(row.file, (droppedIn.get(row.file) ?? 0) + 1);
  });
  const dropped = seen - kept.size;
  const files = (input.files ?? []).map((f) => {
    const off = f.role === "data" ? (droppedIn.get(f.file) ?? 0) : 0;
    return off === 0 ? f : { ...f, used: f.used - off, rejected: f.rejected + off };
  });
  dataIssues.addAll(unusable(files));
  const read = input.rows ?? { read: seen, used: seen, rejected: 0 };
  const successorOf = options.successors ? (id: string) => finalSuccessor(id, mergedInto) : undefined;
  const data = buildDataSet(input.registry, kept, fields, successorOf);
  const targetIndex = new Map(policy.targets.map((t, i) => [t, i]));
  return {
    data,
    groups: unitGroups(data.units),
    cells: data.units.flatMap((unit) => targetsByMetric.map((targets) => cellOf(resolveTarget(targets, unit), targetIndex))),
    mayBeAbsent: Uint8Array.from(data.units, (u) => (u.validFrom !== undefined || u.validTo !== undefined || (options.successors === true && mergedInto.has(u.id)) ? 1 : 0)),
    dataIssues: dataIssues.issues().map((i) => ({ ...i, column: i.column ?? null })),
    rows: { read: read.read, used: read.used - dropped, rejected: read.rejected + dropped },
    files,
    mergedInto,
    successors: options.successors ?? false,
  };
}

function cellOf(resolution: Resolution, targetIndex: ReadonlyMap<Target, number>): Cell {
  switch (resolution.kind) {
    case "none":
      return { target: -1, overrides: NO_OVERRIDES, reason: undefined };
    case "excluded":
      return { target: targetIndex.get(resolution.by[0]!)!, overrides: NO_OVERRIDES, reason: { kind: "excluded-by", target: resolution.by[0]!.id } };
    case "conflict": {
      return { target: targetIndex.get(resolution.targets[0]!)!, overrides: NO_OVERRIDES, reason: { kind: "conflict", targets: resolution.targets.map((t) => t.id) } };
    }
    case "applies":
      return { target: targetIndex.get(resolution.target)!, overrides: overridesOf(resolution), reason: undefined };
  }
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
  const { data, cells } = prepared;
  const plans = policy.targets.map((t) => plan(policy, t, asOf, data));
  const full = resultTable(cells.length);
  let size = 0;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c]!;
    if (cell.target < 0) continue;
    const u = (c / metrics.length) | 0;
    full.unit[size] = u;
    full.metric[size] = c - u * metrics.length;
    full.target[size] = cell.target;
    scoreCell(full, size++, u, cell, plans[cell.target]!, prepared);
  }
  const table = trimmed(full, size);
  rankResults(table, prepared.groups, plans.map((p) => ({ rises: p.rises, scored: p.target.points !== undefined })));
  const context = { table, units: data.units, targets: policy.targets, plans, overrides: (i: number) => cells[table.unit[i]! * metrics.length + table.metric[i]!]!.overrides };
  const scores = evaluateScores(policy, data, prepared.groups, asOf);
  return withLazyResults(
    { policy: policy.id, asOf },
    { size: table.size, slice: (from, to) => resultSlice(context, from, to) },
    {
      scores: scores.results,
      ...scoreExtras(policy, data, scores),
      groups: rollUp(table, prepared.groups, metrics),
      dataIssues: [...prepared.dataIssues],
      rows: prepared.rows,
      files: [...prepared.files],
    },
  );
}

/** Group scores where the policy has scores, indexes where it has some: an evaluation without either keeps its old shape. */
function scoreExtras(policy: Policy, data: PreparedData["data"], scores: ScoreTable): Pick<Evaluation, "scoreGroups" | "indexes" | "indexGroups"> {
  if (policy.scores.length === 0) return {};
  if (policy.indexes.length === 0) return { scoreGroups: scores.groups };
  const { indexes, groups } = evaluateIndexes(policy, data, scores);
  return { scoreGroups: scores.groups, indexes, indexGroups: groups };
}

function scoreCell(table: ResultTable, i: number, u: number, cell: Cell, plan: TargetPlan, prepared: PreparedData): void {
  const reason = cell.reason ?? (prepared.mayBeAbsent[u] === 1 ? absence(prepared.data.units[u]!, plan.due?.date, prepared) : undefined);
  if (reason === undefined) return scoreTarget(table, i, u, plan, prepared.data);
  table.status[i] = EXCLUDED;
  table.reasons.set(i, reason);
}

/** An evaluation's results before they are built: how many, and any run of them built alone. */
export interface ResultPages {
  readonly size: number;
  slice(from: number, to: number): Result[];
}

const pagesOf = new WeakMap<Evaluation, ResultPages>();

/**
 * The evaluation's results a page at a time, while `results` has not been read (nor set): a writer
 * of 80,000 results then holds a page of objects, not all of them. Undefined once it has, or for an
 * evaluation this module did not make: read `results` then.
 */
export const resultPages = (evaluation: Evaluation): ResultPages | undefined => pagesOf.get(evaluation);

/**
 * The evaluation with `results` built from the table on first read: JSON, spreading and property
 * access see an ordinary array, while a caller that reads only groups or scores never pays for it.
 */
function withLazyResults(head: Pick<Evaluation, "policy" | "asOf">, pages: ResultPages, tail: Omit<Evaluation, "policy" | "asOf" | "results">): Evaluation {
  let results: Result[] | undefined;
  // Dropped once used, so a kept evaluation does not also keep its table alive.
  let pending: ResultPages | undefined = pages;
  const evaluation = { ...head } as Evaluation;
  const settle = (value: Result[]): Result[] => {
    [results, pending] = [value, undefined];
    pagesOf.delete(evaluation);
    return value;
  };
  Object.defineProperty(evaluation, "results", {
    enumerable: true,
    configurable: true,
    get: () => (pending ? settle(pending.slice(0, pending.size)) : results!),
    set: settle,
  });
  pagesOf.set(evaluation, pages);
  return Object.assign(evaluation, tail);
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

/** Why a unit has no result on the milestone date although a target selects it, if it has none. */
function absence(unit: RegistryUnit, due: IsoDate | undefined, prepared: PreparedData): Reason | undefined {
  if (prepared.successors) {
    const merged = prepared.mergedInto.get(unit.id);
    if (merged) return { kind: "merged", successor: merged.successor, date: merged.date };
  }
  if (!due) return undefined;
  if (unit.validFrom !== undefined && due < unit.validFrom) return { kind: "not-yet", date: due, from: unit.validFrom };
  if (unit.validTo !== undefined && due > unit.validTo) return { kind: "no-longer", date: due, until: unit.validTo };
  return undefined;
}
