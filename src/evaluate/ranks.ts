/**
 * Ranks among the units of a tier under one target, shared by ties ("1, 2, 2, 4"): by rate, higher
 * first for `>=`/`>` and lower first for `<=`/`<`, or by points where the target scores.
 *
 * Rates are ranked without a comparison sort: a rate's double is a 64-bit key whose bits order
 * like the number (rates are never negative), so a radix sort orders all rows at once and a stable
 * counting sort by target and tier groups them. Division rounds monotonically, so unequal doubles
 * never misorder two rates; equal doubles are checked exactly against their neighbour, and the
 * rare table where they differ, or whose counts are too large for doubles to order, is ranked by
 * an exact comparison sort instead.
 */
import type { UnitGroups } from "./groups.js";
import type { ScoreResult } from "./result.js";
import { MET, MISSED, type ResultTable } from "./table.js";

export interface RankedTarget {
  readonly rises: boolean;
  readonly scored: boolean;
}

// Below this numerator, 100 * num is exact and the quotient's rounding keeps rates in order.
const EXACT_DOUBLES = 2 ** 46;

export function rankResults(table: ResultTable, groups: UnitGroups, targets: readonly RankedTarget[]): void {
  const judged = (i: number) => table.status[i] === MET || table.status[i] === MISSED;
  const scored = (i: number) => judged(i) && targets[table.target[i]!]!.scored;
  const byRate = (i: number) => judged(i) && !targets[table.target[i]!]!.scored;
  rankExactly(table, groups, targets, scored);
  if (!rankByRadix(table, groups, targets, byRate)) rankExactly(table, groups, targets, byRate);
}

// ---------------------------------------------------------------------------------------------
// Radix ranking

interface Keys {
  rows: Int32Array;
  bucket: Int32Array;
  hi: Uint32Array;
  lo: Uint32Array;
}

