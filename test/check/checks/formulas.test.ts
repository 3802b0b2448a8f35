import { describe, expect, test } from "vitest";
import {
  dataCheckDividesByNonZero,
  dataCheckFunctionsKnown,
  dataCheckReadsFields,
  pointsDivideByNonZero,
  pointsFunctionsKnown,
  pointsReadMetrics,
  roundingModeKnown,
} from "../../../src/check/checks/formulas.js";
import type { PolicyFile } from "../../../src/syntax/ast.js";
import { nth, reported, where } from "./run.js";

const BASE = "field online\nfield dossiers\nmetric share = online / dossiers\n";
const points = (file: PolicyFile) => nth("score")(file)?.points;
const score = (formula: string) => `${BASE}score s for all = ${formula}`;

describe("pointsReadMetrics", () => {
  test.each([
    ["20 * share", []],
    ["20 * shar", ["unknown-metric@4:24"]],
    ["20 * online", ["score-refs@4:24"]],
    ["if share >= 50% then 2 else -shar when empty onlin", ["unknown-metric@4:48", "unknown-metric@4:64"]],
  ])("%s", (formula, expected) => {
    expect(where(reported(pointsReadMetrics, score(formula), points))).toEqual(expected);
  });

  test("a name that is neither says how to define it", () => {
    expect(reported(pointsReadMetrics, score("online"), points)).toMatchObject([{ help: expect.stringContaining("define a metric over `online`") }]);
  });
});

describe("pointsFunctionsKnown", () => {
  test.each([
    ["min(share, 2) + max(1, share)", []],
    ["mean(share)", ["unknown-function@4:19"]],
    ["2 * max()", ["unknown-function@4:23"]],
    ["1 when empty man(1)", ["unknown-function@4:32"]],
    ["max(share)", ["unknown-function@4:19"]],
    ["min(48,6%, share)", []],
  ])("%s", (formula, expected) => {
    expect(where(reported(pointsFunctionsKnown, score(formula), points))).toEqual(expected);
  });

  test("one argument is a mistake; a lone percentage with a decimal comma was likely two arguments", () => {
    expect(reported(pointsFunctionsKnown, score("min(2,80%) * share"), points)).toMatchObject([
      { name: "unknown-function", message: "`min` of one value is that value", help: "`2,80%` reads as one percentage, 2.80%; for two arguments write `2, 80%`" },
    ]);
    expect(reported(pointsFunctionsKnown, score("max(share)"), points)).toMatchObject([{ help: "give it two values or more, as in `max(2, 2 * provision / 80%)`" }]);
  });
});

describe("roundingModeKnown", () => {
  test.each(["share", "share round 0", "share round 1 half-even", "share round 2 up"])("%s", (formula) => {
    expect(reported(roundingModeKnown, score(formula), points)).toEqual([]);
  });

  test("an unknown mode, suggesting the nearest", () => {
    expect(reported(roundingModeKnown, score("share round 2 half_up"), points)).toMatchObject([{ name: "unknown-rounding", help: "did you mean `half-up`?" }]);
  });
});

describe("data checks", () => {
  test("read fields: a metric is pointed to its fields, an unknown name to the nearest", () => {
    expect(where(reported(dataCheckReadsFields, `${BASE}check share <= dossier`, nth("check")))).toEqual(["check-fields@4:7", "unknown-field@4:16"]);
    expect(reported(dataCheckReadsFields, `${BASE}check online <= dossiers`, nth("check"))).toEqual([]);
  });

  test("call only min and max", () => {
    expect(where(reported(dataCheckFunctionsKnown, `${BASE}check online <= sum(dossiers)`, nth("check")))).toEqual(["unknown-function@4:17"]);
    expect(reported(dataCheckFunctionsKnown, `${BASE}check online <= max(dossiers, 1)`, nth("check"))).toEqual([]);
  });
});

describe("pointsDivideByNonZero and dataCheckDividesByNonZero", () => {
  test.each([
    ["20 * share / 2", []],
    ["20 / share", []],
    ["1 / 0", ["divides-by-zero@4:23"]],
    ["share / (2 - 2)", ["divides-by-zero@4:27"]],
    ["1 when empty 2 / 0%", ["divides-by-zero@4:36"]],
  ])("%s", (formula, expected) => {
    expect(where(reported(pointsDivideByNonZero, score(formula), points))).toEqual(expected);
  });

  test("in a data check", () => {
    const check = (file: PolicyFile) => nth("check")(file);
    expect(where(reported(dataCheckDividesByNonZero, `${BASE}check online <= dossiers / 0`, check))).toEqual(["divides-by-zero@4:28"]);
  });
});
