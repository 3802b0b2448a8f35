// What the bench scripts generate alike: seeded random numbers, and targets written as policy text.
// Targets here are plain data: { id, metric, op, kind, for: { all?, tiers?, tags?, units? },
// except?, ... } with months counted from year 0 (year * 12 + month - 1) and thresholds in tenths
// of a percent, so every one is exact (495 -> 49.5%).

/** mulberry32: small, fast and the same in every run for one seed. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The last day of month m, as 2024-02-29. */
export function monthEnd(m) {
  const year = Math.floor(m / 12);
  const month = (m % 12) + 1;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const percent = (tenths) => `${tenths / 10}%`;

/** A target's schedule: ramp (from, every k months, +inc, by), years (31 Dec), ongoing (monthly from), single. */
export function scheduleText(t) {
  const head = `${t.metric} ${t.op}`;
  switch (t.kind) {
    case "ramp": {
      const step = t.every === 1 ? "monthly" : t.every === 3 ? "quarterly" : `every ${t.every} months`;
      return `from ${monthEnd(t.from)} ${head} ${percent(t.t0)}, ${step} +${percent(t.inc)}, by ${monthEnd(t.by)} ${t.op} ${percent(t.tEnd)}`;
    }
    case "years":
      return t.years.map(([year, v], i) => `in ${year} ${i === 0 ? head : t.op} ${percent(v)}`).join(", ");
    case "ongoing":
      return `from ${monthEnd(t.from)} ${head} ${percent(t.t)}, monthly`;
    case "single":
      return `by ${monthEnd(t.by)} ${head} ${percent(t.t)}`;
  }
}

/** `tier province, tag pilot except unit x`. */
export function selectorText(t) {
  const items = [
    ...(t.for.all ? ["all"] : []),
    ...(t.for.tiers ?? []).map((x) => `tier ${x}`),
    ...(t.for.tags ?? []).map((x) => `tag ${x}`),
    ...(t.for.units ?? []).map((x) => `unit ${x}`),
  ];
  const except = (t.except ?? []).map((x) => `unit ${x}`);
  return items.join(", ") + (except.length ? ` except ${except.join(", ")}` : "");
}

// ---------------------------------------------------------------------------------------------
// Whole policies, as bench/compile.mjs and bench/check-scale.mjs check them: policy i comes from
// mulberry32(seed + i), so any one can be printed alone.

const TIER_POOL = ["province", "district", "commune", "ministry", "agency", "ward"];
const TAG_POOL = ["pilot", "border", "urban", "mountain"];
const FIELD_POOL = ["dossiers", "online", "fullprocess", "paid_online", "fee_dossiers", "services", "services_used", "procedures", "online_procedures", "digitised", "returned_late", "complaints"];
const WINDOWS = ["", " over month", " over quarter", " over year-to-date"];

/** A target's schedule between months `start` and `end`: a ramp that lands on its deadline, yearly thresholds, ongoing or single. */
function scheduleOf(rand, start, end, startYear) {
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const op = rand() < 0.85 ? ">=" : ">";
  const kind = pick(["ramp", "ramp", "ramp", "years", "ongoing", "single"]);
  if (kind === "ramp") {
    // Pick the steps first so the ramp lands on its deadline exactly: t0 + steps * inc = tEnd.
    const every = pick([1, 1, 2, 3]);
    const steps = between(1, Math.max(1, Math.floor((end - start) / every)));
    const from = start + between(0, end - start - steps * every);
    const inc = between(1, Math.max(1, Math.min(60, Math.floor(900 / steps))));
    const t0 = between(0, 1000 - steps * inc);
    return { kind, op, from, every, inc, t0, by: from + steps * every, tEnd: t0 + steps * inc };
  }
  if (kind === "years") {
    const years = [];
    // Thresholds that never fall from one year to the next (CT208 warns when they do).
    for (let y = startYear, v = between(100, 700); y * 12 + 11 <= end && years.length < 3; y++, v += between(0, 100)) years.push([y, v]);
    if (years.length > 0) return { kind, op, years };
  }
  if (kind === "ongoing") return { kind, op, from: between(start, end), t: between(100, 990) };
  return { kind: "single", op, by: between(start, end), t: between(100, 990) };
}

/** The month of a target's first milestone. */
function firstMonth(t) {
  if (t.kind === "years") return t.years[0][0] * 12 + 11;
  return t.kind === "single" ? t.by : t.from;
}

/** A narrower target moved to start no later than the metric's targets so far (an honest override, no CT310 gap). */
function noLaterThan(t, targets) {
  const month = Math.min(...targets.filter((o) => o.metric === t.metric).map(firstMonth));
  const late = firstMonth(t) - month;
  if (!(late > 0)) return t;
  if (t.kind === "years") return { ...t, kind: "single", by: month, t: t.years[0][1] };
  if (t.kind === "single") return { ...t, by: month };
  return t.kind === "ramp" ? { ...t, from: t.from - late, by: t.by - late } : { ...t, from: month };
}

/** One policy as data; `policyText` writes it in chitieu's language, JSON.stringify as JSON. */
export function generate(index, seed) {
  const rand = mulberry32(seed + index);
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const some = (list, lo, hi) => [...list].sort(() => rand() - 0.5).slice(0, between(lo, Math.min(hi, list.length)));

  const startYear = between(2019, 2025);
  const start = startYear * 12 + between(0, 5);
  const end = start + between(12, 36);
  const tiers = some(TIER_POOL, 1, 4);
  const tags = some(TAG_POOL, 0, 2);
  const fields = some(FIELD_POOL, 4, 9);
  const units = Array.from({ length: between(0, 5) }, (_, u) => ({
    id: `u${index}-${u + 1}`,
    name: `Đơn vị ${u + 1} của chính sách ${index}`,
    tier: pick(tiers),
    tags: tags.length > 0 && rand() < 0.5 ? [pick(tags)] : [],
  }));
  const metrics = Array.from({ length: between(1, 5) }, (_, m) => {
    const [numerator, denominator] = some(fields, 2, 2);
    return { id: `metric_${m + 1}`, name: `Tỷ lệ ${numerator} trên ${denominator}`, numerator, denominator, window: pick(WINDOWS) };
  });

  const targets = [];
  const schedule = () => scheduleOf(rand, start, end, startYear);
  for (const metric of metrics) {
    // At most one target per metric and selector item, so no two equally specific targets overlap.
    const base = rand() < 0.3 ? [{ all: true }] : some(tiers, 1, tiers.length).map((tier) => ({ tiers: [tier] }));
    for (const sel of base) {
      const except = units.length > 0 && rand() < 0.2 ? [pick(units).id] : [];
      targets.push({ id: `t${targets.length + 1}_${metric.id}`, metric: metric.id, for: sel, except, ...schedule() });
    }
    // A narrower target that started later than the ones it replaces would leave its units with no
    // threshold in between (CT310): an honest policy's overrides start no later, so others are left out.
    let earliest = Math.min(...targets.filter((t) => t.metric === metric.id).map(firstMonth));
    const narrower = (t) => {
      if (firstMonth(t) > earliest) return;
      targets.push(t);
      earliest = Math.min(earliest, firstMonth(t));
    };
    if (tags.length > 0 && rand() < 0.4) narrower({ id: `t${targets.length + 1}_${metric.id}_tag`, metric: metric.id, for: { tags: [pick(tags)] }, except: [], ...schedule() });
    for (const unit of units) {
      if (rand() < 0.3) narrower({ id: `t${targets.length + 1}_${metric.id}_${unit.id.replace(/-/g, "_")}`, metric: metric.id, for: { units: [unit.id] }, except: [], ...schedule() });
    }
  }
  const checks = metrics.filter(() => rand() < 0.7).map((m) => [m.numerator, m.denominator]);
  return {
    id: `gen-${index}`,
    title: `Chính sách sinh tự động số ${index}`,
    decision: `${between(100, 9999)}/QĐ-UBND`,
    issuer: `UBND tỉnh số ${between(1, 63)}`,
    effective: monthEnd(start - 1).replace(/-\d\d$/, "-01").replace(/^(\d+)-(\d\d)-01$/, (_, y, mo) => `${y}-${mo}-01`),
    until: monthEnd(end),
    tiers,
    tags,
    fields,
    units,
    metrics,
    targets,
    checks: [...new Set(checks.map((c) => c.join(" <= ")))],
  };
}


/**
 * The policy in chitieu's language. With `shared` (a path), its tiers, tags and fields are not
 * written but imported from that file, which `sharedDefinitions` writes.
 */
export function policyText(p, { shared } = {}) {
  return [
    `policy ${p.id} "${p.title}"`,
    `  decision "${p.decision}" issued by "${p.issuer}"`,
    `  effective ${p.effective} until ${p.until}`,
    ``,
    ...(shared === undefined ? definitionLines(p) : [`import "${shared}"`]),
    ``,
    ...p.units.map((u) => `unit ${u.id} "${u.name}" tier ${u.tier}${u.tags.length ? ` tagged ${u.tags.join(", ")}` : ""}`),
    ``,
    ...p.metrics.flatMap((m) => [`metric ${m.id} "${m.name}"`, `  = ${m.numerator} / ${m.denominator}${m.window}`]),
    ``,
    ...p.targets.flatMap((t) => [`target ${t.id} for ${selectorText(t)}:`, `  ${scheduleText(t)}`]),
    ``,
    ...p.checks.map((c) => `check ${c}`),
    ``,
  ].join("\n");
}

function definitionLines({ tiers, tags, fields }) {
  return [...tiers.map((t) => `tier ${t} "Cấp ${t}"`), ...tags.map((t) => `tag ${t} "Nhóm ${t}"`), ``, ...fields.map((f) => `field ${f} "Số liệu ${f}"`)];
}

/** Every tier, tag and field a generated policy may use: the file policies written with `shared` import. */
export function sharedDefinitions() {
  return `${definitionLines({ tiers: TIER_POOL, tags: TAG_POOL, fields: FIELD_POOL }).join("\n")}\n`;
}

/**
 * One large policy as a province or a ministry would write it when it assigns each unit its own
 * figures: tiers and tags, twenty metrics, a ramp per metric and tier, tag overrides, then units,
 * each with its own target for every metric (a ramp, yearly thresholds, ongoing or single), until
 * the text has `lines` lines or `targets` targets, whichever comes first.
 */
export function largePolicy({ lines = Infinity, targets: wanted = Infinity }, seed) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const tiers = ["province", "district", "commune", "agency"];
  const [start, end, startYear] = [2023 * 12, 2025 * 12 + 11, 2023];
  const schedule = () => scheduleOf(rand, start, end, startYear);
  const metrics = Array.from({ length: 20 }, (_, m) => {
    const [numerator, denominator] = [FIELD_POOL[m % FIELD_POOL.length], FIELD_POOL[(m + 1 + (m % 5)) % FIELD_POOL.length]];
    return { id: `metric_${m + 1}`, name: `Tỷ lệ ${numerator} trên ${denominator}`, numerator, denominator, window: pick(WINDOWS) };
  });
  const targets = [];
  for (const metric of metrics) {
    for (const tier of tiers) targets.push({ id: `${metric.id}_${tier}`, metric: metric.id, for: { tiers: [tier] }, except: [], ...schedule() });
    for (const tag of TAG_POOL.slice(0, 2)) targets.push(noLaterThan({ id: `${metric.id}_${tag}`, metric: metric.id, for: { tags: [tag] }, except: [], ...schedule() }, targets));
  }
  const units = [];
  // Fixed lines: the header, definitions, metrics and the blank lines between them; each unit adds its line and two per target.
  let count = 4 + tiers.length + TAG_POOL.length + 1 + FIELD_POOL.length + 1 + 2 * metrics.length + 1 + 2 * targets.length + 4;
  while (count + 1 + 2 * metrics.length <= lines && targets.length + metrics.length <= wanted) {
    const unit = { id: `u${units.length + 1}`, name: `Đơn vị ${units.length + 1}`, tier: pick(tiers), tags: rand() < 0.2 ? [pick(TAG_POOL)] : [] };
    units.push(unit);
    for (const metric of metrics) targets.push(noLaterThan({ id: `${metric.id}_${unit.id}`, metric: metric.id, for: { units: [unit.id] }, except: [], ...schedule() }, targets));
    count += 1 + 2 * metrics.length;
  }
  return {
    id: "large",
    title: `Giao chỉ tiêu cho ${units.length} đơn vị`,
    decision: "1000/QĐ-UBND",
    issuer: "UBND tỉnh",
    effective: "2023-01-01",
    until: monthEnd(end),
    tiers,
    tags: TAG_POOL,
    fields: FIELD_POOL,
    units,
    metrics,
    targets,
    checks: [],
  };
}
