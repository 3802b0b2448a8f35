/**
 * Issue 17: group scores from summed counts, per-term `when empty`, score windows and indexes,
 * through the API.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Evaluation } from "../../src/evaluate/result.js";
import { scoreWindow } from "../../src/evaluate/scores.js";
import { monthIndex } from "../../src/data/period.js";
import { evaluatePolicy, type RowSpec, type UnitSpec } from "../support/evaluation.js";

const HEAD = `policy p effective 2022-01-01
tier district
tier commune
field handled field on_time field services field used field dossiers field online
metric on_time_share = on_time / handled
metric usage = used / services
metric online_share = online / dossiers
`;

const evaluate = (rules: string, units: readonly UnitSpec[], rows: readonly RowSpec[], asOf = "2022-10-31") => {
  const e = evaluatePolicy(HEAD + rules, units, rows, asOf);
  expect(() => Evaluation.parse(e)).not.toThrow();
  return e;
};

const communes = [
  { id: "h", tier: "district" },
  { id: "a", tier: "commune", parent: "h" },
  { id: "b", tier: "commune", parent: "h" },
];

describe("group scores", () => {
  const rules = "score progress for all = 20 * on_time_share when empty 20\n";
  const rows = [
    { unit: "a", period: "2022-10", handled: 3, on_time: 1 },
    { unit: "b", period: "2022-10", handled: 1, on_time: 1 },
    { unit: "h", period: "2022-10", handled: 0, on_time: 0 },
  ];

  test("per tier, parent and all units, from summed counts, never the mean of units' points", () => {
    const e = evaluate(rules, communes, rows);
    const points = (kind: string, id: string) => e.scoreGroups!.find((g) => g.kind === kind && g.id === id)?.points;
    // a: 20 × 1/3 = 6.67, b: 20 × 1/1 = 20; mean 13.33, but summed 20 × 2/4 = 10.
    expect(e.scores.filter((s) => s.tier === "commune").map((s) => s.points)).toEqual([6.67, 20]);
    expect(points("parent", "h")).toBe(10);
    expect(points("tier", "commune")).toBe(10);
    // h handled nothing (its own 20 points), and adds nothing to the sums: 2 of 4.
    expect(points("tier", "district")).toBe(20);
    expect(points("all", "all")).toBe(10);
    expect(e.scoreGroups!.find((g) => g.kind === "all")).toMatchObject({ units: 3, metrics: [{ metric: "on_time_share", numerator: 2, denominator: 4, units: 3 }] });
    expect(e.scoreGroups!.map((g) => `${g.kind} ${g.id}`)).toEqual(["all all", "tier district", "tier commune", "parent h"]);
  });

  test("rounded half up to 2 decimals like a unit's points: 20 × 1/8 = 2.5, 20 × 1/160 = 0.125 -> 0.13", () => {
    const e = evaluate(rules, [{ id: "x", tier: "commune" }, { id: "y", tier: "commune" }], [
      { unit: "x", period: "2022-10", handled: 80, on_time: 1 },
      { unit: "y", period: "2022-10", handled: 80, on_time: 0 },
    ]);
    expect(e.scoreGroups!.find((g) => g.kind === "all")!.points).toBe(0.13);
  });

  test("a group where no unit reported has no points, with the reason", () => {
    const e = evaluate(rules, communes, [{ unit: "a", period: "2022-10", handled: 3, on_time: 1 }]);
    expect(e.scoreGroups!.find((g) => g.kind === "tier" && g.id === "district")).toMatchObject({ points: null, because: { kind: "no-data", metrics: ["on_time_share"] } });
  });

  test("an evaluation of a policy without scores has no group scores and no index keys at all", () => {
    const e = evaluatePolicy(`${HEAD}target t for all: by 2022-10-31 on_time_share >= 50%\n`, communes, rows, "2022-10-31");
    expect(Object.keys(e)).toEqual(["policy", "asOf", "results", "scores", "groups", "dataIssues", "rows", "files"]);
  });

  // A part above its total is rejected as a row: parts are drawn within their totals.
  const partOf = (total: number) => fc.integer({ min: 0, max: total });
  const pair = (whole: string, part: string) => fc.integer({ min: 0, max: 50 }).chain((n) => partOf(n).map((k) => ({ [whole]: n, [part]: k })));
  const unitRows = fc
    .array(fc.tuple(pair("handled", "on_time"), pair("services", "used"), pair("dossiers", "online")), { minLength: 1, maxLength: 6 })
    .map((units) => units.map(([a, b, c]): Record<string, number> => ({ ...a, ...b, ...c })));
  const capped = "score provision for all = (4 * usage when empty 0) + (min(6, 6 * online_share / 50%) when empty 0) + (20 * on_time_share when empty 20) round 2 half-up\n";

  test("property: a group's score is the formula on its summed counts, as if one unit had reported them", () => {
    fc.assert(
      fc.property(unitRows, (counts) => {
        const units = [{ id: "h", tier: "district" }, ...counts.map((_, i) => ({ id: `u${i}`, tier: "commune", parent: "h" }))];
        const rows = counts.map((c, i) => ({ unit: `u${i}`, period: "2022-10", ...c }));
        const group = evaluate(capped, units, rows).scoreGroups!.find((g) => g.kind === "parent" && g.id === "h")!;
        const summed = Object.fromEntries(Object.keys(counts[0]!).map((k) => [k, counts.reduce((sum, c) => sum + c[k]!, 0)]));
        const one = evaluate(capped, [{ id: "one", tier: "commune" }], [{ unit: "one", period: "2022-10", ...summed }]);
        expect(group.points).toBe(one.scores[0]!.points);
      }),
      { numRuns: 60 },
    );
  });
});

describe("a term's own `when empty`", () => {
  const units = [{ id: "a", tier: "commune" }];
  const row = { unit: "a", period: "2022-10", handled: 10, on_time: 5, services: 0, used: 0, dossiers: 10, online: 3 };

  test("an empty term takes its own value and the rest of the formula stands", () => {
    const e = evaluate("score s for all = (4 * usage when empty 1) + min(6, 6 * online_share / 50%)\n", units, [row]);
    // 1 (no online service) + min(6, 6 × 0.3 / 0.5 = 3.6).
    expect(e.scores[0]).toMatchObject({ points: 4.6, reason: null });
  });

  test("the whole-formula form still replaces the whole formula", () => {
    const e = evaluate("score s for all = 4 * usage + min(6, 6 * online_share / 50%) when empty 0\n", units, [row]);
    expect(e.scores[0]!.points).toBe(0);
  });

  test("a term's value can name metrics; when it is empty too, the whole-formula rule decides", () => {
    const e = evaluate("score s for all = (4 * usage when empty 10 * on_time_share) + 1\n", units, [row]);
    expect(e.scores[0]!.points).toBe(6);
    const empty = { ...row, handled: 0, on_time: 0 };
    expect(evaluate("score s for all = (4 * usage when empty 10 * on_time_share) + 1 when empty 2\n", units, [empty]).scores[0]!.points).toBe(2);
    expect(evaluate("score s for all = (4 * usage when empty 10 * on_time_share) + 1\n", units, [empty]).scores[0]).toMatchObject({
      points: null,
      because: { kind: "no-denominator", metrics: ["usage", "on_time_share"] },
    });
  });

  test("a term's `when empty` covers a division by a metric at zero, not only a missing denominator", () => {
    const e = evaluate("score s for all = (on_time_share / usage when empty 3) + 1\n", units, [{ ...row, services: 4, used: 0 }]);
    expect(e.scores[0]!.points).toBe(4);
  });

  test("no data at all is still no points: a term's rule is for a zero denominator, not a missing report", () => {
    const e = evaluate("score s for all = (4 * usage when empty 4)\n", units, [{ unit: "a", period: "2022-10", handled: 1, on_time: 1 }]);
    expect(e.scores[0]).toMatchObject({ points: null, because: { kind: "no-data", metrics: ["usage"] } });
  });
});

describe("score windows", () => {
  const m = (year: number, month: number) => monthIndex(year, month);

  test.each([
    ["month", m(2022, 10), m(2022, 10), m(2022, 10)],
    ["quarter", m(2022, 9), m(2022, 7), m(2022, 9)],
    ["quarter", m(2022, 10), m(2022, 7), m(2022, 9)],
    ["quarter", m(2022, 11), m(2022, 7), m(2022, 9)],
    ["quarter", m(2022, 12), m(2022, 10), m(2022, 12)],
    ["year-to-date", m(2022, 10), m(2022, 1), m(2022, 10)],
    ["year-to-date", m(2022, 12), m(2022, 1), m(2022, 12)],
    ["year-to-date", m(2023, 1), m(2023, 1), m(2023, 1)],
  ] as const)("over %s, the last complete month %i gives %i to %i", (kind, last, from, to) => {
    expect(scoreWindow(kind, last)).toEqual({ from, to });
  });

  const months = [7, 8, 9, 10, 11].map((month, i) => ({ unit: "a", period: `2022-${String(month).padStart(2, "0")}`, handled: 10, on_time: i + 1 }));
  const score = (window: string) => `score s for all over ${window} = 100 * on_time_share when empty 0\n`;
  const points = (window: string, asOf: string) => evaluate(score(window), [{ id: "a", tier: "commune" }], months, asOf).scores[0]!;

  test("over month: the last month that ended on or before the as-of date", () => {
    expect(points("month", "2022-10-31")).toMatchObject({ points: 40, window: { from: "2022-10", to: "2022-10" } });
    expect(points("month", "2022-10-30")).toMatchObject({ points: 30, window: { from: "2022-09", to: "2022-09" } });
  });

  test("over quarter: the last quarter that ended, July to September (1 + 2 + 3 of 30) until 31/12", () => {
    expect(points("quarter", "2022-09-30")).toMatchObject({ points: 20, window: { from: "2022-07", to: "2022-09" } });
    expect(points("quarter", "2022-11-30")).toMatchObject({ points: 20, window: { from: "2022-07", to: "2022-09" } });
    // On 29/09 the third quarter is still running: the second, without data, has no points.
    expect(points("quarter", "2022-09-29")).toMatchObject({ points: null, reason: "`on_time_share` has no data in the quarter scored" });
  });

  test("over year-to-date: January to the last month that ended (a year in progress is year to date)", () => {
    // July to October reported: 1 + 2 + 3 + 4 of 40.
    expect(points("year-to-date", "2022-11-15")).toMatchObject({ points: 25, window: { from: "2022-01", to: "2022-10" } });
    expect(points("year-to-date", "2022-11-30")).toMatchObject({ points: 30, window: { from: "2022-01", to: "2022-11" } });
  });

  test("a score's window replaces its metrics' own, for units and groups alike", () => {
    const e = evaluate("metric q = on_time / handled over quarter\nscore s for all over month = 100 * q when empty 0\n", [{ id: "a", tier: "commune" }], months, "2022-10-31");
    expect(e.scores[0]!.points).toBe(40);
    expect(e.scoreGroups![0]).toMatchObject({ points: 40, window: { from: "2022-10", to: "2022-10" } });
  });

  test("without `over` a score keeps each metric's window, ending with the last complete month", () => {
    const e = evaluate("metric q = on_time / handled over quarter\nscore s for all = 100 * q when empty 0\n", [{ id: "a", tier: "commune" }], months, "2022-11-30");
    // October and November of the fourth quarter: (4 + 5) of 20.
    expect(e.scores[0]).toMatchObject({ points: 45 });
    expect(e.scores[0]).not.toHaveProperty("window");
  });
});

describe("an index", () => {
  const rules = `score a for all out of 60 = 60 * on_time_share when empty 60
score b for all out of 40 = 40 * usage when empty 0
index total for all out of 100 = a + b
`;

  test("adds its components as rounded, ranks per tier, reports each component, and its groups' totals", () => {
    const e = evaluate(rules, communes, [
      { unit: "a", period: "2022-10", handled: 3, on_time: 1, services: 3, used: 1 },
      { unit: "b", period: "2022-10", handled: 3, on_time: 2, services: 3, used: 0 },
      { unit: "h", period: "2022-10", handled: 0, on_time: 0, services: 0, used: 0 },
    ]);
    const of = (id: string) => e.indexes!.find((x) => x.unit === id)!;
    // a: 20 + 13.33 = 33.33; b: 40 + 0 = 40; h: 60 + 0.
    expect(of("a")).toMatchObject({ total: 33.33, maximum: 100, rank: 2, ranked: 2, components: [{ score: "a", points: 20 }, { score: "b", points: 13.33 }] });
    expect(of("b")).toMatchObject({ total: 40, rank: 1, ranked: 2 });
    expect(of("h")).toMatchObject({ total: 60, rank: 1, ranked: 1 });
    // Communes summed: 60 × 3/6 = 30, 40 × 1/6 = 6.67.
    expect(e.indexGroups!.find((g) => g.kind === "parent")).toMatchObject({ id: "h", total: 36.67, components: [{ score: "a", points: 30 }, { score: "b", points: 6.67 }] });
  });

  test("a unit without points for a component has no total, no rank, and the reason", () => {
    const e = evaluate(rules, communes, [{ unit: "a", period: "2022-10", handled: 3, on_time: 1 }]);
    expect(e.indexes!.find((x) => x.unit === "a")).toMatchObject({ total: null, rank: null, because: { kind: "no-points", scores: ["b"] }, reason: "`b` gives this unit no points" });
  });

  test("totals are added exactly: 0.1 + 0.2 ties with 0.3, where doubles would not", () => {
    const tenths = `score a for all = 1 * on_time_share when empty 0
score b for all = 1 * usage when empty 0
index total for all out of 2 = a + b
`;
    const e = evaluate(tenths, [{ id: "x", tier: "commune" }, { id: "y", tier: "commune" }, { id: "z", tier: "commune" }], [
      { unit: "x", period: "2022-10", handled: 10, on_time: 1, services: 10, used: 2 },
      { unit: "y", period: "2022-10", handled: 10, on_time: 3, services: 10, used: 0 },
      { unit: "z", period: "2022-10", handled: 10, on_time: 2, services: 10, used: 0 },
    ]);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(e.indexes!.map((x) => [x.unit, x.total, x.rank])).toEqual([["x", 0.3, 1], ["y", 0.3, 1], ["z", 0.2, 3]]);
  });

  const within = (max: number) => fc.integer({ min: 0, max }).chain((whole) => fc.tuple(fc.constant(whole), fc.integer({ min: 0, max: whole })));
  const unitCounts = fc
    .array(fc.tuple(within(30), within(9)), { minLength: 1, maxLength: 12 })
    .map((units) => units.map(([[handled, on_time], [services, used]]) => ({ handled, on_time, services, used })));

  test("property: a total is the exact sum of its components, ranks are shared on exact ties and ordered otherwise", () => {
    fc.assert(
      fc.property(unitCounts, (counts) => {
        const units = counts.map((_, i) => ({ id: `u${i}`, tier: i % 2 === 0 ? "commune" : "district" }));
        const e = evaluate(rules, units, counts.map((c, i) => ({ unit: `u${i}`, period: "2022-10", ...c })));
        const cents = (x: number) => Math.round(x * 100);
        for (const x of e.indexes!) {
          const parts = e.scores.filter((s) => s.unit === x.unit).map((s) => s.points!);
          expect(x.components.map((c) => c.points)).toEqual(parts);
          expect(cents(x.total!)).toBe(parts.reduce((sum, p) => sum + cents(p), 0));
          const tier = e.indexes!.filter((y) => y.tier === x.tier);
          expect(x.rank).toBe(1 + tier.filter((y) => cents(y.total!) > cents(x.total!)).length);
          expect(x.ranked).toBe(tier.length);
        }
      }),
      { numRuns: 80 },
    );
  });
});
