/** The ready properties pass on every bundled policy, and fail the way a user needs when something is wrong. */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compile, compileFile } from "../../src/files/policy.js";
import { readUnits } from "../../src/data/registry.js";
import type { Registry } from "../../src/data/types.js";
import { compileEvaluator, type Evaluator, type PreparedData } from "../../src/evaluate/evaluate.js";
import type { Evaluation } from "../../src/evaluate/result.js";
import type { Milestone, Policy, Schedule, Target } from "../../src/model/policy.js";
import { rational } from "../../src/number/rational.js";
import { renderPropertyReport } from "../../src/testing/render.js";
import { advance } from "../../src/schedule/schedule.js";
import {
  coverage,
  evaluationCase,
  formatRoundTrip,
  propertiesReport,
  rampCase,
  rampDeadline,
  rampReaches,
  scheduleConsistency,
  scheduleProblems,
  type PropertyReport,
  type RampCase,
} from "../../src/testing/index.js";
import * as invariants from "../../src/testing/invariants.js";
import { addMonths, type IsoDate } from "../../src/time/calendar.js";
import { bundledPolicies } from "../support/policies.js";

const BRVT = "policies/brvt-2139-2022.ct";
const exampleUnits: Registry = readUnits(readFileSync("examples/brvt-2022/units.csv", "utf8"), { file: "units.csv", format: "csv" }).registry;
const NAMES = ["schedule-consistency", "coverage", "met-iff-needed-zero", "needed-is-exact", "group-rates-sum", "row-order", "format-round-trip"];

const compiled = (text: string, file = "policy.ct"): Policy => {
  const result = compile(text, { file });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.policy!;
};

describe("every ready property passes on every bundled policy", () => {
  const files = bundledPolicies().filter((p) => compile(p.text, { file: p.file }).policy !== undefined);

  test.each(files.map((p) => p.file))("%s", (file) => {
    const policy = compileFile(file).policy!;
    // BR-VT with its example registry of 110 units; the others on small registries generated from them.
    const reports = propertiesReport(policy, file === BRVT ? exampleUnits : undefined, { runs: 40 });
    expect(reports.map((r) => r.name)).toEqual(NAMES);
    expect(reports.filter((r) => !r.ok || r.skipped !== undefined), renderPropertyReport(reports)).toEqual([]);
  });
});

describe("on a registry smaller than the sample the data properties draw", () => {
  const policy = compileFile(BRVT).policy!;
  const firstOf = (tier: string, k: number) => exampleUnits.units.filter((u) => u.tier === tier)[k]!;
  // Each tier early on, so that every size but 1 and 2 has units of several tiers.
  const units = [0, 1].flatMap((k) => ["province", "district", "commune"].map((tier) => firstOf(tier, k)));
  const sized = (n: number): Registry => ({ units: units.slice(0, n), merges: [] });

  test.each([1, 2, 3, 4, 5, 6])("%i of the example's units: every property runs and passes", (n) => {
    const reports = propertiesReport(policy, sized(n), { runs: 20, seed: 5 });
    expect(reports.map((r) => r.name)).toEqual(NAMES);
    expect(reports.filter((r) => !r.ok || r.skipped !== undefined), renderPropertyReport(reports)).toEqual([]);
    expect(reports.filter((r) => r.runs > 0).map((r) => r.name)).toEqual(NAMES.slice(2, 6));
  });

  test.each([1, 2, 3, 4, 5, 6])("%i of the example's units: evaluationCase samples from one unit to all of them", (n) => {
    const drawn = fc.sample(evaluationCase(policy, sized(n)), { seed: 2, numRuns: 50 }).map((c) => c.registry.units.length);
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...drawn)).toBe(n);
    expect(fc.sample(evaluationCase(policy, sized(n), { maxUnits: 2 }), { seed: 2, numRuns: 50 }).every((c) => c.registry.units.length <= Math.min(n, 2))).toBe(true);
  });

  test("of no units, the properties over units are skipped, not passed, and the others still run", () => {
    const reports = propertiesReport(policy, sized(0), { runs: 20, seed: 5 });
    expect(reports.filter((r) => r.skipped !== undefined).map((r) => [r.name, r.skipped])).toEqual(NAMES.slice(1, 6).map((name) => [name, "the registry has no units"]));
    expect(reports.every((r) => r.ok)).toBe(true);
    expect(fc.sample(evaluationCase(policy, sized(0)), { seed: 2, numRuns: 5 }).map((c) => c.registry.units)).toEqual([[], [], [], [], []]);
  });
});

