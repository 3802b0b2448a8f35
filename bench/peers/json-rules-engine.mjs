// json-rules-engine 7: one Engine holding two rules per target and month interval.
//
// What the engine is given, and what it does:
// - For each target and interval, a "met" rule and a "missed" rule, both with conditions
//   target == id, month >= from, month < to (no upper bound on the last interval): the schedule
//   lookup is the engine's condition matching. Condition priorities (target 3, month 2, verdict 1)
//   let `all` stop at the first failing condition, so the verdict is only computed for the one
//   interval that applies (condition priority is a documented feature).
// - json-rules-engine has no arithmetic. Its documented extension point for derived values is the
//   computed fact: `excess` (params { t }) returns numerator*1000 - t*denominator, and the met rule
//   compares it with 0 using the engine's own operator for the target's comparison
//   (greaterThanInclusive for >=, greaterThan for >, ...); the missed rule uses the opposite one.
// - `needed` is a second computed fact (params { t, op }), holding the reference's formulas in JS.
//   It is read through the run's almanac (almanac.factValue) after a "missed" event, rather than
//   with replaceFactsInEventParams, because that option resolves event params for every rule,
//   failed ones included (dist/rule.js, processResult), which would compute it hundreds of times.
// Fairness: one engine.run per record, awaited in turn; the four record fields are the run's facts.
// Several runs at once are not tried: the engine's work is JS on the main thread, so they would
// only interleave.
// The cost of a run grows with the number of rules, not with the rules that match: for every rule,
// every run builds a RuleResult that deep-copies the rule's conditions (a CPU profile puts ~40% of
// the time in the `clone` package), and 15 sample targets with 192 intervals make 384 rules. So there
// is a second variant, `perTarget`: one Engine per target, picked by target id with a JS Map (as
// the cel-js peer picks its expression), leaving the month lookup and the verdict to the engine.

import { Engine } from "json-rules-engine";
import { verdict } from "./records.mjs";
import { intervals, judgement } from "./schedule.mjs";

export const name = "json-rules-engine 7";

/** The engine operator deciding met, and its opposite deciding missed: `excess <op> 0`. */
const OPERATORS = {
  ">=": ["greaterThanInclusive", "lessThan"],
  ">": ["greaterThan", "lessThanInclusive"],
  "<=": ["lessThanInclusive", "greaterThan"],
  "<": ["lessThan", "greaterThanInclusive"],
};

/** @param {import("./schedule.mjs").Target} target */
function rulesFor(target) {
  const operators = OPERATORS[target.op];
  if (!operators) throw new Error(`${target.id}: unknown comparison ${target.op}`);
  return intervals(target.milestones).flatMap((s) => {
    const when = [
      { fact: "target", operator: "equal", value: target.id, priority: 3 },
      { fact: "month", operator: "greaterThanInclusive", value: s.from, priority: 2 },
      ...(s.to === Infinity ? [] : [{ fact: "month", operator: "lessThan", value: s.to, priority: 2 }]),
    ];
    const excess = (operator) => ({ fact: "excess", params: { t: s.t }, operator, value: 0, priority: 1 });
    return [
      { name: `${target.id} ${s.from} met`, conditions: { all: [...when, excess(operators[0])] }, event: { type: "met" } },
      { name: `${target.id} ${s.from} missed`, conditions: { all: [...when, excess(operators[1])] }, event: { type: "missed", params: { t: s.t, op: target.op } } },
    ];
  });
}

/** An engine with the given rules and the two computed facts. @param {object[]} rules */
function engineWith(rules) {
  const engine = new Engine(rules);
  engine.addFact("excess", async (params, almanac) => {
    const [num, den] = await Promise.all([almanac.factValue("numerator"), almanac.factValue("denominator")]);
    return num * 1000 - params.t * den;
  });
  engine.addFact("needed", async (params, almanac) => {
    const [num, den] = await Promise.all([almanac.factValue("numerator"), almanac.factValue("denominator")]);
    return verdict(params.op, params.t, num, den)[1];
  });
  return engine;
}

/** Runs one record and stores its verdict. @param {Engine} engine @param {import("./schedule.mjs").Judgement} out */
async function judgeOne(engine, record, out, i) {
  const { events, almanac } = await engine.run(record);
  if (events.length !== 1) throw new Error(`record ${i}: ${events.length} events, expected one`);
  const event = events[0];
  out.met[i] = event.type === "met" ? 1 : 0;
  out.needed[i] = event.type === "met" ? 0 : ((await almanac.factValue("needed", event.params)) ?? NaN);
}

/** @param {import("./schedule.mjs").Target[]} targets */
export async function setup(targets) {
  const engine = engineWith(targets.flatMap(rulesFor));
  return {
    /** @param {import("./schedule.mjs").Record[]} records */
    async judge(records) {
      const out = judgement(records.length);
      for (let i = 0; i < records.length; i++) await judgeOne(engine, records[i], out, i);
      return out;
    },
  };
}

export const perTarget = {
  name: "json-rules-engine 7, engine per target",
  /** @param {import("./schedule.mjs").Target[]} targets */
  async setup(targets) {
    const engines = new Map(targets.map((t) => [t.id, engineWith(rulesFor(t))]));
    return {
      /** @param {import("./schedule.mjs").Record[]} records */
      async judge(records) {
        const out = judgement(records.length);
        for (let i = 0; i < records.length; i++) {
          const engine = engines.get(records[i].target);
          if (!engine) throw new Error(`no target ${records[i].target}`);
          await judgeOne(engine, records[i], out, i);
        }
        return out;
      },
    };
  },
};