const double = new Float64Array(1);
const words = new Uint32Array(double.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** False when a tie is not exact or counts are too large: the caller then ranks exactly. */
function rankByRadix(table: ResultTable, groups: UnitGroups, targets: readonly RankedTarget[], include: (i: number) => boolean): boolean {
  const keys = keysOf(table, groups, targets, include);
  if (!keys) return false;
  const sorted = byBucket(radixSort(keys), targets.length * groups.tiers.length);
  return assignInOrder(table, sorted);
}

function keysOf(table: ResultTable, groups: UnitGroups, targets: readonly RankedTarget[], include: (i: number) => boolean): Keys | undefined {
  let n = 0;
  for (let i = 0; i < table.size; i++) if (include(i)) n++;
  const keys = emptyKeys(n);
  const tiers = groups.tiers.length;
  let k = 0;
  for (let i = 0; i < table.size; i++) {
    if (!include(i)) continue;
    if (table.numerator[i]! >= EXACT_DOUBLES) return undefined;
    double[0] = table.actual[i]!;
    // Best first: flipping every bit turns ascending into descending for rising targets.
    const target = table.target[i]!;
    const flip = targets[target]!.rises ? 0xffffffff : 0;
    keys.rows[k] = i;
    keys.bucket[k] = target * tiers + groups.tierOf[table.unit[i]!]!;
    keys.hi[k] = (words[HI]! ^ flip) >>> 0;
    keys.lo[k] = (words[1 - HI]! ^ flip) >>> 0;
    k++;
  }
  return keys;
}

const emptyKeys = (n: number): Keys => ({ rows: new Int32Array(n), bucket: new Int32Array(n), hi: new Uint32Array(n), lo: new Uint32Array(n) });

// Six passes of 11, 11 and 10 bits per 32-bit word.
const DIGITS = [
  [0, 0x7ff],
  [11, 0x7ff],
  [22, 0x3ff],
] as const;

/** LSD radix sort on the 64-bit keys; a digit every key shares is skipped. */
function radixSort(keys: Keys): Keys {
  let from = keys;
  let to = emptyKeys(keys.rows.length);
  const counts = new Int32Array(2049);
  for (const word of ["lo", "hi"] as const) {
    for (const [shift, mask] of DIGITS) {
      if (countDigits(from[word], shift, mask, counts)) continue;
      scatter(from, to, from[word], shift, mask, counts);
      [from, to] = [to, from];
    }
  }
  return from;
}

/** Counts into counts[digit + 1]; true when every key has the same digit. */
function countDigits(word: Uint32Array, shift: number, mask: number, counts: Int32Array): boolean {
  counts.fill(0);
  for (let k = 0; k < word.length; k++) counts[((word[k]! >>> shift) & mask) + 1]!++;
  for (let d = 1; d <= mask + 1; d++) {
    if (counts[d] === word.length) return true;
    counts[d]! += counts[d - 1]!;
  }
  return false;
}

function scatter(from: Keys, to: Keys, word: Uint32Array | Int32Array, shift: number, mask: number, starts: Int32Array): void {
  for (let k = 0; k < word.length; k++) {
    const at = starts[(word[k]! >>> shift) & mask]!++;
    to.rows[at] = from.rows[k]!;
    to.bucket[at] = from.bucket[k]!;
    to.hi[at] = from.hi[k]!;
    to.lo[at] = from.lo[k]!;
  }
}

/** A stable counting sort by bucket, keeping the rate order within each. */
function byBucket(keys: Keys, buckets: number): Keys {
  const starts = new Int32Array(buckets + 1);
  for (let k = 0; k < keys.bucket.length; k++) starts[keys.bucket[k]! + 1]!++;
  for (let b = 1; b <= buckets; b++) starts[b]! += starts[b - 1]!;
  const out = emptyKeys(keys.rows.length);
  scatter(keys, out, keys.bucket, 0, 0x7fffffff, starts);
  return out;
}

function assignInOrder(table: ResultTable, keys: Keys): boolean {
  let start = 0;
  for (let k = 0; k < keys.rows.length; k++) {
    const row = keys.rows[k]!;
    if (k === 0 || keys.bucket[k] !== keys.bucket[k - 1]) start = k;
    const previous = keys.rows[k - 1]!;
    const tied = k > start && keys.hi[k] === keys.hi[k - 1] && keys.lo[k] === keys.lo[k - 1];
    if (tied && compareRates(table, previous, row) !== 0) return false;
    table.rank[row] = tied ? table.rank[previous]! : k - start + 1;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Exact ranking by comparison sort

type Order = (a: number, b: number) => number;

function rankExactly(table: ResultTable, groups: UnitGroups, targets: readonly RankedTarget[], include: (i: number) => boolean): void {
  const tiers = groups.tiers.length;
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < table.size; i++) {
    if (!include(i)) continue;
    const key = table.target[i]! * tiers + groups.tierOf[table.unit[i]!]!;
    const list = byGroup.get(key);
    if (list) list.push(i);
    else byGroup.set(key, [i]);
  }
  for (const rows of byGroup.values()) {
    const target = targets[table.target[rows[0]!]!]!;
    assignRanks(rows, table.rank, target.scored ? byScore(table) : byRateExactly(table, target.rises ? -1 : 1));
  }
}

const byScore =
  (table: ResultTable): Order =>
  (a, b) =>
    orNegativeInfinity(table.score[b]!) - orNegativeInfinity(table.score[a]!);

const orNegativeInfinity = (x: number): number => (Number.isNaN(x) ? -Infinity : x);

const byRateExactly =
  (table: ResultTable, direction: 1 | -1): Order =>
  (a, b) =>
    direction * compareRates(table, a, b);

/** The sign of rate a - rate b by cross-multiplying counts: rates that print alike but differ do not tie. */
function compareRates(table: ResultTable, a: number, b: number): number {
  const left = table.numerator[a]! * table.denominator[b]!;
  const right = table.numerator[b]! * table.denominator[a]!;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return Math.sign(left - right);
  const diff = BigInt(table.numerator[a]!) * BigInt(table.denominator[b]!) - BigInt(table.numerator[b]!) * BigInt(table.denominator[a]!);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

function assignRanks(rows: number[], rank: Int32Array, order: Order): void {
  rows.sort(order);
  rows.forEach((row, k) => {
    const previous = rows[k - 1];
    rank[row] = previous !== undefined && order(previous, row) === 0 ? rank[previous]! : k + 1;
  });
}

/** Ranks units by points within each score and tier. */
export function rankScores(scores: ScoreResult[]): void {
  const groups = new Map<string, ScoreResult[]>();
  for (const s of scores) {
    if (s.points === null) continue;
    const key = `${s.score}\u0000${s.tier}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  for (const group of groups.values()) {
    group.sort((a, b) => b.points! - a.points!);
    group.forEach((item, i) => {
      const previous = group[i - 1];
      item.rank = previous && previous.points === item.points ? previous.rank : i + 1;
    });
  }
}
