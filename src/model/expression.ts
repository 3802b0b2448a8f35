/**
 * Formulas evaluated exactly, for data checks (over a row's counts) and scores (over a unit's
 * rates): one evaluator, so `min`, brackets and conditionals mean the same everywhere.
 */
import * as Q from "../number/rational.js";
import type { Comparison, Expression } from "./policy.js";

/** Whether a target with this comparison asks for more (`>=`, `>`): its steps rise, its gaps are closed by adding cases. */
export const rises = (op: Comparison): boolean => op === ">=" || op === ">";

/** Whether `a op b` holds, given the order of a and b. */
export function holds(op: "=" | Comparison, order: -1 | 0 | 1): boolean {
  switch (op) {
    case "=":
      return order === 0;
    case ">=":
      return order >= 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    case "<":
      return order < 0;
  }
}

/** The ids a formula names, in order, each once. */
export function references(e: Expression): string[] {
  const found = new Set<string>();
  const visit = (x: Expression): void => {
    switch (x.kind) {
      case "ref":
        found.add(x.name.text);
        return;
      case "negate":
        return visit(x.operand);
      case "binary":
        visit(x.left);
        return visit(x.right);
      case "call":
        return x.arguments.forEach(visit);
      case "if":
        [x.left, x.right, x.then, x.else].forEach(visit);
        return;
      case "when-empty":
        visit(x.term);
        return visit(x.value);
      default:
        return;
    }
  };
  visit(e);
  return [...found];
}

const HUNDRED = Q.rational(100n);

/** The exact value; undefined when it divides by zero or names something without a value. */
export function evaluateExpression(e: Expression, valueOf: (id: string) => Q.Rational | undefined): Q.Rational | undefined {
  const recur = (x: Expression) => evaluateExpression(x, valueOf);
  const all = (xs: readonly Expression[]): Q.Rational[] | undefined => {
    const values = xs.map(recur);
    return values.every((v) => v !== undefined) ? values : undefined;
  };
  const both = (a: Expression, b: Expression): readonly [Q.Rational, Q.Rational] | undefined => {
    const [x, y] = [recur(a), recur(b)];
    return x === undefined || y === undefined ? undefined : [x, y];
  };
  switch (e.kind) {
    case "number":
      return e.value;
    case "percent":
      return Q.div(e.points, HUNDRED);
    case "ref":
      return valueOf(e.name.text);
    case "negate": {
      const operand = recur(e.operand);
      return operand && Q.neg(operand);
    }
    case "binary": {
      const sides = both(e.left, e.right);
      return sides && arithmetic(e.op, ...sides);
    }
    case "call": {
      const args = all(e.arguments);
      // The checker allows only `min` and `max`, with at least one argument.
      return args && args.length > 0 ? (e.function.text === "min" ? Q.min(...args) : Q.max(...args)) : undefined;
    }
    case "if": {
      const sides = both(e.left, e.right);
      return sides && recur(holds(e.comparison, Q.compare(...sides)) ? e.then : e.else);
    }
    case "when-empty":
      return recur(e.term) ?? recur(e.value);
  }
}

function arithmetic(op: "+" | "-" | "*" | "/", a: Q.Rational, b: Q.Rational): Q.Rational | undefined {
  switch (op) {
    case "+":
      return Q.add(a, b);
    case "-":
      return Q.sub(a, b);
    case "*":
      return Q.mul(a, b);
    case "/":
      return Q.div(a, b);
  }
}
