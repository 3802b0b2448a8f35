import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import { Evaluation } from "../../src/evaluate/result.js";
import { compile } from "../../src/files/policy.js";
import { evaluatePolicy, observation, resultOf, unit } from "../support/evaluation.js";

const RAMP = `policy p effective 2022-08-01 until 2022-12-31
tier province tier commune
unit thanh-tra tier province
field dossiers field online
metric share = online / dossiers
target ramp for tier province except unit thanh-tra:
  from 2022-09-30 share >= 30%, monthly +15%, by 2022-11-30 >= 60%
target strict for tier commune:
  by 2022-10-31 share > 85%
`;

const units = [
  { id: "so-a", tier: "province" },
  { id: "so-b", tier: "province" },
  { id: "thanh-tra", tier: "province" },
  { id: "xa-a", tier: "commune" },
  { id: "xa-b", tier: "commune" },
];

describe("exact verdicts at thresholds", () => {
  const rows = [
    { unit: "so-a", period: "2022-10", dossiers: 100, online: 45 },
    { unit: "so-b", period: "2022-10", dossiers: 1340, online: 603 },
    { unit: "xa-a", period: "2022-10", dossiers: 100, online: 85 },
    { unit: "xa-b", period: "2022-10", dossiers: 20, online: 18 },
  ];
  const evaluation = evaluatePolicy(RAMP, units, rows, "2022-11-15");

  test("exactly 45% meets `>= 45%`, the ramp's October step (30% + 15%)", () => {
    expect(resultOf(evaluation, "so-a")).toMatchObject({ milestone: "2022-10-31", threshold: 45, actual: 45, status: "met", needed: 0, gapPoints: 0 });
    expect(resultOf(evaluation, "so-b")).toMatchObject({ status: "met", numerator: 603, denominator: 1340, needed: 0 });
  });

  test("exactly 85% misses `> 85%`, and one more dossier meets it", () => {
    expect(resultOf(evaluation, "xa-a")).toMatchObject({ status: "missed", actual: 85, gapPoints: 0, needed: 1 });
    expect(resultOf(evaluation, "xa-b")).toMatchObject({ status: "met", actual: 90 });
  });

  test("the milestone due is the latest on or before the as-of date, and the next one is ahead", () => {
    expect(resultOf(evaluation, "so-a")!.next).toEqual({ date: "2022-11-30", threshold: 60, risePerMonth: 15 });
  });

  test("the inspectorate is excluded, reported and not dropped", () => {
    expect(resultOf(evaluation, "thanh-tra")).toMatchObject({ status: "excluded", target: "ramp", explanation: { reason: "excluded by target `ramp`" } });
  });

  test("the output satisfies the documented contract", () => {
    expect(() => Evaluation.parse(evaluation)).not.toThrow();
    expect(evaluation.rows).toEqual({ read: 4, used: 4, rejected: 0 });
  });
});

describe("statuses", () => {
  test("before the first milestone a target is not due yet, and says when it will be", () => {
    const e = evaluatePolicy(RAMP, units, [{ unit: "so-a", period: "2022-09", dossiers: 10, online: 1 }], "2022-09-15");
    expect(resultOf(e, "so-a")).toMatchObject({ status: "not-due", milestone: null, next: { date: "2022-09-30", threshold: 30 } });
  });

  test("a unit with no row for the window has no data; a zero denominator is its own status", () => {
    const e = evaluatePolicy(
      RAMP,
      units,
      [
        { unit: "so-a", period: "2022-09", dossiers: 10, online: 9 },
        { unit: "so-b", period: "2022-10", dossiers: 0, online: 0 },
      ],
      "2022-10-31",
    );
    expect(resultOf(e, "so-a")).toMatchObject({ status: "no-data", actual: null, explanation: { window: { from: "2022-10", to: "2022-10", monthsWithData: 0 } } });
    expect(resultOf(e, "so-b")).toMatchObject({ status: "no-denominator", numerator: 0, denominator: 0, needed: null });
  });

  test("an empty numerator is not reported, not zero: the unit has no data rather than a miss", () => {
    const e = evaluatePolicy(RAMP, units, [{ unit: "so-a", period: "2022-10", dossiers: 100 }], "2022-10-31");
    expect(resultOf(e, "so-a")).toMatchObject({ status: "no-data", needed: null, explanation: { window: { monthsWithData: 0 } } });
  });

  test("gaps in points and in dossiers for a unit that missed", () => {
    const e = evaluatePolicy(RAMP, units, [{ unit: "so-a", period: "2022-11", dossiers: 1850, online: 1107 }], "2022-11-30");
    const r = resultOf(e, "so-a")!;
    expect(r).toMatchObject({ status: "missed", threshold: 60, needed: 3 });
    expect(r.gapPoints).toBeCloseTo(60 - (100 * 1107) / 1850, 10);
  });

  test("a unit that does not exist on the milestone date is excluded with the reason", () => {
    const e = evaluatePolicy(RAMP, [{ id: "so-new", tier: "province", validFrom: "2022-11-01" as never }], [{ unit: "so-new", period: "2022-10", dossiers: 1, online: 1 }], "2022-10-31");
    expect(resultOf(e, "so-new")).toMatchObject({ status: "excluded", explanation: { reason: "did not exist yet on 2022-10-31 (from 2022-11-01)" } });
  });
});

