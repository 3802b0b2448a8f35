/**
 * Observations rearranged for evaluation: per unit and field, running sums over months, so the
 * counts of any window are two array reads. Built once per data set; evaluating many as-of dates
 * or policies over the same data reuses it.
 */
import type { MonthIndex, Observation, Registry, RegistryUnit } from "../data/types.js";
import type { MonthRange } from "./window.js";

/** Counts over a period longer than a month (a quarter, a year), kept whole: they cannot be split. */
interface Span {
  readonly from: MonthIndex;
  readonly to: MonthIndex;
  readonly values: Float64Array;
}

export interface UnitSeries {
  readonly unit: RegistryUnit;
  /** prefix[f * (months + 1) + i]: field f summed over the first i months; NaN-free. */
  readonly prefix: Float64Array;
  /** How many of the first i months reported field f. */
  readonly reported: Int32Array;
  readonly spans: readonly Span[];
}

export interface DataSet {
  readonly fields: readonly string[];
  readonly first: MonthIndex;
  readonly months: number;
  readonly units: readonly UnitSeries[];
}

export interface Sum {
  value: number;
  monthsWithData: number;
}

export function buildDataSet(
  registry: Registry,
  observations: readonly Observation[],
  fields: readonly string[],
  successorOf?: (unit: string) => string,
): DataSet {
  const { first, months } = monthSpan(observations);
  const byUnit = groupByUnit(observations, successorOf);
  const units = registry.units.map((unit) => series(unit, byUnit.get(unit.id) ?? [], fields, first, months));
  return { fields, first, months, units };
}

/** A loop, not Math.min(...list): millions of rows would overflow the call stack. */
function monthSpan(observations: readonly Observation[]): { first: MonthIndex; months: number } {
  if (observations.length === 0) return { first: 0, months: 0 };
  let first = Infinity;
  let last = -Infinity;
  for (const o of observations) {
    if (o.period.from < first) first = o.period.from;
    if (o.period.to > last) last = o.period.to;
  }
  return { first, months: last - first + 1 };
}

function groupByUnit(observations: readonly Observation[], successorOf?: (unit: string) => string): Map<string, Observation[]> {
  const byUnit = new Map<string, Observation[]>();
  for (const o of observations) {
    const id = successorOf ? successorOf(o.unit) : o.unit;
    const list = byUnit.get(id);
    if (list) list.push(o);
    else byUnit.set(id, [o]);
  }
  return byUnit;
}

function series(unit: RegistryUnit, observations: readonly Observation[], fields: readonly string[], first: MonthIndex, months: number): UnitSeries {
  const stride = months + 1;
  const prefix = new Float64Array(fields.length * stride);
  const reported = new Int32Array(fields.length * stride);
  const spans: Span[] = [];
  for (const o of observations) {
    if (o.period.from !== o.period.to) {
      spans.push({ from: o.period.from, to: o.period.to, values: Float64Array.from(fields, (f) => o.counts.get(f) ?? Number.NaN) });
      continue;
    }
    const i = o.period.from - first + 1;
    fields.forEach((f, fi) => {
      const value = o.counts.get(f);
      if (value === undefined) return;
      prefix[fi * stride + i]! += value;
      reported[fi * stride + i] = 1;
    });
  }
  for (let fi = 0; fi < fields.length; fi++) {
    for (let i = 1; i < stride; i++) {
      prefix[fi * stride + i]! += prefix[fi * stride + i - 1]!;
      reported[fi * stride + i]! += reported[fi * stride + i - 1]!;
    }
  }
  return { unit, prefix, reported, spans };
}

/** Field `fi` summed over a window, into `out` to spare an allocation per call. */
export function sumWindow(data: DataSet, s: UnitSeries, fi: number, range: MonthRange, out: Sum): Sum {
  const stride = data.months + 1;
  const lo = Math.max(range.from - data.first, 0);
  const hi = Math.min(range.to - data.first + 1, data.months);
  out.value = 0;
  out.monthsWithData = 0;
  if (hi > lo) {
    out.value = s.prefix[fi * stride + hi]! - s.prefix[fi * stride + lo]!;
    out.monthsWithData = s.reported[fi * stride + hi]! - s.reported[fi * stride + lo]!;
  }
  for (const span of s.spans) {
    const value = span.values[fi]!;
    if (span.from >= range.from && span.to <= range.to && !Number.isNaN(value)) {
      out.value += value;
      out.monthsWithData += span.to - span.from + 1;
    }
  }
  return out;
}
