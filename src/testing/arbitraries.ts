/**
 * fast-check arbitraries for policies: calendar dates, schedules (ramps from month-end and
 * mid-month anchors, milestone lists, years, ongoing targets) and whole policies as source text and
 * as syntax trees. Every value is mapped from plain integers and is consistent by construction,
 * never filtered, so a failing case shrinks to a small one: a ramp of few steps in 2000, a policy
 * with one tier and one target.
 */
import { rises as asksMore } from "../model/expression.js";
import fc from "fast-check";
import type { Comparison, Milestone, Period, Schedule, Window } from "../model/policy.js";
import { rational } from "../number/rational.js";
import { advance } from "../schedule/schedule.js";
import type { PolicyFile } from "../syntax/ast.js";
import { parse } from "../syntax/parse.js";
import { addDays, endOfMonth, endOfYear, isoDate, parts, type IsoDate } from "../time/calendar.js";

// ---------------------------------------------------------------------------------------------
// Dates and percentages

/** A choice between generators shrinks towards the first one too, the simplest. */
const SHRINK_ACROSS = { withCrossShrink: true } as const;

/** A day of the month, the last few (where months differ in length) half of the time. */
const dayOfMonth = fc.oneof(SHRINK_ACROSS, fc.integer({ min: 1, max: 31 }), fc.integer({ min: 28, max: 31 }));

/** A real calendar day; a day past the month's end becomes the month's end, so none is rejected. */
export const calendarDate = (years: { readonly min: number; readonly max: number } = { min: 2000, max: 2040 }): fc.Arbitrary<IsoDate> =>
  fc
    .record({ year: fc.integer(years), month: fc.integer({ min: 1, max: 12 }), day: dayOfMonth })
    .map(({ year, month, day }) => isoDate(year, month, day) ?? endOfMonth(isoDate(year, month, 1)!));

/** A ramp's start: a month end half of the time, since decisions mostly anchor there. */
export const anchorDate = (): fc.Arbitrary<IsoDate> => fc.oneof(SHRINK_ACROSS, calendarDate(), calendarDate().map(endOfMonth));

/** A day within `before` days before and `after` days after `date`; shrinks to `date` itself. */
export const daysAround = (date: IsoDate, before: number, after: number): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: -before, max: after }).map((n) => addDays(date, n));

/** Tenths of a percentage point as a policy writes them: 486 is `48,6%`. */
export const percent = (tenths: number): string => {
  const size = Math.abs(tenths);
  return `${tenths < 0 ? "-" : ""}${Math.trunc(size / 10)}${size % 10 === 0 ? "" : `,${size % 10}`}%`;
};

const points = (tenths: number) => rational(tenths, 10);

// ---------------------------------------------------------------------------------------------
// Ramps

export interface RampCase {
  readonly start: IsoDate;
  readonly period: Period;
  readonly steps: number;
  /** Tenths of a percentage point, so values like 48.6% and steps like 0.1% come up. */
  readonly startTenths: number;
  readonly incrementTenths: number;
}

export const stepPeriod = (): fc.Arbitrary<Period> =>
  fc.oneof(
    SHRINK_ACROSS,
    fc.record({ unit: fc.constant("month" as const), count: fc.constantFrom(1, 2, 3, 12) }),
    fc.record({ unit: fc.constant("week" as const), count: fc.constantFrom(1, 2) }),
  );

/**
 * A rising ramp that stays within 100%: the start leaves room for every step, the increment is
 * scaled into what is left. Shrinks towards one step of 0.1 point from 0% on a month's first days;
 * the number of steps shrinks first, so a counterexample keeps only the steps it needs.
 */
