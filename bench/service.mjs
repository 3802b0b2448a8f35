// `chitieu serve` under load on loopback (issue 14), the built server as a child process and
// autocannon in this one: (a) single PUTs at a fixed 100 requests/s for 10 s, (b) one CSV upload of
// a month for a 40,000-unit registry, (c) GET /v1/results for that registry once prepared. On SQLite,
// and on PostgreSQL when --database URL (default postgres://postgres@127.0.0.1:5432/postgres) answers:
// a scratch database is made there and dropped. Prints a table; --write adds it to bench/RESULTS.md.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { mulberry32 } from "./generate.mjs";
import { scratchDatabase, startServer } from "../scripts/service-process.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "chitieu.js");
const POLICY = "brvt-2139-2022";
const GOALS = { putP99: 20, upload: 10_000, resultsP99: 1_000 };

const { values: opts } = parseArgs({
  options: {
    units: { type: "string", default: "40000" },
    rate: { type: "string", default: "100" },
    seconds: { type: "string", default: "10" },
    database: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    "no-pg": { type: "boolean", default: false },
    write: { type: "boolean", default: false },
  },
});

/** The BR-VT policy's tiers at a national scale: provinces, districts, and communes under them. */
function registry(n) {
  const rows = ["id,name,tier,parent,tags,valid_from,valid_to", "thanh-tra-tinh,Thanh tra tỉnh,province,,,,"];
  const provinces = 39;
  const districts = 400;
  for (let i = 0; i < provinces; i++) rows.push(`p-${i},Sở ${i},province,,,,`);
  for (let i = 0; i < districts; i++) rows.push(`d-${i},Huyện ${i},district,,,,`);
  for (let i = 0; i < n - 1 - provinces - districts; i++) rows.push(`c-${i},Xã ${i},commune,d-${i % districts},,,`);
  return `${rows.join("\n")}\n`;
}

function counts(rand) {
  const dossiers = Math.floor(rand() * 1000);
  const services = 1 + Math.floor(rand() * 200);
  return [dossiers, Math.floor(rand() * (dossiers + 1)), services, Math.floor(rand() * (services + 1))];
}

function monthCsv(ids, period, rand) {
  return `unit,period,dossiers,online_dossiers,online_services,services_with_dossiers\n${ids.map((id) => `${id},${period},${counts(rand).join(",")}`).join("\n")}\n`;
}


/** A deployment made as a user makes one (`serve --init`), with the generated registry in place of the example's. */
async function deployment(database) {
  const dir = join(mkdtempSync(join(tmpdir(), "chitieu-bench-service-")), "deploy");
  await stop(await startServer(dir, database, true));
  writeFileSync(join(dir, "units.csv"), registry(Number(opts.units)));
  const made = spawnSync(process.execPath, [BIN, "token", "create", "--dir", dir, "--office", ...(database ? ["--database", database] : [])], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`token create: ${made.stderr}`);
  return { dir, token: made.stdout.trim() };
}

async function stop(server) {
  const exited = new Promise((r) => server.child.once("exit", r));
  server.child.kill("SIGTERM");
  await exited;
}

function cannon(options) {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

/** (a) Single PUTs, each a new version of a random unit's month, at a fixed rate. */
async function puts(base, token, ids, rand, seconds = Number(opts.seconds)) {
  const result = await cannon({
    url: base,
    connections: 10,
    overallRate: Number(opts.rate),
    duration: seconds,
    requests: [
      {
        method: "PUT",
        setupRequest: (req) => {
          const [dossiers, online, services, used] = counts(rand);
          const body = { counts: { dossiers, online_dossiers: online, online_services: services, services_with_dossiers: used } };
          return { ...req, path: `/v1/reports/${ids[Math.floor(rand() * ids.length)]}/2022-09`, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) };
        },
      },
    ],
  });
  return { requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, errors: result.errors + result.timeouts + result.non2xx };
}

