/** Policies over time: each milestone date is decided by the policy in force on it, and results name it. */
import { describe, expect, test } from "vitest";
import type { Registry } from "../../src/data/types.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import { compileEvaluatorOverTime, readingPolicy } from "../../src/evaluate/over-time.js";
import { Evaluation } from "../../src/evaluate/result.js";
import { compile } from "../../src/files/policy.js";
import type { Policy } from "../../src/model/policy.js";
import { timelineOf, type InForce } from "../../src/model/timeline.js";
import type { IsoDate } from "../../src/time/calendar.js";
import { observation, unit } from "../support/evaluation.js";

const BODY = "tier t\nfield x field y\nmetric m = x / y\n";
const policyOf = (text: string): Policy => {
  const compiled = compile(text, { file: "p.ct" });
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return compiled.policy!;
};
const OLD = policyOf(`policy old effective 2022-01-01\n${BODY}target a for all: by 2022-03-31 m >= 10%, by 2022-06-30 >= 20%, by 2022-09-30 >= 30%\n`);
const NEW = policyOf(`policy new effective 2022-07-01 until 2022-12-31 supersedes old\n${BODY}target a for all: by 2022-09-30 m >= 25%, by 2022-12-31 >= 40%\ntarget b for unit u2: by 2022-12-31 m >= 50%\nunit u2 tier t\n`);

const periods = (policies: readonly Policy[]): readonly InForce[] => {
  const timeline = timelineOf(policies);
  if (!timeline.ok) throw new Error(timeline.problem.kind);
  return timeline.periods;
};

const registry: Registry = { units: [unit({ id: "u1", tier: "t", parent: "p" }), unit({ id: "u2", tier: "t", parent: "p" })], merges: [] };
const month = (u: string, period: string, x: number, y: number) => observation({ unit: u, period, x, y });
const observations = ["2022-03", "2022-06", "2022-09", "2022-12"].flatMap((p) => [month("u1", p, 27, 100), month("u2", p, 45, 100)]);

describe("timelineOf", () => {
  test("orders the line by effective date; each policy decides until the day before the next takes effect, or its own end", () => {
    expect(periods([NEW, OLD]).map((p) => [p.policy.id, p.from, p.until])).toEqual([
      ["old", "2022-01-01", "2022-06-30"],
      ["new", "2022-07-01", "2022-12-31"],
    ]);
  });

  test("refuses policies that are not one line: undated, unrelated, the same id twice", () => {
    const other = policyOf(`policy other effective 2022-07-01\n${BODY}target a for all: by 2022-12-31 m >= 10%\n`);
    const undated = policyOf(`policy undated supersedes old\n${BODY}target a for all: by 2022-12-31 m >= 10%\n`);
    expect(timelineOf([OLD, other])).toEqual({ ok: false, problem: { kind: "unrelated", policy: "other", first: "old" } });
    expect(timelineOf([OLD, undated])).toEqual({ ok: false, problem: { kind: "undated", policy: "undated" } });
    expect(timelineOf([OLD, OLD])).toEqual({ ok: false, problem: { kind: "same-id", policy: "old" } });
  });
});

describe("compileEvaluatorOverTime", () => {
  const evaluator = compileEvaluatorOverTime(periods([OLD, NEW]));
  const prepared = evaluator.prepare({ registry, observations });
  const at = (asOf: string) => evaluator.evaluate(prepared, { asOf: asOf as IsoDate });
  const row = (e: ReturnType<typeof at>, u: string) => {
    const r = e.results.find((x) => x.unit === u)!;
    return [r.policy, r.target, r.milestone, r.threshold, r.status, r.next?.date ?? null];
  };

  test("before the amendment takes effect, the old policy decides, and its evaluation is the old one's, named", () => {
    const e = at("2022-06-30");
    expect(Evaluation.parse(e)).toBeDefined();
    expect(e.policy).toBe("old");
    expect(row(e, "u1")).toEqual(["old", "a", "2022-06-30", 20, "met", "2022-09-30"]);
    const alone = compileEvaluator(OLD);
    const plain = alone.evaluate(alone.prepare({ registry, observations }), { asOf: "2022-06-30" as IsoDate });
    expect(e.results.map(({ policy, ...r }) => (expect(policy).toBe("old"), r))).toEqual(plain.results);
    expect(e.groups).toEqual(plain.groups);
    expect(e.timeline).toEqual([
      { policy: "old", from: "2022-01-01", until: "2022-06-30" },
      { policy: "new", from: "2022-07-01", until: "2022-12-31" },
    ]);
  });

  test("after it, the new policy decides its own milestones; the old one's later milestones are not in force", () => {
    const e = at("2022-09-30");
    expect(e.policy).toBe("new");
    // 27% against the new 25%, not the old 30% on the same date.
    expect(row(e, "u1")).toEqual(["new", "a", "2022-09-30", 25, "met", "2022-12-31"]);
    // u2's own target in the new policy starts on 2022-12-31: the latest milestone in force is the old policy's, on 2022-06-30.
    expect(row(e, "u2")).toEqual(["old", "a", "2022-06-30", 20, "met", "2022-12-31"]);
    expect(e.groups.find((g) => g.kind === "all")).toMatchObject({ units: 2, met: 2, numerator: 72, denominator: 200 });
    expect(e.groups.map((g) => `${g.kind} ${g.id}`)).toEqual(["all all", "tier t", "parent p"]);
  });

  test("at the end, the new policy decides every unit, u2 by its own target", () => {
    const e = at("2022-12-31");
    expect(row(e, "u1")).toEqual(["new", "a", "2022-12-31", 40, "missed", null]);
    expect(row(e, "u2")).toEqual(["new", "b", "2022-12-31", 50, "missed", null]);
  });

  test("before any policy takes effect, the first one's results are not due", () => {
    expect(row(at("2021-12-31"), "u1")).toEqual(["old", "a", null, null, "not-due", "2022-03-31"]);
  });

  test("data is read with every field and tier of the line", () => {
    const reading = readingPolicy(periods([OLD, NEW]));
    expect([...reading.units.keys()]).toEqual(["u2"]);
    expect(reading.targets.map((t) => t.id)).toEqual(["a", "a", "b"]);
  });
});