export const rampCase = (): fc.Arbitrary<RampCase> =>
  fc
    .record({
      steps: fc.integer({ min: 1, max: 24 }),
      period: stepPeriod(),
      start: anchorDate(),
      startDraw: fc.integer({ min: 0, max: 1000 }),
      incrementDraw: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ start, period, steps, startDraw, incrementDraw }) => {
      const startTenths = Math.min(startDraw, 1000 - steps);
      const most = Math.floor((1000 - startTenths) / steps);
      return { start, period, steps, startTenths, incrementTenths: 1 + Math.floor((incrementDraw * (most - 1)) / 999) };
    });

/** Where a ramp lands: its deadline is the last step, counted from the anchor. */
export const rampDeadline = (c: RampCase): IsoDate => advance(c.start, c.period, c.steps);

/** The value a ramp reaches on its deadline, in tenths of a point. */
export const rampReaches = (c: RampCase): number => c.startTenths + c.steps * c.incrementTenths;

export const stepWords = (period: Period): string =>
  period.unit === "week"
    ? period.count === 1 ? "weekly" : `every ${period.count} weeks`
    : period.count === 1 ? "monthly" : period.count === 3 ? "quarterly" : period.count === 12 ? "yearly" : `every ${period.count} months`;

/** A one-target policy around a ramp, with the deadline value given (consistent or not). */
export function rampPolicy(c: RampCase, deadline: IsoDate, deadlineTenths: number): string {
  return [
    "policy p",
    "tier t",
    "field a field b",
    "metric rate = a / b",
    `target ramp for all: from ${c.start} rate >= ${percent(c.startTenths)}, ${stepWords(c.period)} +${percent(c.incrementTenths)}, by ${deadline} >= ${percent(deadlineTenths)}`,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Schedules of every kind

/**
 * A target's schedule. Values are in tenths of a point and never fall; a target compared with `<=`
 * or `<` is written with 100% minus them, so every schedule tightens in its comparison's direction.
 */
export type ScheduleSpec =
  | { readonly kind: "ramp"; readonly ramp: RampCase }
  | { readonly kind: "milestones"; readonly dates: readonly IsoDate[]; readonly tenths: readonly number[] }
  | { readonly kind: "years"; readonly years: readonly number[]; readonly tenths: readonly number[] }
  | { readonly kind: "ongoing"; readonly date: IsoDate; readonly tenths: number; readonly period: Period };

/** Non-decreasing values from a start and rises, capped at 100%. */
const climbing = (first: number, rises: readonly number[]): number[] =>
  rises.reduce<number[]>((values, rise) => [...values, Math.min(1000, values.at(-1)! + rise)], [first]);

const rises = (length: number) => fc.array(fc.integer({ min: 0, max: 300 }), { minLength: length, maxLength: length });

/** Stated milestones on strictly later dates, each a gap of days after the one before. */
export const milestoneList = (): fc.Arbitrary<ScheduleSpec> =>
  fc
    .record({ start: calendarDate(), gaps: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 3 }), first: fc.integer({ min: 0, max: 1000 }), rises: rises(3) })
    .map(({ start, gaps, first, rises }) => {
      const dates = gaps.reduce<IsoDate[]>((list, gap) => [...list, addDays(list.at(-1)!, gap)], [start]);
      return { kind: "milestones" as const, dates, tenths: climbing(first, rises.slice(0, gaps.length)) };
    });

/** `in 2024 rate >= 70%, in 2025 >= 85%`: consecutive years. */
export const yearSchedule = (): fc.Arbitrary<ScheduleSpec> =>
  fc
    .record({ first: fc.integer({ min: 2000, max: 2040 }), count: fc.integer({ min: 1, max: 3 }), start: fc.integer({ min: 0, max: 1000 }), rises: rises(2) })
    .map(({ first, count, start, rises }) => ({
      kind: "years" as const,
      years: Array.from({ length: count }, (_, i) => first + i),
      tenths: climbing(start, rises.slice(0, count - 1)),
    }));

