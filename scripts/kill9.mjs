/**
 * `npm run stress:kill9`: `chitieu serve` killed with SIGKILL at random moments while submitters,
 * correctors and uploaders write to it, restarted, and checked after every restart: each
 * acknowledged write is stored exactly, nothing is stored that no one sent, a write in flight at the
 * kill is whole or absent, the audit log has one entry per version and verifies, and (SQLite) the
 * file passes integrity_check. Options: --kills N (200), --database URL (a PostgreSQL server: a
 * scratch database is made on it and dropped), --seed S, --quiet. Exits 1 on any violation.
 *
 * `runKill9(options)` is the same run for the test suite (test/service/kill9.test.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { mulberry32 } from "../bench/generate.mjs";
import { scratchDatabase, startServer } from "./service-process.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "chitieu.js");
const PERIODS = ["2022-08", "2022-09", "2022-10", "2022-11", "2022-12"];
const FIELDS = ["dossiers", "online_dossiers", "online_services", "services_with_dossiers"];


/** Counts the policy's checks accept: a part never above its whole. */
function countsOf(rand) {
  const dossiers = Math.floor(rand() * 500);
  const services = Math.floor(rand() * 200);
  return { dossiers, online_dossiers: Math.floor(rand() * (dossiers + 1)), online_services: services, services_with_dossiers: Math.floor(rand() * (services + 1)) };
}

const same = (a, b) => FIELDS.every((f) => a[f] === b[f]) && Object.keys(a).length === Object.keys(b).length;

function cli(args, env = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}