/** (b) One month for every unit as one CSV, answered when stored. */
async function upload(base, token, ids, period, rand) {
  const body = monthCsv(ids, period, rand);
  const began = performance.now();
  const res = await fetch(`${base}/v1/reports`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", "idempotency-key": `bench-${randomBytes(6).toString("hex")}` }, body });
  const answer = await res.json();
  const ms = performance.now() - began;
  if (res.status !== 200 || answer.stored !== ids.length) throw new Error(`upload: ${res.status} ${JSON.stringify(answer).slice(0, 500)}`);
  return { ms, megabytes: body.length / 1e6 };
}

/** (c) Results of the policy for the whole registry: the first request prepares, the rest are timed. */
async function results(base, token) {
  const path = `/v1/results?policy=${POLICY}&asOf=2022-11-30`;
  const began = performance.now();
  const first = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const size = (await first.arrayBuffer()).byteLength;
  if (first.status !== 200) throw new Error(`results: ${first.status}`);
  const cold = performance.now() - began;
  const result = await cannon({ url: `${base}${path}`, connections: 1, amount: 20, headers: { authorization: `Bearer ${token}` }, timeout: 60 });
  return { cold, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx, megabytes: size / 1e6 };
}


async function run(store, database) {
  const rand = mulberry32(14);
  const { dir, token } = await deployment(database);
  const server = await startServer(dir, database);
  try {
    const ids = readFileSync(join(dir, "units.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]);
    // A warm-up second, not counted: the first requests pay for V8 compiling the routes.
    await puts(server.base, token, ids, rand, 1);
    const put = await puts(server.base, token, ids, rand);
    const up1 = await upload(server.base, token, ids, "2022-10", rand);
    const up2 = await upload(server.base, token, ids, "2022-11", rand);
    const res = await results(server.base, token);
    return { store, put, uploads: [up1, up2], results: res };
  } finally {
    await stop(server);
    rmSync(join(dir, ".."), { recursive: true, force: true });
  }
}

async function reachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const ms = (x) => `${x.toFixed(1)} ms`;
const verdict = (x, goal) => (x <= goal ? "ok" : "OVER");

function table(rows) {
  const lines = [`registry ${Number(opts.units).toLocaleString("en")} units; PUTs at ${opts.rate}/s for ${opts.seconds} s; node ${process.version}, ${cpus().length} cores`];
  for (const r of rows) {
    lines.push(`${r.store}`);
    lines.push(`  (a) PUT x${r.put.requests}           p50 ${ms(r.put.p50)}  p99 ${ms(r.put.p99)}  max ${ms(r.put.max)}  errors ${r.put.errors}   goal p99 <= 20 ms: ${verdict(r.put.p99, GOALS.putP99)}`);
    for (const [i, u] of r.uploads.entries()) lines.push(`  (b) upload ${i === 0 ? "2022-10" : "2022-11"} (${u.megabytes.toFixed(1)} MB CSV)  ${(u.ms / 1000).toFixed(2)} s   goal <= 10 s: ${verdict(u.ms, GOALS.upload)}`);
    lines.push(`  (c) GET /v1/results (${r.results.megabytes.toFixed(1)} MB)  first ${ms(r.results.cold)}; then x20 p50 ${ms(r.results.p50)}  p99 ${ms(r.results.p99)}  errors ${r.results.errors}   goal p99 <= 1 s: ${verdict(r.results.p99, GOALS.resultsP99)}`);
  }
  return lines.join("\n");
}

const rows = [await run("SQLite (WAL, synchronous=FULL)")];
if (!opts["no-pg"] && (await reachable(opts.database))) {
  const scratch = await scratchDatabase(opts.database, "bench");
  try {
    rows.push(await run("PostgreSQL (loopback)", scratch.url));
  } finally {
    await scratch.drop();
  }
} else if (!opts["no-pg"]) console.log(`PostgreSQL not reached at ${opts.database}: SQLite only`);
const printed = table(rows);
console.log(printed);
if (opts.write) {
  const day = new Date().toISOString().slice(0, 10);
  const section = `\n## Service (issue 14)\n\n\`node bench/service.mjs\` on ${day}: the built server (\`chitieu serve\`, logging at info to a discarded stdout) as a child process and autocannon 8 on loopback, on a shared 2-core machine (noisy: other jobs were running).\n\n\`\`\`\n${printed}\n\`\`\`\n`;
  writeFileSync(join(ROOT, "bench", "RESULTS.md"), readFileSync(join(ROOT, "bench", "RESULTS.md"), "utf8").trimEnd() + "\n" + section);
}
