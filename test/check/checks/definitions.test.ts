import { describe, expect, test } from "vitest";
import { definedOnce, metricFieldsDefined, metricFieldsDiffer, unitTagsDefined, unitTierDefined } from "../../../src/check/checks/definitions.js";
import { nth, reported, where } from "./run.js";

const DEFINITIONS = "tier province\ntag pilot\nfield a\nfield b\n";

describe("definedOnce", () => {
  test("the second definition of an id is reported, pointing back at the first", () => {
    const text = "tier province\ntier district\ntier province";
    const [d] = reported(definedOnce, text, nth("tier", 2));
    expect(d).toMatchObject({ name: "duplicate-id", message: "tier `province` is already defined", span: { start: { line: 3, column: 6 } } });
    expect(d?.related).toMatchObject([{ file: "policy.ct", span: { start: { line: 1, column: 6 } } }]);
  });

  test("the first definition, and a different kind with the same id, are not", () => {
    expect(reported(definedOnce, "tier x\ntier x", nth("tier", 0))).toEqual([]);
    expect(reported(definedOnce, "tier x\ntag x", nth("tag"))).toEqual([]);
  });

  test("an imported file's definition of an id the entry file defines is the duplicate", () => {
    const [d] = reported(definedOnce, 'import "lib.ct"\nfield a', nth("field", 1), { "lib.ct": "field b\nfield a" }, "lib.ct");
    expect(d).toMatchObject({ file: "lib.ct", span: { start: { line: 2 } }, related: [{ file: "policy.ct", span: { start: { line: 2 } } }] });
  });
});

describe("unit references", () => {
  test("an unknown tier, suggesting the nearest", () => {
    expect(reported(unitTierDefined, `${DEFINITIONS}unit u tier provnce`, nth("unit"))).toMatchObject([{ name: "unknown-tier", help: "did you mean `province`?" }]);
    expect(reported(unitTierDefined, `${DEFINITIONS}unit u tier province`, nth("unit"))).toEqual([]);
  });

  test("each unknown tag", () => {
    expect(where(reported(unitTagsDefined, `${DEFINITIONS}unit u tier province tagged pilto, pilot, big`, nth("unit")))).toEqual(["unknown-tag@5:29", "unknown-tag@5:43"]);
  });

  test("a second definition of a unit is not looked into: its duplicate is the error", () => {
    const text = `${DEFINITIONS}unit u tier province\nunit u tier nowhere tagged nothing`;
    expect(reported(unitTierDefined, text, nth("unit", 1))).toEqual([]);
    expect(reported(unitTagsDefined, text, nth("unit", 1))).toEqual([]);
  });
});

describe("metric fields", () => {
  test("an unknown numerator and denominator", () => {
    expect(where(reported(metricFieldsDefined, `${DEFINITIONS}metric m = x / y`, nth("metric")))).toEqual(["unknown-field@5:12", "unknown-field@5:16"]);
    expect(reported(metricFieldsDefined, `${DEFINITIONS}metric m = a / b`, nth("metric"))).toEqual([]);
  });

  test("a field over itself, shown at the denominator", () => {
    expect(where(reported(metricFieldsDiffer, `${DEFINITIONS}metric m = a / a`, nth("metric")))).toEqual(["same-fields@5:16"]);
    expect(reported(metricFieldsDiffer, `${DEFINITIONS}metric m = a / b`, nth("metric"))).toEqual([]);
  });

  test("only the metric in force is looked into", () => {
    const text = `${DEFINITIONS}metric m = a / b\nmetric m = x / x`;
    expect(reported(metricFieldsDefined, text, nth("metric", 1))).toEqual([]);
    expect(reported(metricFieldsDiffer, text, nth("metric", 1))).toEqual([]);
  });
});