describe("an injected mistake: BR-VT's local ramp, 20% + 15% a month, declared to reach 60%", () => {
  const text = readFileSync(BRVT, "utf8");
  const policy = compileFile(BRVT).policy!;
  const local = policy.targets.find((t) => t.id === "online_share_local")!;

  /** How a service that keeps targets in its own database might store the ramp, and build the schedule the evaluator takes. */
  interface StoredRamp {
    readonly start: IsoDate;
    readonly from: number;
    readonly monthlyStep: number;
    readonly deadline: IsoDate;
    readonly to: number;
  }
  function serviceSchedule(row: StoredRamp): Schedule {
    const milestones: Milestone[] = [{ date: row.start, threshold: rational(row.from), origin: "stated" }];
    for (let k = 1; addMonths(row.start, k) < row.deadline; k++) {
      milestones.push({ date: addMonths(row.start, k), threshold: rational(row.from + k * row.monthlyStep), origin: "step" });
    }
    milestones.push({ date: row.deadline, threshold: rational(row.to), origin: "stated" });
    return { milestones, repeat: undefined };
  }
  const row = { start: "2022-09-30" as IsoDate, from: 20, monthlyStep: 15, deadline: "2022-11-30" as IsoDate, to: 60 };
  const injected: Policy = {
    ...policy,
    targets: policy.targets.map((t) => (t === local ? { ...t, schedule: serviceSchedule(row) } : t)),
  };

  test("written in the policy, the checker refuses it, so only a schedule built without the checker can carry it", () => {
    const mistaken = text.replace("by 2022-11-30 >= 50%", "by 2022-11-30 >= 60%");
    expect(mistaken).not.toBe(text);
    const result = compile(mistaken, { file: BRVT });
    expect(result.policy).toBeUndefined();
    expect(result.diagnostics.map((d) => d.name)).toContain("ramp-mismatch");
    // The service's builder is right otherwise: from the true row it builds what the checker does.
    expect(serviceSchedule({ ...row, to: 50 })).toEqual(local.schedule);
  });

  test("the schedule property names the target, its rule and the values, shrunk to the one ramp at fault", () => {
    const report = scheduleConsistency(injected);
    const rule = `${BRVT}:${local.rule.line}`;
    expect(report).toMatchObject({ name: "schedule-consistency", ok: false, runs: 0 });
    expect(report.message).toBe(
      `target \`online_share_local\` (${rule}): the ramp 20% on 2022-09-30, +15% a month, reaches 50% on 2022-11-30, but the milestone there says 60%`,
    );
    expect(report.counterexample).toBe(
      [
        `target online_share_local (${rule}):`,
        "  from 2022-09-30 online_share >= 20%, monthly +15%, by 2022-11-30 >= 60%",
        "milestones:",
        "  2022-09-30  >= 20%     stated",
        "  2022-10-31  >= 35%     step",
        "  2022-11-30  >= 60%     stated  <- 50%",
      ].join("\n"),
    );
  });

  test("the whole report fails on that alone, and prints it", () => {
    const reports = propertiesReport(injected, exampleUnits, { runs: 20, seed: 1 });
    expect(reports.filter((r) => !r.ok).map((r) => r.name)).toEqual(["schedule-consistency"]);
    const printed = renderPropertyReport(reports);
    expect(printed).toContain("FAIL schedule-consistency\n  target `online_share_local`");
    expect(printed).toContain("  2022-11-30  >= 60%     stated  <- 50%\nPASS coverage\n");
    expect(printed).toMatch(/\n6 passed, 1 failed\n$/);
  });

  test("a service that counts each step from the one before, not from the anchor, drifts; the kit shrinks it to the smallest ramp that shows it", () => {
    const tenths = (n: number) => rational(n, 10);
    const drifting = (c: RampCase): Target => {
      const deadline = rampDeadline(c);
      const milestones: Milestone[] = [{ date: c.start, threshold: tenths(c.startTenths), origin: "stated" }];
      for (let k = 1, d = advance(c.start, c.period, 1); d < deadline; k++, d = advance(d, c.period, 1)) {
        milestones.push({ date: d, threshold: tenths(c.startTenths + k * c.incrementTenths), origin: "step" });
      }
      milestones.push({ date: deadline, threshold: tenths(rampReaches(c)), origin: "stated" });
      return { ...local, schedule: { milestones, repeat: undefined } };
    };
    const details = fc.check(fc.property(rampCase(), (c) => scheduleProblems(drifting(c)).length === 0), { seed: 42 });
    expect(details.failed).toBe(true);
    // 29 January 2000 steps to 29 February, a month end, from which the drifting service jumps to
    // 31 March; the third step is the first that shows it, before the deadline on 29 April.
    const c = details.counterexample![0];
    expect(c).toEqual({ start: "2000-01-29", period: { unit: "month", count: 1 }, steps: 3, startTenths: 0, incrementTenths: 1 });
    const [problem] = scheduleProblems(drifting(c));
    expect(problem).toMatchObject({ kind: "anchoring", expected: "2000-03-29" });
    expect(problem!.message).toBe("step 2 of the ramp falls on 2000-03-31, but counting a month from the anchor 2000-01-29 puts it on 2000-03-29");
  });
});

