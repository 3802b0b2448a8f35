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
  /**
   * Whether p and d are safe integers. A threshold written with more digits than a double holds
   * (`>= 33.333333333333333333%`) is not: its p and d above are rounded, and every decision on it
   * runs in bigint. (A rounded factor is at least 2^53, so the checks on the products would send
   * it there too, zero times it aside, which is exact; the flag says so once instead of relying on it.)
   */
  readonly safe: boolean;
  /** In percent, for output only. */
  readonly percent: number;
}

export function thresholdOf(points: Rational): Threshold {
  const bigP = points.num;
  const bigD = points.den * 100n;
  const [p, d] = [Number(bigP), Number(bigD)];
  return { p, d, bigP, bigD, safe: Number.isSafeInteger(p) && Number.isSafeInteger(d), percent: Number(points.num) / Number(points.den) };
}

const sign = (x: number | bigint): -1 | 0 | 1 => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** The sign of num/den - p/d, for den > 0. */
export function compareRate(num: number, den: number, t: Threshold): -1 | 0 | 1 {
  if (t.safe) {
    const left = num * t.d;
    const right = t.p * den;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return sign(left - right);
  }
  return sign(BigInt(num) * t.bigD - t.bigP * BigInt(den));
}

/**
 * The fewest whole cases to add to the numerator (`>=`, `>`) or remove from it (`<=`, `<`), at the
 * same denominator, that meet the threshold; null when no number of cases can (more than the
 * denominator, or fewer than none). `excess` = num*d - p*den: how far the numerator, scaled by d,
 * stands above the threshold.
 */
export function needed(op: Comparison, num: number, den: number, t: Threshold): number | null {
  if (t.safe) {
    const scaled = num * t.d;
    const bar = t.p * den;
    if (Number.isSafeInteger(scaled) && Number.isSafeInteger(bar) && Number.isSafeInteger(scaled - bar)) {
      return casesInDoubles(op, scaled - bar, t.d, num, den);
    }
  }
  const cases = casesInBigints(op, BigInt(num) * t.bigD - t.bigP * BigInt(den), t.bigD, BigInt(num), BigInt(den));
  return cases === null ? null : Number(cases);
}

/**
 * The cases in doubles, exact while every operand is a safe integer. Written apart from the bigint
 * version below, not shared through generics: this one runs once per result and must not allocate.
 */
function casesInDoubles(op: Comparison, excess: number, d: number, num: number, den: number): number | null {
  switch (op) {
    case ">=": {
      const cases = excess >= 0 ? 0 : ceilDiv(-excess, d);
      return cases + num <= den ? cases : null;
    }
    case ">": {
      const cases = excess > 0 ? 0 : floorDiv(-excess, d) + 1;
      return cases + num <= den ? cases : null;
    }
    case "<=":
      return excess <= 0 ? 0 : ceilDiv(excess, d);
    case "<": {
      const cases = excess < 0 ? 0 : floorDiv(excess, d) + 1;
      return cases <= num ? cases : null;
    }
  }
}

// Whole-number division of non-negative safe integers through the remainder, which is exact, so no
// quotient can round across a whole number.
const floorDiv = (a: number, d: number): number => (a - (a % d)) / d;
const ceilDiv = (a: number, d: number): number => floorDiv(a, d) + (a % d > 0 ? 1 : 0);

/** The same in bigint, past 2^53; bigint division truncates, which is floor for non-negatives. */
function casesInBigints(op: Comparison, excess: bigint, d: bigint, num: bigint, den: bigint): bigint | null {
  const ceil = (a: bigint) => (a + d - 1n) / d;
  switch (op) {
    case ">=": {
      const cases = excess >= 0n ? 0n : ceil(-excess);
      return cases + num <= den ? cases : null;
    }
    case ">": {
      const cases = excess > 0n ? 0n : -excess / d + 1n;
      return cases + num <= den ? cases : null;
    }
    case "<=":
      return excess <= 0n ? 0n : ceil(excess);
    case "<": {
      const cases = excess < 0n ? 0n : excess / d + 1n;
      return cases <= num ? cases : null;
    }
  }
}
