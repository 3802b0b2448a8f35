/**
 * Issue 13, "total": every export of `chitieu` and `chitieu/testing`, called with arbitrary values,
 * returns (or resolves) instead of throwing. Exports are enumerated at run time, so a new one fails
 * here until it has a row in TABLE.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as api from "../src/index.js";
import * as testing from "../src/testing/index.js";
import { compileFile } from "../src/files/policy.js";
import { bundledPolicies } from "./support/policies.js";

const policy = compileFile("policies/brvt-2139-2022.ct").policy!;
const evaluator = api.compileEvaluator(policy);
const prepared = evaluator.prepare({ registry: { units: [], merges: [] }, observations: [] });

/** Values of the right kind for some argument of some export, so checks past the first argument run too. */
const built = [testing.rampCase(), testing.scheduleSpec(), testing.policySpec(), testing.stepPeriod(), testing.registryFor(policy)].map((a) => fc.sample(a as fc.Arbitrary<unknown>, { numRuns: 1, seed: 1 })[0]);
const near = fc.constantFrom<unknown>(...built, policy, prepared, evaluator, policy.targets, policy.targets[0]!.schedule, bundledPolicies()[0]!.text, "2022-11-30", "30/11/2022", "vi", "en", { file: "x.csv", format: "csv" }, new Map(), [], {}, { num: 1n, den: 0n });
const dates = fc.constantFrom<unknown>("2022-13-45", "30/11/2022", "", "2022-02-30", "31/02/2022", "9999-99-99", "1/1/1");
const tricky = fc.constantFrom<unknown>(null, undefined, NaN, -1, Infinity, 2 ** 53, -0, 1n, Symbol("s"), () => 1, "x".repeat(100_000), JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": 1}}'), Object.create(null) as object);
const anything = fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withBigInt: true, withDate: true, maxDepth: 2 });
const value = fc.oneof(anything, near, dates, tricky);
const args = (arity: number) => fc.array(value, { minLength: 0, maxLength: arity + 1 });

/** Each export's arity; `null` for exports that are values, not functions. */
const TABLE: Readonly<Record<string, number | null>> = {
  // chitieu
  compile: 2, compileFile: 2, parse: 2, withoutSpans: 1, localize: 2, codes: null, renderDiagnostic: 3, renderDiagnostics: 3, summary: 2,
  resolveTarget: 2, dueMilestone: 2, milestonesThrough: 2, nextMilestone: 2, schedulesByTier: 2, parseDate: 1, formatDate: 2,
  toNumber: 1, toDecimalString: 2, formatPercent: 2, compileEvaluator: 1, Evaluation: null, Result: null, ScoreResult: null, Group: null, Status: null,
  readUnits: 2, readMerges: 2, readObservations: 2, readData: 3, formatOfPath: 1, readSheet: 2, resultsTable: 2, reportHtml: 4,
  evaluationHistory: 3, historyDates: 2, resultsWorkbook: 3, streamObservations: 2, readObservationStream: 2, observationsOf: 2, reasonText: 2, scoreReasonText: 2, localizeIssue: 2,
  checkTimeline: 1, diffPolicies: 2, timelineOf: 1, compileEvaluatorOverTime: 1, PolicyDiff: null, ScheduleChange: null,
  // chitieu/testing
  anchorDate: 1, calendarDate: 1, daysAround: 2, expectedSchedule: 2, milestoneList: 1, ongoingSchedule: 1, percent: 1, policySource: 1, policySpec: 1,
  policyText: 1, policyTree: 1, rampCase: 1, rampDeadline: 1, rampPolicy: 1, rampReaches: 1, scheduleClauses: 1, scheduleSpec: 1, stepPeriod: 1,
  stepWords: 1, yearSchedule: 1, countPair: 2, evaluationCase: 3, observationsFor: 3, policyDates: 1, policyEnd: 1, policyMonths: 1, registry: 2,
  registryFor: 2, ROUND_SHARES: null, totalCount: 1, scheduleProblems: 2, coverageProblems: 3, roundTripProblems: 2, caseFragment: 2, clausesOf: 2,
  dataCsv: 2, mergesCsv: 1, scheduleFragment: 2, unitsCsv: 1, coverage: 3, formatRoundTrip: 2, groupRatesSum: 3, metIffNeededZero: 3, neededIsExact: 3,
  propertiesReport: 3, rowOrderIndependent: 3, scheduleConsistency: 2, renderPropertyReport: 2,
};

/** Calls `f`, awaiting a promise and draining an async generator; the caller asserts on what escapes. */
async function call(f: (...a: unknown[]) => unknown, given: unknown[]): Promise<void> {
  const out = f(...given);
  if (out instanceof Promise) await out;
  else if (out !== null && typeof out === "object" && Symbol.asyncIterator in out) for await (const _ of out as AsyncIterable<unknown>) void _;
}

const exported = [...Object.entries(api), ...Object.entries(testing)];

test("every export has a row in the table", () => {
  expect(exported.map(([name]) => name).filter((name) => !(name in TABLE))).toEqual([]);
  expect(exported.filter(([name, f]) => (TABLE[name] === null) !== (typeof f !== "function")).map(([name]) => name)).toEqual([]);
});

