// Benchmark of chitieu's evaluator at national scale, against a hand-written baseline.
//
//   npx tsc -p tsconfig.build.json
//   node --expose-gc bench/evaluate.mjs [--units 10000] [--months 12] [--runs 5] [--warm-up 10] [--as-of 2023-11-30] [--seed N] [--dist DIR] [--json FILE] [--policy] [--no-peers] [--only TEXT]
//
// Everything is generated from a fixed seed (mulberry32): a policy text with three tiers, three
// metrics, ramps per tier, a tag override and unit overrides; a registry of ~34 provinces x (20
// agencies + 8 districts + ~266 communes); and a monthly Observation per unit from 2023-01. The
// compiled library (`dist/`) prepares and evaluates it; a plain loop over typed arrays computes the
// same verdicts; every result's status, needed, numerator and denominator must agree, or it exits 1.
// Then the peer engines of bench/peers judge the same unit x target records (window sums as the
// loop computed them, the schedule lookup and the verdict left to the engine); every met and
// needed must agree with the loop, or it exits 1. See bench/README.md.

import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance, PerformanceObserver } from "node:perf_hooks";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { monthEnd, mulberry32, scheduleText, selectorText } from "./generate.mjs";

// --policy prints the generated policy text and exits.
// --json FILE writes the last evaluation, to check that a faster build gives byte-identical output.
// --dist DIR benchmarks another build (an experiment, an older release) on the same data.
const distArg = process.argv.indexOf("--dist");
const distIndex = distArg > 0 ? resolvePath(process.argv[distArg + 1] ?? "", "index.js") : fileURLToPath(new URL("../dist/index.js", import.meta.url));
if (!existsSync(distIndex)) {
  console.error(`${distIndex} is missing: run \`npx tsc -p tsconfig.build.json\` first`);
  process.exit(2);
}
const { compile, compileEvaluator, renderDiagnostics } = await import(pathToFileURL(distIndex).href);
const { peers } = await import("./peers/peers.mjs");
const { measure } = await import("./peers/measure.mjs");

// ---------------------------------------------------------------------------------------------
// Options

function options(argv) {
  const o = { units: 10000, months: 12, runs: 5, warmUp: 10, asOf: undefined, seed: 0x5eed2024, peers: true, only: "" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === "--units") o.units = int(value(), a);
    else if (a === "--months") o.months = int(value(), a);
    else if (a === "--runs") o.runs = int(value(), a);
    else if (a === "--warm-up") o.warmUp = int(value(), a);
    else if (a === "--seed") o.seed = int(value(), a);
    else if (a === "--as-of") o.asOf = value();
    else if (a === "--dist") value();
    else if (a === "--json") o.json = value();
    else if (a === "--policy") o.printPolicy = true;
    else if (a === "--no-peers") o.peers = false;
    else if (a === "--only") o.only = value();
    else if (a === "--help" || a === "-h") usage();
    else usage(`unknown option ${a}`);
  }
  if (o.units < 30) usage("--units must be at least 30");
  if (o.months < 1) usage("--months must be at least 1");
  if (o.runs < 1) usage("--runs must be at least 1");
  if (o.warmUp < 1) usage("--warm-up must be at least 1");
  return o;
}

function int(text, name) {
  const n = Number(text);
  if (!Number.isInteger(n)) usage(`${name} must be a whole number`);
  return n;
}

function usage(message) {
  if (message) console.error(message);
  console.error("usage: node --expose-gc bench/evaluate.mjs [--units 10000] [--months 12] [--runs 5] [--warm-up 10] [--as-of YYYY-MM-DD] [--seed N] [--dist DIR] [--json FILE] [--policy] [--no-peers] [--only TEXT]");
  process.exit(message ? 2 : 0);
}

const opts = options(process.argv.slice(2));
const gc = globalThis.gc ?? (() => {});
if (!globalThis.gc && !opts.printPolicy) console.warn("warning: run with `node --expose-gc`, or the heap figures include garbage");

// ---------------------------------------------------------------------------------------------
// Months and days

const FIRST_MONTH = 2023 * 12; // 2023-01, month index year*12 + month-1
const LAST_MONTH = FIRST_MONTH + opts.months - 1;
const POLICY_END_MONTH = Math.max(LAST_MONTH, 2024 * 12 + 11);

const pad = (n, w = 2) => String(n).padStart(w, "0");
const monthText = (m) => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
const monthEndDay = (m) => Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0) / 86400000;
const dayOf = (iso) => {
  const [y, mo, d] = iso.split("-").map(Number);
  return Date.UTC(y, mo - 1, d) / 86400000;
};
const M = (year, month) => year * 12 + month - 1;

// Default as-of: the end of the second-to-last month of data (2023-11-30 for 12 months).
const asOf = opts.asOf ?? monthEnd(Math.max(FIRST_MONTH, LAST_MONTH - 1));
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) usage("--as-of must be YYYY-MM-DD");

