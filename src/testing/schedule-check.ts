/**
 * Schedule consistency of a target as the evaluator receives it, whoever built it: the checker, or
 * a service from its own database. The ramps are read back from the milestones (a stated milestone,
 * the step milestones after it, the next stated one), so the checks need nothing but the `Target`:
 * dates strictly increase, steps fall where counting from the anchor puts them (month ends stay
 * month ends), every step adds the same points, a ramp lands on its deadline and reaches its value,
 * thresholds stay within 0-100% and move only in the comparison's direction, repeats keep the rule.
 */
import { rises } from "../model/expression.js";
import { monthOfDate } from "../data/period.js";
import type { Milestone, Period, Target } from "../model/policy.js";
import { add, compare, equals, mul, rational, sub, toDecimalString, type Rational } from "../number/rational.js";
import { advance, milestonesThrough } from "../schedule/schedule.js";
import { isMonthEnd, parts, type IsoDate } from "../time/calendar.js";

export type ScheduleProblemKind =
  | "empty"
  | "dates-not-increasing"
  | "out-of-range"
  | "not-monotone"
  | "uneven-steps"
  | "anchoring"
  | "ramp-off-deadline"
  | "ramp-mismatch"
  | "ramp-without-deadline"
  | "repeats";

export interface ScheduleProblem {
  readonly target: Target;
  readonly kind: ScheduleProblemKind;
  readonly message: string;
  /** The milestones the problem is about, in order: the smallest fragment of the schedule that shows it. */
  readonly milestones: readonly Milestone[];
  /** The milestone at fault, one of `milestones`, and what it should have been, when that is known. */
  readonly at: Milestone | undefined;
  readonly expected: string | undefined;
}

const pct = (r: Rational): string => `${toDecimalString(r)}%`;

/** Every consistency problem of a target's schedule; ongoing repeats are checked up to `through`. */
export function scheduleProblems(target: Target, through?: IsoDate): ScheduleProblem[] {
  const ms = target.schedule.milestones;
  if (ms.length === 0) return [problem(target, "empty", "the schedule has no milestone", [], undefined)];
  const ordered = order(target, ms);
  if (ordered.length > 0) return ordered;
  return [...ranges(target, ms), ...monotone(target, ms), ...ramps(target, ms), ...repeats(target, through)];
}

function problem(target: Target, kind: ScheduleProblemKind, message: string, milestones: readonly Milestone[], at: Milestone | undefined, expected?: string): ScheduleProblem {
  return { target, kind, message, milestones, at, expected };
}

function order(target: Target, ms: readonly Milestone[]): ScheduleProblem[] {
  const i = ms.findIndex((m, k) => k > 0 && m.date <= ms[k - 1]!.date);
  if (i < 0) return [];
  return [problem(target, "dates-not-increasing", `the milestone on ${ms[i]!.date} is not after the one before it (${ms[i - 1]!.date})`, ms.slice(i - 1, i + 1), ms[i])];
}

function ranges(target: Target, ms: readonly Milestone[]): ScheduleProblem[] {
  const out = ms.find((m) => compare(m.threshold, rational(0)) < 0 || compare(m.threshold, rational(100)) > 0);
  return out ? [problem(target, "out-of-range", `${pct(out.threshold)} on ${out.date} is outside 0% to 100%`, [out], out, "0% to 100%")] : [];
}

function monotone(target: Target, ms: readonly Milestone[]): ScheduleProblem[] {
  const wrong = (a: Milestone, b: Milestone) => (rises(target.comparison) ? compare(b.threshold, a.threshold) < 0 : compare(b.threshold, a.threshold) > 0);
  const i = ms.findIndex((m, k) => k > 0 && wrong(ms[k - 1]!, m));
  if (i < 0) return [];
  const verb = rises(target.comparison) ? "falls" : "rises";
  const [a, b] = [ms[i - 1]!, ms[i]!];
  return [problem(target, "not-monotone", `the threshold ${verb} from ${pct(a.threshold)} to ${pct(b.threshold)} on ${b.date}, against \`${target.comparison}\``, [a, b], b, `${rises(target.comparison) ? "at least" : "at most"} ${pct(a.threshold)}`)];
}

/** A stated milestone, the step milestones after it, and the stated milestone they lead to, if any. */
interface Ramp {
  readonly start: Milestone;
  readonly steps: readonly Milestone[];
  readonly deadline: Milestone | undefined;
}

function rampsOf(ms: readonly Milestone[]): Ramp[] {
  const found: Ramp[] = [];
  ms.forEach((m, i) => {
    if (i === ms.length - 1 || ms[i + 1]!.origin !== "step" || (i > 0 && m.origin === "step")) return;
    let j = i + 1;
    while (j < ms.length && ms[j]!.origin === "step") j++;
    found.push({ start: m, steps: ms.slice(i + 1, j), deadline: ms[j] });
  });
  return found;
}

function ramps(target: Target, ms: readonly Milestone[]): ScheduleProblem[] {
  return rampsOf(ms).flatMap((ramp) => rampProblem(target, ramp) ?? []);
}

function rampProblem(target: Target, ramp: Ramp): ScheduleProblem | undefined {
  const all = [ramp.start, ...ramp.steps, ...(ramp.deadline ? [ramp.deadline] : [])];
  const increment = sub(ramp.steps[0]!.threshold, ramp.start.threshold);
  const step = `${compare(increment, rational(0)) < 0 ? "" : "+"}${pct(increment)}`;
  const uneven = ramp.steps.findIndex((m, k) => !equals(m.threshold, valueAt(ramp, increment, k + 1)));
  if (uneven >= 0) {
    const m = ramp.steps[uneven]!;
    const expected = pct(valueAt(ramp, increment, uneven + 1));
    return problem(target, "uneven-steps", `step ${uneven + 1} of the ramp from ${ramp.start.date} is ${pct(m.threshold)}, but ${step} a step from ${pct(ramp.start.threshold)} makes ${expected}`, all, m, expected);
  }
  const period = inferPeriod(ramp);
  if (!period.fits) return anchoring(target, ramp, all, period);
  if (equals(increment, rational(0))) return hold(target, ramp, all, period.period);
  if (!ramp.deadline) return problem(target, "ramp-without-deadline", `the ramp ${step} a step from ${ramp.start.date} has no stated milestone to end on`, all, ramp.steps.at(-1));
  return deadline(target, ramp, all, period.period, increment, step);
}

