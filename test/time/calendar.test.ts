import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ZONE,
  addDays,
  addMonths,
  compareDates,
  endOfMonth,
  endOfYear,
  formatDate,
  isMonthEnd,
  isoDate,
  parseDate,
  parts,
  todayIn,
  type IsoDate,
} from "../../src/time/calendar.js";

function date(text: string): IsoDate {
  const d = parseDate(text);
  if (!d) throw new Error(`test fixture is not a date: ${text}`);
  return d;
}

function fromUtc(js: Date): IsoDate {
  const d = isoDate(js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate());
  if (!d) throw new Error(`generated an unsupported date: ${js.toISOString()}`);
  return d;
}

function monthIndex(d: IsoDate): number {
  const { year, month } = parts(d);
  return year * 12 + month;
}

function monthLength(d: IsoDate): number {
  return parts(endOfMonth(d)).day;
}

const arbDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2999-12-31T23:59:59Z"), noInvalidDate: true })
  .map(fromUtc);
const arbMonths = fc.integer({ min: -1200, max: 1200 });

describe("parseDate", () => {
  it.each([
    ["2022-09-30", "2022-09-30"],
    ["30/09/2022", "2022-09-30"],
    ["30/9/2022", "2022-09-30"],
    ["3/8/2022", "2022-08-03"],
    ["29/02/2024", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["1900-01-01", "1900-01-01"],
    ["31/12/2999", "2999-12-31"],
  ])("parses %s as %s", (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each([
    "2022-02-30",
    "31/04/2022",
    "29/02/2023",
    "1900-02-29",
    "2022-00-10",
    "2022-13-01",
    "00/01/2022",
    "1/13/2022",
    "1899-12-31",
    "3000-01-01",
    "01/01/1899",
    "2022-9-30",
    "30-09-2022",
    "2022/09/30",
    "123/1/2022",
    "30/09/22",
    " 2022-09-30",
    "2022-09-30T00:00",
    "",
  ])("rejects %j", (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it("inverts formatDate in both styles", () => {
    fc.assert(
      fc.property(arbDate, fc.constantFrom("iso" as const, "vi" as const), (d, style) => {
        expect(parseDate(formatDate(d, style))).toBe(d);
      }),
    );
  });

  it("accepts day and month without zero padding", () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        const { year, month, day } = parts(d);
        expect(parseDate(`${day}/${month}/${year}`)).toBe(d);
      }),
    );
  });
});

describe("isoDate and parts", () => {
  it.each<[number, number, number, string | undefined]>([
    [2022, 9, 30, "2022-09-30"],
    [2024, 2, 29, "2024-02-29"],
    [2023, 2, 29, undefined],
    [2022, 4, 31, undefined],
    [2022, 1.5, 1, undefined],
    [2022, 1, 0, undefined],
    [1899, 12, 31, undefined],
    [3000, 1, 1, undefined],
  ])("isoDate(%d, %d, %d) is %s", (year, month, day, expected) => {
    expect(isoDate(year, month, day)).toBe(expected);
  });

  it("are inverse", () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        const { year, month, day } = parts(d);
        expect(isoDate(year, month, day)).toBe(d);
      }),
    );
  });
});

describe("month and year ends", () => {
  it.each([
    ["2022-09-30", true],
    ["2022-10-30", false],
    ["2024-02-29", true],
    ["2024-02-28", false],
    ["2023-02-28", true],
    ["2022-12-31", true],
  ])("isMonthEnd(%s) is %s", (d, expected) => {
    expect(isMonthEnd(date(d))).toBe(expected);
  });

  it.each([
    ["2022-09-01", "2022-09-30"],
    ["2024-02-10", "2024-02-29"],
    ["1900-02-10", "1900-02-28"],
    ["2022-12-31", "2022-12-31"],
  ])("endOfMonth(%s) is %s", (d, expected) => {
    expect(endOfMonth(date(d))).toBe(expected);
  });

  it("endOfYear gives 31 December", () => {
    expect(endOfYear(2022)).toBe("2022-12-31");
    expect(() => endOfYear(2022.5)).toThrow(RangeError);
  });

  it("endOfMonth stays in the month and is a month end", () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        const end = endOfMonth(d);
        expect(isMonthEnd(end)).toBe(true);
        expect(monthIndex(end)).toBe(monthIndex(d));
        expect(compareDates(d, end)).toBeLessThanOrEqual(0);
        expect(addDays(end, 1).endsWith("-01")).toBe(true);
      }),
    );
  });
});

