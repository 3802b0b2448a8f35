/**
 * One unit against one target: the counts over the window, the exact verdict, how far off, how
 * many cases would close the gap, and what the next milestone asks.
 */
import { formatMonth, monthOfDate } from "../data/period.js";
import type { MonthIndex } from "../data/types.js";
import type { Milestone, Target } from "../model/policy.js";
import { rational } from "../number/rational.js";
import { sumWindow, type DataSet, type Sum, type UnitSeries } from "./dataset.js";
import { scorePoints, type MetricValue } from "./points.js";
import { compareRate, meets, needed, type Threshold } from "./rate.js";
import type { Result, Status } from "./result.js";
import type { MonthRange } from "./window.js";

/** What is the same for every unit under a target on one as-of date, worked out once. */
export interface TargetPlan {
  readonly target: Target;
  readonly numerator: number;
  readonly denominator: number;
  readonly due: Milestone | undefined;
  readonly threshold: Threshold | undefined;
  readonly window: MonthRange | undefined;
  readonly next: Milestone | undefined;
  readonly asOfMonth: MonthIndex;
}

// Reused across calls: the hot loop allocates only the result it returns.
const numerator: Sum = { value: 0, monthsWithData: 0 };
const denominator: Sum = { value: 0, monthsWithData: 0 };

export function scoreTarget(series: UnitSeries, plan: TargetPlan, overrides: readonly Target[], data: DataSet): Result {
  const { target, due, threshold, window } = plan;
  const base = {
    unit: series.unit.id,
    tier: series.unit.tier,
    metric: target.metric,
    target: target.id,
    op: target.comparison,
    rule: { file: target.rule.file, line: target.rule.line },
  };
  const explanation = {
    window: window ? { from: formatMonth(window.from), to: formatMonth(window.to), months: window.to - window.from + 1, monthsWithData: 0 } : null,
    overrides: overrides.map((t) => ({ target: t.id, rule: { file: t.rule.file, line: t.rule.line } })),
    reason: null,
  };
  if (!due || !threshold || !window) {
    return { ...base, ...empty("not-due"), milestone: null, threshold: null, next: nextOf(plan, null, plan.asOfMonth), explanation };
  }
  sumWindow(data, series, plan.numerator, window, numerator);
  sumWindow(data, series, plan.denominator, window, denominator);
  const monthsWithData = Math.max(numerator.monthsWithData, denominator.monthsWithData);
  const counted = { ...explanation, window: { ...explanation.window!, monthsWithData } };
  const head = { ...base, milestone: due.date, threshold: threshold.percent, explanation: counted };
  if (monthsWithData === 0) return { ...head, ...empty("no-data"), next: nextOf(plan, null, monthOfDate(due.date)) };
  const num = numerator.value;
  const den = denominator.value;
  if (den === 0) return { ...head, ...empty("no-denominator"), numerator: num, denominator: den, score: points(target, "no-denominator"), next: nextOf(plan, null, monthOfDate(due.date)) };
  const actual = (100 * num) / den;
  const status: Status = meets(target.comparison, compareRate(num, den, threshold)) ? "met" : "missed";
  return {
    ...head,
    status,
    actual,
    numerator: num,
    denominator: den,
    gapPoints: target.comparison === ">=" || target.comparison === ">" ? threshold.percent - actual : actual - threshold.percent,
    needed: needed(target.comparison, num, den, threshold),
    score: points(target, rational(num, den)),
    rank: null,
    next: nextOf(plan, actual, monthOfDate(due.date)),
  };
}

function empty(status: Status) {
  return { status, actual: null, numerator: null, denominator: null, gapPoints: null, needed: null, score: null, rank: null };
}

function points(target: Target, value: MetricValue): number | null {
  return target.points ? scorePoints(target.points, () => value) : null;
}

/** The next milestone, and the rise a month from the current one that would meet it. */
function nextOf(plan: TargetPlan, actual: number | null, fromMonth: MonthIndex): Result["next"] {
  const next = plan.next;
  if (!next) return null;
  const threshold = Number(next.threshold.num) / Number(next.threshold.den);
  const months = monthOfDate(next.date) - fromMonth;
  if (actual === null || months <= 0) return { date: next.date, threshold, risePerMonth: null };
  const rises = plan.target.comparison === ">=" || plan.target.comparison === ">";
  const rise = (threshold - actual) / months;
  return { date: next.date, threshold, risePerMonth: rises ? Math.max(0, rise) : Math.min(0, rise) };
}
