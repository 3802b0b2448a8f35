// Cold start of the command line: how long `node bin/chitieu.js check policies` takes from spawn to
// exit, against a bare `node -e ""` measured in the same run, on the same machine.
//
//   node bench/cold-start.mjs [--runs 10] [--json] [--bin bin/chitieu.js] [-- check policies]
//
// The goal (issue 16): `chitieu check policies/` under 200 ms on the 2-core reference machine, where
// bare `node` starts in 85 ms: at most 2.35x bare node. The machine is shared, so absolute times
// swing with its load; the ratio to bare node measured in the same run is what carries over, and is
// what the goal is judged on.
//
// Each command is spawned once as a warm-up (file cache, disk), then --runs times, alternating
// between the two so that a slow moment on the machine hits both. It prints the median, min and max
// wall time of each, the ratio of the medians and whether the goal is met. --json prints one JSON
// object instead. The exit code is 1 if the CLI exits non-zero or prints nothing (a broken bundle),
// 2 for bad options; a missed goal is reported, not an exit code (a loaded machine is not a bug).
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GOAL = { ms: 200, bareMs: 85, ratio: Math.round((200 / 85) * 100) / 100 };

function options(argv) {
  const o = { runs: 10, json: false, bin: "bin/chitieu.js", args: ["check", "policies"] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") o.runs = int(argv[++i], "--runs");
    else if (a === "--json") o.json = true;
    else if (a === "--bin") o.bin = argv[++i] ?? usage("--bin needs a path");
    else if (a === "--") {
      o.args = argv.slice(i + 1);
      break;
    } else usage(`unknown option ${a}`);
  }
  if (o.runs < 1) usage("--runs must be at least 1");
  return o;
}

function int(text, name) {
  const n = Number(text);
  if (!Number.isInteger(n)) usage(`${name} needs a whole number`);
  return n;
}

function usage(message) {
  console.error(`cold-start: ${message}`);
  console.error('usage: node bench/cold-start.mjs [--runs 10] [--json] [--bin bin/chitieu.js] [-- check policies]');
  process.exit(2);
}

const opts = options(process.argv.slice(2));

/** One spawn, timed from before spawn to after exit, in milliseconds. */
function run(args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const commands = {
  cli: [opts.bin, ...opts.args],
  bare: ["-e", ""],
};

let failed = false;
const times = { cli: [], bare: [] };
for (let i = -1; i < opts.runs; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const r = run(args);
    if (name === "cli" && (r.status !== 0 || r.stdout.length === 0)) {
      if (!failed) console.error(`cold-start: \`node ${args.join(" ")}\` exited ${r.status} with ${r.stdout.length} bytes of output\n${r.stderr}`);
      failed = true;
    }
    if (i >= 0) times[name].push(r.ms);
  }
}

const stats = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted };
};
const round = (n) => Math.round(n * 10) / 10;
const cli = stats(times.cli);
const bare = stats(times.bare);
const result = {
  command: `node ${commands.cli.join(" ")}`,
  node: process.version,
  runs: opts.runs,
  cli: { median: round(cli.median), min: round(cli.min), max: round(cli.max) },
  bare: { median: round(bare.median), min: round(bare.min), max: round(bare.max) },
  ratio: Math.round((cli.median / bare.median) * 100) / 100,
  overBare: round(cli.median - bare.median),
  goal: GOAL,
  ok: !failed,
};
result.met = result.ratio <= GOAL.ratio;

if (opts.json) {
  console.log(JSON.stringify(result));
} else {
  const line = (label, s) => `${label.padEnd(28)} ${s.median.toFixed(1).padStart(7)} ms  [${s.min.toFixed(1)}-${s.max.toFixed(1)}]`;
  console.log(`cold start, ${opts.runs} runs each after one warm-up, ${process.version}`);
  console.log(line(result.command, cli));
  console.log(line('node -e ""', bare));
  console.log(`ratio ${result.ratio.toFixed(2)}x; ${result.overBare.toFixed(1)} ms over bare node`);
  console.log(`goal: check under ${GOAL.ms} ms where bare node takes ${GOAL.bareMs} ms, at most ${GOAL.ratio.toFixed(2)}x bare node: ${result.met ? "met" : "not met"}`);
}
process.exitCode = failed ? 1 : 0;
