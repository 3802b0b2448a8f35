/**
 * Every id written in a file, as a definition or a reference, with the kind the grammar gives it at
 * that place: what go to definition, find references, rename, hover and semantic tokens share.
 */
import type { Kind, Symbols } from "../check/symbols.js";
import type * as A from "../syntax/ast.js";
import type { Span } from "../text/span.js";

/** The kinds of ids: what a policy defines for others to import, and its own rules. */
export type NameKind = Kind | "target" | "score";

export interface Occurrence {
  readonly file: string;
  readonly span: Span;
  readonly kind: NameKind;
  readonly id: string;
  readonly definition: boolean;
}

export function occurrencesIn(file: string, ast: A.PolicyFile): Occurrence[] {
  const found: Occurrence[] = [];
  const add = (kind: NameKind, name: A.Name, definition = false): void => {
    found.push({ file, span: name.span, kind, id: name.text, definition });
  };
  const selector = (s: A.Selector): void => {
    for (const item of [...s.include, ...s.exclude]) if (item.kind !== "all") add(item.kind, item.id);
  };
  const formula = (kind: "metric" | "field", ...roots: (A.Expression | undefined)[]): void => {
    for (const name of referencesOf(roots)) add(kind, name);
  };
  for (const s of ast.statements) {
    switch (s.kind) {
      case "import":
        break;
      case "tier":
      case "tag":
      case "field":
        add(s.kind, s.id, true);
        break;
      case "unit":
        add("unit", s.id, true);
        add("tier", s.tier);
        for (const tag of s.tags) add("tag", tag);
        break;
      case "metric":
        add("metric", s.id, true);
        add("field", s.numerator);
        add("field", s.denominator);
        break;
      case "target":
        add("target", s.id, true);
        selector(s.selector);
        for (const clause of s.schedule) if (clause.kind === "milestone" && clause.metric) add("metric", clause.metric);
        formula("metric", s.points?.formula, s.points?.whenEmpty);
        break;
      case "score":
        add("score", s.id, true);
        selector(s.selector);
        formula("metric", s.points.formula, s.points.whenEmpty);
        break;
      case "check":
        formula("field", s.left, s.right);
        break;
    }
  }
  return found.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

/** The ids a formula reads, in the order written; a stack, not recursion, as formulas may be long. */
function referencesOf(roots: readonly (A.Expression | undefined)[]): A.Name[] {
  const names: A.Name[] = [];
  const stack = roots.filter((e): e is A.Expression => e !== undefined).reverse();
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    if (e.kind === "ref") names.push(e.name);
    else if (e.kind === "negate") stack.push(e.operand);
    else if (e.kind === "binary") stack.push(e.right, e.left);
    else if (e.kind === "call") stack.push(...[...e.arguments].reverse());
    else if (e.kind === "if") stack.push(e.else, e.then, e.right, e.left);
  }
  return names;
}

/** The name at a source offset of `file`, if any. */
export function occurrenceAt(names: readonly Occurrence[], file: string, offset: number): Occurrence | undefined {
  return names.find((o) => o.file === file && o.span.start.offset <= offset && offset <= o.span.end.offset);
}

/** Where the id in force is defined: the first definition, in this file or an import. */
export function definitionOf(names: readonly Occurrence[], symbols: Symbols | undefined, kind: NameKind, id: string): Occurrence | undefined {
  if (kind === "target" || kind === "score") return names.find((o) => o.definition && o.kind === kind && o.id === id);
  const defined = symbols?.[kind].get(id);
  if (!defined) return undefined;
  return { file: defined.file, span: defined.declaration.id.span, kind, id, definition: true };
}
