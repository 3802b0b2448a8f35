/**
 * Checks on formulas: the points of a score or target, which read metrics, and a data check's two
 * sides, which read fields.
 */
import { problem } from "../../diagnostics/diagnostic.js";
import type { DataCheck, Expression, Points } from "../../syntax/ast.js";
import { evaluateExpression, references } from "../../model/expression.js";
import { closest } from "../../text/suggest.js";
import type { Check, CheckContext } from "../context.js";
import { callProblem, childrenOf, referenceProblem, subexpressions } from "../expressions.js";
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

/**
 * A score whose formula can be empty (a metric can have no denominator, a divisor can be zero) with
 * no `when empty`, for the formula or for the term, gives units no points: said before data shows it.
 */
export const pointsSayWhenEmpty: Check<Points> = (points, context) => {
  if (points.whenEmpty) return;
  const found = uncovered(points.formula);
  if (!found) return;
  context.accept(problem("may-be-empty", context.file, found.span, found.kind === "ref" ? { metric: found.name.text } : {}));
};

/** The first part, in the order written, that can divide by zero outside a term with its own `when empty`. */
function uncovered(e: Expression): Expression | undefined {
  const stack: Expression[] = [e];
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    if (x.kind === "ref") return x;
    if (x.kind === "binary" && x.op === "/" && references(x.right).length > 0 && !coversAll(x)) return x;
    if (x.kind === "when-empty") stack.push(x.value);
    else stack.push(...[...childrenOf(x)].reverse());
  }
  return undefined;
}

/** A division whose divisor is a metric is reported at the metric, which says more than the division. */
const coversAll = (x: Extract<Expression, { kind: "binary" }>): boolean => x.right.kind === "ref";
