/**
 * One unit against one target: the counts over the window, the exact verdict, how far off, how
 * many cases would close the gap. Everything that is the same for all units under a target is in
 * its plan, worked out once per as-of date; this file runs per unit, writes one row of the result
 * table and allocates nothing.
 */
import { formatMonth, monthOfDate } from "../data/period.js";
import type { MonthIndex } from "../data/types.js";
import { holds, rises } from "../model/expression.js";
import type { Milestone, Policy, Target } from "../model/policy.js";
import { rational } from "../number/rational.js";
import type { IsoDate } from "../time/calendar.js";
import { monthsExisted, sumWindow, type DataSet, type Sum } from "./dataset.js";
import { scorePoints, type MetricValue } from "./points.js";
import { compareRate, needed, thresholdOf, type Threshold } from "./rate.js";
import type { RuleRef } from "./result.js";
import { INCOMPLETE, MET, MISSED, NO_DATA, NO_DENOMINATOR, NOT_DUE, type ResultTable } from "./table.js";
import { windowMonths, type MonthRange } from "./window.js";

/** What is the same for every unit under a target on one as-of date. */
export interface TargetPlan {
  readonly target: Target;
  readonly rule: RuleRef;
  readonly rises: boolean;
  /** The metric requires complete windows: one with unreported months is not judged. */
  readonly complete: boolean;
  readonly numerator: number;
  readonly denominator: number;
  readonly due: { readonly date: IsoDate; readonly month: MonthIndex; readonly threshold: Threshold; readonly window: MonthRange } | undefined;
  readonly windowText: { readonly from: string; readonly to: string } | undefined;
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
    rises: rises(target.comparison),
    complete: metric.complete,
    numerator: data.fields.indexOf(metric.numerator),
    denominator: data.fields.indexOf(metric.denominator),
    due: due && { date: due.date, month: dueMonth!, threshold: thresholdOf(due.threshold), window: window! },
    windowText: window && { from: formatMonth(window.from), to: formatMonth(window.to) },
    next: next && { date: next.date, threshold: Number(next.threshold.num) / Number(next.threshold.den), months: monthOfDate(next.date) - from },
  };
}

// Reused across calls: the hot loop allocates nothing.
const numerator: Sum = { value: 0, monthsWithData: 0 };
const denominator: Sum = { value: 0, monthsWithData: 0 };

/** Scores unit `u` into row `i` of the table, whose unit, metric and target are already set. */
export function scoreTarget(table: ResultTable, i: number, u: number, plan: TargetPlan, data: DataSet): void {
  const { target, due } = plan;
  if (!due) {
    table.status[i] = NOT_DUE;
    return;
  }
  sumWindow(data, u, plan.numerator, due.window, numerator);
  sumWindow(data, u, plan.denominator, due.window, denominator);
  // An empty cell is "not reported", not zero: a rate needs both of its counts.
  const monthsWithData = Math.min(numerator.monthsWithData, denominator.monthsWithData);
  const months = monthsExisted(data, u, due.window);
  table.monthsWithData[i] = monthsWithData;
  table.months[i] = months;
  if (monthsWithData === 0) {
    table.status[i] = NO_DATA;
    return;
  }
  const num = numerator.value;
  const den = denominator.value;
  table.numerator[i] = num;
  table.denominator[i] = den;
  // Ahead of the denominator: a partial window is not judged at all, not even as having no rate.
  if (plan.complete && monthsWithData < months) {
    table.status[i] = INCOMPLETE;
    if (den > 0) table.actual[i] = (100 * num) / den;
    return;
  }
  if (den === 0) {
    table.status[i] = NO_DENOMINATOR;
    if (target.points) table.score[i] = points(target, "no-denominator");
    return;
  }
  judge(table, i, plan, num, den, due.threshold);
  if (target.points) table.score[i] = points(target, rational(num, den));
}

/** Met or missed, exactly, with the gap in points and the cases that would close it. */
function judge(table: ResultTable, i: number, plan: TargetPlan, num: number, den: number, t: Threshold): void {
  const actual = (100 * num) / den;
  const op = plan.target.comparison;
  table.actual[i] = actual;
  table.gapPoints[i] = plan.rises ? t.percent - actual : actual - t.percent;
  table.needed[i] = needed(op, num, den, t) ?? Number.NaN;
  table.status[i] = holds(op, compareRate(num, den, t)) ? MET : MISSED;
}

function points(target: Target, value: MetricValue): number {
  return scorePoints(target.points!, () => value).points ?? Number.NaN;
}
