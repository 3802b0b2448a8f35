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

/**
 * Every expression inside this one, itself first, in the order written. A stack, not recursion:
 * a sum of thousands of terms is a tree thousands deep, and copying arrays at each level was
 * quadratic.
 */
export function subexpressions(root: Expression): Expression[] {
  const out: Expression[] = [];
  const stack: Expression[] = [root];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    out.push(e);
    stack.push(...[...childrenOf(e)].reverse());
  }
  return out;
}

export function childrenOf(e: Expression): readonly Expression[] {
  switch (e.kind) {
    case "number":
    case "percent":
    case "ref":
      return [];
    case "negate":
      return [e.operand];
    case "binary":
      return [e.left, e.right];
    case "call":
      return e.arguments;
    case "if":
      return [e.left, e.right, e.then, e.else];
    case "when-empty":
      return [e.term, e.value];
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
  if (e.arguments.length === 1) return problem("unknown-function", file, e.span, { name, problem: "one-argument", ...commaPercent(e.arguments[0]) });
  return undefined;
}

/** `min(2,80%)` lexes as `min(2.80%)`: a lone percentage with a decimal comma was likely meant as two arguments. */
function commaPercent(argument: Expression | undefined): { comma?: { whole: string; fraction: string } } {
  if (argument?.kind !== "percent" || argument.written === undefined) return {};
  const written = /^(\d+),(\d+)%$/.exec(argument.written);
  return written ? { comma: { whole: written[1] ?? "", fraction: written[2] ?? "" } } : {};
}
