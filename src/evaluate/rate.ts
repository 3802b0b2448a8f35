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

export function meets(op: Comparison, order: -1 | 0 | 1): boolean {
  switch (op) {
    case ">=":
      return order >= 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    case "<":
      return order < 0;
  }
}

/**
 * The fewest whole cases to add to the numerator (`>=`, `>`) or remove from it (`<=`, `<`), at the
 * same denominator, that meet the threshold; null when no number of cases can (more than the
 * denominator, or fewer than none).
 */
export function needed(op: Comparison, num: number, den: number, t: Threshold): number | null {
  const big = BigInt;
  // excess = num*d - p*den: how far the numerator, scaled by d, stands above the threshold.
  const excess = big(num) * t.bigD - t.bigP * big(den);
  const d = t.bigD;
  let cases: bigint;
  switch (op) {
    case ">=":
      cases = excess >= 0n ? 0n : ceilDiv(-excess, d);
      return cases + big(num) <= big(den) ? Number(cases) : null;
    case ">":
      cases = excess > 0n ? 0n : -excess / d + 1n;
      return cases + big(num) <= big(den) ? Number(cases) : null;
    case "<=":
      return excess <= 0n ? 0 : Number(ceilDiv(excess, d));
    case "<":
      cases = excess < 0n ? 0n : excess / d + 1n;
      return cases <= big(num) ? Number(cases) : null;
  }
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;
