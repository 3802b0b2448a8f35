/**
 * A zero divisor in a score (issue 13): a constant one is the checker's error CT109; one that comes
 * from the data gives the score's `when empty` points, or no points with the reason, never a 0.
 */
import { describe, expect, test } from "vitest";
import { scoreReasonText } from "../../src/evaluate/reasons.js";
import { Evaluation } from "../../src/evaluate/result.js";
import { compile } from "../../src/files/policy.js";
import { reportHtml } from "../../src/report/html.js";
import { resultsTable } from "../../src/report/table.js";
import { evaluatePolicy, resultOf, unit } from "../support/evaluation.js";

const policy = (formula: string) => `policy p effective 2022-01-01
tier t
field handled field on_time field online
metric on_time_share = on_time / handled
metric online_share = online / handled
score s for all = ${formula}
`;

const units = ["full", "none", "zero", "quiet"].map((id) => ({ id, tier: "t" }));
const rows = [
  { unit: "full", period: "2022-10", handled: 10, on_time: 5, online: 4 },
  { unit: "none", period: "2022-10", handled: 0, on_time: 0, online: 0 },
  { unit: "zero", period: "2022-10", handled: 10, on_time: 5, online: 0 },
  { unit: "quiet", period: "2022-09", handled: 1, on_time: 1, online: 1 },
];

function scored(formula: string) {
  const e = evaluatePolicy(policy(formula), units, rows, "2022-10-31");
  expect(() => Evaluation.parse(e)).not.toThrow();
  return new Map(e.scores.map((s) => [s.unit, s]));
}

describe("a zero divisor from the data", () => {
  test("a metric with no denominator and no `when empty` gives no points, with the reason, not 0", () => {
    const s = scored("20 * on_time_share");
    expect(s.get("full")).toMatchObject({ points: 10, rank: 1, reason: null, because: null });
    expect(s.get("none")).toMatchObject({
      points: null,
      rank: null,
      reason: "`on_time_share` has no denominator, and the score says no `when empty`",
      because: { kind: "no-denominator", metrics: ["on_time_share"] },
    });
    expect(s.get("quiet")).toMatchObject({ points: null, reason: "`on_time_share` has no data in the month scored", because: { kind: "no-data", metrics: ["on_time_share"] } });
  });

  test("a formula that divides by a metric at 0% gives no points without `when empty`, and the `when empty` points with it", () => {
    const without = scored("on_time_share / online_share");
    expect(without.get("full")!.points).toBe(1.25);
    expect(without.get("zero")).toMatchObject({ points: null, because: { kind: "divides-by-zero", in: "formula" } });
    expect(without.get("zero")!.reason).toBe("the formula divides by zero for this unit, and the score says no `when empty`");
    const withEmpty = scored("on_time_share / online_share when empty 5");
    expect(withEmpty.get("zero")).toMatchObject({ points: 5, reason: null });
    expect(withEmpty.get("none")).toMatchObject({ points: 5, reason: null });
  });

  test("a `when empty` that itself divides by zero gives no points, and says so", () => {
    const s = scored("on_time_share / online_share when empty 1 / online_share");
    expect(s.get("zero")).toMatchObject({ points: null, reason: "the `when empty` formula divides by zero", because: { kind: "divides-by-zero", in: "when-empty" } });
  });

  test("a target's points without a denominator and without `when empty` are null, not 0", () => {
    const text = `policy p effective 2022-01-01
tier t field a field b
metric m = a / b
target x for all: by 2022-10-31 m >= 80% score = 2 * m
`;
    const e = evaluatePolicy(text, [{ id: "u", tier: "t" }], [{ unit: "u", period: "2022-10", a: 0, b: 0 }], "2022-10-31");
    expect(resultOf(e, "u")).toMatchObject({ status: "no-denominator", score: null });
  });

  test("the reasons read in Vietnamese too", () => {
    expect(scoreReasonText({ kind: "no-denominator", metrics: ["m"] }, "vi")).toBe("`m` có mẫu số bằng 0, và điểm không ghi `khi trống`");
    expect(scoreReasonText({ kind: "divides-by-zero", in: "formula" }, "vi")).toBe("công thức chia cho 0 đối với đơn vị này, và điểm không ghi `khi trống`");
    expect(scoreReasonText({ kind: "no-data", metrics: ["a", "b"] }, "vi")).toBe("`a` và `b` không có số liệu trong tháng tính điểm");
  });
});

test("a constant zero divisor is the checker's error CT109, in the formula and in `when empty`", () => {
  for (const formula of ["1 / 0", "on_time_share / (2 - 2)", "1 when empty 1 / 0%"]) {
    const compiled = compile(policy(formula), { file: "policy.ct" });
    expect(compiled.policy).toBeUndefined();
    expect(compiled.diagnostics.map((d) => d.code)).toContain("CT109");
  }
});

describe("a score without points in the reports", () => {
  const e = evaluatePolicy(policy("20 * on_time_share"), units, rows, "2022-10-31");

  test("the table says why where the points would be, in the reader's language", () => {
    expect(resultsTable(e)).toMatch(/none +s +`on_time_share` has no denominator, and the score says no `when empty`\n/);
    expect(resultsTable(e, { lang: "vi" })).toContain(scoreReasonText({ kind: "no-denominator", metrics: ["on_time_share"] }, "vi"));
  });

  test("the HTML report too", () => {
    const compiled = compile(policy("20 * on_time_share"), { file: "p.ct" });
    const page = reportHtml(e, compiled.policy!, [e], { units: units.map((u) => unit(u)), lang: "en" });
    expect(page).toContain(`<span class="why">\`on_time_share\` has no denominator, and the score says no \`when empty\`</span>`);
  });
});
