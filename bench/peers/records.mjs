// Records for checking the peers, and the reference they must agree with.
//
// The reference (`judgeByLoop`) is the hand-written loop of bench/evaluate.mjs (`scan`) reduced to
// one record: the threshold in force is the latest milestone with month <= the record's month, and
// met/needed come from the cross-multiplied excess = numerator*1000 - t*denominator, in whole
// numbers. A record's month must have a threshold in force (the bench scores only due targets);
// the reference throws otherwise, and the generator never makes such a record.

import { mulberry32 } from "../generate.mjs";
import { OPS } from "./schedule.mjs";

/** @typedef {import("./schedule.mjs").Target} Target @typedef {import("./schedule.mjs").Record} Record */

/** The generator of bench/evaluate.mjs. @param {number} seed */

const M = (year, month) => year * 12 + month - 1;
const ramp = (from, every, t0, inc, steps) => Array.from({ length: steps + 1 }, (_, i) => ({ month: from + i * every, t: t0 + i * inc }));

/**
 * Targets shaped like bench/evaluate.mjs TARGETS (monthly and quarterly ramps, year ends, an
 * ongoing monthly target, a single deadline), plus targets with each of the four comparisons.
 * @returns {Target[]}
 */
export function sampleTargets() {
  return [
    { id: "online_province", op: ">=", milestones: ramp(M(2023, 1), 1, 200, 20, 23) },
    { id: "online_district", op: ">=", milestones: ramp(M(2023, 1), 1, 150, 15, 23) },
    { id: "online_commune", op: ">=", milestones: ramp(M(2023, 1), 1, 100, 10, 23) },
    { id: "online_pilot", op: ">=", milestones: ramp(M(2023, 1), 1, 300, 25, 23) },
    { id: "online_p01_a01", op: ">", milestones: ramp(M(2023, 1), 1, 400, 20, 23) },
    { id: "fullprocess_province", op: ">=", milestones: ramp(M(2023, 3), 3, 100, 50, 7) },
    { id: "fullprocess_commune", op: ">", milestones: ramp(M(2023, 3), 3, 50, 30, 7) },
    { id: "fullprocess_p02_d01", op: ">=", milestones: [{ month: M(2023, 12), t: 400 }, { month: M(2024, 12), t: 600 }] },
    { id: "usage_all", op: ">=", milestones: ramp(M(2023, 6), 1, 500, 0, 18) },
    { id: "usage_p06_d03", op: ">=", milestones: ramp(M(2023, 1), 2, 600, 30, 11) },
    { id: "usage_p03_c001", op: ">=", milestones: [{ month: M(2024, 12), t: 900 }] },
    // Edges where `needed` is null: "> 100%" and "< 0%" cannot be reached by adding or removing cases.
    { id: "digitised_share", op: ">", milestones: ramp(M(2023, 7), 3, 930, 10, 7) },
    { id: "rejected_share", op: "<", milestones: ramp(M(2023, 4), 1, 200, -10, 20) },
    // "At most" targets: overdue dossiers <= 10% falling to 2%; complaints < 5%, then < 2.5% from 2024.
    { id: "overdue_share", op: "<=", milestones: ramp(M(2023, 1), 3, 100, -10, 8) },
    { id: "complaint_share", op: "<", milestones: [{ month: M(2023, 1), t: 50 }, { month: M(2024, 1), t: 25 }] },
  ];
}

/** Whole-number division of non-negative safe integers, as in bench/evaluate.mjs. */
const floorDiv = (a, d) => (a - (a % d)) / d;
const ceilDiv = (a, d) => {
  const r = a % d;
  return (a - r) / d + (r > 0 ? 1 : 0);
};

/** The threshold in force at `month`, or undefined before the first milestone. @param {Target} target @param {number} month */
export function thresholdAt(target, month) {
  let t;
  for (const ms of target.milestones) if (ms.month <= month) t = ms.t;
  return t;
}

/**
 * The reference: met and needed for one record, by the formulas of bench/evaluate.mjs `scan`.
 * @param {string} op @param {number} t @param {number} num @param {number} den
 * @returns {[boolean, number | null]}
 */
export function verdict(op, t, num, den) {
  const D = 1000;
  const excess = num * D - t * den;
  switch (op) {
    case ">=": {
      if (excess >= 0) return [true, 0];
      const cases = ceilDiv(-excess, D);
      return [false, cases + num <= den ? cases : null];
    }
    case ">": {
      if (excess > 0) return [true, 0];
      const cases = floorDiv(-excess, D) + 1;
      return [false, cases + num <= den ? cases : null];
    }
    case "<=":
      return excess <= 0 ? [true, 0] : [false, ceilDiv(excess, D)];
    case "<": {
      if (excess < 0) return [true, 0];
      const cases = floorDiv(excess, D) + 1;
      return [false, cases <= num ? cases : null];
    }
    default:
      throw new Error(`unknown comparison ${op}`);
  }
}

/**
 * The hand-written loop every peer is compared with.
 * @param {Target[]} targets @param {Record[]} records @returns {import("./schedule.mjs").Judgement}
 */
export function judgeByLoop(targets, records) {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const met = new Uint8Array(records.length);
  const needed = new Float64Array(records.length);
  records.forEach((r, i) => {
    const target = byId.get(r.target);
    const t = target && thresholdAt(target, r.month);
    if (t === undefined) throw new Error(`record ${i}: no threshold in force for ${r.target} in month ${r.month}`);
    const [ok, cases] = verdict(target.op, t, r.numerator, r.denominator);
    met[i] = ok ? 1 : 0;
    needed[i] = cases ?? NaN;
  });
  return { met, needed };
}

/**
 * Seeded records over the given targets: months from each target's first milestone to three months
 * past its last; about a quarter exactly on the threshold, a quarter one case either side, the rest
 * anywhere in 0..denominator, with small and large denominators.
 * @param {Target[]} targets @param {number} count @param {number} [seed]
 * @returns {Record[]}
 */
export function generateRecords(targets, count, seed = 0x5eed2024) {
  const rand = mulberry32(seed);
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const records = [];
  for (let i = 0; i < count; i++) {
    const target = targets[i % targets.length];
    const months = target.milestones.map((m) => m.month);
    const month = between(Math.min(...months), Math.max(...months) + 3);
    const t = thresholdAt(target, month);
    const kind = rand();
    let numerator, denominator;
    if (kind < 0.25) {
      // On the threshold: den a multiple of 1000/gcd(t, 1000) makes t*den/1000 whole.
      const step = 1000 / gcd(t, 1000);
      denominator = step * between(1, Math.max(1, Math.floor(5000 / step)));
      numerator = (t * denominator) / 1000;
    } else {
      denominator = rand() < 0.3 ? between(1, 12) : between(13, 50000);
      const onLine = Math.round((t * denominator) / 1000);
      numerator = kind < 0.5 ? onLine + between(-1, 1) : between(0, denominator);
      numerator = Math.min(denominator, Math.max(0, numerator));
    }
    records.push({ target: target.id, month, numerator, denominator });
  }
  return records;
}

function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

export { OPS };
