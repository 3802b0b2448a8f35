// The language server's latency: how long after an edit of a 2,000-line policy its diagnostics
// arrive, against what the same run takes to parse that text (the floor: every check starts with
// a parse) and to compile it (what `chitieu check` does for one file).
//
//   node bench/lsp.mjs [--lines 2000] [--runs 30] [--json]
//
// Three series, alternated edit by edit so a slow moment on the machine hits all of them:
//   parse      dist/'s parse of the edited text (the baseline);
//   compile    dist/'s compile of it;
//   server     `chitieu lsp` over stdio, from sending textDocument/didChange to receiving its
//              textDocument/publishDiagnostics, with the debounce turned off (initializationOptions
//              { debounceMs: 0 }): the server's whole work after an edit, protocol included. In an
//              editor the server first waits 120 ms for typing to pause.
// Each edit changes one threshold, every other one to a value its ramp does not reach, so the
// diagnostics change with every edit. Exit code 1 when the server's diagnostics are wrong.
import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { parse, compile } = await import(pathToFileURL(resolve(root, "dist/index.js")).href);

function options(argv) {
  const o = { lines: 2000, runs: 30, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--lines") o.lines = Number(argv[++i]);
    else if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a === "--json") o.json = true;
    else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.lines) || o.lines < 50 || !Number.isInteger(o.runs) || o.runs < 1) usage("--lines is a whole number from 50, --runs from 1");
  return o;
}

function usage(message) {
  console.error(`lsp: ${message}\nusage: node bench/lsp.mjs [--lines 2000] [--runs 30] [--json]`);
  process.exit(2);
}

/** A policy of `lines` lines as large decisions are written: tiers, tags, fields, metrics, units with comments, and targets with ramps. */
function largePolicy(lines) {
  const out = ['policy large-2024 "Giao chỉ tiêu năm 2024"', '  decision "99/QĐ-UBND" dated 2024-01-15 issued by "UBND tỉnh"', "  effective 2024-01-15 until 2024-12-31", ""];
  for (const tier of ["province", "district", "commune"]) out.push(`tier ${tier} "Cấp ${tier}"`);
  for (let g = 0; g < 12; g++) out.push(`tag group${g} "Nhóm ${g}"`);
  for (let f = 0; f < 60; f++) out.push(`field count${f} "Số liệu ${f}" column "Cột ${f}"`);
  for (let m = 0; m < 30; m++) out.push(`# Chỉ số ${m}`, `metric share${m} "Tỷ lệ ${m}"`, `  = count${2 * m} / count${2 * m + 1} over ${m % 3 === 0 ? "year-to-date" : "month"}`);
  let unit = 0;
  let target = 0;
  while (out.length < lines) {
    out.push(`unit unit${unit} "Đơn vị ${unit}" tier ${["province", "district", "commune"][unit % 3]} tagged group${unit % 12}`);
    unit++;
    if (unit % 3 === 0) {
      const metric = `share${target % 30}`;
      out.push("", `# Chỉ tiêu ${target}`, `target target${target} "Chỉ tiêu ${target}"`, `  for unit unit${unit - 1}:`, `  from 2024-03-31 ${metric} >= 20%, monthly +5%, by 2024-06-30 >= 35%`, "");
      target++;
    }
  }
  return `${out.slice(0, lines).join("\n")}\n`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const summary = (xs) => ({ median: round(median(xs)), p90: round(p90(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)) });
const round = (ms) => Math.round(ms * 10) / 10;

const opts = options(process.argv.slice(2));
const text = largePolicy(opts.lines);
const file = resolve(root, "bench", "large-policy.ct");
const uri = pathToFileURL(file).href;

const child = spawn(process.execPath, [resolve(root, "bin/chitieu.js"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
let waiting;
connection.onNotification("textDocument/publishDiagnostics", (params) => waiting?.(params));
connection.listen();
const next = () => new Promise((done) => (waiting = done));
await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
await connection.sendNotification("initialized", {});
let published = next();
await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "chitieu", version: 1, text } });
const opened = await published;

const series = { parse: [], compile: [], server: [] };
let wrong = opened.diagnostics.length === 0 ? 0 : 1;
const deadline = "by 2024-06-30 >= 35%";
const at = text.lastIndexOf(deadline);
// Warm-up edits, then the timed ones: V8 optimises the checker over the first few.
for (let run = -5; run < opts.runs; run++) {
  const mismatch = run % 2 === 0;
  const edited = text.slice(0, at) + (mismatch ? "by 2024-06-30 >= 40%" : deadline) + text.slice(at + deadline.length);
  let start = performance.now();
  parse(edited, file);
  const parsed = performance.now() - start;
  start = performance.now();
  compile(edited, { file });
  const compiled = performance.now() - start;
  published = next();
  start = performance.now();
  await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: run + 10 }, contentChanges: [{ text: edited }] });
  const { diagnostics } = await published;
  const served = performance.now() - start;
  if (diagnostics.length !== (mismatch ? 1 : 0) || (mismatch && diagnostics[0].code !== "CT203")) wrong++;
  if (run < 0) continue;
  series.parse.push(parsed);
  series.compile.push(compiled);
  series.server.push(served);
}
await connection.sendRequest("shutdown");
await connection.sendNotification("exit");

const result = {
  ok: wrong === 0,
  lines: text.split("\n").length - 1,
  runs: opts.runs,
  node: process.version,
  parse: summary(series.parse),
  compile: summary(series.compile),
  server: summary(series.server),
  serverOverParse: round(median(series.server) / median(series.parse)),
};
if (opts.json) console.log(JSON.stringify(result));
else {
  console.log(`language server: diagnostics after an edit of a ${result.lines}-line policy, ${opts.runs} edits (ms)`);
  console.log("| series | median | p90 | min | max |\n|---|---|---|---|---|");
  for (const [name, s] of [["parse (baseline)", result.parse], ["compile (`chitieu check`'s work)", result.compile], ["server: didChange -> publishDiagnostics", result.server]]) console.log(`| ${name} | ${s.median} | ${s.p90} | ${s.min} | ${s.max} |`);
  console.log(`server / parse: ${result.serverOverParse}x${result.ok ? "" : `; ${wrong} edits got wrong diagnostics`}`);
}
process.exitCode = result.ok ? 0 : 1;
