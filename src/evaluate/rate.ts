/**
 * Exact decisions on rates. A rate num/den is compared with a threshold p/d by cross-multiplying
 * whole numbers, never by dividing: 45 of 100 meets `>= 45%` and misses `> 45%`, exactly. Counts
 * and thresholds are small enough for doubles almost always; past 2^53 the same sums run in bigint.
 */
import type { Comparison } from "../model/policy.js";
import type { Rational } from "../number/rational.js";

/** A threshold as the fraction p/d of one (50% is 1/2), precomputed once per milestone. */
export interface Threshold {
  readonly p: number;
  readonly d: number;
  readonly bigP: bigint;
  readonly bigD: bigint;
  /** In percent, for output only. */
  readonly percent: number;
}

export function thresholdOf(points: Rational): Threshold {
  const bigP = points.num;
  const bigD = points.den * 100n;
  return { p: Number(bigP), d: Number(bigD), bigP, bigD, percent: Number(points.num) / Number(points.den) };
}

const sign = (x: number | bigint): -1 | 0 | 1 => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** The sign of num/den - p/d, for den > 0. */
export function compareRate(num: number, den: number, t: Threshold): -1 | 0 | 1 {
  const left = num * t.d;
  const right = t.p * den;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return sign(left - right);
  return sign(BigInt(num) * t.bigD - t.bigP * BigInt(den));
}

/**
 * The fewest whole cases to add to the numerator (`>=`, `>`) or remove from it (`<=`, `<`), at the
 * same denominator, that meet the threshold; null when no number of cases can (more than the
 * denominator, or fewer than none). `excess` = num*d - p*den: how far the numerator, scaled by d,
 * stands above the threshold.
 */
export function needed(op: Comparison, num: number, den: number, t: Threshold): number | null {
  const scaled = num * t.d;
  const bar = t.p * den;
  if (Number.isSafeInteger(scaled) && Number.isSafeInteger(bar) && Number.isSafeInteger(scaled - bar)) {
    // Exact: with every operand below 2^53 a quotient cannot round across a whole number.
    return casesFor(op, scaled - bar, t.d, num, den, (a, b) => Math.floor(a / b));
  }
  const cases = casesFor(op, BigInt(num) * t.bigD - t.bigP * BigInt(den), t.bigD, BigInt(num), BigInt(den), (a, b) => a / b);
  return cases === null ? null : Number(cases);
}

function casesFor<N extends number | bigint>(op: Comparison, excess: N, d: N, num: N, den: N, floorDiv: (a: N, b: N) => N): N | null {
  const zero = (typeof excess === "bigint" ? 0n : 0) as N;
  const one = (typeof excess === "bigint" ? 1n : 1) as N;
  const plus = (a: N, b: N) => ((a as number) + (b as number)) as N;
  const minus = (a: N, b: N) => ((a as number) - (b as number)) as N;
  const ceilDiv = (a: N, b: N) => floorDiv(minus(plus(a, b), one), b);
  switch (op) {
    case ">=": {
      const cases = excess >= zero ? zero : ceilDiv(minus(zero, excess), d);
      return plus(cases, num) <= den ? cases : null;
    }
    case ">": {
      const cases = excess > zero ? zero : plus(floorDiv(minus(zero, excess), d), one);
      return plus(cases, num) <= den ? cases : null;
    }
    case "<=":
      return excess <= zero ? zero : ceilDiv(excess, d);
    case "<": {
      const cases = excess < zero ? zero : plus(floorDiv(excess, d), one);
      return cases <= num ? cases : null;
    }
  }
}