describe("coverage", () => {
  const TWO_TAGS = `policy p effective 2022-01-01
tier t tag a tag b
field x field y
metric m = x / y
target ta for tag a: by 2022-06-30 m >= 50%
target tb for tag b: by 2022-06-30 m >= 60%`;

  test("on generated registries it finds two targets fighting over a unit, shrunk to one unit with both tags", () => {
    const report = coverage(compiled(TWO_TAGS), undefined, { seed: 1, runs: 200 });
    expect(report).toMatchObject({ ok: false, seed: 1 });
    expect(report.message).toBe("unit `u1` has 2 equally specific targets for `m`: `ta` (policy.ct:5) and `tb` (policy.ct:6)");
    expect(report.counterexample).toBe("id,name,tier,parent,tags,valid_from,valid_to\nu1,u1,t,,a;b,,");
    expect(report.path).toBeDefined();
    expect(renderPropertyReport([report])).toContain("  replay with --seed 1\n");
  });

  test("on a registry it names the units without a threshold, and those of a tier the policy does not know", () => {
    const policy = compiled(`policy p effective 2022-01-01
tier commune
unit special tier commune
field x field y
metric m = x / y
target general for all: by 2022-03-31 m >= 10%, by 2022-06-30 >= 20%
target late for unit special: by 2022-06-30 m >= 30%`);
    const unit = (id: string, tier: string) => ({ id, name: id, tier, parent: undefined, tags: [], validFrom: undefined, validTo: undefined });
    const registry: Registry = { units: [unit("special", "commune"), unit("other", "commune"), unit("typo", "comune")], merges: [] };
    const report = coverage(policy, registry);
    expect(report.ok).toBe(false);
    expect(report.message!.split("\n")).toEqual([
      "unit `special` has no threshold for `m` on 2022-03-31: its target `late` (policy.ct:7) starts on 2022-06-30; it overrides `general` (policy.ct:6)",
      "unit `typo` has tier `comune`, which the policy does not define (commune), so no tier target can select it",
    ]);
    expect(report.counterexample).toBe("id,name,tier,parent,tags,valid_from,valid_to\nspecial,special,commune,,,,\ntypo,typo,comune,,,,");
    // A unit that ceased before the date needs no threshold on it.
    const gone = { ...registry, units: [{ ...unit("special", "commune"), validFrom: "2022-04-01" as IsoDate }] };
    expect(coverage(policy, gone).ok).toBe(true);
  });
});