const valueAt = (ramp: Ramp, increment: Rational, k: number): Rational => add(ramp.start.threshold, mul(rational(k), increment));

interface PeriodFit {
  readonly period: Period;
  readonly fits: boolean;
  /** The first step that is not where the period puts it. */
  readonly miss: number;
}

/** Whole days from one date to another; ISO dates parse as UTC midnights, so no zone shifts them. */
const daysBetween = (from: IsoDate, to: IsoDate): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The periods a step from one date to the next could be: a number of months, or of weeks. */
export function periodsBetween(from: IsoDate, to: IsoDate): Period[] {
  const months = monthOfDate(to) - monthOfDate(from);
  const days = daysBetween(from, to);
  return [
    ...(months >= 1 ? [{ unit: "month" as const, count: months }] : []),
    ...(days % 7 === 0 && days > 0 ? [{ unit: "week" as const, count: days / 7 }] : []),
  ];
}

/** The period that puts the steps where they are, counted from the start: months if any does. */
function inferPeriod(ramp: Ramp): PeriodFit {
  const candidates = periodsBetween(ramp.start.date, ramp.steps[0]!.date);
  const months = monthOfDate(ramp.steps[0]!.date) - monthOfDate(ramp.start.date);
  const fits = candidates.map((period): PeriodFit => {
    const miss = ramp.steps.findIndex((m, k) => m.date !== advance(ramp.start.date, period, k + 1));
    return { period, fits: miss < 0, miss: miss < 0 ? ramp.steps.length : miss };
  });
  const best = fits.find((f) => f.fits) ?? fits.sort((a, b) => b.miss - a.miss)[0];
  return best ?? { period: { unit: "month", count: Math.max(months, 1) }, fits: false, miss: 0 };
}

function anchoring(target: Target, ramp: Ramp, all: readonly Milestone[], fit: PeriodFit): ScheduleProblem {
  const m = ramp.steps[fit.miss]!;
  const expected = advance(ramp.start.date, fit.period, fit.miss + 1);
  const monthEnd = fit.period.unit === "month" && isMonthEnd(ramp.start.date) ? ", a month end, so every step falls on a month end" : "";
  return problem(
    target,
    "anchoring",
    `step ${fit.miss + 1} of the ramp falls on ${m.date}, but counting ${describe(fit.period)} from the anchor ${ramp.start.date}${monthEnd} puts it on ${expected}`,
    all,
    m,
    expected,
  );
}

/** A step with no increment holds the threshold every period until the next milestone. */
function hold(target: Target, ramp: Ramp, all: readonly Milestone[], period: Period): ScheduleProblem | undefined {
  const next = advance(ramp.start.date, period, ramp.steps.length + 1);
  if (!ramp.deadline || ramp.deadline.date <= next) return undefined;
  return problem(target, "anchoring", `the threshold held ${describe(period)} from ${ramp.start.date} has no step on ${next}, before the next milestone on ${ramp.deadline.date}`, all, ramp.deadline, next);
}

function deadline(target: Target, ramp: Ramp, all: readonly Milestone[], period: Period, increment: Rational, step: string): ScheduleProblem | undefined {
  const end = ramp.deadline!;
  const k = ramp.steps.length + 1;
  const lands = advance(ramp.start.date, period, k);
  if (end.date !== lands) {
    return problem(target, "ramp-off-deadline", `the ramp ${step} ${describe(period)} from ${ramp.start.date} has its next step on ${lands}, not on the deadline ${end.date}`, all, end, lands);
  }
  const reached = valueAt(ramp, increment, k);
  if (equals(reached, end.threshold)) return undefined;
  return problem(
    target,
    "ramp-mismatch",
    `the ramp ${pct(ramp.start.threshold)} on ${ramp.start.date}, ${step} ${describe(period)}, reaches ${pct(reached)} on ${end.date}, but the milestone there says ${pct(end.threshold)}`,
    all,
    end,
    pct(reached),
  );
}

function describe(period: Period): string {
  if (period.unit === "week") return period.count === 1 ? "a week" : `every ${period.count} weeks`;
  return period.count === 1 ? "a month" : `every ${period.count} months`;
}

/** An ongoing target repeats its last threshold on the dates counted from its last milestone. */
function repeats(target: Target, through: IsoDate | undefined): ScheduleProblem[] {
  const { milestones, repeat } = target.schedule;
  const last = milestones.at(-1)!;
  if (!repeat) return [];
  const end = through ?? repeat.until ?? `${parts(last.date).year + 1}-12-31`;
  const expanded = milestonesThrough(target.schedule, end as IsoDate).slice(milestones.length);
  const i = expanded.findIndex((m, k) => m.date !== advance(last.date, repeat.period, k + 1) || !equals(m.threshold, last.threshold));
  if (i < 0) return [];
  const m = expanded[i]!;
  const expected = `${advance(last.date, repeat.period, i + 1)} at ${pct(last.threshold)}`;
  return [problem(target, "repeats", `repeat ${i + 1} after ${last.date} is on ${m.date} at ${pct(m.threshold)}, not ${expected}`, [last, m], m, expected)];
}
