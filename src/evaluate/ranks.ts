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
  if (targets.some((t) => t.scored)) rankExactly(table, groups, targets, scored);
  if (!rankByRadix(table, groups, targets, byRate)) rankExactly(table, groups, targets, byRate);
}

// ---------------------------------------------------------------------------------------------
// Radix ranking

/** Rows with the high word of their rate's double, flipped for rising targets so best is least. */
interface Keys {
  rows: Int32Array;
  hi: Uint32Array;
}

const double = new Float64Array(1);
const words = new Uint32Array(double.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Sorts by the high 32 bits of each double (sign, exponent, 20 bits of mantissa) in three radix
 * passes, groups by target and tier, then orders the short runs that share a high word by the
 * whole double. False when a tie is not exact or counts are too large: the caller ranks exactly.
 */
function rankByRadix(table: ResultTable, groups: UnitGroups, targets: readonly RankedTarget[], include: (i: number) => boolean): boolean {
  const keys = keysOf(table, targets, include);
  if (!keys) return false;
  const tiers = groups.tiers.length;
  const bucket = new Int32Array(table.size);
  for (let k = 0; k < keys.rows.length; k++) {
    const row = keys.rows[k]!;
    bucket[row] = table.target[row]! * tiers + groups.tierOf[table.unit[row]!]!;
  }
  const sorted = byBucket(radixSort(keys), bucket, targets.length * tiers);
  const rises = (row: number) => targets[table.target[row]!]!.rises;
  return assignInOrder(table, sorted, bucket, rises);
}

function keysOf(table: ResultTable, targets: readonly RankedTarget[], include: (i: number) => boolean): Keys | undefined {
  let n = 0;
  for (let i = 0; i < table.size; i++) if (include(i)) n++;
  const keys = emptyKeys(n);
  let k = 0;
  for (let i = 0; i < table.size; i++) {
    if (!include(i)) continue;
    if (table.numerator[i]! >= EXACT_DOUBLES) return undefined;
    double[0] = table.actual[i]!;
    keys.rows[k] = i;
    keys.hi[k] = (words[HI]! ^ (targets[table.target[i]!]!.rises ? 0xffffffff : 0)) >>> 0;
    k++;
  }
  return keys;
}

const emptyKeys = (n: number): Keys => ({ rows: new Int32Array(n), hi: new Uint32Array(n) });

/** LSD radix sort on the high words, 11, 11 and 10 bits at a time; a digit all keys share is skipped. */
function radixSort(keys: Keys): Keys {
  let from = keys;
  let to = emptyKeys(keys.rows.length);
  const counts = new Int32Array(2049);
  for (const [shift, mask] of [[0, 0x7ff], [11, 0x7ff], [22, 0x3ff]] as const) {
    if (countDigits(from.hi, shift, mask, counts)) continue;
    for (let k = 0; k < from.hi.length; k++) {
      const at = counts[(from.hi[k]! >>> shift) & mask]!++;
      to.rows[at] = from.rows[k]!;
      to.hi[at] = from.hi[k]!;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Counts into counts[digit + 1] and sums them into starts; true when every key has the same digit. */
function countDigits(word: Uint32Array, shift: number, mask: number, counts: Int32Array): boolean {
  counts.fill(0);
  for (let k = 0; k < word.length; k++) counts[((word[k]! >>> shift) & mask) + 1]!++;
  for (let d = 1; d <= mask + 1; d++) {
    if (counts[d] === word.length) return true;
    counts[d]! += counts[d - 1]!;
  }
  return false;
}

/** A stable counting sort by bucket, keeping the order within each. */
function byBucket(keys: Keys, bucket: Int32Array, buckets: number): Keys {
  const starts = new Int32Array(buckets + 1);
  for (let k = 0; k < keys.rows.length; k++) starts[bucket[keys.rows[k]!]! + 1]!++;
  for (let b = 1; b <= buckets; b++) starts[b]! += starts[b - 1]!;
  const out = emptyKeys(keys.rows.length);
  for (let k = 0; k < keys.rows.length; k++) {
    const at = starts[bucket[keys.rows[k]!]!]!++;
    out.rows[at] = keys.rows[k]!;
    out.hi[at] = keys.hi[k]!;
  }
  return out;
}

function assignInOrder(table: ResultTable, keys: Keys, bucket: Int32Array, rises: (row: number) => boolean): boolean {
  const { rows } = keys;
  settleRuns(keys, bucket, table.actual, rises);
  let start = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const previous = rows[k - 1]!;
    if (k === 0 || bucket[row] !== bucket[previous]) start = k;
    const tied = k > start && table.actual[row] === table.actual[previous];
    if (tied && compareRates(table, previous, row) !== 0) return false;
    table.rank[row] = tied ? table.rank[previous]! : k - start + 1;
  }
  return true;
}

/** Orders each run of rows sharing a bucket and a high word by the whole double, by insertion: runs are short. */
function settleRuns({ rows, hi }: Keys, bucket: Int32Array, actual: Float64Array, rises: (row: number) => boolean): void {
  let start = 0;
  for (let k = 1; k < rows.length; k++) {
    const row = rows[k]!;
    if (bucket[row] !== bucket[rows[k - 1]!] || hi[k] !== hi[k - 1]) {
      start = k;
      continue;
    }
    const direction = rises(row) ? -1 : 1;
    let j = k;
    while (j > start && direction * (actual[rows[j - 1]!]! - actual[row]!) > 0) {
      rows[j] = rows[j - 1]!;
      j--;
    }
    rows[j] = row;
  }
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
