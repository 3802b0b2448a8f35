/**
 * Checks on formulas: the points of a score or target, which read metrics, and a data check's two
 * sides, which read fields.
 */
import { problem } from "../../diagnostics/diagnostic.js";
import type { DataCheck, Expression, Points } from "../../syntax/ast.js";
import { evaluateExpression, references } from "../../model/expression.js";
import { closest } from "../../text/suggest.js";
import type { Check, CheckContext } from "../context.js";
import { callProblem, referenceProblem, subexpressions } from "../expressions.js";
import { ROUNDING_MODES, roundingModeOf } from "../facts.js";

const formulasOf = (points: Points): Expression[] => (points.whenEmpty ? [points.formula, points.whenEmpty] : [points.formula]);

function namesRead(expressions: readonly Expression[], names: "metric" | "field", context: CheckContext): void {
  for (const e of expressions.flatMap(subexpressions)) {
    const found = e.kind === "ref" ? referenceProblem(e.name, names, context.symbols, context.file) : undefined;
    if (found) context.accept(found);
  }
}

function functionsKnown(expressions: readonly Expression[], context: CheckContext): void {
  for (const e of expressions.flatMap(subexpressions)) {
    const found = e.kind === "call" ? callProblem(e, context.file) : undefined;
    if (found) context.accept(found);
  }
}

export const pointsReadMetrics: Check<Points> = (points, context) => namesRead(formulasOf(points), "metric", context);

export const pointsFunctionsKnown: Check<Points> = (points, context) => functionsKnown(formulasOf(points), context);

export const roundingModeKnown: Check<Points> = (points, context) => {
  const mode = points.rounding?.mode;
  if (!mode || roundingModeOf(mode)) return;
  const near = closest(mode.text, ROUNDING_MODES);
  context.accept(problem("unknown-rounding", context.file, mode.span, { mode: mode.text, ...(near ? { near } : {}), modes: ROUNDING_MODES }));
};

export const dataCheckReadsFields: Check<DataCheck> = (check, context) => namesRead([check.left, check.right], "field", context);

export const dataCheckFunctionsKnown: Check<DataCheck> = (check, context) => functionsKnown([check.left, check.right], context);

/** A division by a constant zero (`1 / 0`, `x / (2 - 2)`) has no value: refused here, never a silent 0 when scored. */
function noDivisionByZero(expressions: readonly Expression[], context: CheckContext): void {
  for (const e of expressions.flatMap(subexpressions)) {
    if (e.kind !== "binary" || e.op !== "/" || references(e.right).length > 0) continue;
    const divisor = evaluateExpression(e.right, () => undefined);
    if (divisor !== undefined && divisor.num === 0n) context.accept(problem("divides-by-zero", context.file, e.right.span, {}));
  }
}

export const pointsDivideByNonZero: Check<Points> = (points, context) => noDivisionByZero(formulasOf(points), context);

export const dataCheckDividesByNonZero: Check<DataCheck> = (check, context) => noDivisionByZero([check.left, check.right], context);