function kill(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/**
 * What the clients know. Per report (`unit/period`): the versions acknowledged with their counts,
 * and every body sent whose request got no answer (in flight at a kill): a version nobody
 * acknowledged must be one of those, whole.
 */
class Ledger {
  acked = new Map(); // key -> Map(version -> {counts, reason|undefined})
  unanswered = new Map(); // key -> [counts]
  uploadRows = new Map(); // key -> [counts] acknowledged by an upload's answer (no versions in it)
  uploads = []; // acknowledged uploads: {key, body, response}
  pendingUploads = []; // uploads in flight at a kill: {key, body, rows}
  writes = 0;
  inFlightAtKill = 0;

  ack(key, version, counts, reason) {
    if (!this.acked.has(key)) this.acked.set(key, new Map());
    const known = this.acked.get(key).get(version);
    if (known && !same(known.counts, counts)) return `${key} v${version} acknowledged twice with different counts`;
    this.acked.get(key).set(version, { counts, reason });
    return undefined;
  }

  lost(key, counts) {
    if (!this.unanswered.has(key)) this.unanswered.set(key, []);
    this.unanswered.get(key).push(counts);
  }

  keys() {
    return new Set([...this.acked.keys(), ...this.unanswered.keys(), ...this.uploadRows.keys()]);
  }
}

/** One run: N kills; returns the figures and the violations found. */
export async function runKill9({ kills = 200, database, seed = Date.now() % 2 ** 31, log = console.log, writers = 3, correctors = 2, uploaders = 2, window = [150, 700] } = {}) {
  const rand = mulberry32(seed);
  const work = mkdtempSync(join(tmpdir(), "chitieu-kill9-"));
  const dir = join(work, "deploy");
  const scratch = database ? await scratchDatabase(database, "kill9") : undefined;
  const db = scratch?.url;
  const violations = [];
  const recoveries = [];
  const ledger = new Ledger();
  const figures = { seed, kills: 0, acknowledged: 0, uploadsAcknowledged: 0, inFlightAtKill: 0, uploadsRetried: 0, uploadsCommittedUnremembered: 0, versions: 0, auditEntries: 0 };
  try {
    // The deployment as a user makes it: `serve --init`, stopped, then an office token.
    const first = await startServer(dir, db, true);
    await kill(first.child);
    const made = cli(["token", "create", "--dir", dir, "--office", ...(db ? ["--database", db] : [])]);
    if (made.status !== 0) throw new Error(`token create: ${made.stderr}`);
    const token = made.stdout.trim();
    const units = readFileSync(join(dir, "units.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]).filter((u) => u !== "thanh-tra-tinh").slice(0, 40);
    let server = await startServer(dir, db);
    recoveries.push(server.recovery);

    for (let k = 0; k < kills; k++) {
      const loops = writeLoops({ server, token, units, rand, ledger, writers, correctors, uploaders });
      await new Promise((r) => setTimeout(r, window[0] + rand() * (window[1] - window[0])));
      figures.inFlightAtKill += loops.inFlight();
      await kill(server.child);
      loops.stop();
      await loops.done;
      violations.push(...loops.errors.map((e) => `kill ${k + 1}: a client: ${e}`));
      figures.kills++;
      const down = await checkStopped({ dir, db, ledger });
      violations.push(...down.violations.map((v) => `kill ${k + 1}: ${v}`));
      // Verified before the restart, not during it: a second process starting would slow the
      // server's start on 2 cores and spoil the recovery figure.
      violations.push(...(await auditVerify(dir, db)).map((v) => `kill ${k + 1}: ${v}`));
      server = await startServer(dir, db);
      recoveries.push(server.recovery);
      const up = await checkServed({ server, token, ledger, rand, down });
      violations.push(...up.map((v) => `kill ${k + 1}: ${v}`));
      const retried = [];
      await retryUploads({ server, token, ledger, figures, violations: retried });
      violations.push(...retried.map((v) => `kill ${k + 1}: ${v}`));
      Object.assign(figures, { versions: down.versions, auditEntries: down.audit });
      if (violations.length > 0) break;
      if ((k + 1) % 20 === 0) log(`kill9: ${k + 1}/${kills} kills, ${ledger.writes} writes acknowledged, ${figures.inFlightAtKill} in flight at kills`);
    }
    await kill(server.child);
    const final = await checkStopped({ dir, db, ledger });
    violations.push(...[...final.violations, ...(await auditVerify(dir, db))].map((v) => `end: ${v}`));
    Object.assign(figures, { versions: final.versions, auditEntries: final.audit });
  } finally {
    await scratch?.drop();
    rmSync(work, { recursive: true, force: true });
  }
  figures.acknowledged = ledger.writes;
  figures.uploadsAcknowledged = ledger.uploads.length;
  const sorted = [...recoveries].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  figures.recovery = { p50: q(0.5), p99: q(0.99), max: sorted.at(-1) ?? 0 };
  return { figures, violations };
}

/** The clients: async loops writing until `stop`; a request with no answer is recorded as lost. */
function writeLoops({ server, token, units, rand, ledger, writers, correctors, uploaders }) {
  let running = true;
  let inFlight = 0;
  const headers = { authorization: `Bearer ${token}` };
  const send = async (path, init) => {
    inFlight++;
    try {
      return await fetch(`${server.base}${path}`, { ...init, headers: { ...headers, ...init.headers } });
    } finally {
      inFlight--;
    }
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const put = async (correcting) => {
    const ackedKeys = [...ledger.acked.keys()];
    const key = correcting && ackedKeys.length > 0 ? pick(ackedKeys) : `${pick(units)}/${pick(PERIODS)}`;
    const counts = countsOf(rand);
    const reason = correcting || rand() < 0.1 ? `correction ${Math.floor(rand() * 1e6)}` : undefined;
    let answer;
    try {
      const res = await send(`/v1/reports/${key}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ counts, ...(reason ? { reason } : {}) }) });
      answer = { status: res.status, body: await res.json() };
    } catch {
      return ledger.lost(key, counts);
    }
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`PUT ${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const problem = ledger.ack(key, answer.body.version.version, counts, answer.status === 201 ? reason : undefined);
    if (problem) throw new Error(problem);
    ledger.writes++;
  };
  const upload = async () => {
    const rows = new Map();
    const n = 3 + Math.floor(rand() * 10);
    for (let i = 0; i < n; i++) rows.set(`${pick(units)}/${pick(PERIODS)}`, countsOf(rand));
    const body = `unit,period,${FIELDS.join(",")}\n${[...rows].map(([k, c]) => `${k.replace("/", ",")},${FIELDS.map((f) => c[f]).join(",")}`).join("\n")}\n`;
    const key = `kill9-${randomBytes(8).toString("hex")}`;
    try {
      const res = await send("/v1/reports", { method: "POST", headers: { "content-type": "text/csv", "idempotency-key": key }, body });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`upload: ${res.status} ${text}`);
      ackUpload(ledger, { key, body, rows }, text);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("upload:")) throw error;
      // No answer: its rows may or may not be stored, until the retry by key says.
      for (const [k, c] of rows) ledger.lost(k, c);
      ledger.pendingUploads.push({ key, body, rows });
    }
  };
  const errors = [];
  // A refused write (4xx, 5xx) is a violation too: these clients send only valid reports.
  const loop = async (step) => {
    while (running) {
      await step().catch((error) => {
        errors.push(error instanceof Error ? error.message : String(error));
        running = false;
      });
    }
  };
  const done = Promise.all([
    ...Array.from({ length: writers }, () => loop(() => put(false))),
    ...Array.from({ length: correctors }, () => loop(() => put(true))),
    ...Array.from({ length: uploaders }, () => loop(upload)),
  ]);
  return { stop: () => (running = false), inFlight: () => inFlight, done, errors };
}

function ackUpload(ledger, upload, text) {
  const answer = JSON.parse(text);
  if (answer.stored + answer.unchanged !== upload.rows.size || answer.issues.length > 0) throw new Error(`upload: rows not all taken: ${text}`);
  for (const [key, counts] of upload.rows) ledger.uploadRows.set(key, [...(ledger.uploadRows.get(key) ?? []), counts]);
  ledger.uploads.push({ key: upload.key, body: upload.body, response: text });
  ledger.writes += upload.rows.size;
}

/**
 * Uploads in flight at the kill sent again with their key, as a client would: an answer replayed
 * from the key, or the upload taken now. An upload whose reports were committed at the kill but
 * whose answer was not kept comes back as all `unchanged`, and is counted.
 */
async function retryUploads({ server, token, ledger, figures, violations }) {
  for (const u of ledger.pendingUploads.splice(0)) {
    const res = await fetch(`${server.base}/v1/reports`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", "idempotency-key": u.key }, body: u.body });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`upload retry: ${res.status} ${text}`);
    const answer = JSON.parse(text);
    figures.uploadsRetried++;
    // Random counts are never all equal to the stored ones: stored nothing and not replayed means
    // the first attempt's reports were committed without its answer.
    if (res.headers.get("idempotent-replayed") !== "true" && answer.stored === 0) {
      figures.uploadsCommittedUnremembered++;
      violations.push(`upload ${u.key}: its reports were committed at the kill but its answer was not kept`);
    }
    ackUpload(ledger, u, text);
  }
}

/** `chitieu audit verify` as a process: the violation when it does not exit 0. */
function auditVerify(dir, db) {
  const child = spawn(process.execPath, [BIN, "audit", "verify", "--dir", dir, ...(db ? ["--database", db] : [])], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  return new Promise((resolve) => child.once("close", (code) => resolve(code === 0 ? [] : [`chitieu audit verify exited ${code}: ${output}`])));
}

/** With the server down: the store's file (read-only) and its audit log against its versions. */
async function checkStopped({ dir, db, ledger }) {
  const violations = [];
  const { reports, audit, integrity } = await readStore(dir, db);
  if (integrity !== undefined && integrity !== "ok") violations.push(`integrity_check: ${integrity}`);
  const bySubject = new Map();
  for (const a of audit) if (a.action.startsWith("report.")) bySubject.set(a.subject, (bySubject.get(a.subject) ?? 0) + 1);
  const versions = new Map();
  for (const r of reports) versions.set(`${r.unit}/${r.period}`, (versions.get(`${r.unit}/${r.period}`) ?? 0) + 1);
  for (const key of new Set([...bySubject.keys(), ...versions.keys()])) {
    if (bySubject.get(key) !== versions.get(key)) violations.push(`${key}: ${versions.get(key) ?? 0} versions but ${bySubject.get(key) ?? 0} audit entries`);
  }
  const sent = ledger.keys();
  for (const key of versions.keys()) if (!sent.has(key)) violations.push(`${key}: stored, but no client ever sent it`);
  return { violations, versions: reports.length, audit: audit.length, stored: versions };
}

async function readStore(dir, db) {
  if (!db) {
    const file = new Database(join(dir, "chitieu.db"), { readonly: true });
    try {
      const integrity = file.pragma("integrity_check").map((r) => r.integrity_check).join("; ");
      return { integrity, reports: file.prepare("SELECT unit, period, version FROM reports").all(), audit: file.prepare("SELECT seq, action, subject FROM audit ORDER BY seq").all() };
    } finally {
      file.close();
    }
  }
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return { reports: (await client.query("SELECT unit, period, version FROM reports")).rows, audit: (await client.query("SELECT seq, action, subject FROM audit ORDER BY seq")).rows };
  } finally {
    await client.end();
  }
}

/** With the server up again, before any new write: every report's history against the ledger, and a replay of kept uploads. */
async function checkServed({ server, token, ledger, rand, down }) {
  const headers = { authorization: `Bearer ${token}` };
  const keys = [...ledger.keys()];
  const histories = new Map();
  for (let i = 0; i < keys.length; i += 16) {
    await Promise.all(keys.slice(i, i + 16).map(async (key) => {
      const res = await fetch(`${server.base}/v1/reports/${key}`, { headers });
      histories.set(key, res.status === 404 ? [] : (await res.json()).versions);
    }));
  }
  const violations = [];
  for (const key of keys) violations.push(...historyProblems(key, histories.get(key), ledger));
  for (const [key, n] of down.stored) if ((histories.get(key)?.length ?? 0) !== n) violations.push(`${key}: ${n} versions in the store, ${histories.get(key)?.length ?? 0} served`);
  for (const u of [...ledger.uploads].sort(() => rand() - 0.5).slice(0, 2)) {
    const res = await fetch(`${server.base}/v1/reports`, { method: "POST", headers: { ...headers, "content-type": "text/csv", "idempotency-key": u.key }, body: u.body });
    const text = await res.text();
    if (res.headers.get("idempotent-replayed") !== "true" || text !== u.response) violations.push(`upload ${u.key}: replay answered ${res.status} ${text}, not its kept answer`);
  }
  return violations;
}

function historyProblems(key, versions, ledger) {
  const out = [];
  versions.forEach((v, i) => {
    if (v.version !== i + 1) out.push(`${key}: version ${v.version} at place ${i + 1}: versions are not 1..n`);
  });
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  for (const [version, want] of ledger.acked.get(key) ?? []) {
    const got = byVersion.get(version);
    if (!got) out.push(`${key}: acknowledged version ${version} is missing`);
    else if (!same(got.counts, want.counts)) out.push(`${key} v${version}: stored ${JSON.stringify(got.counts)}, acknowledged ${JSON.stringify(want.counts)}`);
    else if (want.reason !== undefined && got.reason !== want.reason) out.push(`${key} v${version}: reason ${got.reason}, acknowledged ${want.reason}`);
  }
  const uploaded = ledger.uploadRows.get(key) ?? [];
  for (const counts of uploaded) {
    if (!versions.some((v) => same(v.counts, counts))) out.push(`${key}: counts ${JSON.stringify(counts)} acknowledged by an upload are in no version`);
  }
  const lost = ledger.unanswered.get(key) ?? [];
  for (const v of versions) {
    if (ledger.acked.get(key)?.has(v.version)) continue;
    if (![...lost, ...uploaded].some((c) => same(c, v.counts))) out.push(`${key} v${v.version}: counts ${JSON.stringify(v.counts)} were never sent (half a write?)`);
  }
  return out;
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
}

function printFigures(f) {
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(`kills                      ${f.kills}`);
  console.log(`writes acknowledged        ${f.acknowledged} (report rows; ${f.uploadsAcknowledged} uploads among them)`);
  console.log(`in flight at kills         ${f.inFlightAtKill} requests`);
  console.log(`uploads retried by key     ${f.uploadsRetried} (${f.uploadsCommittedUnremembered} committed at the kill but their answer not kept)`);
  console.log(`versions stored            ${f.versions}; audit entries ${f.auditEntries}`);
  console.log(`recovery (start to /ready) p50 ${ms(f.recovery.p50)}, p99 ${ms(f.recovery.p99)}, max ${ms(f.recovery.max)}`);
  console.log(`seed                       ${f.seed}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const database = option(args, "--database", undefined);
  const { figures, violations } = await runKill9({ kills: Number(option(args, "--kills", "200")), database, seed: option(args, "--seed") === undefined ? undefined : Number(option(args, "--seed")) });
  console.log(`kill -9 on ${database ? "PostgreSQL" : "SQLite"}`);
  printFigures(figures);
  for (const v of violations) console.log(`VIOLATION ${v}`);
  console.log(violations.length === 0 ? "no violations" : `${violations.length} violations`);
  process.exitCode = violations.length === 0 ? 0 : 1;
}
