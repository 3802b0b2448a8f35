/**
 * Checks on formulas: the points of a score or target, which read metrics, and a data check's two
 * sides, which read fields.
 */
import { problem } from "../../diagnostics/diagnostic.js";
import type { DataCheck, Expression, Points } from "../../syntax/ast.js";
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
