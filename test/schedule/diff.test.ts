/** What an amendment changes, compared on expanded schedules. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/files/policy.js";
import type { Policy } from "../../src/model/policy.js";
import { toDecimalString } from "../../src/number/rational.js";
import { diffPolicies, PolicyDiff } from "../../src/schedule/diff.js";
import { rampCase, rampDeadline, rampPolicy, rampReaches } from "../../src/testing/arbitraries.js";

const HEAD = "tier province\ntier commune\nunit pilot tier commune\nfield x field y\nmetric m = x / y\nmetric n = y / x\n";
const policyOf = (text: string, file = "p.ct"): Policy => {
  const compiled = compile(text, { file });
  expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return compiled.policy!;
};
const OLD = policyOf(`policy old effective 2022-01-01\n${HEAD}
target prov for tier province: from 2022-09-30 m >= 30%, monthly +15%, by 2022-11-30 >= 60%
target local for tier commune: by 2022-09-30 m >= 20%, by 2022-12-31 >= 50%
target usage for all: by 2022-12-31 n <= 40%
`, "old.ct");

describe("diffPolicies", () => {
  test("a ramp written out as its milestones, and renamed targets, are no change", () => {
    const same = policyOf(`policy new effective 2022-01-01\n${HEAD}
target province_share for tier province: by 2022-09-30 m >= 30%, by 2022-10-31 >= 45%, by 2022-11-30 >= 60%
target local for tier commune: by 2022-09-30 m >= 20%, by 2022-12-31 >= 50%
target usage for all: by 2022-12-31 n <= 40%
`);
    expect(diffPolicies(OLD, same)).toEqual({ old: { policy: "old", file: "old.ct" }, new: { policy: "new", file: "p.ct" }, since: null, changes: [] });
  });

  test("milestones added, removed, moved, thresholds and comparisons changed, a unit singled out: sorted by metric, tier before unit, date", () => {
    const amended = policyOf(`policy new effective 2022-01-01\n${HEAD}
target prov for tier province: by 2022-09-30 m >= 35%, by 2022-12-31 >= 60%
target local for tier commune: by 2022-09-30 m >= 20%, by 2022-10-31 >= 30%, by 2022-12-31 >= 50%
target pilot_first for unit pilot: by 2022-09-30 m >= 40%, by 2022-12-31 >= 50%
target usage for all: by 2022-12-31 n < 40%
`);
    const diff = diffPolicies(OLD, amended);
    expect(PolicyDiff.parse(diff)).toEqual(diff);
    expect(diff.changes.map((c) => [c.metric, c.subject.kind, c.subject.id, c.old.targets, c.new.targets, c.changes])).toEqual([
      ["m", "tier", "commune", ["local"], ["local"], [{ kind: "added", date: "2022-10-31", threshold: 30 }]],
      [
        "m", "tier", "province", ["prov"], ["prov"],
        [
          { kind: "threshold", date: "2022-09-30", from: 30, to: 35 },
          { kind: "removed", date: "2022-10-31", threshold: 45 },
          { kind: "moved", from: "2022-11-30", to: "2022-12-31", threshold: 60 },
        ],
      ],
      ["m", "unit", "pilot", [], ["pilot_first"], [{ kind: "status", from: "none", to: "applies" }, { kind: "added", date: "2022-09-30", threshold: 40 }, { kind: "added", date: "2022-12-31", threshold: 50 }]],
      ["n", "tier", "commune", ["usage"], ["usage"], [{ kind: "comparison", from: "<=", to: "<" }]],
      ["n", "tier", "province", ["usage"], ["usage"], [{ kind: "comparison", from: "<=", to: "<" }]],
    ]);
  });

  test("a tier excluded, a target removed", () => {
    const amended = policyOf(`policy new effective 2022-01-01\n${HEAD}
target prov for tier province: from 2022-09-30 m >= 30%, monthly +15%, by 2022-11-30 >= 60%
target local for all except tier commune: by 2022-09-30 m >= 20%, by 2022-12-31 >= 50%
`);
    const changes = diffPolicies(OLD, amended).changes.map((c) => [c.metric, c.subject.id, c.old.status, c.new.status, c.changes.length]);
    expect(changes).toEqual([
      ["m", "commune", "applies", "excluded", 3],
      ["n", "commune", "applies", "none", 2],
      ["n", "province", "applies", "none", 2],
    ]);
  });

  test("an amendment changes only the dates from when it takes effect", () => {
    const amendment = policyOf(`policy new effective 2022-11-01 supersedes old\n${HEAD}
target prov for tier province: by 2022-11-30 m >= 60%
target local for tier commune: by 2022-12-31 m >= 50%
target usage for all: by 2022-12-31 n <= 40%
`);
    expect(diffPolicies(OLD, amendment)).toMatchObject({ since: "2022-11-01", changes: [] });
    // Compared the other way, it supersedes nothing: every date counts.
    expect(diffPolicies(amendment, OLD).changes.length).toBeGreaterThan(0);
  });

  test("property: any ramp and the list of milestones it reaches are no change, and a policy against itself is none", () => {
    fc.assert(
      fc.property(rampCase(), (c) => {
        const ramp = policyOf(rampPolicy(c, rampDeadline(c), rampReaches(c)));
        const listed = ramp.targets[0]!.schedule.milestones.map((m, i) => `by ${m.date} ${i === 0 ? "rate " : ""}>= ${toDecimalString(m.threshold)}%`).join(", ");
        const list = policyOf(`policy p\ntier t\nfield a field b\nmetric rate = a / b\ntarget listed for all: ${listed}`);
        expect(diffPolicies(ramp, list).changes).toEqual([]);
        expect(diffPolicies(list, ramp).changes).toEqual([]);
        expect(diffPolicies(ramp, ramp).changes).toEqual([]);
      }),
      { numRuns: 60, seed: 17 },
    );
  });
});
