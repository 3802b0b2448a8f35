import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/files/policy.js";
import type { Schedule } from "../../src/model/policy.js";
import { add, equals, mul, parseDecimal, rational, type Rational } from "../../src/number/rational.js";
import { advance, dueMilestone, milestonesThrough, nextMilestone } from "../../src/schedule/schedule.js";
import { isMonthEnd, type IsoDate } from "../../src/time/calendar.js";
import { daysAround, rampCase, rampPolicy } from "../../src/testing/arbitraries.js";

const HEADER = "policy p effective 2020-01-01\ntier t\nfield a field b\nmetric rate = a / b\n";

function scheduleOf(schedule: string): Schedule {
  const result = compile(`${HEADER}target x for all: ${schedule}`);
  expect(result.diagnostics).toEqual([]);
  return result.policy!.targets[0]!.schedule;
}

function problems(schedule: string, header = HEADER) {
  return compile(`${header}target x for all: ${schedule}`).diagnostics.map((d) => ({ name: d.name, message: d.message, help: d.help }));
}

const points = (text: string): Rational => parseDecimal(text)!;
const table = (s: Schedule) => s.milestones.map((m) => [m.date, m.threshold, m.origin]);

describe("ramps", () => {
  test("the BR-VT ramp steps to month ends in percentage points", () => {
    expect(table(scheduleOf("from 2022-09-30 rate >= 50%, monthly +15%, by 2022-11-30 >= 80%"))).toEqual([
      ["2022-09-30", rational(50), "stated"],
      ["2022-10-31", rational(65), "step"],
      ["2022-11-30", rational(80), "stated"],
    ]);
  });

  test("30% + 15% is exactly 45%, with no float drift", () => {
    const [, second] = scheduleOf("from 2022-09-30 rate >= 30%, monthly +15%, by 2022-11-30 >= 60%").milestones;
    expect(equals(second!.threshold, rational(45))).toBe(true);
    const tenths = scheduleOf("from 2022-01-31 rate >= 0,1%, monthly +0,1%, by 2022-12-31 >= 1,2%").milestones;
    expect(tenths.map((m) => m.threshold)).toEqual(Array.from({ length: 12 }, (_, k) => mul(rational(k + 1), points("0.1"))));
  });

  test("a ramp from 31 January lands on the last day of February, then of each month", () => {
    expect(scheduleOf("from 2024-01-31 rate >= 10%, monthly +1%, by 2024-04-30 >= 13%").milestones.map((m) => m.date)).toEqual([
      "2024-01-31",
      "2024-02-29",
      "2024-03-31",
      "2024-04-30",
    ]);
  });

  test("a mid-month ramp keeps its day, clamped in short months", () => {
    expect(scheduleOf("from 2023-01-30 rate >= 10%, monthly +1%, by 2023-03-30 >= 12%").milestones.map((m) => m.date)).toEqual([
      "2023-01-30",
      "2023-02-28",
      "2023-03-30",
    ]);
  });

  test("quarterly, weekly and every-N steps", () => {
    expect(scheduleOf("from 2024-03-31 rate >= 10%, quarterly +5%, by 2024-12-31 >= 25%").milestones.map((m) => m.date)).toEqual([
      "2024-03-31",
      "2024-06-30",
      "2024-09-30",
      "2024-12-31",
    ]);
    expect(scheduleOf("from 2024-01-01 rate >= 10%, weekly +1%, by 2024-01-22 >= 13%").milestones.map((m) => m.date)).toEqual([
      "2024-01-01",
      "2024-01-08",
      "2024-01-15",
      "2024-01-22",
    ]);
    expect(scheduleOf("from 2024-01-31 rate >= 10%, every 2 months +5%, by 2024-05-31 >= 20%").milestones.map((m) => m.date)).toEqual([
      "2024-01-31",
      "2024-03-31",
      "2024-05-31",
    ]);
  });

  test("a step with no increment holds the threshold until the next milestone", () => {
    expect(table(scheduleOf("from 2024-01-31 rate >= 10%, monthly, by 2024-03-31 >= 30%"))).toEqual([
      ["2024-01-31", rational(10), "stated"],
      ["2024-02-29", rational(10), "step"],
      ["2024-03-31", rational(30), "stated"],
    ]);
  });
});

describe("ongoing targets", () => {
  const ongoing = scheduleOf("from 2024-09-30 rate > 85%, monthly");

  test("repeat every period from the last milestone", () => {
    expect(milestonesThrough(ongoing, "2024-12-31" as IsoDate).map((m) => m.date)).toEqual(["2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31"]);
    expect(dueMilestone(ongoing, "2025-02-15" as IsoDate)).toMatchObject({ date: "2025-01-31", threshold: rational(85) });
    expect(nextMilestone(ongoing, "2025-02-15" as IsoDate)).toMatchObject({ date: "2025-02-28" });
  });

  test("stop at the end of the policy", () => {
    const result = compile(`policy p effective 2024-08-20 until 2024-11-30\nfield a field b\nmetric rate = a / b\ntarget x for all: from 2024-09-30 rate > 85%, monthly`);
    const schedule = result.policy!.targets[0]!.schedule;
    expect(milestonesThrough(schedule, "2025-06-30" as IsoDate).map((m) => m.date)).toEqual(["2024-09-30", "2024-10-31", "2024-11-30"]);
    expect(nextMilestone(schedule, "2024-11-30" as IsoDate)).toBeUndefined();
  });

  test("nothing is due before the first milestone", () => {
    expect(dueMilestone(ongoing, "2024-09-29" as IsoDate)).toBeUndefined();
    expect(nextMilestone(ongoing, "2024-09-29" as IsoDate)).toMatchObject({ date: "2024-09-30" });
  });
});

