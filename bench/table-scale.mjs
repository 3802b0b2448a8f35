/**
 * Whether `chitieu eval`'s outputs stay linear in the units (issue 16): the same generated registry
 * and year of data at two sizes, each output format run as a process, the time per unit compared.
 * Exits 1 when any format's time per unit grows by more than 1.5x from the small size to the large.
 *
 *   node bench/table-scale.mjs [--small 10000] [--large 40000] [--json]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const [small, large] = [arg("--small", 10_000), arg("--large", 40_000)];
const FORMATS = ["table", "csv", "json"];
const LIMIT = 1.5;
const work = mkdtempSync(join(tmpdir(), "chitieu-scale-"));

/** Communes under one district, eleven months each, with counts that vary but pass the policy's checks. */
function generate(n) {
  const units = ["id,name,tier,parent", "d1,Huyện 1,district,"];
  const data = ["unit,period,dossiers,online_dossiers,online_services,services_with_dossiers"];
  for (let i = 0; i < n; i++) {
    units.push(`c${i},Xã ${i},commune,d1`);
    for (let m = 1; m <= 11; m++) data.push(`c${i},2022-${String(m).padStart(2, "0")},${100 + (i % 50)},${(i * 7 + m) % 100},${20 + (i % 5)},${(i + m) % 20}`);
  }
  writeFileSync(join(work, `units-${n}.csv`), `${units.join("\n")}\n`);
  writeFileSync(join(work, `data-${n}.csv`), `${data.join("\n")}\n`);
}

function seconds(n, format) {
  const args = ["bin/chitieu.js", "eval", "policies/brvt-2139-2022.ct", "--units", join(work, `units-${n}.csv`), "--data", join(work, `data-${n}.csv`), "--as-of", "2022-11-30", ...(format === "table" ? [] : ["--format", format])];
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`chitieu eval (${format}, ${n} units) exited ${run.status}: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

try {
  generate(small);
  generate(large);
  const rows = FORMATS.map((format) => {
    const [a, b] = [seconds(small, format), seconds(large, format)];
    const growth = b / large / (a / small);
    return { format, small: a, large: b, growth, ok: growth <= LIMIT };
  });
  if (process.argv.includes("--json")) console.log(JSON.stringify({ small, large, limit: LIMIT, rows }));
  else {
    console.log(`format  ${small} units  ${large} units  time per unit, large/small (limit ${LIMIT}x)`);
    for (const r of rows) console.log(`${r.format.padEnd(6)}  ${r.small.toFixed(2).padStart(8)} s  ${r.large.toFixed(2).padStart(9)} s  ${r.growth.toFixed(2)}x${r.ok ? "" : "  TOO STEEP"}`);
  }
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
