// The one piece of encoding every peer shares: a target's milestones as month intervals.
//
// Each peer is handed the same intervals and writes them in its own language (rules, a decision
// table, a CEL expression). Consecutive milestones with the same threshold are merged, as a person
// writing the rules by hand would ("from 2023-06, >= 50%" is one rule, not nineteen); the threshold
// in force is unchanged by the merge.

/**
 * @typedef {{ month: number, t: number }} Milestone month index (year*12 + month-1) and threshold in tenths of a percent
 * @typedef {{ id: string, op: ">=" | ">" | "<=" | "<", milestones: Milestone[] }} Target
 * @typedef {{ from: number, to: number, t: number }} Interval the threshold t holds for from <= month < to (to may be Infinity)
 * @typedef {{ target: string, month: number, numerator: number, denominator: number }} Record
 * @typedef {{ met: Uint8Array, needed: Float64Array }} Judgement needed is NaN where the reference says null
 */

/** Sorted, merged intervals; the last one is open-ended. @param {Milestone[]} milestones @returns {Interval[]} */
export function intervals(milestones) {
  // Two milestones in one month: the later in the list wins, as in bench/evaluate.mjs.
  const byMonth = new Map();
  for (const { month, t } of milestones) byMonth.set(month, t);
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  /** @type {Interval[]} */
  const out = [];
  for (const month of months) {
    const t = byMonth.get(month);
    const last = out[out.length - 1];
    if (last && last.t === t) continue;
    if (last) last.to = month;
    out.push({ from: month, to: Infinity, t });
  }
  return out;
}

export const OPS = /** @type {const} */ ([">=", ">", "<=", "<"]);

/** Empty result arrays for n records. @param {number} n @returns {Judgement} */
export function judgement(n) {
  return { met: new Uint8Array(n), needed: new Float64Array(n).fill(NaN) };
}
