// Summarises a V8 .cpuprofile: the top functions by self time and by total (inclusive) time, with
// dist/ positions mapped back to src/ through the source maps tsc writes next to dist/*.js.
//
//   node --expose-gc --cpu-prof --cpu-prof-dir=bench/prof bench/evaluate.mjs --runs 2
//   node bench/profile.mjs bench/prof/*.cpuprofile [--top 25] [--under evaluate] [--lines 20]
//
// --under NAME restricts both tables to samples whose stack contains a function named NAME (for
// instance `evaluate` or `prepare`, in dist/evaluate/evaluate.js); --lines N adds the N hottest
// source lines (self time), from the profile's per-line ticks.

import { readFileSync, existsSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import { relative } from "node:path";

const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
const top = Number(args[args.indexOf("--top") + 1] ?? 25) || 25;
const under = args.includes("--under") ? args[args.indexOf("--under") + 1] : undefined;
const lines = args.includes("--lines") ? Number(args[args.indexOf("--lines") + 1]) || 20 : 0;
if (files.length === 0) {
  console.error("usage: node bench/profile.mjs FILE.cpuprofile [--top 25] [--under evaluate]");
  process.exit(2);
}

const root = fileURLToPath(new URL("..", import.meta.url));
const maps = new Map();
function sourceMapOf(url) {
  if (!url.startsWith("file://")) return undefined;
  if (!maps.has(url)) {
    const path = `${fileURLToPath(url)}.map`;
    maps.set(url, existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, "utf8"))) : undefined);
  }
  return maps.get(url);
}

/** The first column of a generated line that has a mapping, so the line maps to its source. */
function firstColumn(url, line) {
  if (!url.startsWith("file://")) return 0;
  const text = readFileSync(fileURLToPath(url), "utf8").split("\n")[line] ?? "";
  return Math.max(0, text.search(/\S/));
}

/** file:line of a call frame, in src/ when a source map says where (lines 1-based). */
function where(frame) {
  const { url, lineNumber, columnNumber } = frame;
  if (!url) return "(native)";
  const map = sourceMapOf(url);
  const entry = map?.findEntry(lineNumber, columnNumber);
  if (entry && entry.originalSource) {
    return `${relative(root, fileURLToPath(new URL(entry.originalSource, url)))}:${entry.originalLine + 1}`;
  }
  const path = url.startsWith("file://") ? relative(root, fileURLToPath(url)) : url;
  return `${path}:${lineNumber + 1}`;
}

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n) => `${n.callFrame.functionName || "(anonymous)"}  ${where(n.callFrame)}`;
  const self = new Map();
  const byLine = new Map();
  const total = new Map();
  let all = 0;
  const sampledNodes = new Map();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(nodes.get(at));
    if (under && !stack.some((n) => n.callFrame.functionName === under && n.callFrame.url.includes("/evaluate/evaluate.js"))) return;
    all += dt;
    const leaf = key(stack[0]);
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    sampledNodes.set(id, (sampledNodes.get(id) ?? 0) + 1);
    for (const k of new Set(stack.map(key))) total.set(k, (total.get(k) ?? 0) + dt);
  });
  const show = (title, m) => {
    console.log(`\n${title}`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${k}`);
    }
  };
  console.log(`${file}: ${(all / 1000).toFixed(0)} ms sampled${under ? ` under ${under}()` : ""}`);
  show("self time", self);
  show("total time (inclusive)", total);
  if (lines > 0) {
    // positionTicks: per sampled node, ticks per line of the generated file; mapped to src/ lines.
    const tick = all / Math.max(1, [...sampledNodes.values()].reduce((a, b) => a + b, 0));
    for (const [id] of sampledNodes) {
      const n = nodes.get(id);
      for (const { line, ticks } of n.positionTicks ?? []) {
        const at = `${where({ ...n.callFrame, lineNumber: line - 1, columnNumber: firstColumn(n.callFrame.url, line - 1) })}  (${n.callFrame.functionName || "(anonymous)"})`;
        byLine.set(at, (byLine.get(at) ?? 0) + ticks * tick);
      }
    }
    show("self time by source line (from positionTicks)", byLine);
  }
}
