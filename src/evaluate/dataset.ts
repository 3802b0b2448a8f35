/**
 * Observations rearranged for evaluation: per unit and field, running sums over months, so the
 * counts of any window are two array reads. The month axis holds only months some row reports, so
 * two rows dated 1900-01 and 2999-12 cost two months per series, not 13,201. All units share one array (unit-major), so evaluating
 * touches memory in order and a data set of 10,000 units is a handful of allocations, not 100,000.
 * Built once per data set; evaluating many as-of dates or policies over the same data reuses it.
 */
import { monthOfDate } from "../data/period.js";
import type { MonthIndex, Period, Registry, RegistryUnit } from "../data/types.js";
import type { MonthRange } from "./window.js";

/** Counts over a period longer than a month (a quarter, a year), kept whole: they cannot be split. */
interface Span {
  readonly from: MonthIndex;
  readonly to: MonthIndex;
  readonly values: Float64Array;
}

export interface DataSet {
  readonly fields: readonly string[];
  readonly first: MonthIndex;
  /** How many months some single-month row reports: the length of each series. */
  readonly months: number;
  /** slot[k]: how many of those months come before month `first + k`, for k from 0 to the span. */
  readonly slot: Int32Array;
  readonly units: readonly RegistryUnit[];
  /** prefix[(u * fields + f) * (months + 1) + i]: unit u's field f summed over the first i reported months. */
  readonly prefix: Float64Array;
  /** How many of those first i months reported the field. */
  readonly reported: Int32Array;
  /** Per unit, its longer-period rows; undefined for the (usual) unit that has none. */
  readonly spans: readonly (readonly Span[] | undefined)[];
  /** existed[2u] and existed[2u + 1]: the first and last month unit u existed in, for the months it owes reports. */
  readonly existed: Int32Array;
}

export interface Sum {
  value: number;
  monthsWithData: number;
}

/**
 * The rows the checks kept, by columns: the unit each is of, its months, and its counts by field
 * (NaN where not reported). Grows as rows are kept, so prepare holds no object per row.
 */
export class KeptRows {
  size = 0;
  units: string[] = [];
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  counts: Float64Array;

  constructor(readonly fields: number) {
    this.counts = new Float64Array(1024 * fields);
  }

  push(unit: string, period: Period, counts: Float64Array): void {
    if (this.size === this.from.length) this.grow();
    const i = this.size++;
    this.units.push(unit);
    this.from[i] = period.from;
    this.to[i] = period.to;
    this.counts.set(counts, i * this.fields);
  }

  private grow(): void {
    const more = <T extends Int32Array | Float64Array>(a: T, by: number): T => {
      const bigger = new (a.constructor as new (n: number) => T)(a.length * by);
      bigger.set(a);
      return bigger;
    };
    this.from = more(this.from, 2);
    this.to = more(this.to, 2);
    this.counts = more(this.counts, 2);
  }
}

export function buildDataSet(registry: Registry, rows: KeptRows, fields: readonly string[], successorOf?: (unit: string) => string): DataSet {
  const { first, slot } = monthAxis(rows);
  const months = slot[slot.length - 1]!;
  const units = registry.units;
  const index = new Map(units.map((u, i) => [u.id, i]));
  const stride = months + 1;
  const prefix = new Float64Array(units.length * fields.length * stride);
  const reported = new Int32Array(prefix.length);
  const spans: (Span[] | undefined)[] = new Array<Span[] | undefined>(units.length).fill(undefined);
  const width = fields.length;
  for (let r = 0; r < rows.size; r++) {
    const id = rows.units[r]!;
    const u = index.get(successorOf ? successorOf(id) : id);
    if (u === undefined) continue;
    const [from, to] = [rows.from[r]!, rows.to[r]!];
    if (from !== to) {
      (spans[u] ??= []).push({ from, to, values: rows.counts.slice(r * width, (r + 1) * width) });
      continue;
    }
    const i = slot[from - first]! + 1;
    for (let f = 0; f < width; f++) {
      const value = rows.counts[r * width + f]!;
      if (Number.isNaN(value)) continue;
      const at = (u * width + f) * stride + i;
      prefix[at]! += value;
      reported[at] = 1;
    }
  }
  accumulate(prefix, reported, stride);
  return { fields, first, months, slot, units, prefix, reported, spans, existed: existence(units, index, successorOf) };
}

