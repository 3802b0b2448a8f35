import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/files/policy.js";
import { bundledPolicies } from "../support/policies.js";
import { calendarDate, percent } from "../../src/testing/arbitraries.js";

const HEADER = "policy p effective 2020-01-01 until 2030-12-31\ntier t\nfield a field b\nmetric rate = a / b\n";

describe("the checker never throws", () => {
  const milestone = fc
    .tuple(fc.constantFrom("from", "by"), calendarDate(), fc.constantFrom("rate ", "other ", ""), fc.constantFrom(">=", ">", "<=", "<"), fc.integer({ min: 0, max: 1500 }))
    .map(([anchor, date, metric, op, tenths]) => `${anchor} ${date} ${metric}${op} ${percent(tenths)}`);
  const year = fc.tuple(fc.integer({ min: 2015, max: 2035 }), fc.integer({ min: 0, max: 1000 })).map(([y, t]) => `in ${y} rate >= ${percent(t)}`);
  const step = fc
    .tuple(fc.constantFrom("monthly", "quarterly", "weekly", "yearly", "every 2 months", "every 3 weeks"), fc.constantFrom("", " +5%", " -5%", " +0,1%", " +0%"))
    .map(([period, increment]) => period + increment);
  const clauses = fc.array(fc.oneof(milestone, year, step), { minLength: 1, maxLength: 7 });

  test("on random sequences of milestones and steps, and a clean result has ordered milestones", () => {
    fc.assert(
      fc.property(clauses, (list) => {
        const result = compile(`${HEADER}target x for all: ${list.join(", ")}`);
        if (!result.policy) {
          expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
          return;
        }
        const dates = result.policy.targets[0]!.schedule.milestones.map((m) => m.date);
        expect([...dates].sort()).toEqual(dates);
        expect(new Set(dates).size).toBe(dates.length);
      }),
      { numRuns: 500 },
    );
  });

  const policies = bundledPolicies();
  test("on random edits of the bundled policies", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: policies.length - 1 }),
        fc.nat(),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom("", "x", "tier province", "unit q tier t", "target z for all: by 2022-12-31 rate >= 1%", ", monthly +5%", "2019-01-01", "except all", "import \"brvt-2139-2022.ct\""),
        (index, at, remove, insert) => {
          const { file, text } = policies[index]!;
          const cut = at % (text.length + 1);
          const result = compile(text.slice(0, cut) + insert + text.slice(cut + remove), { file });
          expect(result.policy === undefined || result.diagnostics.every((d) => d.severity === "warning")).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