describe("windows", () => {
  const ytd = `policy p effective 2022-01-01
tier t field a field b
metric ytd = a / b over year-to-date
metric q = a / b over quarter
metric roll = a / b over 2 months
target y for all: by 2022-11-30 ytd >= 50%
target qq for all: by 2022-11-30 q >= 50%
target r for all: by 2022-11-30 roll >= 50%
`;
  const rows = [
    { unit: "u", period: "2022-01", a: 100, b: 100 },
    { unit: "u", period: "2022-09", a: 0, b: 100 },
    { unit: "u", period: "2022-10", a: 10, b: 100 },
    { unit: "u", period: "2022-11", a: 50, b: 100 },
  ];
  const e = evaluatePolicy(ytd, [{ id: "u", tier: "t" }], rows, "2022-11-30");

  test("year to date sums January to the milestone's month, saying how many months had data", () => {
    expect(resultOf(e, "u", "ytd")).toMatchObject({ numerator: 160, denominator: 400, status: "missed", explanation: { window: { from: "2022-01", to: "2022-11", months: 11, monthsWithData: 4 } } });
  });

  test("a quarter sums from the quarter's first month; a rolling window the last N months", () => {
    expect(resultOf(e, "u", "q")).toMatchObject({ numerator: 60, denominator: 200, explanation: { window: { from: "2022-10", to: "2022-11" } } });
    expect(resultOf(e, "u", "roll")).toMatchObject({ numerator: 60, denominator: 200 });
  });

  test("a quarterly row counts toward a window that contains its whole quarter", () => {
    const q = evaluatePolicy(ytd, [{ id: "u", tier: "t" }], [{ unit: "u", period: "2022-Q3", a: 30, b: 60 }], "2022-11-30");
    expect(resultOf(q, "u", "ytd")).toMatchObject({ numerator: 30, denominator: 60, status: "met" });
    expect(resultOf(q, "u", "q")).toMatchObject({ status: "no-data" });
  });
});

describe("the month axis", () => {
  const policy = `policy p effective 2022-01-01
tier t field a field b
metric ytd = a / b over year-to-date
target y for all: by 2022-11-30 ytd >= 50%
`;
  const near = [
    { unit: "u", period: "2022-03", a: 30, b: 100 },
    { unit: "u", period: "2022-11", a: 80, b: 100 },
  ];
  const far = [
    { unit: "u", period: "1900-01", a: 1, b: 1 },
    { unit: "v", period: "2999-12", a: 1, b: 1 },
  ];

  test("rows eleven centuries apart give the same windows and a series of the months reported, not of the span", () => {
    const units = [{ id: "u", tier: "t" }, { id: "v", tier: "t" }];
    const alone = evaluatePolicy(policy, units, near, "2022-11-30");
    const spread = evaluatePolicy(policy, units, [...far, ...near], "2022-11-30");
    expect(resultOf(spread, "u")).toEqual(resultOf(alone, "u"));
    expect(resultOf(spread, "u")).toMatchObject({ numerator: 110, denominator: 200, explanation: { window: { months: 11, monthsWithData: 2 } } });
    const compiled = compile(policy, { file: "p.ct" });
    const evaluator = compileEvaluator(compiled.policy!);
    const prepared = evaluator.prepare({ registry: { units: units.map(unit), merges: [] }, observations: [...far, ...near].map((r) => observation(r)) });
    expect(prepared.data.months).toBe(4);
    expect(prepared.data.prefix.length).toBe(2 * 2 * 5);
  });
});

