/**
 * The evaluations a report's charts draw: one at the end of every month from the first month with
 * data up to the as-of date, and one on the as-of date itself. Each is the evaluator's own answer
 * on that date, so a chart shows exactly what `chitieu eval --as-of` would have said then.
 */
import type { Evaluator, PreparedData } from "./evaluate.js";
import type { Evaluation } from "./result.js";
import { endOfMonth, isoDate, type IsoDate } from "../time/calendar.js";

/** Month ends from the month `first` (a month index) up to `asOf`, then `asOf` if it is not one. */
export function historyDates(first: number | undefined, asOf: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  if (first !== undefined) {
    for (let month = first; ; month++) {
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
  const first = prepared.data.months > 0 ? prepared.data.first : undefined;
  return historyDates(first, asOf).map((date) => evaluator.evaluate(prepared, { asOf: date }));
}
