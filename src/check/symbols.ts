/**
 * The ids a policy can refer to, one table per kind, gathered from the policy and its imports.
 * Defining an id twice is reported at the second definition, pointing back at the first.
 */
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { NameHint } from "../diagnostics/messages.js";
import type {
  FieldDeclaration,
  MetricDeclaration,
  Name,
  TagDeclaration,
  TierDeclaration,
  UnitDeclaration,
} from "../syntax/ast.js";
import { closest } from "../text/suggest.js";
import type { LoadedFile } from "./load.js";

export interface Defined<D> {
  readonly declaration: D;
  readonly file: string;
}

export type Kind = "tier" | "tag" | "unit" | "field" | "metric";

export interface Symbols {
  readonly tier: Map<string, Defined<TierDeclaration>>;
  readonly tag: Map<string, Defined<TagDeclaration>>;
  readonly unit: Map<string, Defined<UnitDeclaration>>;
  readonly field: Map<string, Defined<FieldDeclaration>>;
  readonly metric: Map<string, Defined<MetricDeclaration>>;
}

type Definition = TierDeclaration | TagDeclaration | UnitDeclaration | FieldDeclaration | MetricDeclaration;

export function collectSymbols(files: readonly LoadedFile[], diagnostics: Diagnostic[]): Symbols {
  const symbols: Symbols = { tier: new Map(), tag: new Map(), unit: new Map(), field: new Map(), metric: new Map() };
  for (const { file, ast } of files) {
    for (const statement of ast.statements) {
      if (isDefinition(statement)) define(symbols[statement.kind] as Map<string, Defined<Definition>>, statement, file, diagnostics);
    }
  }
  return symbols;
}

const isDefinition = (s: { kind: string }): s is Definition =>
  s.kind === "tier" || s.kind === "tag" || s.kind === "unit" || s.kind === "field" || s.kind === "metric";

function define(table: Map<string, Defined<Definition>>, declaration: Definition, file: string, diagnostics: Diagnostic[]): void {
  const earlier = table.get(declaration.id.text);
  if (!earlier) {
    table.set(declaration.id.text, { declaration, file });
    return;
  }
  diagnostics.push(
    problem("duplicate-id", file, declaration.id.span, { kind: declaration.kind, id: declaration.id.text }, [
      { file: earlier.file, span: earlier.declaration.id.span },
    ]),
  );
}

const unknownCode = {
  tier: "unknown-tier",
  tag: "unknown-tag",
  unit: "unknown-unit",
  field: "unknown-field",
  metric: "unknown-metric",
} as const;

/** Reports a reference to an undefined id, suggesting the nearest id of that kind or another kind. */
export function resolve(symbols: Symbols, kind: Kind, name: Name, file: string, diagnostics: Diagnostic[]): boolean {
  if (symbols[kind].has(name.text)) return true;
  diagnostics.push(
    problem(unknownCode[kind], file, name.span, { name: name.text, hint: suggestion(symbols, kind, name.text) }),
  );
  return false;
}

function suggestion(symbols: Symbols, kind: Kind, text: string): NameHint {
  const near = closest(text, symbols[kind].keys());
  if (near) return { kind: "near", id: near };
  const other = (Object.keys(symbols) as Kind[]).find((k) => k !== kind && symbols[k].has(text));
  if (other) return { kind: "other-kind", other };
  return { kind: "known", ids: [...symbols[kind].keys()] };
}