describe("complete windows", () => {
  const policy = `policy p effective 2022-01-01
tier t field a field b
metric ytd = a / b over year-to-date complete
metric ytd_open = a / b over year-to-date
metric q = a / b over quarter complete
metric roll = a / b over 3 months complete
metric mon = a / b complete
target y for all: by 2022-11-30 ytd >= 50%
  score = if ytd >= 50% then 2 else 1
target yo for all: by 2022-11-30 ytd_open >= 50%
target qq for all: by 2022-11-30 q >= 50%
target r for all: by 2022-11-30 roll >= 50%
target m for all: by 2022-11-30 mon >= 50%
`;
  const month = (unit: string, m: number, a = 60, b = 100) => ({ unit, period: `2022-${String(m).padStart(2, "0")}`, a, b });
  const everyMonth = (unit: string) => Array.from({ length: 11 }, (_, k) => month(unit, k + 1));
  const window = (e: Evaluation, unit: string, metric: string) => resultOf(e, unit, metric)!.explanation.window;

  test("January and February of a year to date: incomplete with `complete`, counts kept, nothing judged; met without it, saying 2 of 11", () => {
    const e = evaluatePolicy(policy, [{ id: "u", tier: "t" }], [month("u", 1, 100), month("u", 2, 100)], "2022-11-30");
    expect(resultOf(e, "u", "ytd")).toMatchObject({
      status: "incomplete", numerator: 200, denominator: 200, actual: 100, threshold: 50,
      gapPoints: null, needed: null, score: null, rank: null,
      explanation: { window: { from: "2022-01", to: "2022-11", months: 11, monthsWithData: 2 } },
    });
    expect(resultOf(e, "u", "ytd_open")).toMatchObject({ status: "met", rank: 1, explanation: { window: { months: 11, monthsWithData: 2 } } });
  });

  test("every month reported is judged at month, quarter, year-to-date and rolling windows", () => {
    const e = evaluatePolicy(policy, [{ id: "u", tier: "t" }], everyMonth("u"), "2022-11-30");
    for (const [metric, months] of [["ytd", 11], ["q", 2], ["roll", 3], ["mon", 1]] as const) {
      expect(resultOf(e, "u", metric)).toMatchObject({ status: "met", needed: 0, explanation: { window: { months, monthsWithData: months } } });
    }
    expect(resultOf(e, "u", "ytd")!.score).toBe(2);
  });

  test("one month missing from the window makes each windowed metric incomplete; the month window lacking it has no data", () => {
    const e = evaluatePolicy(policy, [{ id: "u", tier: "t" }], everyMonth("u").filter((r) => r.period !== "2022-11"), "2022-11-30");
    expect(window(e, "u", "ytd")).toMatchObject({ months: 11, monthsWithData: 10 });
    for (const metric of ["ytd", "q", "roll"]) expect(resultOf(e, "u", metric)!.status).toBe("incomplete");
    expect(resultOf(e, "u", "q")).toMatchObject({ explanation: { window: { months: 2, monthsWithData: 1 } } });
    expect(resultOf(e, "u", "roll")).toMatchObject({ explanation: { window: { months: 3, monthsWithData: 2 } } });
    expect(resultOf(e, "u", "mon")).toMatchObject({ status: "no-data", explanation: { window: { months: 1, monthsWithData: 0 } } });
    expect(resultOf(e, "u", "ytd_open")!.status).toBe("met");
  });

  test("a month counts as reported only when both the numerator and the denominator are", () => {
    const rows = [...everyMonth("u").slice(0, 10), { unit: "u", period: "2022-11", b: 100 }];
    const e = evaluatePolicy(policy, [{ id: "u", tier: "t" }], rows, "2022-11-30");
    expect(resultOf(e, "u", "ytd")).toMatchObject({ status: "incomplete", explanation: { window: { monthsWithData: 10 } } });
  });

  test("a quarterly row covers its three months only when the window holds the whole quarter", () => {
    const quarters = ["2022-Q1", "2022-Q2", "2022-Q3"].map((period) => ({ unit: "u", period, a: 180, b: 300 }));
    const e = evaluatePolicy(policy, [{ id: "u", tier: "t" }], [...quarters, month("u", 10), month("u", 11)], "2022-11-30");
    expect(resultOf(e, "u", "ytd")).toMatchObject({ status: "met", explanation: { window: { months: 11, monthsWithData: 11 } } });
    const q4 = evaluatePolicy(policy, [{ id: "u", tier: "t" }], [...quarters, { unit: "u", period: "2022-Q4", a: 180, b: 300 }], "2022-11-30");
    expect(resultOf(q4, "u", "ytd")).toMatchObject({ status: "incomplete", explanation: { window: { months: 11, monthsWithData: 9 } } });
  });

  test("a unit that came into existence inside the window owes only the months it existed, from its first (partial) month", () => {
    const units = [{ id: "new", tier: "t", validFrom: "2022-09-15" as never }, { id: "late", tier: "t", validFrom: "2022-09-15" as never }];
    const rows = [month("new", 9), month("new", 10), month("new", 11), month("late", 11)];
    const e = evaluatePolicy(policy, units, rows, "2022-11-30");
    expect(resultOf(e, "new", "ytd")).toMatchObject({ status: "met", explanation: { window: { from: "2022-01", to: "2022-11", months: 3, monthsWithData: 3 } } });
    expect(resultOf(e, "late", "ytd")).toMatchObject({ status: "incomplete", explanation: { window: { months: 3, monthsWithData: 1 } } });
    expect(resultOf(e, "late", "roll")).toMatchObject({ status: "incomplete", explanation: { window: { months: 3, monthsWithData: 1 } } });
  });

  test("a unit that ceased after the milestone owes the whole window; one gone before it is excluded", () => {
    const units = [{ id: "old", tier: "t", validTo: "2022-12-15" as never }, { id: "gone", tier: "t", validTo: "2022-10-31" as never }];
    const e = evaluatePolicy(policy, units, [...everyMonth("old"), month("gone", 10)], "2022-11-30");
    expect(resultOf(e, "old", "ytd")).toMatchObject({ status: "met", explanation: { window: { months: 11, monthsWithData: 11 } } });
    expect(resultOf(e, "gone", "ytd")).toMatchObject({ status: "excluded", explanation: { window: null } });
  });

  test("with successors, a unit owes the months since its earliest predecessor existed, and their rows fill them", () => {
    const units = [{ id: "xa-a", tier: "t", validTo: "2022-09-30" as never }, { id: "xa-b", tier: "t", validFrom: "2022-10-01" as never }];
    const merges = [{ id: "xa-a", successor: "xa-b", date: "2022-10-01" as never }];
    const rows = [...everyMonth("xa-a").slice(0, 9), month("xa-b", 10), month("xa-b", 11)];
    const merged = evaluatePolicy(policy, units, rows, "2022-11-30", { merges, successors: true });
    expect(resultOf(merged, "xa-b", "ytd")).toMatchObject({ status: "met", numerator: 660, explanation: { window: { months: 11, monthsWithData: 11 } } });
    const apart = evaluatePolicy(policy, units, rows, "2022-11-30", { merges });
    expect(resultOf(apart, "xa-b", "ytd")).toMatchObject({ status: "met", numerator: 120, explanation: { window: { months: 2, monthsWithData: 2 } } });
  });

  test("groups count incomplete units and sum their counts; ranks leave them out", () => {
    const units = ["full", "half", "low"].map((id) => ({ id, tier: "t" }));
    const rows = [...everyMonth("full"), month("half", 1, 100), ...everyMonth("low").map((r) => ({ ...r, a: 10 }))];
    const e = evaluatePolicy(policy, units, rows, "2022-11-30");
    const all = e.groups.find((g) => g.kind === "all" && g.metric === "ytd")!;
    expect(all).toMatchObject({ units: 3, met: 1, missed: 1, incomplete: 1, noData: 0, numerator: 660 + 100 + 110, denominator: 2300 });
    expect(["full", "low", "half"].map((u) => resultOf(e, u, "ytd")!.rank)).toEqual([1, 2, null]);
    expect(e.groups.find((g) => g.kind === "all" && g.metric === "ytd_open")).toMatchObject({ met: 2, missed: 1, incomplete: 0 });
  });

  test("the output with incomplete results satisfies the contract", () => {
    const e = evaluatePolicy(policy, [{ id: "u", tier: "t" }], [month("u", 1)], "2022-11-30");
    expect(Evaluation.parse(JSON.parse(JSON.stringify(e))).results.map((r) => r.status)).toContain("incomplete");
  });
});