describe("mistakes in schedules", () => {
  test.each([
    ["from 2022-09-30 rate >= 20%, monthly +15%, by 2022-11-30 >= 60%", "ramp-mismatch", "reaches 50% on 2022-11-30 but this milestone says 60%", "a step of +20% over 2 steps would reach 60%"],
    ["from 2022-09-15 rate >= 50%, monthly +15%, by 2022-11-30 >= 80%", "ramp-off-deadline", "fall on 2022-11-15 and 2022-12-15, never on 2022-11-30", "move the deadline"],
    ["monthly +15%, by 2022-11-30 rate >= 80%", "step-without-start", "no milestone before it", "start the schedule with a milestone"],
    ["from 2022-09-30 rate >= 50%, monthly +15%", "ramp-without-deadline", "no deadline", "drop the increment"],
    ["from 2022-09-30 rate >= 50%, monthly, quarterly, by 2022-12-31 >= 60%", "consecutive-steps", "no milestone between", "keep one step"],
    ["by 2022-11-30 rate >= 50%, by 2022-10-31 >= 60%", "dates-not-increasing", "`2022-10-31` is not after", "date order"],
    ["from 2022-09-30 rate >= 80%, monthly -10%, by 2022-11-30 >= 60%", "falling-on-at-least", "lowers the floor", "positive step"],
    ["from 2022-09-30 rate <= 10%, monthly +5%, by 2022-11-30 <= 20%", "rising-on-at-most", "raises the ceiling", "negative step"],
    ["from 2022-09-30 rate >= 90%, monthly +10%, by 2022-12-31 >= 100%", "percent-range", "110% is outside 0% to 100%", "leaves the range"],
    ["by 2022-09-30 rate >= 50%, by 2022-11-30 <= 80%", "comparison-changes", "compares with `<=`", "use `>=`"],
    ["by 2022-09-30 rate >= 50%, by 2022-11-30 other >= 80%", "metric-changes", "names `other`", "separate target"],
    ["by 2022-09-30 >= 50%", "missing-metric", "does not name the metric", "name it before the comparison"],
    ["by 2019-12-31 rate >= 50%", "outside-effective-period", "takes effect on 2020-01-01", "effective"],
  ])("%s", (schedule, name, message, help) => {
    const found = problems(schedule).find((p) => p.name === name);
    expect(found, JSON.stringify(problems(schedule))).toBeDefined();
    expect(found!.message).toContain(message);
    expect(found!.help).toContain(help);
  });

  test("a threshold that falls on an at-least target is a warning, not an error", () => {
    const result = compile(`${HEADER}target x for all: in 2024 rate >= 70%, in 2025 >= 65%`);
    expect(result.diagnostics).toMatchObject([{ name: "non-monotone", severity: "warning" }]);
    expect(result.policy).toBeDefined();
  });
});

describe("schedule properties", () => {
  const compileRamp = (c: Parameters<typeof rampPolicy>[0], deadlineTenths?: number) => {
    const deadline = advance(c.start, c.period, c.steps);
    const result = compile(rampPolicy(c, deadline, deadlineTenths ?? c.startTenths + c.steps * c.incrementTenths));
    return { deadline, result, policy: result.policy };
  };
  const tenths = (n: number): Rational => mul(rational(n), points("0.1"));

  test("a consistent ramp checks clean, steps exactly and ends on the deadline value", () => {
    fc.assert(
      fc.property(rampCase(), (c) => {
        const { deadline, result, policy } = compileRamp(c);
        expect(result.diagnostics).toEqual([]);
        const milestones = policy!.targets[0]!.schedule.milestones;
        expect(milestones).toHaveLength(c.steps + 1);
        milestones.forEach((m, k) => {
          expect(m.threshold).toEqual(add(tenths(c.startTenths), mul(rational(k), tenths(c.incrementTenths))));
          if (k > 0) expect(m.date > milestones[k - 1]!.date).toBe(true);
        });
        expect(milestones.at(-1)!.date).toBe(deadline);
        if (isMonthEnd(c.start) && c.period.unit === "month") expect(milestones.every((m) => isMonthEnd(m.date))).toBe(true);
      }),
    );
  });

  test("a ramp whose deadline says another value gets one ramp-mismatch with both numbers", () => {
    fc.assert(
      fc.property(rampCase(), fc.integer({ min: 1, max: 50 }), (c, off) => {
        const reached = c.startTenths + c.steps * c.incrementTenths;
        const stated = reached + off <= 1000 ? reached + off : reached - off;
        const { result } = compileRamp(c, stated);
        const mismatches = result.diagnostics.filter((d) => d.name === "ramp-mismatch");
        expect(mismatches).toHaveLength(1);
        expect(mismatches[0]!.message).toContain(`reaches ${(reached / 10).toString()}%`);
        expect(mismatches[0]!.message).toContain(`says ${(stated / 10).toString()}%`);
      }),
    );
  });

  test("the threshold on any date is that of the latest milestone on or before it", () => {
    fc.assert(
      fc.property(
        rampCase().chain((c) => fc.tuple(fc.constant(c), daysAround(c.start, 40, 800))),
        ([c, date]) => {
          const schedule = compileRamp(c).policy!.targets[0]!.schedule;
          const onOrBefore = schedule.milestones.filter((m) => m.date <= date);
          expect(dueMilestone(schedule, date)).toEqual(onOrBefore.at(-1));
          expect(nextMilestone(schedule, date)).toEqual(schedule.milestones.find((m) => m.date > date));
        },
      ),
    );
  });
});
