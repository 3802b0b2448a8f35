/**
 * Thresholds with more digits than a double holds (issue 13) decide rates exactly, and so do the
 * cases needed, on counts near 2^53: checked against bigint.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { compareRate, needed, thresholdOf } from "../../src/evaluate/rate.js";
import type { Comparison } from "../../src/model/policy.js";
import { rational } from "../../src/number/rational.js";
import { evaluatePolicy, resultOf } from "../support/evaluation.js";

const MAX = Number.MAX_SAFE_INTEGER;

const policy = (threshold: string) => `policy p effective 2022-01-01
tier t1
field a field b
metric share = a / b
target all_units for all: by 2022-12-31 share >= ${threshold}
`;

const OPS: readonly Comparison[] = [">=", ">", "<=", "<"];

const order = (x: bigint): -1 | 0 | 1 => (x > 0n ? 1 : x < 0n ? -1 : 0);

/** Whether num/den meets `op p/d`, in bigint. */
function meets(op: Comparison, num: bigint, den: bigint, p: bigint, d: bigint): boolean {
  const o = order(num * d - p * den);
  return op === ">=" ? o >= 0 : op === ">" ? o > 0 : op === "<=" ? o <= 0 : o < 0;
}

/** A threshold of 20 to 40 digits, in percent, at most 100%; often a hair from the rate num/den. */
const thresholdArb = (num: number, den: number) =>
  fc.oneof(
    fc.bigInt({ min: 10n ** 19n, max: 10n ** 40n - 1n }).chain((digits) => {
      const length = digits.toString().length;
      return fc.integer({ min: length - 3, max: length + 5 }).map((scale) => rational(digits, 10n ** BigInt(Math.max(scale, 0))));
    }),
    fc.constantFrom(-1n, 0n, 1n).map((nudge) => rational(100n * BigInt(num) * 10n ** 30n + nudge * BigInt(den), BigInt(den) * 10n ** 30n)),
  );

const countsArb = fc
  .tuple(fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 0, max: 2 ** 20 }), fc.boolean())
  .map(([below, short, full]) => {
    const den = MAX - below + 1;
    return { den, num: full ? den : Math.max(den - short, 0) };
  });

test("a threshold of 20 to 40 digits decides counts near 2^53 as bigint does, and so do the cases needed", () => {
  fc.assert(
    fc.property(
      countsArb.chain((c) => thresholdArb(c.num, c.den).map((points) => ({ ...c, points }))),
      fc.constantFrom(...OPS),
      ({ num, den, points }, op) => {
        const t = thresholdOf(points);
        const [p, d] = [points.num, points.den * 100n];
        const [bigNum, bigDen] = [BigInt(num), BigInt(den)];
        expect(compareRate(num, den, t)).toBe(order(bigNum * d - p * bigDen));
        const cases = needed(op, num, den, t);
        const rises = op === ">=" || op === ">";
        const moved = (k: bigint) => (rises ? bigNum + k : bigNum - k);
        const possible = (k: bigint) => moved(k) >= 0n && moved(k) <= bigDen;
        if (cases === null) {
          // No whole number of cases meets it: not even all of the denominator, or none at all.
          expect(meets(op, rises ? bigDen : 0n, bigDen, p, d)).toBe(false);
        } else {
          const k = BigInt(cases);
          expect(Number.isSafeInteger(cases)).toBe(true);
          expect(possible(k) && meets(op, moved(k), bigDen, p, d)).toBe(true);
          if (k > 0n) expect(meets(op, moved(k - 1n), bigDen, p, d)).toBe(false);
        }
      },
    ),
    { numRuns: 1000 },
  );
});

test("a threshold of more digits than a double holds decides a policy's counts near 2^53 exactly", () => {
  const den = MAX;
  const num = MAX - 1;
  // num/den is 99.999999999999988897769753748...%; as doubles, these thresholds are one number.
  const rows = [{ unit: "u1", period: "2022-12", a: num, b: den }];
  const units = [{ id: "u1", tier: "t1" }];
  expect(resultOf(evaluatePolicy(policy("99.9999999999999888977697537%"), units, rows, "2022-12-31"), "u1")).toMatchObject({ status: "met" });
  expect(resultOf(evaluatePolicy(policy("99.9999999999999888977697538%"), units, rows, "2022-12-31"), "u1")).toMatchObject({ status: "missed", needed: 1 });
});