describe("overrides and roll-ups", () => {
  const tb = readFileSync("policies/thaibinh-2020.ct", "utf8");
  const tbUnits = [
    { id: "so-cong-thuong", tier: "province" },
    { id: "so-noi-vu", tier: "province" },
    { id: "huyen-a", tier: "district" },
  ];

  test("a named department gets its own threshold and the explanation names the rule it overrode", () => {
    const ids = [...tb.matchAll(/^unit ([\w-]+)/gm)].map((m) => m[1]!);
    const named = ids[0]!;
    const e = evaluatePolicy(tb, [...tbUnits, { id: named, tier: "province" }], [], "2020-12-31", { file: "policies/thaibinh-2020.ct" });
    const r = resultOf(e, named)!;
    expect(r.threshold).toBe(50);
    expect(r.explanation.overrides.map((o) => o.target)).toHaveLength(1);
    expect(resultOf(e, "so-noi-vu")!.threshold).toBe(40);
  });

  test("a group's rate comes from summed counts, not the mean of unit rates", () => {
    const rows = [
      { unit: "so-a", period: "2022-10", dossiers: 1000, online: 900 },
      { unit: "so-b", period: "2022-10", dossiers: 10, online: 1 },
    ];
    const e = evaluatePolicy(RAMP, units, rows, "2022-10-31");
    const province = e.groups.find((g) => g.kind === "tier" && g.id === "province" && g.metric === "share")!;
    expect(province).toMatchObject({ numerator: 901, denominator: 1010, units: 3, met: 1, missed: 1, excluded: 1 });
    expect(province.rate).toBeCloseTo(90100 / 1010, 10);
  });

  test("ties share a rank", () => {
    const rows = [
      { unit: "so-a", period: "2022-10", dossiers: 100, online: 50 },
      { unit: "so-b", period: "2022-10", dossiers: 200, online: 100 },
      { unit: "thanh-tra", period: "2022-10", dossiers: 10, online: 10 },
    ];
    const e = evaluatePolicy(RAMP.replace("except unit thanh-tra", ""), units, rows, "2022-10-31");
    expect(["thanh-tra", "so-a", "so-b"].map((u) => resultOf(e, u)!.rank)).toEqual([1, 2, 2]);
  });

  test("groups per parent unit", () => {
    const rows = [
      { unit: "xa-a", period: "2022-10", dossiers: 10, online: 9 },
      { unit: "xa-b", period: "2022-10", dossiers: 10, online: 5 },
    ];
    const e = evaluatePolicy(RAMP, units.map((u) => (u.tier === "commune" ? { ...u, parent: "huyen" } : u)), rows, "2022-10-31");
    expect(e.groups.find((g) => g.kind === "parent" && g.id === "huyen")).toMatchObject({ numerator: 14, denominator: 20, met: 1, missed: 1 });
  });
});

