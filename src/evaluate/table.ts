/**
 * An evaluation's results as columns: one typed array per figure, one row per unit and metric a
 * target covers. Every figure is computed into these arrays by `evaluate`; the `Result` objects of
 * the JSON contract are read off them only when someone asks, so scoring a country does not
 * allocate a country's worth of objects before anyone looks.
 */
import type { Reason } from "./reasons.js";
import { Status } from "./result.js";

/** Status codes in the columns, in the order of the contract's enum. */
export const STATUS: readonly Status[] = Status.options;
export const MET = 0;
export const MISSED = 1;
export const NO_DATA = 2;
export const NO_DENOMINATOR = 3;
export const NOT_DUE = 4;
export const EXCLUDED = 5;
export const INCOMPLETE = 6;

export interface ResultTable {
  readonly size: number;
  /** Index into the data set's units. */
  readonly unit: Int32Array;
  /** Index into the evaluator's metrics. */
  readonly metric: Int32Array;
  /** Index into the policy's targets. */
  readonly target: Int32Array;
  readonly status: Uint8Array;
  /** NaN stands for null in every Float64Array column. */
  readonly numerator: Float64Array;
  readonly denominator: Float64Array;
  readonly actual: Float64Array;
  readonly gapPoints: Float64Array;
  readonly needed: Float64Array;
  readonly score: Float64Array;
  /** 0 for no rank. */
  readonly rank: Int32Array;
  /** The months of the window the unit should have reported: those it existed in. */
  readonly months: Int32Array;
  readonly monthsWithData: Int32Array;
  /** Why an excluded row has no threshold, by row. */
  readonly reasons: Map<number, Reason>;
}

export function resultTable(capacity: number): ResultTable {
  return {
    size: 0,
    unit: new Int32Array(capacity),
    metric: new Int32Array(capacity),
    target: new Int32Array(capacity),
    status: new Uint8Array(capacity),
    numerator: new Float64Array(capacity).fill(Number.NaN),
    denominator: new Float64Array(capacity).fill(Number.NaN),
    actual: new Float64Array(capacity).fill(Number.NaN),
    gapPoints: new Float64Array(capacity).fill(Number.NaN),
    needed: new Float64Array(capacity).fill(Number.NaN),
    score: new Float64Array(capacity).fill(Number.NaN),
    rank: new Int32Array(capacity),
    months: new Int32Array(capacity),
    monthsWithData: new Int32Array(capacity),
    reasons: new Map(),
  };
}

/** The filled rows only, sharing memory with the full-capacity columns. */
export function trimmed(table: ResultTable, size: number): ResultTable {
  return {
    size,
    unit: table.unit.subarray(0, size),
    metric: table.metric.subarray(0, size),
    target: table.target.subarray(0, size),
    status: table.status.subarray(0, size),
    numerator: table.numerator.subarray(0, size),
    denominator: table.denominator.subarray(0, size),
    actual: table.actual.subarray(0, size),
    gapPoints: table.gapPoints.subarray(0, size),
    needed: table.needed.subarray(0, size),
    score: table.score.subarray(0, size),
    rank: table.rank.subarray(0, size),
    months: table.months.subarray(0, size),
    monthsWithData: table.monthsWithData.subarray(0, size),
    reasons: table.reasons,
  };
}

export const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);
