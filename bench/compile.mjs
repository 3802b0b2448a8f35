// Compile time through the public API (`compile` from dist/index.js), in one process:
//
//   node bench/compile.mjs [--count 1000] [--runs 20] [--seed N] [--dist DIR] [--json] [--policy N]
//
// 1. Each file in policies/: the first compile (cold: chevrotain's parser is built when dist/ is
//    loaded, so this is the first parse and check, with V8 still interpreting) and the median of
//    --runs warm compiles.
// 2. --count generated policies (seeded mulberry32, every one different: tiers, tags, units, fields,
//    metrics, ramps that land on their deadlines, yearly and ongoing targets, tag and unit
//    overrides, exceptions, checks), each compiled once, as `chitieu check` would meet them; then
//    the same again, warm. Every one must compile with no error (exit 1 otherwise).
// 3. Baselines on the same generated policies, in the same process: `parse` alone (the syntax tree,
//    no checks), and JSON.parse of an equivalent JSON document (the generator's own data).
//
// --policy N prints generated policy N and exits. --json prints one JSON object with every figure.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate as generatePolicy, policyText } from "./generate.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function options(argv) {
  const o = { count: 1000, runs: 20, seed: 0x5eed2025, dist: "dist", json: false, policy: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--count") o.count = int(argv[++i], a);
    else if (a === "--runs") o.runs = int(argv[++i], a);
    else if (a === "--seed") o.seed = int(argv[++i], a);
    else if (a === "--dist") o.dist = argv[++i] ?? usage("--dist needs a folder");
    else if (a === "--json") o.json = true;
    else if (a === "--policy") o.policy = int(argv[++i], a);
    else usage(`unknown option ${a}`);
  }
  if (o.count < 1 || o.runs < 1) usage("--count and --runs must be at least 1");
  return o;
}
function int(text, name) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) usage(`${name} needs a whole number`);
  return n;
}
function usage(message) {
  console.error(`compile bench: ${message}`);
  console.error("usage: node bench/compile.mjs [--count 1000] [--runs 20] [--seed N] [--dist DIR] [--json] [--policy N]");
  process.exit(2);
}

const opts = options(process.argv.slice(2));

/** Policy i of this run's seed (bench/generate.mjs). */
const generate = (index) => generatePolicy(index, opts.seed);