describe("merged units", () => {
  const merged = [
    { id: "xa-a", tier: "commune", validTo: "2022-09-30" as never },
    { id: "xa-b", tier: "commune" },
  ];
  const rows = [
    { unit: "xa-a", period: "2022-10", dossiers: 10, online: 9 },
    { unit: "xa-b", period: "2022-10", dossiers: 10, online: 8 },
  ];
  const merges = [{ id: "xa-a", successor: "xa-b", date: "2022-10-01" as never }];

  test("counted under the successor when asked", () => {
    const e = evaluatePolicy(RAMP, merged, rows, "2022-10-31", { merges, successors: true });
    expect(resultOf(e, "xa-b")).toMatchObject({ numerator: 17, denominator: 20 });
    expect(resultOf(e, "xa-a")).toMatchObject({ status: "excluded", explanation: { reason: expect.stringContaining("merged into `xa-b`") } });
  });

  test("a merge into a unit the registry does not hold keeps the rows with their unit", () => {
    const ghost = [{ id: "xa-a", successor: "xa-ghost", date: "2022-10-01" as never }];
    const e = evaluatePolicy(RAMP, [{ id: "xa-a", tier: "commune" }], [rows[0]!], "2022-10-31", { merges: ghost, successors: true });
    expect(resultOf(e, "xa-a")).toMatchObject({ status: "met", numerator: 9, denominator: 10 });
  });

  test("kept apart otherwise, each while it exists", () => {
    const e = evaluatePolicy(RAMP, merged, rows, "2022-10-31", { merges });
    expect(resultOf(e, "xa-b")).toMatchObject({ numerator: 8, denominator: 10 });
    expect(resultOf(e, "xa-a")).toMatchObject({ status: "excluded", explanation: { reason: expect.stringContaining("no longer existed") } });
  });
});

