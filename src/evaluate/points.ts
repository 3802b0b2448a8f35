/**
 * Points from a formula, exactly: metric values are the unit's rates as ratios (80% is 0.8), the
 * arithmetic is rational, and the result is rounded once, as the policy declares.
 */
import { evaluateExpression, references } from "../model/expression.js";
import type { Points } from "../model/policy.js";
import * as R from "../number/rational.js";

/** A metric's value for one unit: a rate, or why there is none. */
export type MetricValue = R.Rational | "no-data" | "no-denominator";

/**
 * The points; null when a metric has no data at all (a score of nothing is not zero). A zero
 * denominator, in a metric or in the formula itself, gives the policy's `when empty` points.
 */
export function scorePoints(points: Points, valueOf: (metric: string) => MetricValue): number | null {
  const values = new Map(references(points.formula).map((id) => [id, valueOf(id)]));
  if ([...values.values()].includes("no-data")) return null;
  const rate = (id: string) => {
    const value = values.get(id);
    return typeof value === "string" ? undefined : value;
  };
  const value = evaluateExpression(points.formula, rate) ?? (points.whenEmpty ? evaluateExpression(points.whenEmpty, () => R.ZERO) : R.ZERO) ?? R.ZERO;
  return R.toNumber(R.round(value, points.decimals, points.rounding));
}
