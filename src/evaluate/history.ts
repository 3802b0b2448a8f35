/**
 * The evaluations a report's charts draw: one at the end of every month with data, while the policy
 * is in force, up to the as-of date, and one on the as-of date itself. Each is the evaluator's own
 * answer on that date, so a chart shows exactly what `chitieu eval --as-of` would have said then.
 * Months after the last with data add nothing to a chart, so `--as-of 2999-12-31` draws the data's
 * months and one more point, not 977 years of them.
 */
import { monthOfDate } from "../data/period.js";
import type { Policy } from "../model/policy.js";
import { endOfMonth, isoDate, type IsoDate } from "../time/calendar.js";
import type { DataSet } from "./dataset.js";
import type { Evaluator, PreparedData } from "./evaluate.js";
import type { Evaluation } from "./result.js";

/**
 * Month ends from the month `first` (a month index) up to the month `last` (when given) and
 * before `asOf`, then `asOf` if it is not one of them.
 */
export function historyDates(first: number | undefined, asOf: IsoDate, last: number = Infinity): IsoDate[] {
  const dates: IsoDate[] = [];
  if (first !== undefined) {
    for (let month = first; month <= last; month++) {
      const end = endOfMonth(isoDate(Math.floor(month / 12), (month % 12) + 1, 1)!);
      if (end >= asOf) break;
      dates.push(end);
    }
  }
  dates.push(asOf);
  return dates;
}

/** Evaluations on every date of `historyDates`, the last being the one on `asOf`. */
export function evaluationHistory(evaluator: Evaluator, prepared: PreparedData, asOf: IsoDate): Evaluation[] {
  const { first, last } = monthsToDraw(evaluator.policy, prepared.data);
  return historyDates(first, asOf, last).map((date) => evaluator.evaluate(prepared, { asOf: date }));
}

/** The months with data that the policy was in force in; none when there is no data. */
function monthsToDraw(policy: Policy, data: DataSet): { first: number | undefined; last: number } {
  if (data.slot.length < 2) return { first: undefined, last: -Infinity };
  const effective = policy.effective;
  const from = effective ? monthOfDate(effective.from) : -Infinity;
  const until = effective?.until ? monthOfDate(effective.until) : Infinity;
  return { first: Math.max(data.first, from), last: Math.min(data.first + data.slot.length - 2, until) };
}
