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
