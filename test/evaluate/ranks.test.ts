/**
 * Ranks are decided exactly: the fast path ranks by the rates' doubles, so these tests aim at what
 * doubles get wrong (rates that round alike, counts too large for exact doubles) and hold every
 * rank to the definition: one more than the number of units of the tier with a strictly better rate.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluatePolicy, resultOf, type RowSpec } from "../support/evaluation.js";

const policy = (op: ">=" | "<=") => `policy p effective 2022-01-01 until 2022-12-31
tier province tier commune
field dossiers field online
metric share = online / dossiers
target share for tier province, tier commune:
  by 2022-10-31 share ${op} 50%
`;

const tierOf = (i: number) => (i % 3 === 0 ? "commune" : "province");

/** One more than the count of same-tier units with a strictly better rate, compared in bigint. */
function expectedRanks(rows: readonly { online: bigint; dossiers: bigint }[], rises: boolean): number[] {
  return rows.map((a, i) =>
    1 +
    rows.filter((b, j) => {
      if (tierOf(i) !== tierOf(j)) return false;
      const diff = b.online * a.dossiers - a.online * b.dossiers;
      return rises ? diff > 0n : diff < 0n;
    }).length,
  );
}

function ranksOf(rows: readonly { online: bigint; dossiers: bigint }[], op: ">=" | "<="): (number | null)[] {
  const units = rows.map((_, i) => ({ id: `u${i}`, tier: tierOf(i) }));
  const data: RowSpec[] = rows.map((r, i) => ({ unit: `u${i}`, period: "2022-10", dossiers: Number(r.dossiers), online: Number(r.online) }));
  const evaluation = evaluatePolicy(policy(op), units, data, "2022-10-31");
  return units.map((u) => resultOf(evaluation, u.id)!.rank);
}

const big = (a: number, b: number) => ({ online: BigInt(a), dossiers: BigInt(b) });

describe("ranks", () => {
  test("rates whose doubles are equal but which differ are not tied, with counts of any size", () => {
    // Two neighbours of 2/3 from below, 1/(b*d) apart: one double, two rates (counts below 2^46).
    const [a, b] = [2 ** 44 + 1, 3 * 2 ** 43 + 2];
    const [c, d] = [2 ** 44 + 3, 3 * 2 ** 43 + 5];
    expect((100 * a) / b).toBe((100 * c) / d);
    // Units 0 and 3 are communes, 1 and 2 provinces.
    const close = [big(1, 3), big(a, b), big(c, d), big(a, b)];
    expect(ranksOf(close, ">=")).toEqual([2, 2, 1, 1]);
    expect(ranksOf(close, "<=")).toEqual([1, 1, 2, 2]);

    // 2e15/3e15 and (2e15+1)/(3e15+1) give the same double for 100 * num / den.
    const rows = [big(2e15, 3e15), big(2e15 + 1, 3e15 + 1), big(1, 2), big(2e15 + 1, 3e15 + 1)];
    expect(100 * 2e15 / 3e15).toBe((100 * (2e15 + 1)) / (3e15 + 1));
    expect(ranksOf(rows, ">=")).toEqual(expectedRanks(rows, true));
    expect(ranksOf(rows, ">=")).toEqual([2, 1, 2, 1]);
  });

  test("equal rates with different counts share a rank, higher first for `>=` and lower first for `<=`", () => {
    const rows = [big(1, 2), big(3, 4), big(50, 100), big(2, 4), big(9, 10), big(0, 7)];
    expect(ranksOf(rows, ">=")).toEqual(expectedRanks(rows, true));
    expect(ranksOf(rows, "<=")).toEqual(expectedRanks(rows, false));
  });

  test("every rank is one more than the number of strictly better units of the tier", () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.constant(2 ** 47));
    const row = fc.tuple(count, fc.integer({ min: 1, max: 40 })).map(([online, extra]) => big(online, online + extra));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.constantFrom(">=" as const, "<=" as const), (rows, op) => {
        expect(ranksOf(rows, op)).toEqual(expectedRanks(rows, op === ">="));
      }),
      { numRuns: 200 },
    );
  });
});
