/** The months whose counts a metric sums for a milestone: its window, as a range of month indexes. */
import type { MonthIndex } from "../data/types.js";
import type { Window } from "../model/policy.js";

export interface MonthRange {
  readonly from: MonthIndex;
  readonly to: MonthIndex;
}

/**
 * `month` is the milestone's own month; `quarter` and `year-to-date` run from the start of its
 * quarter or year; `since-start` from the schedule's first milestone; `N months` the N ending with it.
 */
export function windowMonths(window: Window, milestone: MonthIndex, scheduleStart: MonthIndex): MonthRange {
  switch (window.kind) {
    case "month":
      return { from: milestone, to: milestone };
    case "quarter":
      return { from: milestone - (milestone % 3), to: milestone };
    case "year-to-date":
      return { from: milestone - (milestone % 12), to: milestone };
    case "since-start":
      return { from: Math.min(scheduleStart, milestone), to: milestone };
    case "rolling":
      return { from: milestone - window.months + 1, to: milestone };
  }
}