// Stands for a missing validity date: past any month a window reaches, and still an Int32.
const EVER = 1 << 30;

/**
 * The months each unit existed in, from its validity dates. A unit whose merged predecessors'
 * history counts under it existed, for its reports, since the earliest of them did.
 */
function existence(units: readonly RegistryUnit[], index: ReadonlyMap<string, number>, successorOf: ((unit: string) => string) | undefined): Int32Array {
  const existed = new Int32Array(units.length * 2);
  units.forEach((unit, u) => {
    existed[2 * u] = unit.validFrom === undefined ? -EVER : monthOfDate(unit.validFrom);
    existed[2 * u + 1] = unit.validTo === undefined ? EVER : monthOfDate(unit.validTo);
  });
  if (!successorOf) return existed;
  units.forEach((unit, u) => {
    const s = index.get(successorOf(unit.id))!;
    existed[2 * s] = Math.min(existed[2 * s]!, existed[2 * u]!);
  });
  return existed;
}

/**
 * The first month and the slot of every month of the span: how many months reported by a
 * single-month row precede it. Loops, not Math.min(...list): millions of rows would overflow the stack.
 */
function monthAxis(rows: KeptRows): { first: MonthIndex; slot: Int32Array } {
  if (rows.size === 0) return { first: 0, slot: new Int32Array(1) };
  let first = Infinity;
  let last = -Infinity;
  for (let r = 0; r < rows.size; r++) {
    if (rows.from[r]! < first) first = rows.from[r]!;
    if (rows.to[r]! > last) last = rows.to[r]!;
  }
  const slot = new Int32Array(last - first + 2);
  for (let r = 0; r < rows.size; r++) if (rows.from[r] === rows.to[r]) slot[rows.from[r]! - first + 1] = 1;
  for (let k = 1; k < slot.length; k++) slot[k]! += slot[k - 1]!;
  return { first, slot };
}

/** Turns per-month values into running sums, series by series. */
function accumulate(prefix: Float64Array, reported: Int32Array, stride: number): void {
  for (let base = 0; base < prefix.length; base += stride) {
    for (let i = base + 1; i < base + stride; i++) {
      prefix[i]! += prefix[i - 1]!;
      reported[i]! += reported[i - 1]!;
    }
  }
}

/** Field `f` of unit `u` summed over a window, into `out` to spare an allocation per call. */
export function sumWindow(data: DataSet, u: number, f: number, range: MonthRange, out: Sum): Sum {
  const stride = data.months + 1;
  const base = (u * data.fields.length + f) * stride;
  const lo = slotOf(data, range.from - data.first);
  const hi = slotOf(data, range.to - data.first + 1);
  out.value = 0;
  out.monthsWithData = 0;
  if (hi > lo) {
    out.value = data.prefix[base + hi]! - data.prefix[base + lo]!;
    out.monthsWithData = data.reported[base + hi]! - data.reported[base + lo]!;
  }
  const spans = data.spans[u];
  if (spans) addSpans(spans, f, range, out);
  return out;
}

const slotOf = (data: DataSet, k: number): number => data.slot[Math.min(Math.max(k, 0), data.slot.length - 1)]!;

/** How many months of the window unit `u` existed in: the months it should have reported. */
export function monthsExisted(data: DataSet, u: number, range: MonthRange): number {
  return Math.min(range.to, data.existed[2 * u + 1]!) - Math.max(range.from, data.existed[2 * u]!) + 1;
}

function addSpans(spans: readonly Span[], f: number, range: MonthRange, out: Sum): void {
  for (const span of spans) {
    const value = span.values[f]!;
    if (span.from >= range.from && span.to <= range.to && !Number.isNaN(value)) {
      out.value += value;
      out.monthsWithData += span.to - span.from + 1;
    }
  }
}