// ---------------------------------------------------------------------------------------------
// Seeded random numbers

const rand = mulberry32(opts.seed);
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p) => rand() < p;

// ---------------------------------------------------------------------------------------------
// The policy, as data: the text given to chitieu is written from it, and the baseline reads it.
// Thresholds are in tenths of a percent (495 = 49.5%) so every one is a whole number.

const TIERS = ["province", "district", "commune"];
const FIELDS = ["dossiers", "online", "fullprocess", "services", "services_used"];
const F = Object.fromEntries(FIELDS.map((f, i) => [f, i]));
const METRICS = [
  { id: "online_share", num: F.online, den: F.dossiers, window: "month", text: "online / dossiers over month" },
  { id: "fullprocess_share", num: F.fullprocess, den: F.dossiers, window: "ytd", text: "fullprocess / dossiers over year-to-date" },
  { id: "usage", num: F.services_used, den: F.services, window: "month", text: "services_used / services over month" },
];

// Units the policy singles out (they exist in the registry when there are enough provinces).
const NAMED = {
  "p01-a01": { tier: "province", tags: ["pilot"] }, // unit override with `>` on top of a tag and a tier target
  "p02-d01": { tier: "district", tags: [] }, // yearly year-to-date override
  "p03-c001": { tier: "commune", tags: [] }, // override not yet due at the as-of date
  "p04-a05": { tier: "province", tags: [] }, // excluded from two targets
  "p06-d03": { tier: "district", tags: [] }, // every 2 months ramp
};

/** Schedules: ramp (start, every k months, +inc, by end), years (31 Dec), ongoing (monthly from), single. */
const ramp = (metric, op, from, every, t0, inc, by, tEnd) => ({ metric, op, kind: "ramp", from, every, t0, inc, by, tEnd });
const TARGETS = [
  { id: "online_province", for: { tiers: ["province"] }, except: ["p04-a05"], ...ramp("online_share", ">=", M(2023, 1), 1, 200, 20, M(2024, 12), 660) },
  { id: "online_district", for: { tiers: ["district"] }, ...ramp("online_share", ">=", M(2023, 1), 1, 150, 15, M(2024, 12), 495) },
  { id: "online_commune", for: { tiers: ["commune"] }, ...ramp("online_share", ">=", M(2023, 1), 1, 100, 10, M(2024, 12), 330) },
  { id: "online_pilot", for: { tags: ["pilot"] }, ...ramp("online_share", ">=", M(2023, 1), 1, 300, 25, M(2024, 12), 875) },
  { id: "online_p01_a01", for: { units: ["p01-a01"] }, ...ramp("online_share", ">", M(2023, 1), 1, 400, 20, M(2024, 12), 860) },

  { id: "fullprocess_province", for: { tiers: ["province"] }, ...ramp("fullprocess_share", ">=", M(2023, 3), 3, 100, 50, M(2024, 12), 450) },
  { id: "fullprocess_district", for: { tiers: ["district"] }, ...ramp("fullprocess_share", ">=", M(2023, 3), 3, 80, 40, M(2024, 12), 360) },
  { id: "fullprocess_commune", for: { tiers: ["commune"] }, ...ramp("fullprocess_share", ">=", M(2023, 3), 3, 50, 30, M(2024, 12), 260) },
  { id: "fullprocess_p02_d01", for: { units: ["p02-d01"] }, metric: "fullprocess_share", op: ">=", kind: "years", years: [[2023, 400], [2024, 600]] },

  { id: "usage_all", for: { all: true }, except: ["p04-a05"], metric: "usage", op: ">=", kind: "ongoing", from: M(2023, 6), t: 500 },
  { id: "usage_commune", for: { tiers: ["commune"] }, metric: "usage", op: ">=", kind: "ongoing", from: M(2023, 6), t: 400 },
  { id: "usage_p06_d03", for: { units: ["p06-d03"] }, ...ramp("usage", ">=", M(2023, 1), 2, 600, 30, M(2024, 11), 930) },
  { id: "usage_p03_c001", for: { units: ["p03-c001"] }, metric: "usage", op: ">=", kind: "single", by: M(2024, 12), t: 900 },
];


/** Each milestone as { month, t }; month-end dates throughout. Checks that ramps land exactly. */
function milestones(target) {
  switch (target.kind) {
    case "ramp": {
      const span = target.by - target.from;
      if (span % target.every !== 0) throw new Error(`${target.id}: the ramp does not land on its deadline`);
      const steps = span / target.every;
      if (target.t0 + steps * target.inc !== target.tEnd) throw new Error(`${target.id}: ${steps} steps of ${target.inc} from ${target.t0} do not reach ${target.tEnd}`);
      return Array.from({ length: steps + 1 }, (_, i) => ({ month: target.from + i * target.every, t: target.t0 + i * target.inc }));
    }
    case "years":
      return target.years.map(([year, t]) => ({ month: M(year, 12), t }));
    case "ongoing": {
      const list = [];
      for (let m = target.from; m <= POLICY_END_MONTH; m++) list.push({ month: m, t: target.t });
      return list;
    }
    case "single":
      return [{ month: target.by, t: target.t }];
  }
}
for (const t of TARGETS) t.milestones = milestones(t);


