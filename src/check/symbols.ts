/**
 * The ids a policy can refer to, one table per kind, gathered from the policy and its imports.
 * The first definition of an id is the one in force; a second is reported by a check.
 */
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { NameHint } from "../diagnostics/messages.js";
import type {
  FieldDeclaration,
  MetricDeclaration,
  Name,
  Statement,
  TagDeclaration,
  TierDeclaration,
  UnitDeclaration,
} from "../syntax/ast.js";
import { suggester, type Suggestion } from "../text/suggest.js";
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

export type Definition = TierDeclaration | TagDeclaration | UnitDeclaration | FieldDeclaration | MetricDeclaration;

export function collectSymbols(files: readonly LoadedFile[]): Symbols {
  const symbols: Symbols = { tier: new Map(), tag: new Map(), unit: new Map(), field: new Map(), metric: new Map() };
  for (const { file, ast } of files) {
    for (const statement of ast.statements) {
      if (isDefinition(statement)) define(symbols[statement.kind], statement, file);
    }
  }
  return symbols;
}

export const isDefinition = (s: Statement): s is Definition =>
  s.kind === "tier" || s.kind === "tag" || s.kind === "unit" || s.kind === "field" || s.kind === "metric";

function define(table: Map<string, Defined<Definition>>, declaration: Definition, file: string): void {
  if (!table.has(declaration.id.text)) table.set(declaration.id.text, { declaration, file });
}

/** The definition in force for this declaration's id: itself, unless an earlier one took the id. */
export const definitionOf = (symbols: Symbols, declaration: Definition): Defined<Definition> | undefined =>
  symbols[declaration.kind].get(declaration.id.text);

const unknownCode = {
  tier: "unknown-tier",
  tag: "unknown-tag",
  unit: "unknown-unit",
  field: "unknown-field",
  metric: "unknown-metric",
} as const;

/** A reference to an undefined id, suggesting the nearest id of that kind or another kind; undefined when the id is defined. */
export function unknownName(symbols: Symbols, kind: Kind, name: Name, file: string): Diagnostic | undefined {
  if (symbols[kind].has(name.text)) return undefined;
  return problem(unknownCode[kind], file, name.span, { name: name.text, hint: suggestion(symbols, kind, name.text) });
}

function suggestion(symbols: Symbols, kind: Kind, text: string): NameHint {
  const { near } = suggesterFor(symbols, kind)(text);
  if (near) return { kind: "near", id: near };
  const other = (Object.keys(symbols) as Kind[]).find((k) => k !== kind && symbols[k].has(text));
  if (other) return { kind: "other-kind", other };
  return known(symbols[kind]);
}

/** The ids listed when there is no nearer one: a few, and how many more, never a copy of every id per unknown name. */
const KNOWN_LISTED = 10;

function known(table: ReadonlyMap<string, unknown>): NameHint {
  const ids: string[] = [];
  for (const id of table.keys()) {
    if (ids.length === KNOWN_LISTED) break;
    ids.push(id);
  }
  return table.size > ids.length ? { kind: "known", ids, more: table.size - ids.length } : { kind: "known", ids };
}

/**
 * One suggester per kind and policy, so that suggestions are remembered and their work is bounded
 * over the whole check: a policy of 20,000 tiers naming as many unknown ones compared every pair.
 */
const suggesters = new WeakMap<Symbols, Map<Kind, (id: string) => Suggestion>>();

function suggesterFor(symbols: Symbols, kind: Kind): (id: string) => Suggestion {
  const forPolicy = suggesters.get(symbols) ?? new Map<Kind, (id: string) => Suggestion>();
  suggesters.set(symbols, forPolicy);
  const made = forPolicy.get(kind) ?? suggester(symbols[kind].keys());
  forPolicy.set(kind, made);
  return made;
}
