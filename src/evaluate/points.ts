/**
 * Points from a formula, exactly: metric values are the unit's rates as ratios (80% is 0.8), the
 * arithmetic is rational, and the result is rounded once, as the policy declares.
 */
import { evaluateExpression, references } from "../model/expression.js";
import type { Points } from "../model/policy.js";
import * as R from "../number/rational.js";
import type { ScoreReason } from "./reasons.js";

/** A metric's value for one unit: a rate, or why there is none. */
export type MetricValue = R.Rational | "no-data" | "no-denominator";

/** The points (as rounded, and exactly so, for adding into an index), or null and why there are none. */
export type Scored =
  | { readonly points: number; readonly exact: R.Rational; readonly reason: undefined }
  | { readonly points: null; readonly exact: undefined; readonly reason: ScoreReason };

const none = (reason: ScoreReason): Scored => ({ points: null, exact: undefined, reason });

/**
 * The points; none when a metric has no data at all (a score of nothing is not zero). A zero
 * divisor, a metric's denominator or one in the formula, gives the policy's `when empty` points;
 * without `when empty` there are none either, with the reason, never a made-up 0.
 */
export function scorePoints(points: Points, valueOf: (metric: string) => MetricValue, window?: "quarter" | "year-to-date"): Scored {
  const values = new Map(references(points.formula).map((id) => [id, valueOf(id)]));
  const metrics = (kind: MetricValue) => [...values].filter(([, v]) => v === kind).map(([id]) => id);
  const noData = metrics("no-data");
  if (noData.length > 0) return none({ kind: "no-data", metrics: noData, ...(window ? { window } : {}) });
  const rate = (id: string) => {
    const value = values.get(id);
    return typeof value === "string" ? undefined : value;
  };
  const value = evaluateExpression(points.formula, rate) ?? (points.whenEmpty && evaluateExpression(points.whenEmpty, () => R.ZERO));
  if (value === undefined) return none(emptyReason(metrics("no-denominator"), points.whenEmpty !== undefined));
  const exact = R.round(value, points.decimals, points.rounding);
  return { points: R.toNumber(exact), exact, reason: undefined };
}

/** A metric without a denominator is the reason when there is one; otherwise the formula divided by a zero. */
function emptyReason(noDenominator: readonly string[], whenEmpty: boolean): ScoreReason {
  if (whenEmpty) return { kind: "divides-by-zero", in: "when-empty" };
  return noDenominator.length > 0 ? { kind: "no-denominator", metrics: noDenominator } : { kind: "divides-by-zero", in: "formula" };
}
