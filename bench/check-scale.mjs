/**
 * Whether checking stays linear in the size of honest policies (issue 16, item 5): generated
 * policies at growing sizes in lines, each size checked through `compile` from dist/index.js in one
 * process, the time per line compared from the smallest size to the largest. Two shapes:
 *
 * - `policies`: a folder of generated policies (bench/generate.mjs: tiers, tags, units, metrics,
 *   ramps, yearly, ongoing and single milestones, tag and unit overrides, `except`, checks), every
 *   other one importing its tiers, tags and fields from `shared/common.ct` as real policy folders do.
 * - `one policy`: a single policy that gives each of its units its own target for each of twenty
 *   metrics, on top of a ramp per metric and tier and tag overrides (`largePolicy`); the last size
 *   is the 10,000-target policy. One file stops at 500,000 tokens (a bound against hostile input,
 *   about 25,000 targets), so 100,000 lines is a size for the folder only.
 *
 * Every size is first checked once untimed (V8 warms up on the smallest), then timed until a second
 * has passed (at least once): the median pass counts. Each size is also checked by `chitieu check`
 * as a new process, written to a temporary folder: the wall time a user waits, start-up included.
 * Exits 1 when a generated policy has an error or a warning (a generator bug) or when the time per
 * line grows by more than 1.5x from the smallest size of a shape to its largest; 2 for bad options.
 *
 *   node bench/check-scale.mjs [--lines 1000,10000,100000] [--one 1000,10000] [--targets 10000] [--no-cli] [--json]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate, largePolicy, policyText, sharedDefinitions } from "./generate.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const LIMIT = 1.5;
const SEED = 0x5eed2026;
const SHARED = "shared/common.ct";

function options(argv) {
  const o = { lines: [1_000, 10_000, 100_000], one: [1_000, 10_000], targets: 10_000, cli: true, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lines") o.lines = sizes(argv[++i], a);
    else if (a === "--one") o.one = sizes(argv[++i], a);
    else if (a === "--targets") o.targets = sizes(argv[++i], a)[0];
    else if (a === "--no-cli") o.cli = false;
    else if (a === "--json") o.json = true;
    else usage(`unknown option ${a}`);
  }
  return o;
}
function sizes(text, name) {
  const list = String(text).split(",").map(Number);
  if (list.length === 0 || !list.every((n) => Number.isInteger(n) && n >= 100)) usage(`${name} needs whole numbers of at least 100, separated by commas`);
  return list;
}
function usage(message) {
  console.error(`check-scale: ${message}`);
  console.error("usage: node bench/check-scale.mjs [--lines 1000,10000,100000] [--one 1000,10000] [--targets 10000] [--no-cli] [--json]");
  process.exit(2);
}

const opts = options(process.argv.slice(2));
const distIndex = join(root, "dist", "index.js");
if (!existsSync(distIndex)) usage("no dist/index.js: run `npm run build` first");
const { compile } = await import(pathToFileURL(distIndex).href);

const lineCount = (text) => text.split("\n").length - 1;

/** Generated policies until the folder has `lines` lines: `{ name: text }`, the shared definitions first. */
function folder(lines) {
  const files = new Map([[SHARED, sharedDefinitions()]]);
  let total = lineCount(files.get(SHARED));
  let targets = 0;
  for (let i = 0; total < lines; i++) {
    const p = generate(i, SEED);
    const text = policyText(p, i % 2 === 0 ? { shared: SHARED } : {});
    files.set(`gen-${i}.ct`, text);
    total += lineCount(text);
    targets += p.targets.length;
  }
  return { files, lines: total, targets, policies: files.size - 1 };
}

function onePolicy(size) {
  const p = largePolicy(size, SEED);
  const text = policyText(p);
  return { files: new Map([["large.ct", text]]), lines: lineCount(text), targets: p.targets.length, policies: 1 };
}

/** Every file checked as `chitieu check` checks it, imports read from the same files; the problems found. */
function checkAll(files) {
  const readFile = (path) => files.get(path);
  let problems = 0;
  for (const [file, text] of files) {
    const r = compile(text, { file, readFile });
    problems += r.diagnostics.length;
    if (r.diagnostics.length > 0 && problems <= 3) console.error(`check-scale: ${file}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  }
  return problems;
}

function timed(files) {
  const passes = [];
  const started = performance.now();
  do {
    const t = performance.now();
    checkAll(files);
    passes.push(performance.now() - t);
  } while (performance.now() - started < 1000);
  const sorted = passes.sort((a, b) => a - b);
  return { ms: sorted[sorted.length >> 1], passes: passes.length };
}

/** `chitieu check` on the files written to a temporary folder, as a new process: wall seconds. */
function cli(files) {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-check-scale-"));
  try {
    for (const [name, text] of files) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(root, "bin", "chitieu.js"), "check", dir], { encoding: "utf8", maxBuffer: 1 << 26 });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`chitieu check exited ${run.status}: ${run.stderr}${run.stdout.slice(0, 2000)}`);
    return seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let failed = false;
function shape(name, sets) {
  checkAll(sets[0].files); // V8 warms up on the smallest size
  const rows = sets.map((set) => {
    const problems = checkAll(set.files);
    if (problems > 0) failed = true;
    const { ms, passes } = timed(set.files);
    return { lines: set.lines, policies: set.policies, targets: set.targets, ms, passes, usPerLine: (ms * 1000) / set.lines, problems, cliSeconds: opts.cli ? cli(set.files) : undefined };
  });
  const growth = rows.at(-1).usPerLine / rows[0].usPerLine;
  if (growth > LIMIT) failed = true;
  return { shape: name, rows, growth, ok: growth <= LIMIT };
}

const shapes = [
  shape("policies", opts.lines.map(folder)),
  shape("one policy", [...opts.one.map((lines) => onePolicy({ lines })), onePolicy({ targets: opts.targets })]),
];

if (opts.json) console.log(JSON.stringify({ node: process.version, limit: LIMIT, shapes, ok: !failed }));
else {
  const n = (x) => x.toLocaleString("en-US");
  console.log(`check scale, ${process.version}: compile in one process (median pass); chitieu check as a new process`);
  for (const s of shapes) {
    console.log(`\n${s.shape}`);
    console.log("     lines  policies   targets   compile ms  us/line  passes  chitieu check s");
    for (const r of s.rows) {
      console.log(`${n(r.lines).padStart(10)} ${n(r.policies).padStart(9)} ${n(r.targets).padStart(9)} ${r.ms.toFixed(1).padStart(12)} ${r.usPerLine.toFixed(1).padStart(8)} ${String(r.passes).padStart(7)} ${r.cliSeconds === undefined ? "" : r.cliSeconds.toFixed(2).padStart(16)}${r.problems ? `  ${r.problems} PROBLEMS` : ""}`);
    }
    console.log(`time per line, largest/smallest: ${s.growth.toFixed(2)}x (limit ${LIMIT}x)${s.ok ? "" : "  TOO STEEP"}`);
  }
}
process.exitCode = failed ? 1 : 0;