/** A threshold held every period after its date ("thường xuyên"). */
export const ongoingSchedule = (): fc.Arbitrary<ScheduleSpec> =>
  fc
    .record({ date: anchorDate(), tenths: fc.integer({ min: 0, max: 1000 }), period: stepPeriod() })
    .map((s) => ({ kind: "ongoing" as const, ...s }));

export const scheduleSpec = (): fc.Arbitrary<ScheduleSpec> =>
  fc.oneof(SHRINK_ACROSS, rampCase().map((ramp) => ({ kind: "ramp" as const, ramp })), milestoneList(), yearSchedule(), ongoingSchedule());

const falls = (op: Comparison): boolean => !asksMore(op);

/** A value as the comparison's direction writes it. */
const shown = (tenths: number, op: Comparison): number => (falls(op) ? 1000 - tenths : tenths);

/** The schedule's clauses as a target writes them, naming the metric in the first. */
export function scheduleClauses(spec: ScheduleSpec, metric: string, op: Comparison): string {
  const at = (tenths: number) => `${op} ${percent(shown(tenths, op))}`;
  switch (spec.kind) {
    case "ramp": {
      const r = spec.ramp;
      const step = `${falls(op) ? "" : "+"}${percent(falls(op) ? -r.incrementTenths : r.incrementTenths)}`;
      return `from ${r.start} ${metric} ${at(r.startTenths)}, ${stepWords(r.period)} ${step}, by ${rampDeadline(r)} ${at(rampReaches(r))}`;
    }
    case "milestones":
      return spec.dates.map((date, i) => `by ${date} ${i === 0 ? `${metric} ` : ""}${at(spec.tenths[i]!)}`).join(", ");
    case "years":
      return spec.years.map((year, i) => `in ${year} ${i === 0 ? `${metric} ` : ""}${at(spec.tenths[i]!)}`).join(", ");
    case "ongoing":
      return `by ${spec.date} ${metric} ${at(spec.tenths)}, ${stepWords(spec.period)}`;
  }
}

/** What the schedule must expand to, worked out here independently of the checker. */
export function expectedSchedule(spec: ScheduleSpec, op: Comparison, until?: IsoDate): Schedule {
  const milestone = (date: IsoDate, tenths: number, origin: Milestone["origin"]): Milestone => ({ date, threshold: points(shown(tenths, op)), origin });
  switch (spec.kind) {
    case "ramp": {
      const r = spec.ramp;
      const steps = Array.from({ length: r.steps + 1 }, (_, k) =>
        milestone(advance(r.start, r.period, k), r.startTenths + k * r.incrementTenths, k === 0 || k === r.steps ? "stated" : "step"),
      );
      return { milestones: steps, repeat: undefined };
    }
    case "milestones":
      return { milestones: spec.dates.map((d, i) => milestone(d, spec.tenths[i]!, "stated")), repeat: undefined };
    case "years":
      return { milestones: spec.years.map((y, i) => milestone(endOfYear(y), spec.tenths[i]!, "stated")), repeat: undefined };
    case "ongoing":
      return { milestones: [milestone(spec.date, spec.tenths, "stated")], repeat: { period: spec.period, until } };
  }
}

const lastDate = (spec: ScheduleSpec): IsoDate => expectedSchedule(spec, ">=").milestones.at(-1)!.date;

// ---------------------------------------------------------------------------------------------
// Whole policies

/** An item of a selector, by kind and an index into the policy's tiers, tags or units. */
export interface SelectorItemSpec {
  readonly kind: "all" | "tier" | "tag" | "unit";
  readonly index: number;
}

export interface TargetSpec {
  readonly title: string | undefined;
  readonly comparison: Comparison;
  readonly window: Window;
  /** The metric requires complete windows (`complete`). */
  readonly complete: boolean;
  /** Field indexes: the denominator is `denominatorOffset` fields after the numerator, never itself. */
  readonly numerator: number;
  readonly denominatorOffset: number;
  readonly include: readonly SelectorItemSpec[];
  readonly exclude: readonly SelectorItemSpec[];
  readonly schedule: ScheduleSpec;
  /** A second target for one declared unit, more specific, so it overrides this one for that unit. */
  readonly override: { readonly unit: number; readonly schedule: ScheduleSpec } | undefined;
}

