/**
 * Reading a schedule: which milestones fall in a span of dates, which one is due on a date, which
 * comes next. An ongoing target's repeats are produced on demand, never stored.
 */
import type { Milestone, Period, Schedule } from "../model/policy.js";
import { addDays, addMonths, type IsoDate } from "../time/calendar.js";

/** The k-th period after the anchor, always counted from the anchor so month ends stay month ends. */
export function advance(anchor: IsoDate, period: Period, k: number): IsoDate {
  return period.unit === "month" ? addMonths(anchor, k * period.count) : addDays(anchor, 7 * k * period.count);
}

/** Every milestone on or before `through`, with an ongoing target's repeats expanded. */
export function milestonesThrough(schedule: Schedule, through: IsoDate): Milestone[] {
  const stated = schedule.milestones.filter((m) => m.date <= through);
  const last = schedule.milestones.at(-1);
  if (!schedule.repeat || !last) return stated;
  const end = schedule.repeat.until !== undefined && schedule.repeat.until < through ? schedule.repeat.until : through;
  const repeats: Milestone[] = [];
  for (let k = 1; ; k++) {
    const date = advance(last.date, schedule.repeat.period, k);
    if (date > end) break;
    repeats.push({ date, threshold: last.threshold, origin: "step" });
  }
  return [...stated, ...repeats];
}

/** The milestone in force on `date`: the latest on or before it (undefined before the first). */
export function dueMilestone(schedule: Schedule, date: IsoDate): Milestone | undefined {
  return milestonesThrough(schedule, date).at(-1);
}

/** The first milestone after `date`, if the schedule has one. */
export function nextMilestone(schedule: Schedule, date: IsoDate): Milestone | undefined {
  const stated = schedule.milestones.find((m) => m.date > date);
  if (stated) return stated;
  const last = schedule.milestones.at(-1);
  if (!schedule.repeat || !last) return undefined;
  for (let k = 1; ; k++) {
    const next = advance(last.date, schedule.repeat.period, k);
    if (schedule.repeat.until !== undefined && next > schedule.repeat.until) return undefined;
    if (next > date) return { date: next, threshold: last.threshold, origin: "step" };
  }
}
