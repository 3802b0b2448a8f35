/** The schedule checks on schedules a service could build wrong, each with the smallest fragment at fault. */
import { expect, test } from "vitest";
import { compile } from "../../src/files/policy.js";
import type { Milestone, Schedule, Target } from "../../src/model/policy.js";
import { rational } from "../../src/number/rational.js";
import { scheduleFragment, scheduleProblems } from "../../src/testing/index.js";
import type { IsoDate } from "../../src/time/calendar.js";

const target = compile(
  "policy p\ntier t\nfield a field b\nmetric rate = a / b\ntarget x for all: from 2022-09-30 rate >= 30%, monthly +15%, by 2022-11-30 >= 60%",
  { file: "p.ct" },
).policy!.targets[0]!;

const m = (date: string, points: number, origin: Milestone["origin"] = "stated"): Milestone => ({ date: date as IsoDate, threshold: rational(points), origin });
const withSchedule = (milestones: Milestone[], repeat?: Schedule["repeat"], comparison: Target["comparison"] = ">="): Target => ({
  ...target,
  comparison,
  schedule: { milestones, repeat },
});

test("the checker's own schedule is consistent", () => {
  expect(scheduleProblems(target)).toEqual([]);
});

test.each<[string, Target, string, string]>([
  ["dates-not-increasing", withSchedule([m("2022-09-30", 30), m("2022-09-30", 40)]), "the milestone on 2022-09-30 is not after the one before it (2022-09-30)", ""],
  ["out-of-range", withSchedule([m("2022-09-30", 30), m("2022-10-31", 130)]), "130% on 2022-10-31 is outside 0% to 100%", "0% to 100%"],
  ["not-monotone", withSchedule([m("2022-09-30", 30), m("2022-10-31", 20)]), "the threshold falls from 30% to 20% on 2022-10-31, against `>=`", "at least 30%"],
  ["not-monotone", withSchedule([m("2022-09-30", 30), m("2022-10-31", 40)], undefined, "<="), "the threshold rises from 30% to 40% on 2022-10-31, against `<=`", "at most 30%"],
  [
    "uneven-steps",
    withSchedule([m("2022-09-30", 30), m("2022-10-31", 45, "step"), m("2022-11-30", 55, "step"), m("2022-12-31", 75)]),
    "step 2 of the ramp from 2022-09-30 is 55%, but +15% a step from 30% makes 60%",
    "60%",
  ],
  [
    "anchoring",
    withSchedule([m("2022-09-30", 30), m("2022-10-30", 45, "step"), m("2022-11-30", 60)]),
    "step 1 of the ramp falls on 2022-10-30, but counting a month from the anchor 2022-09-30, a month end, so every step falls on a month end puts it on 2022-10-31",
    "2022-10-31",
  ],
  [
    "ramp-off-deadline",
    withSchedule([m("2022-09-30", 30), m("2022-10-31", 45, "step"), m("2022-11-15", 60)]),
    "the ramp +15% a month from 2022-09-30 has its next step on 2022-11-30, not on the deadline 2022-11-15",
    "2022-11-30",
  ],
  [
    "ramp-without-deadline",
    withSchedule([m("2022-09-30", 30), m("2022-10-31", 45, "step")]),
    "the ramp +15% a step from 2022-09-30 has no stated milestone to end on",
    "",
  ],
  [
    "anchoring",
    withSchedule([m("2022-09-30", 30), m("2022-10-31", 30, "step"), m("2022-12-31", 50)]),
    "the threshold held a month from 2022-09-30 has no step on 2022-11-30, before the next milestone on 2022-12-31",
    "2022-11-30",
  ],
])("%s: %s", (kind, wrong, message, expected) => {
  const [problem] = scheduleProblems(wrong);
  expect(problem).toMatchObject({ kind, message, expected: expected === "" ? undefined : expected });
  expect(scheduleFragment(problem!)).toContain(`target x (p.ct:5):\n`);
});

test("a falling ramp on an at-most target reaches its deadline; a hold is not a ramp", () => {
  expect(scheduleProblems(withSchedule([m("2022-09-30", 30), m("2022-10-31", 25, "step"), m("2022-11-30", 20)], undefined, "<="))).toEqual([]);
  expect(scheduleProblems(withSchedule([m("2022-09-30", 30), m("2022-10-31", 30, "step"), m("2022-11-30", 50)]))).toEqual([]);
});

test("an ongoing target's repeats are checked on their period", () => {
  const ongoing = withSchedule([m("2024-11-30", 85)], { period: { unit: "month", count: 1 }, until: "2025-03-31" as IsoDate });
  expect(scheduleProblems(ongoing)).toEqual([]);
});
