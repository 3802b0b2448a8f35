// Runs every peer engine on the same generated records, checks each verdict against the
// hand-written loop, and prints records/s.
//
//   node bench/peers/check.mjs [--records 5000] [--runs 3] [--seed N] [--in-flight 1000] [--only TEXT]
//
// Each peer first judges all the records (the warm-up, and the full comparison). Timed runs then
// judge the first n records, n sized from the warm-up so a run takes about a second (at least 500,
// at most all): json-rules-engine with one engine does about a hundred records/s, cel-js over a
// hundred thousand. Every timed run is compared too. Exit code 1 on any mismatch, 2 on bad options.

import os from "node:os";
import { performance } from "node:perf_hooks";
import { measure, median } from "./measure.mjs";
import { peers } from "./peers.mjs";
import { generateRecords, judgeByLoop, sampleTargets, thresholdAt } from "./records.mjs";

function options(argv) {
  const o = { records: 5000, runs: 3, seed: 0x5eed2024, inFlight: 1000, only: "" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? usage(`${a} needs a value`);
    const int = () => {
      const n = Number(next());
      return Number.isInteger(n) && n > 0 ? n : usage(`${a} must be a positive whole number`);
    };
    if (a === "--records") o.records = int();
    else if (a === "--runs") o.runs = int();
    else if (a === "--seed") o.seed = int();
    else if (a === "--in-flight") o.inFlight = int();
    else if (a === "--only") o.only = next();
    else usage(a === "--help" || a === "-h" ? "" : `unknown option ${a}`);
  }
  return o;
}

function usage(message) {
  if (message) console.error(message);
  console.error("usage: node bench/peers/check.mjs [--records 5000] [--runs 3] [--seed N] [--in-flight 1000] [--only TEXT]");
  process.exit(message ? 2 : 0);
}

const fmt = (n) => Math.round(n).toLocaleString("en-US");

const opts = options(process.argv.slice(2));
const targets = sampleTargets();
const records = generateRecords(targets, opts.records, opts.seed);
const ref = judgeByLoop(targets, records);

const loopTimes = [];
for (let r = 0; r < opts.runs + 1; r++) {
  const t0 = performance.now();
  judgeByLoop(targets, records);
  loopTimes.push(performance.now() - t0);
}

const counts = { met: ref.met.reduce((a, b) => a + b, 0), nullNeeded: ref.needed.filter(Number.isNaN).length };
const onThreshold = records.filter((r) => r.numerator * 1000 === thresholdAt(targets.find((t) => t.id === r.target), r.month) * r.denominator).length;
const opOf = new Map(targets.map((t) => [t.id, t.op]));
const perOp = new Map();
for (const r of records) perOp.set(opOf.get(r.target), (perOp.get(opOf.get(r.target)) ?? 0) + 1);
const ops = [...perOp].map(([op, n]) => `${op} ${n}`);
const cpus = os.cpus();
console.log(`peers check, ${new Date().toISOString().slice(0, 10)}; ${cpus[0]?.model ?? "unknown cpu"}, ${cpus.length} cores; Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`${fmt(records.length)} records over ${targets.length} targets (${ops.join(", ")}), seed ${opts.seed}: met ${counts.met}, on the threshold ${onThreshold}, needed null ${counts.nullNeeded}`);
console.log(`hand-written loop (the reference, with its linear milestone scan): ${fmt(records.length / (median(loopTimes.slice(1)) / 1000))} records/s\n`);

const rows = [["engine", "records/s (median)", "timed runs, ms", "records per run", "setup ms", "mismatches"]];
let failed = false;
for (const peer of peers({ inFlight: opts.inFlight }).filter((p) => p.name.includes(opts.only))) {
  const m = await measure(peer, targets, records, ref, { runs: opts.runs, warmUp: records.length });
  rows.push([peer.name, fmt(m.rate), m.times.map((t) => t.toFixed(0)).join(", "), fmt(m.n), m.setupMs.toFixed(0), String(m.wrong.length)]);
  if (m.wrong.length > 0) {
    failed = true;
    console.error(`${peer.name}: ${m.wrong.length} mismatches with the loop`);
    for (const w of m.wrong.slice(0, 10)) console.error(`  ${w}`);
  }
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
console.log(line(rows[0]));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows.slice(1)) console.log(line(r));
if (failed) process.exit(1);
console.log(`\nevery peer agrees with the loop on met and needed for all ${fmt(records.length)} records and every timed run`);
