/**
 * Exact at any size (issue 13): sums of counts never round; a row that would carry a field's total
 * past 2^53 - 1 is refused and counted. Checked against a reference in bigint.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import { Evaluation } from "../../src/evaluate/result.js";
import { compile } from "../../src/files/policy.js";
import type { IsoDate } from "../../src/time/calendar.js";
import { evaluatePolicy, observation, resultOf, unit, type RowSpec, type UnitSpec } from "../support/evaluation.js";

const MAX = Number.MAX_SAFE_INTEGER;

const policy = (threshold: string, window = "year-to-date") => `policy p effective 2022-01-01
tier t1 tier t2
field a field b
metric share = a / b over ${window}
target all_units for all: by 2022-12-31 share >= ${threshold}
`;

const month = (m: number) => `2022-${String(m).padStart(2, "0")}`;

describe("sums past 2^53 are refused, not rounded", () => {
  test("a row that would carry a field's total past 2^53 - 1 is rejected with its own issue, and counted", () => {
    const rows = [
      { unit: "u1", period: "2022-11", a: MAX, b: MAX },
      { unit: "u1", period: "2022-12", a: 1, b: 2 },
    ];
    const e = evaluatePolicy(policy("100%"), [{ id: "u1", tier: "t1" }], rows, "2022-12-31");
    expect(e.dataIssues).toMatchObject([{ code: "sum-too-large", line: 3, column: "a", rejected: true }]);
    expect(e.dataIssues[0]!.message).toBe(
      "counts of `a` in this data would sum past 9,007,199,254,740,991, the largest whole number chitieu adds exactly; this row is not used",
    );
    expect(e.rows).toEqual({ read: 2, used: 1, rejected: 1 });
    expect(resultOf(e, "u1")).toMatchObject({ numerator: MAX, denominator: MAX, status: "met", explanation: { window: { monthsWithData: 1 } } });
    expect(() => Evaluation.parse(e)).not.toThrow();
  });

  test("twelve months of about 9.0e14 keep the months that fit, and the verdict is the exact one on them", () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ unit: "u1", period: month(i + 1), a: 900_719_925_474_099 - 1, b: 900_719_925_474_099 }));
    const e = evaluatePolicy(policy("99.9999999999999998%"), [{ id: "u1", tier: "t1" }], rows, "2022-12-31");
    // Ten rows of b sum to 9,007,199,254,740,990; the eleventh would pass the limit, and so would the twelfth.
    expect(e.rows).toEqual({ read: 12, used: 10, rejected: 2 });
    expect(e.dataIssues.map((i) => [i.code, i.line])).toEqual([["sum-too-large", 12], ["sum-too-large", 13]]);
    const r = resultOf(e, "u1")!;
    expect([r.numerator, r.denominator]).toEqual([9_007_199_254_740_980, 9_007_199_254_740_990]);
    // 1 - 10/9,007,199,254,740,990 is about 99.99999999999989%: short, though within a double's rounding of the threshold; all ten missing cases would meet it.
    expect(r.status).toBe("missed");
    expect(r.needed).toBe(10);
  });

  test("the rejected row is taken off its file's tally too", () => {
    const compiled = compile(policy("100%"), { file: "policy.ct" }).policy!;
    const evaluator = compileEvaluator(compiled);
    const observations = [{ unit: "u1", period: "2022-11", a: MAX, b: MAX }, { unit: "u1", period: "2022-12", a: 1, b: 1 }].map((r, i) => observation(r, i + 2));
    const prepared = evaluator.prepare({
      registry: { units: [unit({ id: "u1", tier: "t1" })], merges: [] },
      observations,
      rows: { read: 2, used: 2, rejected: 0 },
      files: [{ file: "data.csv", role: "data", read: 2, used: 2, rejected: 0 }],
    });
    const e = evaluator.evaluate(prepared, { asOf: "2022-12-31" as IsoDate });
    expect(e.rows).toEqual({ read: 2, used: 1, rejected: 1 });
    expect(e.files).toEqual([{ file: "data.csv", role: "data", read: 2, used: 1, rejected: 1 }]);
  });

  test("a rejected row does not count towards the totals, so the row after it may still be used", () => {
    const rows = [
      { unit: "u1", period: "2022-11", a: MAX, b: MAX - 1 },
      { unit: "u1", period: "2022-12", a: 1, b: 2 },
    ];
    const e = evaluatePolicy(policy("50%"), [{ id: "u1", tier: "t1" }], rows, "2022-12-31");
    expect(e.dataIssues.map((i) => i.code)).toEqual(["numerator-above-denominator"]);
    expect(resultOf(e, "u1")).toMatchObject({ numerator: 1, denominator: 2, status: "met" });
  });

  test("the limit is per field over the whole data set, so group totals stay exact too", () => {
    const half = 2 ** 52;
    const rows = [
      { unit: "u1", period: "2022-12", a: half - 1, b: half },
      { unit: "u2", period: "2022-12", a: half - 1, b: half - 1 },
      { unit: "u3", period: "2022-12", a: 1, b: 1 },
    ];
    const units = [{ id: "u1", tier: "t1" }, { id: "u2", tier: "t1" }, { id: "u3", tier: "t1" }];
    const e = evaluatePolicy(policy("50%", "month"), units, rows, "2022-12-31");
    expect(e.dataIssues.map((i) => [i.code, i.line, i.column])).toEqual([["sum-too-large", 4, "b"]]);
    expect(e.groups.find((g) => g.kind === "all")).toMatchObject({ numerator: MAX - 1, denominator: MAX, units: 3, noData: 1 });
  });
});

// ---- against a reference in bigint

interface Row {
  readonly unit: string;
  readonly month: number;
  readonly a: number;
  readonly b: number;
}

/** Which rows are used: in order, each while both fields' totals stay at most 2^53 - 1. */
function admitted(rows: readonly Row[]): boolean[] {
  let a = 0n;
  let b = 0n;
  return rows.map((r) => {
    if (a + BigInt(r.a) > BigInt(MAX) || b + BigInt(r.b) > BigInt(MAX)) return false;
    [a, b] = [a + BigInt(r.a), b + BigInt(r.b)];
    return true;
  });
}

