/** The kit's generators make what they promise: valid policies, schedules, registries and data, and small counterexamples. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compile, compileFile } from "../../src/files/policy.js";
import { readObservations } from "../../src/data/observations.js";
import { readUnits } from "../../src/data/registry.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import type { Policy } from "../../src/model/policy.js";
import {
  dataCsv,
  evaluationCase,
  expectedSchedule,
  policySpec,
  policyText,
  policyTree,
  rampCase,
  registryFor,
  roundTripProblems,
  scheduleClauses,
  scheduleProblems,
  scheduleSpec,
  unitsCsv,
} from "../../src/testing/index.js";

const compiled = (text: string): Policy => {
  const result = compile(text, { file: "generated.ct" });
  expect(result.diagnostics.filter((d) => d.severity === "error"), text).toEqual([]);
  return result.policy!;
};

describe("schedules", () => {
  test("every kind of schedule compiles to the milestones worked out independently, and is consistent", () => {
    fc.assert(
      fc.property(scheduleSpec(), fc.constantFrom(">=" as const, ">" as const, "<=" as const, "<" as const), (spec, op) => {
        const policy = compiled(`policy p\ntier t\nfield a field b\nmetric rate = a / b\ntarget x for all: ${scheduleClauses(spec, "rate", op)}`);
        const target = policy.targets[0]!;
        expect(target.schedule).toEqual(expectedSchedule(spec, op));
        expect(scheduleProblems(target)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test("a property failing for ramps of more than 2 steps is shrunk to a ramp of exactly 3", () => {
    const details = fc.check(fc.property(rampCase(), (ramp) => ramp.steps <= 2), { seed: 7 });
    expect(details.failed).toBe(true);
    expect(details.counterexample![0]).toEqual({ start: "2000-01-01", period: { unit: "month", count: 1 }, steps: 3, startTenths: 0, incrementTenths: 1 });
  });
});

describe("policies", () => {
  test("generated policies compile without errors, with each target's schedule as generated", () => {
    fc.assert(
      fc.property(policySpec(), (spec) => {
        const policy = compiled(policyText(spec));
        spec.targets.forEach((t, i) => {
          expect(policy.targets.find((x) => x.id === `x${i + 1}`)!.schedule).toEqual(expectedSchedule(t.schedule, t.comparison, policy.effective?.until));
        });
      }),
      { numRuns: 200 },
    );
  });

  test("as syntax trees they are what parsing their text gives, and they format back to themselves in en and vi", () => {
    fc.assert(
      fc.property(policyTree(), (ast) => {
        expect(ast.header?.id.text).toBe("p");
        expect(ast.statements.some((s) => s.kind === "target")).toBe(true);
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(policySpec().map(policyText), (text) => {
        expect(roundTripProblems("generated.ct", text)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("registries and data", () => {
  // BR-VT: three tiers, a declared unit, two metrics with month windows, so exact hits are common.
  const policy = compileFile("policies/brvt-2139-2022.ct").policy!;

  test("registries are valid: unique ids, ordered validity, parents and successors that exist, no merge cycle; CSV reads them back", () => {
    fc.assert(
      fc.property(registryFor(policy), (registry) => {
        const ids = registry.units.map((u) => u.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const u of registry.units) {
          if (u.validFrom && u.validTo) expect(u.validFrom <= u.validTo).toBe(true);
          if (u.parent) expect(ids).toContain(u.parent);
        }
        for (const m of registry.merges) expect(ids.indexOf(m.successor)).toBeGreaterThan(ids.indexOf(m.id));
        const read = readUnits(unitsCsv(registry.units), { file: "units.csv", format: "csv" });
        expect(read.issues).toEqual([]);
        expect(read.registry.units).toEqual(registry.units);
      }),
      { numRuns: 200 },
    );
  });

  test("observation sets are never rejected, cover zero denominators, exact thresholds and missing months, and CSV reads them back", () => {
    const evaluator = compileEvaluator(policy);
    const seen = { zero: false, exact: false, missing: false, merged: false };
    fc.assert(
      fc.property(evaluationCase(policy), (c) => {
        const evaluation = evaluator.evaluate(evaluator.prepare({ registry: c.registry, observations: c.observations }, { successors: c.successors }), { asOf: c.asOf });
        expect(evaluation.dataIssues.filter((i) => i.rejected)).toEqual([]);
        seen.zero ||= evaluation.results.some((r) => r.status === "no-denominator");
        seen.exact ||= evaluation.results.some((r) => r.status === "met" && r.gapPoints === 0);
        seen.missing ||= evaluation.results.some((r) => r.explanation.window !== null && r.explanation.window.monthsWithData < r.explanation.window.months);
        seen.merged ||= c.registry.merges.length > 0;
        const read = readObservations(dataCsv(policy, c.observations), {
          file: "data.csv",
          format: "csv",
          fields: new Set(policy.fields.keys()),
          units: new Set(c.registry.units.map((u) => u.id)),
        });
        expect(read.issues).toEqual([]);
        expect(read.observations).toEqual(c.observations);
      }),
      { numRuns: 200 },
    );
    expect(seen).toEqual({ zero: true, exact: true, missing: true, merged: true });
  });
});
