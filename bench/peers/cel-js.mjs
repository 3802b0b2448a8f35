// @marcbachmann/cel-js 8: one CEL expression per target, parsed once in setup.
//
// What the engine is given, and what it does:
// - Each target becomes one expression over the record's `month`, `numerator` and `denominator`:
//   a chain of `month >= from ? t : ...` picks the threshold in force (the schedule lookup), then
//   the expression computes excess = numerator*1000 - t*denominator, decides met with the
//   target's comparison and computes `needed`, all in CEL.
// - CEL's integers are exact (BigInt here) and `/` on non-negative ints is floor division, so
//   ceil(a/1000) is written (a + 999) / 1000. cel-js reads JS numbers as doubles, so the record's
//   fields are declared `double` and converted with `int()` inside the expression: the engine
//   does the conversion, not the caller.
// - The expression returns [met, needed] as ints, with -1 for a null `needed` (CEL lists are
//   homogeneous); the module maps -1 to NaN.
// Fairness: picking the expression by target id is a JS Map lookup outside the engine, as an
// application holding one compiled expression per rule would do; everything from the schedule on
// is CEL. Expressions are evaluated one record at a time, synchronously.

import { Environment } from "@marcbachmann/cel-js";
import { intervals, judgement } from "./schedule.mjs";

export const name = "cel-js 8";

/** The comparison and `needed`, given CEL ints num, den, excess. Each returns [met, needed]. */
const VERDICT = {
  ">=": "excess >= 0 ? [1, 0] : cel.bind(cases, (-excess + 999) / 1000, cases + num <= den ? [0, cases] : [0, -1])",
  ">": "excess > 0 ? [1, 0] : cel.bind(cases, -excess / 1000 + 1, cases + num <= den ? [0, cases] : [0, -1])",
  "<=": "excess <= 0 ? [1, 0] : [0, (excess + 999) / 1000]",
  "<": "excess < 0 ? [1, 0] : cel.bind(cases, excess / 1000 + 1, cases <= num ? [0, cases] : [0, -1])",
};

/** The threshold in force, latest interval first. @param {import("./schedule.mjs").Interval[]} spans */
function thresholdExpression(spans) {
  // Before the first milestone there is no threshold; -1 makes the verdict meaningless but the
  // records never ask (see records.mjs), as in the other peers.
  return spans.reduce((rest, s) => `m >= ${s.from} ? ${s.t} : ${rest}`, "-1");
}

/** @param {import("./schedule.mjs").Target} target */
export function expressionFor(target) {
  const verdict = VERDICT[target.op];
  if (!verdict) throw new Error(`${target.id}: unknown comparison ${target.op}`);
  return [
    "cel.bind(m, int(month),",
    ` cel.bind(num, int(numerator), cel.bind(den, int(denominator),`,
    ` cel.bind(t, ${thresholdExpression(intervals(target.milestones))},`,
    ` cel.bind(excess, num * 1000 - t * den, ${verdict})))))`,
  ].join("");
}

/** @param {import("./schedule.mjs").Target[]} targets */
export async function setup(targets) {
  const env = new Environment().registerVariable("month", "double").registerVariable("numerator", "double").registerVariable("denominator", "double");
  const programs = new Map(targets.map((t) => [t.id, env.parse(expressionFor(t))]));
  return {
    /** @param {import("./schedule.mjs").Record[]} records */
    async judge(records) {
      const out = judgement(records.length);
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        const program = programs.get(r.target);
        if (!program) throw new Error(`no target ${r.target}`);
        const [met, needed] = program(r);
        out.met[i] = Number(met);
        out.needed[i] = needed < 0n ? NaN : Number(needed);
      }
      return out;
    },
  };
}