describe("the evaluator invariants catch a broken evaluator", () => {
  const policy = compileFile(BRVT).policy!;
  const evaluator = compileEvaluator(policy);
  const changed = (change: (e: Evaluation) => Evaluation): Evaluator => ({ ...evaluator, evaluate: ((p: PreparedData, o: { asOf: IsoDate }) => change(evaluator.evaluate(p, o))) });
  const results = (e: Evaluation, f: (r: Evaluation["results"][number]) => Evaluation["results"][number]) => ({ ...e, results: e.results.map(f) });
  const broken: [string, invariants.Invariant, Evaluator][] = [
    ["a missed unit said to need nothing", invariants.metIffNeededZero, changed((e) => results(e, (r) => (r.status === "missed" ? { ...r, needed: 0 } : r)))],
    ["one case too many", invariants.neededIsExact, changed((e) => results(e, (r) => (r.status === "missed" && r.needed !== null ? { ...r, needed: r.needed + 1 } : r)))],
    ["group rates as the mean of unit rates", invariants.groupRatesSum, changed((e) => ({ ...e, groups: e.groups.map((g) => ({ ...g, rate: meanRate(e, g) })) }))],
    ["the first row dropped", invariants.rowOrder, { ...evaluator, prepare: (input, o) => evaluator.prepare({ ...input, observations: input.observations.slice(1) }, o) }],
  ];

  test.each(broken)("%s", (_, invariant, wrong) => {
    const property = (e: Evaluator) => fc.property(evaluationCase(policy, exampleUnits), (c) => invariant(e, c) === undefined);
    expect(fc.check(property(evaluator), { seed: 3, numRuns: 60 }).failed).toBe(false);
    expect(fc.check(property(wrong), { seed: 3, numRuns: 200 }).failed).toBe(true);
  });
});

function meanRate(e: Evaluation, g: Evaluation["groups"][number]): number | null {
  const rates = e.results.filter((r) => r.metric === g.metric && r.actual !== null && (g.kind !== "tier" || r.tier === g.id)).map((r) => r.actual!);
  return rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0) / rates.length;
}

describe("format round-trip", () => {
  test("checks the files given, and is skipped, not failed, when the policy's file cannot be read", () => {
    const text = "policy p effective 2022-01-01\ntier t\nfield a field b\nmetric m = a / b\ntarget x for all: by 2022-06-30 m >= 50%\n";
    const policy = compiled(text, "nowhere/p.ct");
    expect(formatRoundTrip(policy)).toMatchObject({ ok: true, skipped: "cannot read nowhere/p.ct" });
    expect(formatRoundTrip(policy, { sources: new Map([["nowhere/p.ct", text]]) })).toMatchObject({ ok: true, runs: 0 });
    expect(formatRoundTrip(policy, { sources: new Map([["nowhere/p.ct", text]]) }).skipped).toBeUndefined();
  });
});

test("the text report: PASS, SKIP, FAIL with the problem, the counterexample and the seed to replay it", () => {
  const reports: PropertyReport[] = [
    { name: "schedule-consistency", ok: true, seed: 9, runs: 0 },
    { name: "format-round-trip", ok: true, seed: 9, runs: 0, skipped: "cannot read p.ct" },
    { name: "needed-is-exact", ok: false, seed: 9, runs: 12, path: "11:0", message: "unit `u1`: needs 2", counterexample: "as of 2022-10-31\n# data.csv\nunit,period,a,b\nu1,2022-10,1,4" },
  ];
  expect(renderPropertyReport(reports)).toBe(
    [
      "PASS schedule-consistency",
      "SKIP format-round-trip: cannot read p.ct",
      "FAIL needed-is-exact",
      "  unit `u1`: needs 2",
      "  as of 2022-10-31",
      "  # data.csv",
      "  unit,period,a,b",
      "  u1,2022-10,1,4",
      "  replay with --seed 9",
      "1 passed, 1 failed, 1 skipped",
      "",
    ].join("\n"),
  );
});
