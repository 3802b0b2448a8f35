/**
 * One unit against one target: the counts over the window, the exact verdict, how far off, how
 * many cases would close the gap, and what the next milestone asks. Everything that is the same for
 * all units under a target is in its plan, worked out once per as-of date; this file runs per unit
 * and allocates only the result it returns.
 */
import { formatMonth, monthOfDate } from "../data/period.js";
import type { MonthIndex } from "../data/types.js";
import type { Milestone, Policy, Target } from "../model/policy.js";
import { rational } from "../number/rational.js";
import type { IsoDate } from "../time/calendar.js";
import { sumWindow, type DataSet, type Sum, type UnitSeries } from "./dataset.js";
import { scorePoints, type MetricValue } from "./points.js";
import { holds } from "../model/expression.js";
import { compareRate, needed, thresholdOf, type Threshold } from "./rate.js";
import type { Result, RuleRef, Status } from "./result.js";
import { windowMonths, type MonthRange } from "./window.js";

/** What is the same for every unit under a target on one as-of date. */
export interface TargetPlan {
  readonly target: Target;
  readonly rule: RuleRef;
  readonly rises: boolean;
  readonly numerator: number;
  readonly denominator: number;
  readonly due: { readonly date: IsoDate; readonly month: MonthIndex; readonly threshold: Threshold; readonly window: MonthRange } | undefined;
  readonly windowText: { readonly from: string; readonly to: string; readonly months: number } | undefined;
  readonly next: { readonly date: IsoDate; readonly threshold: number; readonly months: number } | undefined;
}

export function planTarget(policy: Policy, target: Target, data: DataSet, due: Milestone | undefined, next: Milestone | undefined, asOf: IsoDate): TargetPlan {
  const metric = policy.metrics.get(target.metric)!;
  const start = monthOfDate(target.schedule.milestones[0]!.date);
  const dueMonth = due && monthOfDate(due.date);
  const window = due && windowMonths(metric.window, dueMonth!, start);
  const from = dueMonth ?? monthOfDate(asOf);
  return {
    target,
    rule: { file: target.rule.file, line: target.rule.line },
    rises: target.comparison === ">=" || target.comparison === ">",
    numerator: data.fields.indexOf(metric.numerator),
    denominator: data.fields.indexOf(metric.denominator),
    due: due && { date: due.date, month: dueMonth!, threshold: thresholdOf(due.threshold), window: window! },
    windowText: window && { from: formatMonth(window.from), to: formatMonth(window.to), months: window.to - window.from + 1 },
    next: next && { date: next.date, threshold: Number(next.threshold.num) / Number(next.threshold.den), months: monthOfDate(next.date) - from },
  };
}

// Reused across calls: the hot loop allocates only the result it returns.
const numerator: Sum = { value: 0, monthsWithData: 0 };
const denominator: Sum = { value: 0, monthsWithData: 0 };

export function scoreTarget(series: UnitSeries, plan: TargetPlan, overrides: Result["explanation"]["overrides"], data: DataSet): Result {
  const { target, due } = plan;
  if (!due) return row(series, plan, "not-due", null, null, null, overrides, 0);
  sumWindow(data, series, plan.numerator, due.window, numerator);
  sumWindow(data, series, plan.denominator, due.window, denominator);
  // An empty cell is "not reported", not zero: a rate needs both of its counts.
  const monthsWithData = Math.min(numerator.monthsWithData, denominator.monthsWithData);
  if (monthsWithData === 0) return row(series, plan, "no-data", null, null, null, overrides, 0);
  const num = numerator.value;
  const den = denominator.value;
  if (den === 0) return row(series, plan, "no-denominator", num, den, points(target, "no-denominator"), overrides, monthsWithData);
  const status: Status = holds(target.comparison, compareRate(num, den, due.threshold)) ? "met" : "missed";
  return row(series, plan, status, num, den, target.points ? points(target, rational(num, den)) : null, overrides, monthsWithData);
}

function row(
  series: UnitSeries,
  plan: TargetPlan,
  status: Status,
  num: number | null,
  den: number | null,
  score: number | null,
  overrides: Result["explanation"]["overrides"],
  monthsWithData: number,
): Result {
  const { target, due } = plan;
  const judged = status === "met" || status === "missed";
  const actual = judged ? (100 * num!) / den! : null;
  const threshold = due ? due.threshold.percent : null;
  const text = plan.windowText;
  return {
    unit: series.unit.id,
    tier: series.unit.tier,
    metric: target.metric,
    target: target.id,
    milestone: due ? due.date : null,
    op: target.comparison,
    threshold,
    actual,
    numerator: num,
    denominator: den,
    status,
    gapPoints: judged ? (plan.rises ? threshold! - actual! : actual! - threshold!) : null,
    needed: judged ? needed(target.comparison, num!, den!, due!.threshold) : null,
    score,
    rank: null,
    next: nextOf(plan, actual),
    rule: plan.rule,
    explanation: {
      window: text ? { from: text.from, to: text.to, months: text.months, monthsWithData } : null,
      overrides,
      reason: null,
    },
  };
}

function points(target: Target, value: MetricValue): number | null {
  return target.points ? scorePoints(target.points, () => value) : null;
}

/** The next milestone, and the rise a month from the current one that would meet it. */
function nextOf(plan: TargetPlan, actual: number | null): Result["next"] {
  const next = plan.next;
  if (!next) return null;
  if (actual === null || next.months <= 0) return { date: next.date, threshold: next.threshold, risePerMonth: null };
  const rise = (next.threshold - actual) / next.months;
  return { date: next.date, threshold: next.threshold, risePerMonth: plan.rises ? Math.max(0, rise) : Math.min(0, rise) };
}