if (opts.policy !== undefined) {
  process.stdout.write(policyText(generate(opts.policy)));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------

const distIndex = join(resolve(root, opts.dist), "index.js");
if (!existsSync(distIndex)) usage(`no ${distIndex}: run \`npm run build\` first`);
let t = performance.now();
const { compile, parse } = await import(pathToFileURL(distIndex).href);
const importMs = performance.now() - t;

const median = (list) => {
  const s = [...list].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const round = (n, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
let failed = false;

// 1. The policy files, each compiled with its imports read from disk as `chitieu check` does.
const policyDir = join(root, "policies");
const files = readdirSync(policyDir).filter((f) => f.endsWith(".ct")).sort();
const perFile = [];
for (const name of files) {
  const path = join(policyDir, name);
  const text = readFileSync(path, "utf8");
  const options = { file: path };
  t = performance.now();
  const first = compile(text, options);
  const firstMs = performance.now() - t;
  const times = [];
  for (let r = 0; r < opts.runs; r++) {
    t = performance.now();
    compile(text, options);
    times.push(performance.now() - t);
  }
  const errors = first.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) {
    failed = true;
    console.error(`compile bench: ${name} has ${errors} errors`);
  }
  perFile.push({ file: `policies/${name}`, bytes: Buffer.byteLength(text), firstMs: round(firstMs), warmMedianMs: round(median(times)) });
}

// 2. Generated policies: generated first (not timed), then compiled once each, then again warm.
t = performance.now();
const generated = Array.from({ length: opts.count }, (_, i) => generate(i));
const texts = generated.map(policyText);
const jsons = generated.map((p) => JSON.stringify(p));
const generateMs = performance.now() - t;
const totalBytes = texts.reduce((n, s) => n + Buffer.byteLength(s), 0);
const targetCount = generated.reduce((n, p) => n + p.targets.length, 0);
// Generated policies import nothing; a missing import would be a generator bug.
const noFiles = { readFile: () => undefined };

function timeAll(fn) {
  const each = new Array(texts.length);
  const start = performance.now();
  for (let i = 0; i < texts.length; i++) {
    const s = performance.now();
    fn(i);
    each[i] = performance.now() - s;
  }
  const total = performance.now() - start;
  const slowest = [...each.keys()].sort((a, b) => each[b] - each[a]).slice(0, 3).map((i) => ({ index: i, ms: round(each[i]), targets: generated[i].targets.length, bytes: texts[i].length }));
  return { slowest, totalMs: round(total, 1), perPolicyMs: round(total / texts.length), medianMs: round(median(each)), maxMs: round(Math.max(...each)) };
}

let problems = 0;
let warnings = 0;
const check = timeAll((i) => {
  const r = compile(texts[i], { file: `gen-${i}.ct`, ...noFiles });
  if (!r.policy) {
    problems++;
    if (problems <= 3) console.error(`compile bench: generated policy ${i} does not compile (print it with --policy ${i}):\n${r.diagnostics.map((d) => `  ${d.code} ${d.message}`).join("\n")}`);
  }
  warnings += r.diagnostics.filter((d) => d.severity === "warning").length;
});
if (problems > 0) failed = true;
const checkWarm = timeAll((i) => compile(texts[i], { file: `gen-${i}.ct`, ...noFiles }));
const parseOnly = timeAll((i) => parse(texts[i], `gen-${i}.ct`));
const jsonParse = timeAll((i) => JSON.parse(jsons[i]));

const result = {
  node: process.version,
  dist: opts.dist,
  importMs: round(importMs, 1),
  files: perFile,
  generated: {
    count: opts.count,
    seed: opts.seed,
    bytes: totalBytes,
    targets: targetCount,
    generateMs: round(generateMs, 1),
    failed: problems,
    warnings,
    check,
    checkWarm,
    parseOnly,
    jsonParse,
  },
  ok: !failed,
};

if (opts.json) {
  console.log(JSON.stringify(result));
} else {
  const ms = (n) => `${n.toFixed(2)} ms`;
  console.log(`compile bench, ${process.version}; import of ${opts.dist}/index.js ${result.importMs} ms`);
  console.log(`\npolicies/ (first compile in this process, then median of ${opts.runs})`);
  for (const f of perFile) console.log(`  ${f.file.padEnd(48)} first ${ms(f.firstMs).padStart(10)}   warm ${ms(f.warmMedianMs).padStart(9)}`);
  const g = result.generated;
  console.log(`\n${g.count} generated policies (seed ${g.seed}): ${(g.bytes / 1024).toFixed(0)} KiB, ${g.targets} targets, ${g.failed} failed, ${g.warnings} warnings`);
  const row = (label, s) => console.log(`  ${label.padEnd(34)} total ${`${s.totalMs.toFixed(1)} ms`.padStart(10)}   per policy ${ms(s.perPolicyMs).padStart(9)}   median ${ms(s.medianMs).padStart(9)}   max ${ms(s.maxMs).padStart(9)}`);
  row("compile (first pass)", g.check);
  row("compile (second pass, warm)", g.checkWarm);
  row("baseline: parse only", g.parseOnly);
  row("baseline: JSON.parse of the data", g.jsonParse);
  console.log(`  slowest (second pass): ${g.checkWarm.slowest.map((s) => `#${s.index} ${ms(s.ms)} (${s.targets} targets, ${s.bytes} chars)`).join("; ")}`);
}
process.exitCode = failed ? 1 : 0;