export interface PolicySpec {
  readonly title: string | undefined;
  readonly decision: boolean;
  readonly until: boolean;
  readonly tiers: number;
  readonly tags: number;
  readonly units: readonly { readonly tier: number; readonly tags: readonly number[]; readonly title: string | undefined }[];
  readonly fields: number;
  readonly targets: readonly TargetSpec[];
  readonly score: boolean;
  readonly check: boolean;
}

// Titles exercise quoting and Vietnamese text in the formatter and the parser.
const title = fc.option(fc.constantFrom("Sở Y tế", "UBND cấp xã", 'Tỷ lệ "toàn trình"', "a \\ b"), { nil: undefined });

const comparison = fc.constantFrom<Comparison>(">=", ">", "<=", "<");

const window: fc.Arbitrary<Window> = fc.oneof(
  fc.constantFrom<Window>({ kind: "month" }, { kind: "quarter" }, { kind: "year-to-date" }, { kind: "since-start" }),
  fc.integer({ min: 2, max: 6 }).map((months): Window => ({ kind: "rolling", months })),
);

const item = (kinds: readonly SelectorItemSpec["kind"][]) => fc.record({ kind: fc.constantFrom(...kinds), index: fc.nat(5) });

const targetSpec: fc.Arbitrary<TargetSpec> = fc.record({
  title,
  comparison,
  window,
  complete: fc.boolean(),
  numerator: fc.nat(5),
  denominatorOffset: fc.nat(5),
  include: fc.array(item(["tier", "all", "tag", "unit"]), { minLength: 1, maxLength: 2 }),
  exclude: fc.array(item(["unit", "tag"]), { maxLength: 1 }),
  schedule: scheduleSpec(),
  override: fc.option(fc.record({ unit: fc.nat(5), schedule: scheduleSpec() }), { nil: undefined }),
});

export const policySpec = (): fc.Arbitrary<PolicySpec> =>
  fc.record({
    title,
    decision: fc.boolean(),
    until: fc.boolean(),
    tiers: fc.integer({ min: 1, max: 3 }),
    tags: fc.integer({ min: 0, max: 2 }),
    units: fc.array(fc.record({ tier: fc.nat(5), tags: fc.array(fc.nat(5), { maxLength: 2 }), title }), { maxLength: 3 }),
    fields: fc.integer({ min: 2, max: 4 }),
    targets: fc.array(targetSpec, { minLength: 1, maxLength: 3 }),
    score: fc.boolean(),
    check: fc.boolean(),
  });

const quote = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
const titled = (text: string | undefined): string => (text === undefined ? "" : ` ${quote(text)}`);

function windowText(w: Window): string {
  return w.kind === "month" ? "" : w.kind === "rolling" ? ` over ${w.months} months` : ` over ${w.kind}`;
}

/** Ids the policy declares, so every index in a spec names something that exists. */
class Names {
  constructor(private readonly spec: PolicySpec) {}

  tier = (i: number): string => `t${(i % this.spec.tiers) + 1}`;
  tag = (i: number): string | undefined => (this.spec.tags === 0 ? undefined : `g${(i % this.spec.tags) + 1}`);
  unit = (i: number): string | undefined => (this.spec.units.length === 0 ? undefined : `u${(i % this.spec.units.length) + 1}`);
  field = (i: number): string => `f${(i % this.spec.fields) + 1}`;
  denominator = (t: TargetSpec): string => this.field(t.numerator + 1 + (t.denominatorOffset % (this.spec.fields - 1)));