describe("no export throws on arbitrary arguments", () => {
  test.each(exported.filter(([, f]) => typeof f === "function"))("%s", async (name, f) => {
    await fc.assert(
      fc.asyncProperty(args(TABLE[name] ?? 0), async (given) => {
        await expect(call(f as (...a: unknown[]) => unknown, given)).resolves.toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe("the evaluator is total", () => {
  test("prepare and evaluate on arbitrary arguments", () => {
    fc.assert(
      fc.property(value, value, (input, options) => {
        expect(() => evaluator.prepare(input as never, options as never)).not.toThrow();
        expect(() => evaluator.evaluate(input as never, options as never)).not.toThrow();
        expect(() => evaluator.evaluate(prepared, { asOf: input } as never)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  test("asOf is read as the CLI reads --as-of, and a bad date is a value", () => {
    const iso = evaluator.evaluate(prepared, { asOf: "2022-11-30" });
    const vi = evaluator.evaluate(prepared, { asOf: "30/11/2022" });
    expect(iso).toMatchObject({ asOf: "2022-11-30" });
    expect(vi).toEqual(iso);
    for (const bad of ["2022-13-45", "31/02/2022", "", "yesterday"]) {
      const answer = evaluator.evaluate(prepared, { asOf: bad });
      expect(answer).toMatchObject({ error: "bad-argument", args: { function: "evaluate", position: 2, expected: "date" } });
      expect(api.localizeIssue(answer as api.BadArgument, "vi")).toContain("đối số thứ 2 của evaluate");
    }
  });

  test("data another evaluator prepared is refused, not misread", () => {
    const other = api.compileEvaluator(compileFile("policies/brvt-2139-2022.ct").policy!);
    expect(evaluator.evaluate(other.prepare({ registry: { units: [], merges: [] }, observations: [] }), { asOf: "2022-11-30" })).toMatchObject({ error: "bad-argument", args: { position: 1, expected: "prepared" } });
  });

  test("an evaluator of something that is not a policy prepares nothing and says why", () => {
    const none = api.compileEvaluator(42 as never);
    expect(none.prepare({} as never).dataIssues).toMatchObject([{ code: "bad-argument", args: { function: "compileEvaluator", expected: "policy" } }]);
    expect(none.evaluate(none.prepare({} as never), { asOf: "2022-11-30" })).toMatchObject({ error: "bad-argument" });
  });
});

describe("the error values", () => {
  test("compile and parse answer a non-text argument with a bad-argument diagnostic", () => {
    expect(api.compile(undefined as never).diagnostics).toMatchObject([{ name: "bad-argument", code: "CT013", severity: "error" }]);
    expect(api.localize(api.parse(42 as never).diagnostics[0]!, "vi").message).toContain("đối số thứ 1 của parse");
  });

  test("readers answer with a bad-argument issue", async () => {
    expect(api.readUnits(null as never, null as never).issues).toMatchObject([{ code: "bad-argument", args: { function: "readUnits", position: 1 } }]);
    expect((await api.readData(policy, "units.csv" as never)).dataIssues).toMatchObject([{ code: "bad-argument", args: { position: 2, expected: "list" } }]);
  });

  test("formatDate reads dates as parseDate does", () => {
    expect(api.formatDate("30/11/2022", "iso")).toBe("2022-11-30");
    expect(api.formatDate("2022-13-45", "vi")).toBe("");
  });
});

describe("chitieu/testing on wrong arguments", () => {
  test("a builder builds from its defaults, a property reports which argument was wrong", () => {
    expect(fc.sample(testing.calendarDate({ min: 2030, max: 2000 }), { numRuns: 5, seed: 1 }).every((d) => api.parseDate(d) === d)).toBe(true);
    expect(fc.sample(testing.countPair([] as never), { numRuns: 5, seed: 1 })).toHaveLength(5);
    expect(testing.percent("12" as never)).toBe("");
    expect(testing.coverage("policy" as never)).toMatchObject({ name: "coverage", ok: false, message: "argument 1 of coverage must be a compiled policy" });
  });

  test("right arguments still reach the builder", () => {
    const c = fc.sample(testing.rampCase(), { numRuns: 1, seed: 7 })[0]!;
    expect(testing.rampDeadline(c)).not.toBe("");
    expect(testing.coverage(policy, undefined, { runs: 5, seed: 1 })).toMatchObject({ name: "coverage", ok: true });
  });
});

test("withoutSpans keeps a __proto__ key as a key", () => {
  const tree = JSON.parse('{"__proto__": {"span": 1, "id": "x"}, "span": 2}') as unknown;
  const out = api.withoutSpans(tree) as object;
  expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  expect(Object.entries(out)).toEqual([["__proto__", { id: "x" }]]);
});

test("evaluationHistory reads asOf as --as-of does, and gives nothing for data its evaluator did not prepare", () => {
  const other = api.compileEvaluator(policy);
  expect(api.evaluationHistory(evaluator, prepared, "30/11/2022").map((e) => e.asOf)).toEqual(["2022-11-30"]);
  expect(api.evaluationHistory(other, prepared, "2022-11-30")).toEqual([]);
});

test("compile's options are checked member by member", () => {
  const [d] = api.compile("policy p", { readFile: 5 } as never).diagnostics;
  expect(d).toMatchObject({ name: "bad-argument", args: { function: "compile", position: 2, expected: "options" } });
  expect(d!.message).toBe("argument 2 of compile must be an object of options (`file` text, `readFile` a function), or left out");
  expect(api.compileFile("x.ct", { file: 1 } as never).diagnostics).toMatchObject([{ name: "bad-argument" }]);
});

test("localize: a diagnostic in another language stays in English; something else is answered with a diagnostic saying so", () => {
  const [d] = api.compile("policy").diagnostics;
  expect(api.localize(d!, "fr" as never)).toBe(d);
  expect(api.localize(42 as never, "vi").message).toBe("đối số thứ 1 của localize phải là một chẩn đoán, như compile và parse trả về");
});
