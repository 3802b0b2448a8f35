/**
 * Points from a formula, exactly: metric values are the unit's rates as ratios (80% is 0.8), the
 * arithmetic is rational, and the result is rounded once, as the policy declares.
 */
import type { Expression, Points } from "../model/policy.js";
import * as R from "../number/rational.js";
import { meets } from "./rate.js";

/** A metric's value for one unit: a rate, or why there is none. */
export type MetricValue = R.Rational | "no-data" | "no-denominator";

class Empty {
  constructor(readonly why: "no-data" | "no-denominator") {}
}

/** The points, or null when a metric has no data at all (a score of nothing is not zero). */
export function scorePoints(points: Points, valueOf: (metric: string) => MetricValue): number | null {
  let value: R.Rational;
  try {
    value = evaluate(points.formula, valueOf);
  } catch (error) {
    if (!(error instanceof Empty)) throw error;
    if (error.why === "no-data") return null;
    value = points.whenEmpty ? evaluate(points.whenEmpty, () => R.ZERO) : R.ZERO;
  }
  return R.toNumber(R.round(value, points.decimals, points.rounding));
}

const HUNDRED = R.rational(100);

function evaluate(e: Expression, valueOf: (metric: string) => MetricValue): R.Rational {
  const recur = (x: Expression) => evaluate(x, valueOf);
  switch (e.kind) {
    case "number":
      return e.value;
    case "percent":
      return R.div(e.points, HUNDRED)!;
    case "ref": {
      const value = valueOf(e.name.text);
      if (typeof value === "string") throw new Empty(value);
      return value;
    }
    case "negate":
      return R.neg(recur(e.operand));
    case "binary":
      return binary(e.op, recur(e.left), recur(e.right));
    case "call":
      return (e.function.text === "min" ? R.min : R.max)(...e.arguments.map(recur));
    case "if":
      return meets(e.comparison, R.compare(recur(e.left), recur(e.right))) ? recur(e.then) : recur(e.else);
  }
}

function binary(op: "+" | "-" | "*" | "/", a: R.Rational, b: R.Rational): R.Rational {
  switch (op) {
    case "+":
      return R.add(a, b);
    case "-":
      return R.sub(a, b);
    case "*":
      return R.mul(a, b);
    case "/": {
      // Dividing by a rate of zero is the formula's own zero denominator.
      const quotient = R.div(a, b);
      if (!quotient) throw new Empty("no-denominator");
      return quotient;
    }
  }
}
