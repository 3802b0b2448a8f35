/**
 * fast-check arbitraries for data: unit registries (tiers, tags, parents, validity dates, merges)
 * and the counts units report for a given policy, with the cases evaluators get wrong: zero
 * denominators, counts exactly on a threshold, missing months, merged units. Built from integers
 * by construction, never filtered, so a failure shrinks to one unit and a row or two.
 */
import fc from "fast-check";
import { formatMonth, monthOfDate } from "../data/period.js";
import type { MonthIndex, Observation, Registry, RegistryUnit } from "../data/types.js";
import { windowMonths } from "../evaluate/window.js";
import type { Policy, Unit } from "../model/policy.js";
import { milestonesThrough } from "../schedule/schedule.js";
import { addDays, addMonths, endOfMonth, isoDate, type IsoDate } from "../time/calendar.js";

// ---------------------------------------------------------------------------------------------
// Registries

export interface RegistryOptions {
  /** The tiers units belong to; at least one. */
  readonly tiers: readonly string[];
  readonly tags?: readonly string[];
  /** Units a policy declares: any of them may be in the registry, with their declared tier and tags. */
  readonly declared?: readonly Unit[];
  /** Validity and merge dates fall within 40 days of these (a policy's milestone dates). */
  readonly dates?: readonly IsoDate[];
  /** Generated units besides the declared ones; 6 unless said. */
  readonly maxUnits?: number;
}

/** A date near one of the given dates, drawn as an index and an offset so it shrinks to the first. */
const dateDraw = fc.record({ at: fc.nat(), offset: fc.integer({ min: -40, max: 40 }) });
type DateDraw = typeof dateDraw extends fc.Arbitrary<infer T> ? T : never;
const nearDate = (dates: readonly IsoDate[], d: DateDraw): IsoDate => addDays(dates[d.at % dates.length]!, d.offset);

/** Undefined most of the time (and when shrunk), the value one time in `every`. */
const sometimes = <T>(value: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: every - 1 }, { arbitrary: value, weight: 1 });

// Most units always exist and stay; some start, end or merge near a milestone.
const unitDraw = fc.record({
  tier: fc.nat(),
  tags: fc.array(fc.nat(), { maxLength: 2 }),
  parent: fc.option(fc.nat(), { nil: undefined }),
  validFrom: sometimes(dateDraw, 5),
  validTo: sometimes(dateDraw, 5),
  merge: sometimes(fc.record({ successor: fc.nat(), date: dateDraw }), 6),
});
type UnitDraw = typeof unitDraw extends fc.Arbitrary<infer T> ? T : never;

export function registry(options: RegistryOptions): fc.Arbitrary<Registry> {
  const declared = options.declared ?? [];
  return fc
    .record({ declared: fc.subarray([...declared]), units: fc.array(unitDraw, { maxLength: options.maxUnits ?? 6 }) })
    .map(({ declared: chosen, units }) => buildRegistry(options, chosen, units));
}

function buildRegistry(options: RegistryOptions, chosen: readonly Unit[], draws: readonly UnitDraw[]): Registry {
  const taken = new Set(chosen.map((u) => u.id));
  const ids = draws.map((_, i) => freshId(`u${i + 1}`, taken));
  const fromPolicy = chosen.map((u): RegistryUnit => ({ ...u, parent: undefined, validFrom: undefined, validTo: undefined }));
  const dates = options.dates && options.dates.length > 0 ? options.dates : [isoDate(2022, 1, 1)!];
  const merges = draws.flatMap((d, i) => (d.merge && i < draws.length - 1 ? [{ id: ids[i]!, successor: ids[i + 1 + (d.merge.successor % (draws.length - i - 1))]!, date: nearDate(dates, d.merge.date) }] : []));
  const generated = draws.map((d, i) => generatedUnit(options, d, ids, i, dates, merges.find((m) => m.id === ids[i])?.date));
  return { units: [...fromPolicy, ...generated], merges };
}

function freshId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** Validity in order by construction; a merged unit ends the day before its merge. */
function generatedUnit(options: RegistryOptions, d: UnitDraw, ids: readonly string[], i: number, dates: readonly IsoDate[], mergedOn: IsoDate | undefined): RegistryUnit {
  const tags = options.tags ?? [];
  const [from, to] = ordered(d.validFrom && nearDate(dates, d.validFrom), d.validTo && nearDate(dates, d.validTo));
  const validTo = mergedOn === undefined ? to : minDate(to, addDays(mergedOn, -1));
  return {
    id: ids[i]!,
    name: ids[i]!,
    tier: options.tiers[d.tier % options.tiers.length]!,
    parent: d.parent === undefined || i === 0 ? undefined : ids[d.parent % i],
    // In the order the options list them, so a shrunk registry reads the same whatever was drawn first.
    tags: tags.filter((_, k) => d.tags.some((t) => t % tags.length === k)),
    validFrom: from !== undefined && validTo !== undefined && from > validTo ? undefined : from,
    validTo,
  };
}