  /** An item naming a tag or unit the policy lacks falls back to a tier. */
  item = (x: SelectorItemSpec): string => {
    if (x.kind === "all") return "all";
    const id = x.kind === "tier" ? this.tier(x.index) : x.kind === "tag" ? this.tag(x.index) : this.unit(x.index);
    return id === undefined ? `tier ${this.tier(x.index)}` : `${x.kind} ${id}`;
  };
}

/** The items a target includes, and the selector as written; an exclusion never names an included item. */
function selector(names: Names, include: readonly SelectorItemSpec[], exclude: readonly SelectorItemSpec[]): { included: string[]; text: string } {
  const included = [...new Set(include.map(names.item))];
  const excluded = [...new Set(exclude.map(names.item))].filter((x) => !x.startsWith("tier ") && !included.includes(x));
  return { included, text: included.join(", ") + (excluded.length > 0 ? ` except ${excluded.join(", ")}` : "") };
}

function targetLines(names: Names, t: TargetSpec, i: number): string[] {
  const metric = `m${i + 1}`;
  const { included, text } = selector(names, t.include, t.exclude);
  const lines = [
    `metric ${metric} = ${names.field(t.numerator)} / ${names.denominator(t)}${windowText(t.window)}${t.complete ? " complete" : ""}`,
    `target x${i + 1}${titled(t.title)} for ${text}:`,
    `  ${scheduleClauses(t.schedule, metric, t.comparison)}`,
  ];
  // A unit-level override is more specific than anything but another unit item, which would conflict.
  const unit = t.override && names.unit(t.override.unit);
  if (t.override && unit && !included.some((x) => x.startsWith("unit "))) {
    lines.push(`target o${i + 1} for unit ${unit}:`, `  ${scheduleClauses(t.override.schedule, metric, t.comparison)}`);
  }
  return lines;
}

/** The policy as its author would write it, with English keywords; it compiles without errors. */
export function policyText(spec: PolicySpec): string {
  const names = new Names(spec);
  const schedules = spec.targets.flatMap((t) => [t.schedule, ...(t.override ? [t.override.schedule] : [])]);
  const lastYear = Math.max(...schedules.map((s) => parts(lastDate(s)).year));
  return [
    `policy p${titled(spec.title)}`,
    ...(spec.decision ? [`  decision "12/QĐ-UBND" dated 1999-01-01 issued by "UBND tỉnh \\"A\\""`] : []),
    `  effective 1999-01-01${spec.until ? ` until ${endOfYear(lastYear + 1)}` : ""}`,
    ...Array.from({ length: spec.tiers }, (_, i) => `tier t${i + 1}`),
    ...Array.from({ length: spec.tags }, (_, i) => `tag g${i + 1}`),
    ...spec.units.map((u, i) => `unit u${i + 1}${titled(u.title)} tier ${names.tier(u.tier)}${tagsText(names, u.tags)}`),
    ...Array.from({ length: spec.fields }, (_, i) => `field f${i + 1}`),
    ...spec.targets.flatMap((t, i) => targetLines(names, t, i)),
    ...(spec.score ? ["score s for all = min(20, 20 * m1 / 80%) when empty 20 round 2 half-up"] : []),
    ...(spec.check ? ["check f1 <= f2 + 0"] : []),
  ].join("\n");
}

function tagsText(names: Names, tags: readonly number[]): string {
  const ids = [...new Set(tags.map(names.tag).filter((t): t is string => t !== undefined))];
  return ids.length > 0 ? ` tagged ${ids.join(", ")}` : "";
}

/** Whole policies as source text. */
export const policySource = (): fc.Arbitrary<string> => policySpec().map(policyText);

/** Whole policies as syntax trees, as `parse` builds them from `policySource`. */
export const policyTree = (): fc.Arbitrary<PolicyFile> =>
  policySource().map((text) => {
    const { ast, diagnostics } = parse(text, "generated.ct");
    if (!ast) throw new Error(`a generated policy does not parse: ${diagnostics.map((d) => d.message).join("; ")}\n${text}`);
    return ast;
  });