describe("scores", () => {
  const progress = `policy p effective 2022-01-01
tier t
field handled field on_time
metric on_time_share = on_time / handled
score progress for all = 20 * on_time_share when empty 20 round 2 half-up
`;

  test("Decision 766's progress score is 20 x the on-time share, 2 decimals, half up", () => {
    const rows = [
      { unit: "a", period: "2022-10", handled: 8, on_time: 7 }, // 17.5
      { unit: "b", period: "2022-10", handled: 4000, on_time: 3919 }, // 19.595 -> 19.60
      { unit: "c", period: "2022-10", handled: 0, on_time: 0 }, // no dossiers: full points
      { unit: "d", period: "2022-09", handled: 1, on_time: 1 }, // no October row
    ];
    const e = evaluatePolicy(progress, ["a", "b", "c", "d"].map((id) => ({ id, tier: "t" })), rows, "2022-10-31");
    expect(e.scores.map((s) => [s.unit, s.points, s.rank])).toEqual([
      ["a", 17.5, 3],
      ["b", 19.6, 2],
      ["c", 20, 1],
      ["d", null, null],
    ]);
  });

  test("a month still running is not scored: the last month ended on or before the as-of date is", () => {
    const e = evaluatePolicy(progress, [{ id: "a", tier: "t" }], [{ unit: "a", period: "2022-10", handled: 10, on_time: 5 }], "2022-11-15");
    expect(e.scores[0]!.points).toBe(10);
  });

  test("a target's points come from its own metric", () => {
    const steps = `policy p effective 2022-01-01
tier t field a field b
metric provision = a / b
target t for all: by 2022-10-31 provision >= 80% score = if provision >= 80% then 2 else 1.6
`;
    const rows = [
      { unit: "x", period: "2022-10", a: 80, b: 100 },
      { unit: "y", period: "2022-10", a: 79, b: 100 },
    ];
    const e = evaluatePolicy(steps, [{ id: "x", tier: "t" }, { id: "y", tier: "t" }], rows, "2022-10-31");
    expect([resultOf(e, "x")!.score, resultOf(e, "y")!.score]).toEqual([2, 1.6]);
  });
});

describe("data problems", () => {
  test("a row whose part is above its total is rejected and reported, and the counts add up", () => {
    const rows = [
      { unit: "so-a", period: "2022-10", dossiers: 100, online: 120 },
      { unit: "so-b", period: "2022-10", dossiers: 100, online: 50 },
    ];
    const e = evaluatePolicy(RAMP, units, rows, "2022-10-31");
    expect(e.rows).toEqual({ read: 2, used: 1, rejected: 1 });
    expect(e.dataIssues).toMatchObject([{ code: "numerator-above-denominator", line: 2, rejected: true }]);
    expect(resultOf(e, "so-a")!.status).toBe("no-data");
  });
});
