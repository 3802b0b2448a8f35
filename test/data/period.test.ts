import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMonth, monthIndex, monthOfDate, parsePeriod, periodsOverlap } from "../../src/data/period.js";
import { isoDate, type IsoDate } from "../../src/time/calendar.js";

const m = monthIndex;

describe("parsePeriod", () => {
  it.each([
    ["2022-10", "2022-10", m(2022, 10), m(2022, 10)],
    ["10/2022", "2022-10", m(2022, 10), m(2022, 10)],
    ["3/2022", "2022-03", m(2022, 3), m(2022, 3)],
    ["2022-3", "2022-03", m(2022, 3), m(2022, 3)],
    ["2022-Q3", "2022-Q3", m(2022, 7), m(2022, 9)],
    ["Q3/2022", "2022-Q3", m(2022, 7), m(2022, 9)],
    ["2022-q4", "2022-Q4", m(2022, 10), m(2022, 12)],
    ["q1/2023", "2023-Q1", m(2023, 1), m(2023, 3)],
    ["2024-H1", "2024-H1", m(2024, 1), m(2024, 6)],
    ["h2/2024", "2024-H2", m(2024, 7), m(2024, 12)],
    ["2022", "2022", m(2022, 1), m(2022, 12)],
  ])("reads %s as %s", (text, canonical, from, to) => {
    expect(parsePeriod(text)).toEqual({ text: canonical, from, to });
  });

  it.each(["", "2022-13", "2022-00", "13/2022", "2022-Q0", "2022-Q5", "2022-H3", "Q3-2022", "22-10", "1899", "3000", " 2022-10", "2022-10-01", "2022/10", "Quý 3/2022", "2022-Q"])(
    "refuses %j",
    (text) => {
      expect(parsePeriod(text)).toBeUndefined();
    },
  );
});

describe("months", () => {
  it("numbers months consecutively across years", () => {
    expect(m(2022, 12) + 1).toBe(m(2023, 1));
    expect(formatMonth(m(2022, 10))).toBe("2022-10");
    expect(monthOfDate("2022-09-30" as IsoDate)).toBe(m(2022, 9));
  });

  it("tells overlapping periods apart", () => {
    const p = (text: string) => parsePeriod(text)!;
    expect(periodsOverlap(p("2022-10"), p("2022-Q4"))).toBe(true);
    expect(periodsOverlap(p("2022-Q3"), p("2022-Q4"))).toBe(false);
    expect(periodsOverlap(p("2022"), p("2022-06"))).toBe(true);
  });

  const month = fc.record({ year: fc.integer({ min: 1900, max: 2999 }), month: fc.integer({ min: 1, max: 12 }) });

  it("formatMonth and parsePeriod round-trip", () => {
    fc.assert(
      fc.property(month, ({ year, month }) => {
        const i = m(year, month);
        expect(parsePeriod(formatMonth(i))).toEqual({ text: formatMonth(i), from: i, to: i });
      }),
    );
  });

  it("reads every period back from its canonical text", () => {
    const spellings = ({ year, month }: { year: number; month: number }) => [
      `${month}/${year}`,
      `Q${Math.ceil(month / 3)}/${year}`,
      `${year}-h${Math.ceil(month / 6)}`,
      String(year),
    ];
    fc.assert(
      fc.property(month, (at) => {
        for (const text of spellings(at)) {
          const period = parsePeriod(text)!;
          expect(parsePeriod(period.text)).toEqual(period);
          expect(period.from).toBeLessThanOrEqual(m(at.year, at.month));
          expect(period.to).toBeGreaterThanOrEqual(m(at.year, at.month));
        }
      }),
    );
  });

  it("monthOfDate agrees with the date's own year and month", () => {
    fc.assert(
      fc.property(month, fc.integer({ min: 1, max: 28 }), ({ year, month }, day) => {
        const date = isoDate(year, month, day)!;
        expect(formatMonth(monthOfDate(date))).toBe(date.slice(0, 7));
      }),
    );
  });
});
