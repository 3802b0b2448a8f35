/**
 * A data check's formula compiled once per policy into a function over a row of counts, in
 * doubles. Counts are whole numbers, so while every value on the way is a safe integer the double
 * result is the exact one; anything that could leave the integers (a division, a percentage, a
 * fraction, a product or sum past 2^53) gives NaN, and the caller falls back to rationals for that
 * row. The fast path therefore never decides a comparison that rationals would decide otherwise.
 */
import { holds } from "../model/expression.js";
import type { Expression } from "../model/policy.js";

/** The formula's value for a row (counts by field index); NaN when only rationals can say. */
export type RowFormula = (row: Float64Array) => number;

const inexact: RowFormula = () => NaN;

/** Compiles `e` over fields numbered by `fieldIndex`; a formula the fast path cannot hold always gives NaN. */
export function compileRowFormula(e: Expression, fieldIndex: ReadonlyMap<string, number>): RowFormula {
  switch (e.kind) {
    case "number": {
      const value = Number(e.value.num);
      return e.value.den === 1n && Number.isSafeInteger(value) ? () => value : inexact;
    }
    // A term's own value when it divides by zero is for scores; rationals decide it in a check.
    case "percent":
    case "when-empty":
      return inexact;
    case "ref": {
      const f = fieldIndex.get(e.name.text);
      return f === undefined ? inexact : (row) => row[f]!;
    }
    case "negate": {
      const operand = compileRowFormula(e.operand, fieldIndex);
      return (row) => -operand(row);
    }
    case "binary":
      return e.op === "/" ? inexact : binary(e.op, compileRowFormula(e.left, fieldIndex), compileRowFormula(e.right, fieldIndex));
    case "call": {
      const args = e.arguments.map((a) => compileRowFormula(a, fieldIndex));
      const pick = e.function.text === "min" ? Math.min : Math.max;
      // Math.min and Math.max give NaN when any argument is NaN, which is what falls back.
      return args.length === 0 ? inexact : (row) => pick(...args.map((a) => a(row)));
    }
    case "if": {
      const [left, right, then, otherwise] = [e.left, e.right, e.then, e.else].map((x) => compileRowFormula(x, fieldIndex)) as [RowFormula, RowFormula, RowFormula, RowFormula];
      const op = e.comparison;
      return (row) => {
        const order = orderOf(left(row), right(row));
        return Number.isNaN(order) ? NaN : holds(op, order as -1 | 0 | 1) ? then(row) : otherwise(row);
      };
    }
  }
}

function binary(op: "+" | "-" | "*", left: RowFormula, right: RowFormula): RowFormula {
  const exact = (value: number): number => (Number.isSafeInteger(value) ? value : NaN);
  switch (op) {
    case "+":
      return (row) => exact(left(row) + right(row));
    case "-":
      return (row) => exact(left(row) - right(row));
    case "*":
      return (row) => exact(left(row) * right(row));
  }
}

/** -1, 0 or 1 for two exact values; NaN when either is not one. */
export function orderOf(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}
