import { describe, expect, test } from "vitest";
import { metricDefined, scheduleExpands } from "../../../src/check/checks/targets.js";
import { registry } from "../../../src/check/registry.js";
import { nth, reported, where } from "./run.js";

const BASE = "policy p effective 2020-01-01\nfield a\nfield b\nmetric rate = a / b\n";

describe("scheduleExpands", () => {
  test("reports what expanding the schedule finds", () => {
    const text = `${BASE}target t for all: by 2020-06-30 rate >= 150%, by 2019-12-31 >= 10%`;
    expect(where(reported(scheduleExpands, text, nth("target")))).toEqual(["percent-range@5:41", "dates-not-increasing@5:50"]);
  });

  test("a schedule that reads well reports nothing", () => {
    expect(reported(scheduleExpands, `${BASE}target t for all: by 2020-06-30 rate >= 50%, monthly +5%, by 2020-08-31 >= 60%`, nth("target"))).toEqual([]);
  });
});

describe("metricDefined", () => {
  test("an unknown metric, suggesting the nearest", () => {
    expect(reported(metricDefined, `${BASE}target t for all: in 2020 rat >= 10%`, nth("target"))).toMatchObject([{ name: "unknown-metric", help: "did you mean `rate`?" }]);
  });

  test("a target without a metric is left to the schedule's missing-metric", () => {
    const text = `${BASE}target t for all: in 2020 >= 10%`;
    expect(reported(metricDefined, text, nth("target"))).toEqual([]);
    expect(where(reported(scheduleExpands, text, nth("target")))).toEqual(["missing-metric@5:19"]);
  });
});

describe("a target's points, as the registry runs them", () => {
  const run = (text: string) => where(registry.target.flatMap((check) => reported(check, text, nth("target"))));

  test("are checked like a score's when the target's metric is defined", () => {
    expect(run(`${BASE}target t for all: in 2020 rate >= 10% score = mean(rat) round 1 half_up`)).toEqual(["unknown-metric@5:52", "unknown-function@5:47", "unknown-rounding@5:65"]);
  });

  test("are not checked against a metric that is not defined", () => {
    expect(run(`${BASE}target t for all: in 2020 rat >= 10% score = mean(rat) round 1 half_up`)).toEqual(["unknown-metric@5:27"]);
  });
});
