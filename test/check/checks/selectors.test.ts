import { describe, expect, test } from "vitest";
import { excludesNotEverything, selectorNamesDefined } from "../../../src/check/checks/selectors.js";
import { nth, reported, where } from "./run.js";

const BASE = "tier province\ntier district\ntag pilot\nunit u tier province\n";

describe("selectorNamesDefined", () => {
  test("included and excluded names of every kind, in order", () => {
    const text = `${BASE}score s for tier provnce, tag pilto, all except unit v, tier province = 1`;
    expect(where(reported(selectorNamesDefined, text, nth("score")))).toEqual(["unknown-tier@5:18", "unknown-tag@5:31", "unknown-unit@5:54"]);
  });

  test("known names on a target", () => {
    expect(reported(selectorNamesDefined, `${BASE}target t for tier district, tag pilot except unit u: in 2020 m >= 1%`, nth("target"))).toEqual([]);
  });
});

describe("excludesNotEverything", () => {
  test.each([
    ["excluding all", "all except all", ["excluded-everything@5:24"]],
    ["excluding an included item", "tier province, tag pilot except tag pilot", ["excluded-everything@5:45"]],
    // Excluding `all` anywhere in the list is shown at the first excluded item.
    ["excluding all after another item", "tier province except unit u, all", ["excluded-everything@5:34"]],
    ["excluding part of what is included", "tier province except unit u", []],
    ["the same id of another kind", "tier province except unit province", []],
  ])("%s", (_, selector, expected) => {
    expect(where(reported(excludesNotEverything, `${BASE}score s for ${selector} = 1`, nth("score")))).toEqual(expected);
  });
});