const UNITS: UnitSpec[] = [
  { id: "u1", tier: "t1", parent: "u3" },
  { id: "u2", tier: "t1", parent: "u3" },
  { id: "u3", tier: "t2" },
];

const big = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: MAX - 2 ** 20, max: MAX }),
  fc.integer({ min: 2 ** 49, max: 2 ** 51 }),
  fc.integer({ min: 0, max: MAX }),
);
const countPair = fc.tuple(big, big).map(([x, y]) => (x <= y ? { a: x, b: y } : { a: y, b: x }));
const rowArb = fc.record({ unit: fc.constantFrom("u1", "u2", "u3"), month: fc.integer({ min: 1, max: 12 }) }).chain((key) => countPair.map((c) => ({ ...key, ...c })));
/** Rows with distinct (unit, month), so none is a repeat. */
const rowsArb = fc.uniqueArray(rowArb, { selector: (r) => `${r.unit} ${r.month}`, maxLength: 14 });
const PERCENTS = ["50%", "100%", "99.99999999999999999999%", "0.00000000000000000001%", "33.333333333333333333333333333%"];

/** The threshold as the fraction p/d of one. */
function fraction(percent: string): [bigint, bigint] {
  const digits = percent.slice(0, -1);
  const [whole, decimals = ""] = digits.split(".");
  return [BigInt(`${whole}${decimals}`), 100n * 10n ** BigInt(decimals.length)];
}

test("verdicts, counts, group totals and row tallies agree with bigint on counts near 2^53", () => {
  fc.assert(
    fc.property(rowsArb, fc.constantFrom(...PERCENTS), (rows, percent) => {
      const specs: RowSpec[] = rows.map((r) => ({ unit: r.unit, period: month(r.month), a: r.a, b: r.b }));
      const e = evaluatePolicy(policy(percent), UNITS, specs, "2022-12-31");
      const used = admitted(rows);
      const rejected = used.filter((u) => !u).length;
      expect(e.rows).toEqual({ read: rows.length, used: rows.length - rejected, rejected });
      expect(e.rows.read).toBe(e.rows.used + e.rows.rejected);
      expect(e.dataIssues.filter((i) => i.code === "sum-too-large").map((i) => i.line)).toEqual(used.flatMap((u, i) => (u ? [] : [i + 2])));
      const [p, d] = fraction(percent);
      const sums = new Map<string, { a: bigint; b: bigint }>();
      rows.forEach((r, i) => {
        if (!used[i]) return;
        const s = sums.get(r.unit) ?? { a: 0n, b: 0n };
        sums.set(r.unit, { a: s.a + BigInt(r.a), b: s.b + BigInt(r.b) });
      });
      for (const { id } of UNITS) {
        const s = sums.get(id);
        const result = resultOf(e, id)!;
        if (!s) expect(result.status).toBe("no-data");
        else if (s.b === 0n) expect(result.status).toBe("no-denominator");
        else {
          expect([result.numerator, result.denominator]).toEqual([Number(s.a), Number(s.b)]);
          expect(result.status).toBe(s.a * d >= p * s.b ? "met" : "missed");
        }
      }
      const total = [...sums.values()].reduce((x, s) => ({ a: x.a + s.a, b: x.b + s.b }), { a: 0n, b: 0n });
      expect(e.groups.find((g) => g.kind === "all")).toMatchObject({ numerator: Number(total.a), denominator: Number(total.b) });
      const t1 = ["u1", "u2"].map((id) => sums.get(id) ?? { a: 0n, b: 0n }).reduce((x, s) => ({ a: x.a + s.a, b: x.b + s.b }));
      expect(e.groups.find((g) => g.kind === "tier" && g.id === "t1")).toMatchObject({ numerator: Number(t1.a), denominator: Number(t1.b) });
      expect(e.groups.find((g) => g.kind === "parent" && g.id === "u3")).toMatchObject({ numerator: Number(t1.a), denominator: Number(t1.b) });
    }),
    { numRuns: 300 },
  );
});
