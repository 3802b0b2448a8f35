/**
 * Formulas name metrics (scores) or fields (data checks) and call `min` or `max`; anything else in
 * them is reported where it is written.
 */
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Expression, Name } from "../syntax/ast.js";
import { closest } from "../text/suggest.js";
import { unknownName, type Symbols } from "./symbols.js";

const FUNCTIONS = ["min", "max"];

type Call = Extract<Expression, { kind: "call" }>;

/** Every expression inside this one, itself first, in the order written. */
export function subexpressions(e: Expression): Expression[] {
  switch (e.kind) {
    case "number":
    case "percent":
    case "ref":
      return [e];
    case "negate":
      return [e, ...subexpressions(e.operand)];
    case "binary":
      return [e, ...subexpressions(e.left), ...subexpressions(e.right)];
    case "call":
      return [e, ...e.arguments.flatMap(subexpressions)];
    case "if":
      return [e, ...[e.left, e.right, e.then, e.else].flatMap(subexpressions)];
  }
}

/** A name in a formula that is not of the kind the formula reads, or not defined at all. */
export function referenceProblem(name: Name, names: "metric" | "field", symbols: Symbols, file: string): Diagnostic | undefined {
  const other = names === "metric" ? "field" : "metric";
  if (symbols[other].has(name.text) && !symbols[names].has(name.text)) {
    return problem(names === "metric" ? "score-refs" : "check-fields", file, name.span, { name: name.text });
  }
  return unknownName(symbols, names, name, file);
}

export function callProblem(e: Call, file: string): Diagnostic | undefined {
  const name = e.function.text;
  if (!FUNCTIONS.includes(name)) {
    const near = closest(name, FUNCTIONS);
    return problem("unknown-function", file, e.function.span, { name, problem: "unknown", ...(near ? { near } : {}) });
  }
  if (e.arguments.length === 0) return problem("unknown-function", file, e.span, { name, problem: "no-arguments" });
  return undefined;
}