function ordered(a: IsoDate | undefined, b: IsoDate | undefined): [IsoDate | undefined, IsoDate | undefined] {
  return a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
}

const minDate = (a: IsoDate | undefined, b: IsoDate): IsoDate => (a !== undefined && a < b ? a : b);

/** Registries in the policy's vocabulary: its tiers, tags and declared units, dated around its milestones. */
export function registryFor(policy: Policy, options: { readonly maxUnits?: number } = {}): fc.Arbitrary<Registry> {
  const tiers = [...policy.tiers.keys()];
  return registry({
    tiers: tiers.length > 0 ? tiers : ["unit"],
    tags: [...policy.tags.keys()],
    declared: [...policy.units.values()],
    dates: policyDates(policy),
    ...options,
  });
}

// ---------------------------------------------------------------------------------------------
// Counts

/** Shares of a total that thresholds are often set at, so counts land exactly on them. */
export const ROUND_SHARES: readonly number[] = [0, 0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.8, 1];

/** A total: zero (no denominator) sometimes, small mostly, round sometimes. */
export const totalCount = (): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 40 }), weight: 6 },
    { arbitrary: fc.constantFrom(4, 5, 10, 20, 40, 100, 1000), weight: 3 },
  );

/** How a part is drawn from its total: anywhere between 0 and it, or exactly on one of `shares`. */
const partDraw = (shares: readonly number[]): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000), fc.constantFrom(...shares));

const partOf = (total: number, share: number): number => Math.round(total * share);

/** A part and its total, as in a month's counts for one metric; the part never exceeds the total. */
export const countPair = (shares: readonly number[] = ROUND_SHARES): fc.Arbitrary<{ readonly part: number; readonly total: number }> =>
  fc.tuple(totalCount(), partDraw(shares)).map(([total, draw]) => ({ total, part: partOf(total, draw) }));

// ---------------------------------------------------------------------------------------------
// Observation sets for a policy

export interface ObservationOptions {
  /** The months rows are drawn for; by default those the policy's milestones look at, and one either side. */
  readonly months?: { readonly from: MonthIndex; readonly to: MonthIndex };
}

/**
 * Fields in an order where each metric's denominator comes before its numerator, so a numerator is
 * drawn as a share of a total already known and never exceeds it.
 */
function fieldOrder(policy: Policy): { field: string; bounds: string[] }[] {
  const metrics = [...policy.metrics.values()];
  const boundsOf = (f: string) => metrics.filter((m) => m.numerator === f).map((m) => m.denominator);
  const pending = [...policy.fields.keys()];
  const order: { field: string; bounds: string[] }[] = [];
  while (pending.length > 0) {
    const ready = pending.findIndex((f) => boundsOf(f).every((b) => b === f || order.some((o) => o.field === b)));
    // A cycle of metrics (a / b and b / a) leaves no field ready: take the next one as it comes.
    const [field] = pending.splice(Math.max(ready, 0), 1);
    order.push({ field: field!, bounds: boundsOf(field!).filter((b) => order.some((o) => o.field === b)) });
  }
  return order;
}

/** A month's counts for every field of the policy, drawn in `fieldOrder`. */
function rowCounts(policy: Policy): fc.Arbitrary<ReadonlyMap<string, number>> {
  const order = fieldOrder(policy);
  const draw = fc.tuple(totalCount(), partDraw(thresholdShares(policy)));
  return fc.array(draw, { minLength: order.length, maxLength: order.length }).map((draws) => {
    const counts = new Map<string, number>();
    order.forEach(({ field, bounds }, i) => {
      const [total, part] = draws[i]!;
      const bound = bounds.length === 0 ? undefined : Math.min(...bounds.map((b) => counts.get(b)!));
      counts.set(field, bound === undefined ? total : partOf(bound, part));
    });
    return counts;
  });
}

/** The policy's thresholds as shares, with the round ones, for counts exactly on a threshold. */
function thresholdShares(policy: Policy): number[] {
  const shares = policy.targets.flatMap((t) => t.schedule.milestones.map((m) => Number(m.threshold.num) / Number(m.threshold.den) / 100));
  return [...new Set([...ROUND_SHARES, ...shares])].sort((a, b) => a - b);
}

/**
 * Rows for the given units over the months, one per unit and month, each left out one time in six,
 * and none for a month the unit did not exist in (the evaluator rejects those).
 */
