/** fast-check generators for schedules, written as policy text so tests go through the whole pipeline. */
import fc from "fast-check";
import { addDays, endOfMonth, isoDate, type IsoDate } from "../../src/time/calendar.js";

export interface RampCase {
  readonly start: IsoDate;
  readonly period: { readonly unit: "month" | "week"; readonly count: number };
  readonly steps: number;
  /** Tenths of a percentage point, so values like 48.6% and steps like 0.1% come up. */
  readonly startTenths: number;
  readonly incrementTenths: number;
}

export const calendarDate = (): fc.Arbitrary<IsoDate> =>
  fc
    .record({ year: fc.integer({ min: 2000, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => isoDate(year, month, day) ?? endOfMonth(isoDate(year, month, 1)!));

/** A start date that is a month end half of the time, since decisions mostly anchor there. */
export const anchorDate = (): fc.Arbitrary<IsoDate> => fc.oneof(calendarDate(), calendarDate().map(endOfMonth));

export const rampCase = (): fc.Arbitrary<RampCase> =>
  fc
    .record({
      start: anchorDate(),
      period: fc.oneof(
        fc.record({ unit: fc.constant("month" as const), count: fc.constantFrom(1, 2, 3, 12) }),
        fc.record({ unit: fc.constant("week" as const), count: fc.constantFrom(1, 2) }),
      ),
      steps: fc.integer({ min: 1, max: 24 }),
      startTenths: fc.integer({ min: 0, max: 1000 }),
    })
    .chain((c) =>
      fc.integer({ min: 1, max: Math.max(1, Math.floor((1000 - c.startTenths) / c.steps)) }).map((incrementTenths) => ({ ...c, incrementTenths })),
    )
    .filter((c) => c.startTenths + c.steps * c.incrementTenths <= 1000);

export const percent = (tenths: number): string => `${Math.trunc(tenths / 10)}${tenths % 10 === 0 ? "" : `,${tenths % 10}`}%`;

export const stepWords = (period: RampCase["period"]): string =>
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

export const daysAround = (date: IsoDate, before: number, after: number): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: -before, max: after }).map((n) => addDays(date, n));