function policyText() {
  const lines = [
    `policy bench-national "Benchmark: chỉ tiêu DVCTT toàn quốc 2023-2024 (synthetic)"`,
    `  decision "BENCH/2023/QĐ-TTg" issued by "chitieu bench, seed ${opts.seed}"`,
    `  effective 2023-01-01 until ${monthEnd(POLICY_END_MONTH)}`,
    ``,
    `tier province "Cơ quan hành chính cấp tỉnh"`,
    `tier district "UBND cấp huyện"`,
    `tier commune "UBND cấp xã"`,
    `tag pilot "Đơn vị thí điểm"`,
    ``,
    `field dossiers "Số hồ sơ TTHC tiếp nhận"`,
    `field online "Số hồ sơ TTHC tiếp nhận trực tuyến"`,
    `field fullprocess "Số hồ sơ trực tuyến toàn trình"`,
    `field services "Số DVCTT đang cung cấp"`,
    `field services_used "Số DVCTT có phát sinh hồ sơ"`,
    ``,
    ...Object.entries(NAMED).map(([id, u]) => `unit ${id} "Đơn vị ${id}" tier ${u.tier}${u.tags.length ? ` tagged ${u.tags.join(", ")}` : ""}`),
    ``,
    ...METRICS.map((m) => `metric ${m.id} = ${m.text}`),
    ``,
    ...TARGETS.flatMap((t) => [`target ${t.id} for ${selectorText(t)}:`, `  ${scheduleText(t)}`]),
    ``,
    `check online <= dossiers`,
    `check fullprocess <= dossiers`,
    `check services_used <= services`,
    ``,
  ];
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Which target applies to which unit (setup only): unit over tag over tier over all; `except`
// excludes when nothing else selects the unit. The policy has no equally specific pair.

const NONE = -1;
const EXCLUDED = -2;

function resolve(unit, metricId) {
  let best = NONE;
  let bestSpecificity = -1;
  let excluded = false;
  TARGETS.forEach((t, ti) => {
    if (t.metric !== metricId) return;
    let specificity = -1;
    if (t.for.all) specificity = 0;
    if ((t.for.tiers ?? []).includes(unit.tier)) specificity = 1;
    if ((t.for.tags ?? []).some((tag) => unit.tags.includes(tag))) specificity = 2;
    if ((t.for.units ?? []).includes(unit.id)) specificity = 3;
    if (specificity < 0) return;
    if ((t.except ?? []).includes(unit.id)) {
      excluded = true;
      return;
    }
    if (specificity > bestSpecificity) {
      bestSpecificity = specificity;
      best = ti;
    }
  });
  return best >= 0 ? best : excluded ? EXCLUDED : NONE;
}

/** The threshold (tenths) in force at the end of month m, or undefined before the first milestone. */
function thresholdAtMonthEnd(target, m) {
  let t;
  for (const ms of target.milestones) if (ms.month <= m) t = ms.t;
  return t;
}

// ---------------------------------------------------------------------------------------------
// Registry: P provinces x (20 agencies + 8 districts + communes), sized to --units exactly.

function registry(total) {
  const P = Math.max(1, Math.round(total / 294));
  const communes = total - P * 28;
  const units = [];
  for (let p = 1; p <= P; p++) {
    const province = `p${pad(p)}`;
    const push = (id, name, tier, parent) => {
      const named = NAMED[id];
      const tags = named ? [...named.tags] : tier !== "province" && chance(0.05) ? ["pilot"] : [];
      units.push({ id, name, tier, parent, tags, validFrom: undefined, validTo: undefined });
    };
    for (let a = 1; a <= 20; a++) push(`${province}-a${pad(a)}`, `Sở ${a} tỉnh ${p}`, "province", province);
    for (let d = 1; d <= 8; d++) push(`${province}-d${pad(d)}`, `UBND huyện ${d} tỉnh ${p}`, "district", province);
    const count = Math.floor(communes / P) + (p <= communes % P ? 1 : 0);
    for (let c = 1; c <= count; c++) push(`${province}-c${pad(c, 3)}`, `UBND xã ${c} tỉnh ${p}`, "commune", `${province}-d${pad(((c - 1) % 8) + 1)}`);
  }
  // Units that did not exist yet, or no longer, on late milestone dates.
  const changed = { "p07-c005": { validFrom: "2024-12-15" }, "p08-a03": { validTo: "2024-06-30" }, "p09-d02": { validFrom: "2023-07-01" }, "p10-c020": { validTo: "2024-11-29" } };
  for (let i = 0; i < units.length; i++) if (changed[units[i].id]) units[i] = { ...units[i], ...changed[units[i].id] };
  return { units: units.slice(0, total), merges: [] };
}

// ---------------------------------------------------------------------------------------------
// Observations: one row per unit and month, built directly as Observation objects.
// Parts never exceed totals; ~5% of units sit exactly on their thresholds; some rows are missing,
// some have zero denominators, some lack the service fields; a few units report nothing.

const monthOfIso = (date) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function observations(units, resolution) {
  const rows = [];
  let line = 2;
  units.forEach((unit, u) => {
    if (chance(0.005)) return; // never reports
    const exact = chance(0.05) || unit.id === "p01-a01" || unit.id === "p02-d01";
    const scale = unit.tier === "province" ? [20, 3000] : unit.tier === "district" ? [200, 8000] : [5, 600];
    const size = between(scale[0], scale[1]);
    const onlineRate = 0.05 + rand() * 0.7;
    const onlineTrend = rand() * 0.02;
    const fullRate = rand() * 0.5;
    const services = unit.tier === "province" ? between(10, 150) : unit.tier === "district" ? between(30, 250) : between(10, 120);
    const usageRate = 0.2 + rand() * 0.8;
    const targets = METRICS.map((_, mi) => resolution[u * METRICS.length + mi]);
    const thresholdFor = (mi, m) => (targets[mi] >= 0 ? thresholdAtMonthEnd(TARGETS[targets[mi]], m) : undefined);
    let ytdD = 0;
    let ytdF = 0;
    // A unit reports only the months it exists in: rows outside them are rejected (outside-validity).
    const [from, to] = [unit.validFrom ? monthOfIso(unit.validFrom) : -Infinity, unit.validTo ? monthOfIso(unit.validTo) : Infinity];
    for (let m = FIRST_MONTH; m <= LAST_MONTH; m++) {
      if (m % 12 === 0) ytdD = ytdF = 0;
      if (m < from || m > to) continue;
      if (!exact && chance(0.02)) continue; // missing month
      const t = (m - FIRST_MONTH) / 12;
      let D = Math.max(0, Math.round(size * (0.7 + rand() * 0.6)));
      if (!exact && chance(0.01)) D = 0;
      if (exact) D = 200 * Math.max(1, Math.round(D / 200));
      const clamp = (x, hi) => Math.max(0, Math.min(hi, Math.round(x)));
      let online = clamp(D * (onlineRate + onlineTrend * (m - FIRST_MONTH) + (rand() - 0.5) * 0.1), D);
      let full = clamp(D * (fullRate + 0.1 * t + (rand() - 0.5) * 0.05), D);
      let S = services + Math.floor(t * 10);
      if (!exact && chance(0.01)) S = 0;
      if (exact) S = 200 * Math.max(1, Math.round(S / 200));
      let used = clamp(S * (usageRate + (rand() - 0.5) * 0.1), S);
      if (exact) {
        const tOnline = thresholdFor(0, m);
        if (tOnline !== undefined) online = (tOnline * D) / 1000;
        const tUsage = thresholdFor(2, m);
        if (tUsage !== undefined) used = (tUsage * S) / 1000;
        // Year-to-date: on a milestone month, make the running sum land on the threshold.
        const target = targets[1] >= 0 ? TARGETS[targets[1]] : undefined;
        const due = target?.milestones.find((ms) => ms.month === m);
        if (due) {
          const wanted = (due.t * (ytdD + D)) / 1000 - ytdF;
          if (Number.isInteger(wanted) && wanted >= 0 && wanted <= D) full = wanted;
        }
      }
      ytdD += D;
      ytdF += full;
      const counts = new Map([
        ["dossiers", D],
        ["online", online],
        ["fullprocess", full],
      ]);
      if (exact || !chance(0.03)) {
        counts.set("services", S);
        counts.set("services_used", used);
      }
      rows.push({ unit: unit.id, period: { text: monthText(m), from: m, to: m }, counts, source: { file: "bench:generated", line: line++ } });
    }
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The baseline: per unit a Float64Array [field][month] (NaN = not reported); per unit and metric
// the index of its target (or NONE / EXCLUDED); per target and as-of date the due threshold as
// the fraction p / 1000 and the window as month offsets. The hot loop touches only numbers.

const S_MET = 0, S_MISSED = 1, S_NO_DATA = 2, S_NO_DEN = 3, S_NOT_DUE = 4, S_EXCLUDED = 5;
const STATUS = ["met", "missed", "no-data", "no-denominator", "not-due", "excluded"];
const OP = { ">=": 0, ">": 1, "<=": 2, "<": 3 };

function baselinePrepare(units, rows, resolution) {
  const index = new Map(units.map((u, i) => [u.id, i]));
  const months = LAST_MONTH - FIRST_MONTH + 1;
  const stride = FIELDS.length * months;
  const values = new Float64Array(units.length * stride).fill(NaN);
  for (const o of rows) {
    const u = index.get(o.unit);
    const base = u * stride + (o.period.from - FIRST_MONTH);
    for (let f = 0; f < FIELDS.length; f++) {
      const v = o.counts.get(FIELDS[f]);
      if (v !== undefined) values[base + f * months] = v;
    }
  }
  const validFrom = new Float64Array(units.length).fill(-Infinity);
  const validTo = new Float64Array(units.length).fill(Infinity);
  units.forEach((u, i) => {
    if (u.validFrom) validFrom[i] = dayOf(u.validFrom);
    if (u.validTo) validTo[i] = dayOf(u.validTo);
  });
  return { values, months, stride, validFrom, validTo, slots: Int32Array.from(resolution), units: units.length };
}

function baselineEvaluate(b, asOfText) {
  const plan = baselinePlan(b, asOfText);
  const cells = b.units * METRICS.length;
  const out = {
    status: new Int8Array(cells).fill(-1), // -1: no row (no target for this unit and metric)
    needed: new Float64Array(cells), // NaN: null
    numerator: new Float64Array(cells),
    denominator: new Float64Array(cells),
    rows: 0,
    onThreshold: 0,
  };
  const counts = scan(b.units, METRICS.length, b.values, b.months, b.stride, b.validFrom, b.validTo, b.slots, plan, out.status, out.needed, out.numerator, out.denominator);
  out.rows = counts[0];
  out.onThreshold = counts[1];
  return out;
}

/** Per target, once per date: due threshold, comparison, window, and the due date as a day number. */
function baselinePlan(b, asOfText) {
  const asOfDay = dayOf(asOfText);
  const n = TARGETS.length;
  const plan = {
    hasDue: new Uint8Array(n), thr: new Float64Array(n), op: new Uint8Array(n), dueDay: new Float64Array(n),
    lo: new Int32Array(n), hi: new Int32Array(n), numF: new Int32Array(n), denF: new Int32Array(n),
  };
  TARGETS.forEach((t, ti) => {
    const metric = METRICS.find((m) => m.id === t.metric);
    let due;
    for (const ms of t.milestones) if (monthEndDay(ms.month) <= asOfDay) due = ms;
    plan.op[ti] = OP[t.op];
    plan.numF[ti] = metric.num;
    plan.denF[ti] = metric.den;
    if (!due) return;
    plan.hasDue[ti] = 1;
    plan.thr[ti] = due.t;
    plan.dueDay[ti] = monthEndDay(due.month);
    const from = metric.window === "month" ? due.month : due.month - (due.month % 12);
    plan.lo[ti] = Math.max(from - FIRST_MONTH, 0);
    plan.hi[ti] = Math.min(due.month - FIRST_MONTH, b.months - 1);
  });
  return plan;
}

/** The hot loop: numbers and typed arrays only. Returns [rows, rows exactly on the threshold]. */
function scan(units, nM, values, months, stride, validFrom, validTo, slots, plan, status, needed, numerator, denominator) {
  const { hasDue, thr, op, dueDay, lo, hi, numF, denF } = plan;
  const D = 1000; // thresholds are p / 1000 of one
  let rows = 0;
  let onThreshold = 0;
  for (let u = 0; u < units; u++) {
    for (let m = 0; m < nM; m++) {
      const cell = u * nM + m;
      const ti = slots[cell];
      if (ti === NONE) continue;
      rows++;
      needed[cell] = NaN;
      numerator[cell] = NaN;
      denominator[cell] = NaN;
      if (ti === EXCLUDED) {
        status[cell] = S_EXCLUDED;
        continue;
      }
      if (hasDue[ti] === 0) {
        status[cell] = S_NOT_DUE;
        continue;
      }
      if (validFrom[u] > dueDay[ti] || validTo[u] < dueDay[ti]) {
        status[cell] = S_EXCLUDED;
        continue;
      }
      let num = 0, den = 0, withNum = 0, withDen = 0;
      const nBase = u * stride + numF[ti] * months;
      const dBase = u * stride + denF[ti] * months;
      for (let i = lo[ti]; i <= hi[ti]; i++) {
        const n = values[nBase + i];
        if (n === n) { num += n; withNum++; }
        const d = values[dBase + i];
        if (d === d) { den += d; withDen++; }
      }
      if (withNum === 0 && withDen === 0) {
        status[cell] = S_NO_DATA;
        continue;
      }
      numerator[cell] = num;
      denominator[cell] = den;
      if (den === 0) {
        status[cell] = S_NO_DEN;
        continue;
      }
      // excess = num*D - p*den, exact in doubles while both products are safe integers.
      const p = thr[ti];
      if (num * D > Number.MAX_SAFE_INTEGER || p * den > Number.MAX_SAFE_INTEGER) return [-1, -1];
      const excess = num * D - p * den;
      if (excess === 0) onThreshold++;
      let met = false;
      let cases = 0;
      switch (op[ti]) {
        case 0: // >=
          met = excess >= 0;
          cases = met ? 0 : ceilDiv(-excess, D);
          needed[cell] = cases + num <= den ? cases : NaN;
          break;
        case 1: // >
          met = excess > 0;
          cases = met ? 0 : floorDiv(-excess, D) + 1;
          needed[cell] = cases + num <= den ? cases : NaN;
          break;
        case 2: // <=
          met = excess <= 0;
          needed[cell] = met ? 0 : ceilDiv(excess, D);
          break;
        default: // <
          met = excess < 0;
          cases = met ? 0 : floorDiv(excess, D) + 1;
          needed[cell] = cases <= num ? cases : NaN;
      }
      status[cell] = met ? S_MET : S_MISSED;
    }
  }
  return [rows, onThreshold];
}

// Whole-number division of non-negative safe integers, without float rounding.
function floorDiv(a, d) {
  return (a - (a % d)) / d;
}
function ceilDiv(a, d) {
  const r = a % d;
  return (a - r) / d + (r > 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Measuring

const ms = (t0) => performance.now() - t0;
const mb = (bytes) => (bytes / 1048576).toFixed(1);
/** heapUsed plus ArrayBuffer backing stores (typed arrays live outside the JS heap), after GC. */
function heapAfterGc() {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// One GC before the series, none between runs: a forced full GC also discards optimized code
// (V8 deoptimizes on "weak objects"), which made the baseline's runs swing from 3 to 240 ms.
// Each run therefore pays for collecting the garbage of the run before, as a service would.
// Garbage collections as V8 reports them, to tell how much of a run was spent collecting.
const collections = [];
const gcObserver = new PerformanceObserver((list) => collections.push(...list.getEntries()));
gcObserver.observe({ entryTypes: ["gc"] });
const flushObserver = () => new Promise((done) => setTimeout(done, 20));

// V8 optimises a function only after it has run hot for a while: chitieu's evaluate took nine runs
// to settle (154 ms on the first, 13 ms from the eighth), the loop two. Every engine therefore runs
// untimed until --warm-up runs and a tenth of a second per run have both passed (10 runs and 1 s by
// default; the test suite's smoke run asks for 1); the first run is reported apart.
const WARM_UP_RUNS = opts.warmUp;
const WARM_UP_MS = opts.warmUp * 100;

function timeRuns(runs, fn) {
  gc();
  const start = performance.now();
  fn();
  const first = ms(start);
  for (let r = 1; r < WARM_UP_RUNS || ms(start) < WARM_UP_MS; r++) fn();
  const times = [];
  const spans = [];
  let last;
  for (let r = 0; r < runs; r++) {
    last = undefined;
    const t0 = performance.now();
    last = fn();
    times.push(ms(t0));
    spans.push([t0, performance.now()]);
  }
  return { first, times, spans, median: median(times), min: Math.min(...times), max: Math.max(...times), last };
}

/** Milliseconds of GC that started within each timed run. */
function gcPerRun(series) {
  return series.spans.map(([from, to]) => collections.filter((e) => e.startTime >= from && e.startTime < to).reduce((sum, e) => sum + e.duration, 0));
}

// ---------------------------------------------------------------------------------------------
// Run

if (opts.printPolicy) {
  process.stdout.write(policyText());
  process.exit(0);
}
const heapStart = heapAfterGc();
let t0 = performance.now();
const text = policyText();
const compiled = compile(text, { file: "bench/national.ct" });
if (!compiled.policy) {
  console.error(text);
  console.error(renderDiagnostics(compiled.diagnostics, compiled.sources));
  process.exit(1);
}
if (compiled.diagnostics.length > 0) console.warn(renderDiagnostics(compiled.diagnostics, compiled.sources));
const compileMs = ms(t0);
const evaluator = compileEvaluator(compiled.policy);

t0 = performance.now();
const reg = registry(opts.units);
const resolution = new Int32Array(reg.units.length * METRICS.length);
reg.units.forEach((unit, u) => METRICS.forEach((m, mi) => (resolution[u * METRICS.length + mi] = resolve(unit, m.id))));
const data = observations(reg.units, resolution);
const generateMs = ms(t0);
const heapData = heapAfterGc();
const rssData = maxRssMb();

t0 = performance.now();
const prepared = evaluator.prepare({ registry: reg, observations: data });
const prepareMs = ms(t0);
const heapPrepared = heapAfterGc();
const rssPrepared = maxRssMb();
if (prepared.rows.rejected > 0 || prepared.dataIssues.length > 0) {
  console.error(`unexpected data issues: ${prepared.dataIssues.length}, e.g. ${prepared.dataIssues[0]?.message}`);
  process.exit(1);
}

const chitieu = timeRuns(opts.runs, () => evaluator.evaluate(prepared, { asOf }));
const evaluation = chitieu.last;
// The same, then reading `results`: the JSON contract's objects, built from the result table.
const withObjects = timeRuns(opts.runs, () => evaluator.evaluate(prepared, { asOf }).results);
const heapEvaluated = heapAfterGc();
const rssEvaluated = maxRssMb();

t0 = performance.now();
const base = baselinePrepare(reg.units, data, resolution);
const basePrepareMs = ms(t0);
const heapBase = heapAfterGc();
const baseline = timeRuns(opts.runs, () => baselineEvaluate(base, asOf));
const verdicts = baseline.last;
if (verdicts.rows < 0) {
  console.error("counts too large for the baseline's double arithmetic");
  process.exit(1);
}

await flushObserver();
gcObserver.disconnect();
const chitieuGc = gcPerRun(chitieu);
const baselineGc = gcPerRun(baseline);

// ---------------------------------------------------------------------------------------------
// Every result must agree.

const unitIndex = new Map(reg.units.map((u, i) => [u.id, i]));
const metricIndex = new Map(METRICS.map((m, i) => [m.id, i]));
const seen = new Uint8Array(reg.units.length * METRICS.length);
const mismatches = [];
const statusCounts = Object.fromEntries(STATUS.map((s) => [s, 0]));
for (const r of evaluation.results) {
  const cell = unitIndex.get(r.unit) * METRICS.length + metricIndex.get(r.metric);
  seen[cell]++;
  statusCounts[r.status]++;
  const s = verdicts.status[cell];
  const expected = {
    status: s < 0 ? "(no row)" : STATUS[s],
    needed: Number.isNaN(verdicts.needed[cell]) ? null : verdicts.needed[cell],
    numerator: Number.isNaN(verdicts.numerator[cell]) ? null : verdicts.numerator[cell],
    denominator: Number.isNaN(verdicts.denominator[cell]) ? null : verdicts.denominator[cell],
  };
  const got = { status: r.status, needed: r.needed, numerator: r.numerator, denominator: r.denominator };
  if (Object.keys(expected).some((k) => expected[k] !== got[k]) || seen[cell] > 1) {
    mismatches.push(`${r.unit} ${r.metric} (${r.target}): chitieu ${JSON.stringify(got)}${seen[cell] > 1 ? " (repeated)" : ""}, baseline ${JSON.stringify(expected)}`);
  }
}
for (let cell = 0; cell < seen.length; cell++) {
  if (verdicts.status[cell] >= 0 && seen[cell] === 0) {
    mismatches.push(`${reg.units[Math.floor(cell / METRICS.length)].id} ${METRICS[cell % METRICS.length].id}: no chitieu result, baseline ${STATUS[verdicts.status[cell]]}`);
  }
}
if (evaluation.results.length !== verdicts.rows) mismatches.push(`chitieu has ${evaluation.results.length} results, the baseline ${verdicts.rows}`);

// ---------------------------------------------------------------------------------------------
// Peers: the records the loop judged (met or missed), as { target, month, numerator, denominator }
// with the as-of month, the last month ended by the as-of date; the reference is the loop's verdict.

function peerWork() {
  const asOfMonth = monthOfDay(dayOf(asOf) + 1) - 1;
  const records = [];
  const ref = { met: [], needed: [] };
  for (let cell = 0; cell < verdicts.status.length; cell++) {
    const s = verdicts.status[cell];
    if (s !== S_MET && s !== S_MISSED) continue;
    records.push({ target: TARGETS[base.slots[cell]].id, month: asOfMonth, numerator: verdicts.numerator[cell], denominator: verdicts.denominator[cell] });
    ref.met.push(s === S_MET ? 1 : 0);
    ref.needed.push(verdicts.needed[cell]);
  }
  const targets = TARGETS.map((t) => ({ id: t.id, op: t.op, milestones: t.milestones }));
  return { targets, records, ref: { met: Uint8Array.from(ref.met), needed: Float64Array.from(ref.needed) } };
}

function monthOfDay(day) {
  const d = new Date(day * 86400000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

const peerResults = [];
let peerRecords = 0;
if (opts.peers) {
  const work = peerWork();
  peerRecords = work.records.length;
  for (const peer of peers().filter((p) => p.name.includes(opts.only))) {
    const m = await measure(peer, work.targets, work.records, work.ref, { runs: opts.runs });
    peerResults.push({ name: peer.name, ...m });
    mismatches.push(...m.wrong.map((w) => `${peer.name}: ${w}`));
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const cpus = os.cpus();
const rows = evaluation.results.length;
const rate = (time) => rows / (time / 1000);
const fmt = (n, d = 0) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const chitieuRate = rate(chitieu.median);
const versus = (r) => (r >= chitieuRate ? `1/${fmt(r / chitieuRate, 1)}` : `${fmt(chitieuRate / r, r > chitieuRate / 10 ? 2 : 0)}x`);
const spread = (series, d) => `${fmt(series.median, d)} [${fmt(series.min, d)}-${fmt(series.max, d)}]`;
const table = [
  ["engine", "per second (median)", "chitieu is", "ms per run, median [min-max]", "per run", "prepare / setup ms", "heap+buffers after GC, MB"],
  ["chitieu: evaluate (every figure, ranks, groups)", fmt(chitieuRate), "1x", spread(chitieu, 1), fmt(rows), fmt(prepareMs), `prepared ${mb(heapPrepared - heapData)}, +1 evaluation ${mb(heapEvaluated - heapPrepared)}`],
  ["chitieu: evaluate + Result objects", fmt(rate(withObjects.median)), versus(rate(withObjects.median)), spread(withObjects, 1), fmt(rows), "", ""],
  ["hand-written loop (verdicts only)", fmt(rate(baseline.median)), versus(rate(baseline.median)), spread(baseline, 2), fmt(rows), fmt(basePrepareMs), `index ${mb(heapBase - heapEvaluated)}`],
  ...peerResults.map((p) => {
    const series = { median: median(p.times), min: Math.min(...p.times), max: Math.max(...p.times) };
    return [p.name, fmt(p.rate), versus(p.rate), spread(series, 0), fmt(p.n), fmt(p.setupMs), ""];
  }),
];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;

console.log(`chitieu evaluate benchmark, ${new Date().toISOString().slice(0, 10)}`);
console.log(`machine: ${cpus[0]?.model ?? "unknown"}, ${cpus.length} cores, ${os.platform()} ${os.release()}, ${mb(os.totalmem())} MB; Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(
  `data: ${fmt(reg.units.length)} units (${TIERS.map((t) => `${reg.units.filter((u) => u.tier === t).length} ${t}`).join(", ")}), ` +
    `${fmt(data.length)} observations ${monthText(FIRST_MONTH)}..${monthText(LAST_MONTH)}, seed ${opts.seed}; as of ${asOf}; ${opts.runs} runs after a warm-up of ${WARM_UP_RUNS} runs and ${WARM_UP_MS / 1000} s`,
);
console.log(`policy: ${TARGETS.length} targets over ${METRICS.length} metrics, compiled in ${fmt(compileMs, 0)} ms; data generated in ${fmt(generateMs, 0)} ms`);
console.log(`results: ${fmt(rows)} unit x target rows: ${STATUS.map((s) => `${s} ${statusCounts[s]}`).join(", ")}; ${verdicts.onThreshold} exactly on the threshold`);
console.log(`evaluation also holds ${fmt(evaluation.groups.length)} groups, ${evaluation.scores.length} scores`);
console.log("");
console.log(line(table[0]));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of table.slice(1)) console.log(line(r));
console.log("");
console.log(
  `memory (heapUsed + arrayBuffers after GC): ${mb(heapStart)} MB at start, ${mb(heapData)} MB with the generated data, ${mb(heapPrepared)} MB prepared, ` +
    `${mb(heapEvaluated)} MB with one evaluation, ${mb(heapBase)} MB with the baseline index; ` +
    `peak RSS ${fmt(rssData)} MB after generating, ${fmt(rssPrepared)} MB after prepare, ${fmt(rssEvaluated)} MB after evaluating, ${fmt(maxRssMb())} MB at the end`,
);
const runs = (series, gcs, d) => series.times.map((t, i) => `${t.toFixed(d)} (GC ${gcs[i].toFixed(d)})`).join(", ");
console.log(`chitieu evaluate runs, ms: ${runs(chitieu, chitieuGc, 1)}; GC median ${fmt(median(chitieuGc), 1)} ms; the first run of all, before V8 optimised it: ${fmt(chitieu.first, 1)} ms`);
console.log(`baseline evaluate runs, ms: ${runs(baseline, baselineGc, 2)}`);
if (peerResults.length > 0) {
  console.log(`peers judge ${fmt(peerRecords)} unit x target records (the met and missed rows above, with their window sums); runs sized to about a second each, every verdict compared with the loop`);
}

if (opts.json) writeFileSync(opts.json, JSON.stringify(evaluation));

if (mismatches.length > 0) {
  console.error(`\n${mismatches.length} mismatches between chitieu and the baseline:`);
  for (const m of mismatches.slice(0, 50)) console.error(`  ${m}`);
  if (mismatches.length > 50) console.error(`  ... and ${mismatches.length - 50} more`);
  process.exit(1);
}
console.log(`\nall ${fmt(rows)} results agree with the baseline (status, needed, numerator, denominator)`);
