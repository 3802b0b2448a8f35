/**
 * Formulas name metrics (scores) or fields (data checks) and call `min` or `max`; anything else in
 * them is reported where it is written.
 */
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Expression } from "../syntax/ast.js";
import { closest } from "../text/suggest.js";
import { resolve, type Symbols } from "./symbols.js";

const FUNCTIONS = ["min", "max"];

export function checkExpression(
  expression: Expression,
  names: "metric" | "field",
  symbols: Symbols,
  file: string,
  diagnostics: Diagnostic[],
): void {
  const visit = (e: Expression): void => {
    switch (e.kind) {
      case "number":
      case "percent":
        return;
      case "ref":
        return reference(e.name, names, symbols, file, diagnostics);
      case "negate":
        return visit(e.operand);
      case "binary":
        visit(e.left);
        return visit(e.right);
      case "call":
        call(e, file, diagnostics);
        return e.arguments.forEach(visit);
      case "if":
        [e.left, e.right, e.then, e.else].forEach(visit);
    }
  };
  visit(expression);
}

function reference(
  name: Extract<Expression, { kind: "ref" }>["name"],
  names: "metric" | "field",
  symbols: Symbols,
  file: string,
  diagnostics: Diagnostic[],
): void {
  const other = names === "metric" ? "field" : "metric";
  if (symbols[other].has(name.text) && !symbols[names].has(name.text)) {
    diagnostics.push(problem(names === "metric" ? "score-refs" : "check-fields", file, name.span, { name: name.text }));
    return;
  }
  resolve(symbols, names, name, file, diagnostics);
}

function call(e: Extract<Expression, { kind: "call" }>, file: string, diagnostics: Diagnostic[]): void {
  const name = e.function.text;
  if (!FUNCTIONS.includes(name)) {
    const near = closest(name, FUNCTIONS);
    diagnostics.push(
      problem("unknown-function", file, e.function.span, { name, problem: "unknown", ...(near ? { near } : {}) }),
    );
  } else if (e.arguments.length === 0) {
    diagnostics.push(
      problem("unknown-function", file, e.span, { name, problem: "no-arguments" }),
    );
  }
}
