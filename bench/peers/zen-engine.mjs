// @gorules/zen-engine 0.52 (Rust core, Node binding): one JDM decision graph for all targets.
//
// What the engine is given, and what it does:
// - request -> decision table "schedule" -> expression node "verdict" -> response.
// - The decision table (hit policy "first") has one row per target and month interval: input
//   columns `target` ("online_province") and `month` ("[24289..24290)", or ">= 24299" for the
//   open-ended last interval); output columns `t` (the threshold) and `op`. It passes the
//   request through, so the expression node sees the record and the threshold together.
// - The expression node computes excess = numerator*1000 - t*denominator, `met` by `op`, and
//   `needed` with ZEN's ceil/floor, null where the reference says null. ZEN numbers are decimals,
//   so 0.1 + 0.2 == 0.3 and the divisions by 1000 are exact: no float rounding to worry about.
// Fairness: the whole record goes in as the context object and the graph's JSON result comes back;
// that marshalling through the N-API binding is part of what a user pays, so it is timed.
// Two variants: `sequential` awaits each evaluation before starting the next; `batched` keeps a
// fixed number of evaluations in flight (default 1,000), since the binding runs them off the
// main thread.

import { ZenEngine } from "@gorules/zen-engine";
import { intervals, judgement } from "./schedule.mjs";

const at = { x: 0, y: 0 };

/** One decision-table row per target and interval. @param {import("./schedule.mjs").Target[]} targets */
function scheduleRows(targets) {
  return targets.flatMap((target) =>
    intervals(target.milestones).map((s, i) => ({
      _id: `${target.id}-${i}`,
      c_target: JSON.stringify(target.id),
      c_month: s.to === Infinity ? `>= ${s.from}` : `[${s.from}..${s.to})`,
      o_t: String(s.t),
      o_op: JSON.stringify(target.op),
    })),
  );
}

const EXPRESSIONS = [
  ["excess", "numerator * 1000 - t * denominator"],
  ["met", 'op == ">=" ? $.excess >= 0 : op == ">" ? $.excess > 0 : op == "<=" ? $.excess <= 0 : $.excess < 0'],
  ["cases", '$.met ? 0 : op == ">=" ? ceil(-$.excess / 1000) : op == ">" ? floor(-$.excess / 1000) + 1 : op == "<=" ? ceil($.excess / 1000) : floor($.excess / 1000) + 1'],
  ["needed", 'op == "<=" ? $.cases : op == "<" ? ($.cases <= numerator ? $.cases : null) : ($.cases + numerator <= denominator ? $.cases : null)'],
];

/** The JDM graph. @param {import("./schedule.mjs").Target[]} targets */
export function graph(targets) {
  return {
    contentType: "application/vnd.gorules.decision",
    nodes: [
      { id: "request", type: "inputNode", name: "request", position: at },
      {
        id: "schedule", type: "decisionTableNode", name: "schedule", position: at,
        content: {
          hitPolicy: "first", passThrough: true, inputField: null, outputPath: null, executionMode: "single",
          inputs: [{ id: "c_target", name: "target", field: "target" }, { id: "c_month", name: "month", field: "month" }],
          outputs: [{ id: "o_t", name: "t", field: "t" }, { id: "o_op", name: "op", field: "op" }],
          rules: scheduleRows(targets),
        },
      },
      {
        id: "verdict", type: "expressionNode", name: "verdict", position: at,
        content: { passThrough: false, inputField: null, outputPath: null, executionMode: "single", expressions: EXPRESSIONS.map(([key, value]) => ({ id: key, key, value })) },
      },
      { id: "response", type: "outputNode", name: "response", position: at },
    ],
    edges: [
      { id: "e1", type: "edge", sourceId: "request", targetId: "schedule" },
      { id: "e2", type: "edge", sourceId: "schedule", targetId: "verdict" },
      { id: "e3", type: "edge", sourceId: "verdict", targetId: "response" },
    ],
  };
}

/** @param {import("./schedule.mjs").Judgement} out @param {number} i @param {{ result: { met: boolean, needed: number | null } }} response */
function store(out, i, response) {
  out.met[i] = response.result.met ? 1 : 0;
  out.needed[i] = response.result.needed ?? NaN;
}

/** @param {import("./schedule.mjs").Target[]} targets */
async function build(targets) {
  const engine = new ZenEngine();
  const decision = engine.createDecision(graph(targets));
  return { engine, decision };
}

export const sequential = {
  name: "zen-engine 0.52, sequential",
  /** @param {import("./schedule.mjs").Target[]} targets */
  async setup(targets) {
    const { engine, decision } = await build(targets);
    return {
      /** @param {import("./schedule.mjs").Record[]} records */
      async judge(records) {
        const out = judgement(records.length);
        for (let i = 0; i < records.length; i++) store(out, i, await decision.evaluate(records[i]));
        return out;
      },
      dispose: () => engine.dispose(),
    };
  },
};

/** @param {number} [inFlight] evaluations awaited together */
export function batched(inFlight = 1000) {
  return {
    name: `zen-engine 0.52, ${inFlight.toLocaleString("en-US")} in flight`,
    /** @param {import("./schedule.mjs").Target[]} targets */
    async setup(targets) {
      const { engine, decision } = await build(targets);
      return {
        /** @param {import("./schedule.mjs").Record[]} records */
        async judge(records) {
          const out = judgement(records.length);
          let next = 0;
          // `inFlight` workers each take the next record as soon as their last one is done.
          const worker = async () => {
            while (next < records.length) {
              const i = next++;
              store(out, i, await decision.evaluate(records[i]));
            }
          };
          await Promise.all(Array.from({ length: Math.min(inFlight, records.length) }, worker));
          return out;
        },
        dispose: () => engine.dispose(),
      };
    },
  };
}

// The module's default interface is the sequential variant.
export const name = sequential.name;
export const setup = sequential.setup;