describe("addMonths", () => {
  it.each([
    ["2022-09-30", 1, "2022-10-31"],
    ["2022-09-30", 2, "2022-11-30"],
    ["2022-09-30", 0, "2022-09-30"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2023-02-28", 1, "2023-03-31"],
    ["2024-02-28", 1, "2024-03-28"],
    ["2023-01-30", 1, "2023-02-28"],
    ["2023-01-30", 2, "2023-03-30"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2022-12-15", 1, "2023-01-15"],
    ["2023-01-15", -1, "2022-12-15"],
    ["2023-03-31", -1, "2023-02-28"],
    ["2023-03-30", -1, "2023-02-28"],
  ])("addMonths(%s, %d) is %s", (anchor, n, expected) => {
    expect(addMonths(date(anchor), n)).toBe(expected);
  });

  it("does not drift when a schedule passes through a short month", () => {
    const anchor = date("2023-01-30");
    const schedule = [0, 1, 2, 3].map((n) => addMonths(anchor, n));
    expect(schedule).toEqual(["2023-01-30", "2023-02-28", "2023-03-30", "2023-04-30"]);
  });

  it("rejects fractional month counts", () => {
    expect(() => addMonths(date("2022-09-30"), 0.5)).toThrow(RangeError);
  });

  it("moves by exactly n calendar months", () => {
    fc.assert(
      fc.property(arbDate, arbMonths, (anchor, n) => {
        expect(monthIndex(addMonths(anchor, n)) - monthIndex(anchor)).toBe(n);
      }),
    );
  });

  it("keeps a month-end anchor on month ends", () => {
    fc.assert(
      fc.property(arbDate.map(endOfMonth), arbMonths, (anchor, n) => {
        expect(isMonthEnd(addMonths(anchor, n))).toBe(true);
      }),
    );
  });

  it("keeps the anchor's day, clamped to short months", () => {
    fc.assert(
      fc.property(arbDate, arbMonths, (anchor, n) => {
        fc.pre(!isMonthEnd(anchor));
        const result = addMonths(anchor, n);
        expect(parts(result).day).toBe(Math.min(parts(anchor).day, monthLength(result)));
      }),
    );
  });

  it("computes every step from the anchor, never from the previous step", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (anchor, i, j) => {
        const direct = addMonths(anchor, i + j);
        const { day } = parts(anchor);
        const expectedDay = isMonthEnd(anchor) ? monthLength(direct) : Math.min(day, monthLength(direct));
        expect(parts(direct).day).toBe(expectedDay);
        if (isMonthEnd(anchor)) expect(addMonths(addMonths(anchor, i), j)).toBe(direct);
      }),
    );
  });

  it("strictly increases with n", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 1, max: 60 }), (anchor, count) => {
        const schedule = Array.from({ length: count + 1 }, (_, n) => addMonths(anchor, n));
        for (let n = 0; n < count; n++) {
          expect(compareDates(schedule[n] as IsoDate, schedule[n + 1] as IsoDate)).toBe(-1);
        }
      }),
    );
  });
});

describe("addDays", () => {
  it.each([
    ["2022-12-31", 1, "2023-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2022-09-30", 61, "2022-11-30"],
    ["2022-09-30", 0, "2022-09-30"],
    ["1975-06-12", 1, "1975-06-13"],
    ["1900-02-28", 1, "1900-03-01"],
    ["2100-03-01", -1, "2100-02-28"],
    ["2000-02-29", 146_097, "2400-02-29"],
    ["2400-02-29", -146_098, "2000-02-28"],
  ])("addDays(%s, %d) is %s", (d, n, expected) => {
    expect(addDays(date(d), n)).toBe(expected);
  });

  it("rejects fractional day counts", () => {
    expect(() => addDays(date("2022-09-30"), 1.5)).toThrow(RangeError);
  });

  it("is undone by the opposite shift and moves in the direction of n", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
        const shifted = addDays(d, n);
        expect(addDays(shifted, -n)).toBe(d);
        expect(compareDates(d, shifted)).toBe(-Math.sign(n) || 0);
      }),
    );
  });

  it("visits every calendar day in order", () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        const { year, month, day } = parts(d);
        const expected = !isMonthEnd(d)
          ? { year, month, day: day + 1 }
          : month < 12
            ? { year, month: month + 1, day: 1 }
            : { year: year + 1, month: 1, day: 1 };
        expect(parts(addDays(d, 1))).toEqual(expected);
      }),
    );
  });
});

describe("compareDates and formatDate", () => {
  it.each([
    ["2022-09-30", "2022-10-01", -1],
    ["2022-10-01", "2022-09-30", 1],
    ["2022-09-30", "30/9/2022", 0],
    ["1999-12-31", "2000-01-01", -1],
  ])("compareDates(%s, %s) is %d", (a, b, expected) => {
    expect(compareDates(date(a), date(b))).toBe(expected);
  });

  it("is chronological order", () => {
    fc.assert(
      fc.property(arbDate, arbDate, (a, b) => {
        const byParts = Math.sign(monthIndex(a) * 32 + parts(a).day - (monthIndex(b) * 32 + parts(b).day));
        expect(compareDates(a, b)).toBe(byParts || 0);
      }),
    );
  });

  it.each([
    ["2022-09-30", "iso", "2022-09-30"],
    ["2022-09-30", "vi", "30/09/2022"],
    ["2022-08-03", "vi", "03/08/2022"],
  ] as const)("formatDate(%s, %s) is %s", (d, style, expected) => {
    expect(formatDate(date(d), style)).toBe(expected);
  });
});

describe("todayIn", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("uses the Vietnamese calendar day by default", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2022-09-30T18:00:00Z"));
    expect(ZONE).toBe("Asia/Ho_Chi_Minh");
    expect(todayIn()).toBe("2022-10-01");
    expect(todayIn("UTC")).toBe("2022-09-30");
  });

  it("returns a parseable date", () => {
    const today = todayIn();
    expect(parseDate(today)).toBe(today);
  });

  it("rejects an unknown zone", () => {
    expect(() => todayIn("Not/AZone")).toThrow(RangeError);
  });
});

describe("addDays against the platform's own calendar", () => {
  it("moves any date by any number of days as Date.UTC does", () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -400_000, max: 400_000 }), (d, n) => {
        const [y, m, day] = d.split("-").map(Number) as [number, number, number];
        const at = new Date(Date.UTC(2000, m - 1, day));
        at.setUTCFullYear(y);
        at.setUTCDate(at.getUTCDate() + n);
        const year = at.getUTCFullYear();
        fc.pre(year >= 1 && year <= 9999);
        const expected = `${String(year).padStart(4, "0")}-${String(at.getUTCMonth() + 1).padStart(2, "0")}-${String(at.getUTCDate()).padStart(2, "0")}`;
        expect(addDays(d, n)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
