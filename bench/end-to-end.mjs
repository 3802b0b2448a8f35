/**
 * `chitieu eval` at national scale, end to end, against a hand-written DuckDB query on the same
 * files (issue 16): a registry and a year of reports generated from a seed (bench/national.mjs),
 * the BR-VT policy as of 2022-11-30, each run as its own process, wall time and peak RSS of each.
 * Both must give the same verdict and `needed` for every unit and target, or the bench fails; it
 * fails too when chitieu's time per unit grows by more than 1.5x from the smallest size to the largest.
 *
 *   node bench/end-to-end.mjs [--sizes 10000,40000,160000] [--runs 3] [--seed 766] [--json]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { AS_OF, POLICY, generateNational } from "./national.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const sizes = option("--sizes", "10000,40000,160000").split(",").map(Number);
const runs = Number(option("--runs", "3"));
const seed = Number(option("--seed", "766"));
const LINEAR = 1.5;
const work = mkdtempSync(join(tmpdir(), "chitieu-e2e-"));

/** Runs `node args` with the peak-RSS hook; its wall seconds and peak RSS in MB. */
function timed(args) {
  const rssFile = join(work, "rss");
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", join(root, "bench", "rss-at-exit.mjs"), ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, CHITIEU_BENCH_RSS: rssFile } });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return { seconds, mb: Number(readFileSync(rssFile, "utf8")) / 2 ** 20 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Every unit and target's verdict and cases needed, from each side's output. */
function verdicts(chitieuJson, duckJson) {
  const ours = new Map(JSON.parse(readFileSync(chitieuJson, "utf8")).results.map((r) => [`${r.unit} ${r.target}`, `${r.status} ${r.needed}`]));
  const theirs = new Map(JSON.parse(readFileSync(duckJson, "utf8")).map((r) => [`${r.unit} ${r.target}`, `${r.status} ${r.needed}`]));
  const differ = [...new Set([...ours.keys(), ...theirs.keys()])].filter((key) => ours.get(key) !== theirs.get(key));
  return { compared: ours.size, differ: differ.slice(0, 5).map((key) => `${key}: chitieu ${ours.get(key)}, DuckDB ${theirs.get(key)}`), differCount: differ.length };
}

function measure(units) {
  const files = generateNational(work, units, seed);
  const [ours, theirs] = [join(work, `chitieu-${units}.json`), join(work, `duckdb-${units}.json`)];
  const chitieu = ["bin/chitieu.js", "eval", POLICY, "--units", files.units, "--data", files.data, "--as-of", AS_OF, "--format", "json", "--out", ours];
  const duckdb = [join("bench", "duckdb-query.mjs"), files.units, files.data, theirs];
  const a = [];
  const b = [];
  // Alternated, so a slow moment of the machine falls on both.
  for (let i = 0; i < runs; i++) {
    a.push(timed(chitieu));
    b.push(timed(duckdb));
  }
  const check = verdicts(ours, theirs);
  const rows = readFileSync(files.data, "utf8").split("\n").length - 2;
  return { units, rows, chitieu: { seconds: median(a.map((r) => r.seconds)), mb: Math.max(...a.map((r) => r.mb)) }, duckdb: { seconds: median(b.map((r) => r.seconds)), mb: Math.max(...b.map((r) => r.mb)) }, ...check };
}

try {
  const results = sizes.map(measure);
  const [first, last] = [results[0], results.at(-1)];
  const growth = last.chitieu.seconds / last.units / (first.chitieu.seconds / first.units);
  const agree = results.every((r) => r.differCount === 0);
  const ok = agree && (results.length < 2 || growth <= LINEAR);
  if (process.argv.includes("--json")) console.log(JSON.stringify({ ok, runs, seed, growth, limit: LINEAR, results }));
  else {
    console.log(`units    rows       chitieu s  MB    DuckDB s  MB    chitieu/DuckDB  agree (verdict, needed)`);
    for (const r of results) {
      const cells = [String(r.units).padEnd(8), String(r.rows).padEnd(10), r.chitieu.seconds.toFixed(2).padStart(9), r.chitieu.mb.toFixed(0).padStart(5), r.duckdb.seconds.toFixed(2).padStart(9), r.duckdb.mb.toFixed(0).padStart(5)];
      console.log(`${cells.join(" ")}  ${(r.chitieu.seconds / r.duckdb.seconds).toFixed(2).padStart(13)}x  ${r.differCount === 0 ? `all ${r.compared}` : `${r.differCount} differ: ${r.differ.join("; ")}`}`);
    }
    if (results.length > 1) console.log(`chitieu's time per unit, ${last.units} over ${first.units} units: ${growth.toFixed(2)}x (limit ${LINEAR}x)${growth > LINEAR ? "  TOO STEEP" : ""}`);
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