export function observationsFor(policy: Policy, units: readonly RegistryUnit[], options: ObservationOptions = {}): fc.Arbitrary<Observation[]> {
  const months = options.months ?? policyMonths(policy);
  const count = months.to - months.from + 1;
  const perUnit = fc.array(fc.option(rowCounts(policy), { nil: undefined, freq: 6 }), { minLength: count, maxLength: count });
  return fc.tuple(...units.map(() => perUnit)).map((byUnit) => {
    const rows = byUnit.flatMap((monthsOfUnit, u) =>
      monthsOfUnit.flatMap((counts, i) => (counts && existed(units[u]!, months.from + i) ? [{ unit: units[u]!.id, month: months.from + i, counts }] : [])),
    );
    return rows.map((r, line): Observation => ({
      unit: r.unit,
      period: { text: formatMonth(r.month), from: r.month, to: r.month },
      counts: r.counts,
      source: { file: "data.csv", line: line + 2 },
    }));
  });
}

const existed = (unit: RegistryUnit, month: MonthIndex): boolean =>
  (unit.validFrom === undefined || month >= monthOfDate(unit.validFrom)) && (unit.validTo === undefined || month <= monthOfDate(unit.validTo));

/** Everything one evaluation needs: who, what they reported, on which date, and how merges count. */
export interface EvaluationCase {
  readonly registry: Registry;
  readonly observations: readonly Observation[];
  readonly asOf: IsoDate;
  /** Count merged units' history under their successors (`--successors`). */
  readonly successors: boolean;
}

/**
 * Data for the policy: on a sample of the given registry's units (up to `maxUnits`, with the merges
 * among them), or on a registry generated from the policy; an as-of date on or near a milestone.
 */
export function evaluationCase(policy: Policy, given?: Registry, options: ObservationOptions & { readonly maxUnits?: number } = {}): fc.Arbitrary<EvaluationCase> {
  const registries = given ? sample(given, options.maxUnits ?? 8) : registryFor(policy, options);
  const dates = policyDates(policy);
  return registries.chain((registry) =>
    fc.record({
      registry: fc.constant(registry),
      observations: observationsFor(policy, registry.units, options),
      asOf: fc.tuple(fc.constantFrom(...dates), fc.integer({ min: -40, max: 40 })).map(([date, days]) => addDays(date, days)),
      successors: fc.boolean(),
    }),
  );
}

function sample(registry: Registry, maxUnits: number): fc.Arbitrary<Registry> {
  // fc.subarray refuses a maximum beyond the array: a registry smaller than the sample is taken whole at most.
  const most = Math.min(maxUnits, registry.units.length);
  return fc.subarray([...registry.units], { minLength: Math.min(1, most), maxLength: most }).map((units) => {
    const ids = new Set(units.map((u) => u.id));
    return { units, merges: registry.merges.filter((m) => ids.has(m.id) && ids.has(m.successor)) };
  });
}

// ---------------------------------------------------------------------------------------------
// What a policy looks at

/** Where a policy's ongoing targets stop when it does not say: a year after its last stated milestone. */
export function policyEnd(policy: Policy): IsoDate {
  const stated = policy.targets.flatMap((t) => t.schedule.milestones.map((m) => m.date)).sort();
  const last = stated.at(-1) ?? policy.effective?.from ?? isoDate(2022, 12, 31)!;
  return policy.effective?.until ?? addMonths(last, 12);
}

/** Every milestone date of the policy, repeats included (at most 60); month ends when it has none. */
export function policyDates(policy: Policy): IsoDate[] {
  const end = policyEnd(policy);
  const dates = [...new Set(policy.targets.flatMap((t) => milestonesThrough(t.schedule, end).map((m) => m.date)))].sort().slice(0, 60);
  if (dates.length > 0) return dates;
  const from = policy.effective?.from ?? isoDate(2022, 1, 1)!;
  return Array.from({ length: 12 }, (_, k) => endOfMonth(addMonths(from, k)));
}

/** The months the milestones' windows cover, one either side, at most the last 24. */
export function policyMonths(policy: Policy): { from: MonthIndex; to: MonthIndex } {
  const end = policyEnd(policy);
  const ranges = policy.targets.flatMap((t) => {
    const metric = policy.metrics.get(t.metric)!;
    const start = monthOfDate(t.schedule.milestones[0]!.date);
    return milestonesThrough(t.schedule, end).map((m) => windowMonths(metric.window, monthOfDate(m.date), start));
  });
  if (ranges.length === 0) {
    const dates = policyDates(policy);
    return { from: monthOfDate(dates[0]!), to: monthOfDate(dates.at(-1)!) };
  }
  const to = Math.max(...ranges.map((r) => r.to)) + 1;
  return { from: Math.max(Math.min(...ranges.map((r) => r.from)) - 1, to - 23), to };
}
