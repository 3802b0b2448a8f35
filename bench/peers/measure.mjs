// Measuring a peer on records, shared by check.mjs and the main harness (bench/evaluate.mjs).
//
// A warm-up on a small slice sizes the timed runs so each takes about `budgetMs` (at least `min`
// records, at most all of them): json-rules-engine with one engine does about a hundred records a
// second, cel-js over a hundred thousand. Every run's verdicts, warm-up included, are compared with
// the reference; a mismatch is returned as a readable line, and the caller fails the run on any.

import { performance } from "node:perf_hooks";
import { thresholdAt } from "./records.mjs";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Differences between a peer's verdicts and the reference, as readable lines. */
export function mismatches(got, ref, records, targets) {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const out = [];
  for (let i = 0; i < records.length; i++) {
    const sameNeeded = got.needed[i] === ref.needed[i] || (Number.isNaN(got.needed[i]) && Number.isNaN(ref.needed[i]));
    if (got.met[i] === ref.met[i] && sameNeeded) continue;
    const r = records[i];
    const target = byId.get(r.target);
    const show = (j) => `met ${j.met[i]}, needed ${Number.isNaN(j.needed[i]) ? "null" : j.needed[i]}`;
    out.push(`#${i} ${r.numerator}/${r.denominator} ${target.op} ${thresholdAt(target, r.month) / 10}% (${r.target}, month ${r.month}): got ${show(got)}, loop ${show(ref)}`);
  }
  return out;
}

const slice = (ref, n) => ({ met: ref.met.subarray(0, n), needed: ref.needed.subarray(0, n) });

/**
 * Setup, a warm-up on `warmUp` records, then `runs` timed runs on the first n records.
 * @returns {Promise<{ setupMs: number, n: number, times: number[], rate: number, wrong: string[] }>}
 */
export async function measure(peer, targets, records, ref, { runs = 3, budgetMs = 1000, warmUp = 200, min = 500 } = {}) {
  let t0 = performance.now();
  const engine = await peer.setup(targets);
  const setupMs = performance.now() - t0;
  const first = records.slice(0, Math.min(warmUp, records.length));
  t0 = performance.now();
  const wrong = mismatches(await engine.judge(first), slice(ref, first.length), first, targets).map((m) => `warm-up: ${m}`);
  const warmRate = first.length / ((performance.now() - t0) / 1000);
  const n = Math.min(records.length, Math.max(min, Math.round((warmRate * budgetMs) / 1000)));
  const sample = records.slice(0, n);
  const times = [];
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    const got = await engine.judge(sample);
    times.push(performance.now() - t0);
    wrong.push(...mismatches(got, slice(ref, n), sample, targets).map((m) => `timed run ${r + 1}: ${m}`));
  }
  engine.dispose?.();
  return { setupMs, n, times, rate: n / (median(times) / 1000), wrong };
}
