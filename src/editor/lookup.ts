/**
 * The id under the cursor and where it is defined. In a file that parses, the tree says what kind
 * of id each word is; while the file does not parse (mid-edit), the word is looked up in the last
 * analysis of the file that did, so hover and go to definition keep working as the author types.
 */
import type { Range } from "vscode-languageserver";
import type { Kind } from "../check/symbols.js";
import { Identifier } from "../syntax/tokens.js";
import { endOf, tokenAt, type Analysis } from "./analysis.js";
import { definitionOf, occurrenceAt, type NameKind, type Occurrence } from "./names.js";

export interface Found {
  readonly kind: NameKind;
  readonly id: string;
  /** The word in the document. */
  readonly range: Range;
  readonly definition: Occurrence | undefined;
  /** The analysis that knows the id: the current one, or the last that parsed. */
  readonly known: Analysis;
}

const KINDS: readonly Kind[] = ["metric", "field", "tier", "tag", "unit"];

export function nameAt(current: Analysis, offset: number, lastParsed?: Analysis): Found | undefined {
  if (current.ast) {
    const at = occurrenceAt(current.names, current.file, offset);
    if (!at) return undefined;
    return { kind: at.kind, id: at.id, range: current.map.range(at.span), definition: definitionOf(current.names, current.symbols, at.kind, at.id), known: current };
  }
  const token = tokenAt(current.tokens, offset);
  if (!lastParsed?.symbols || token?.tokenType !== Identifier) return undefined;
  const id = token.image;
  const range = current.map.rangeOf(token.startOffset, endOf(token));
  const symbols = lastParsed.symbols;
  const kind = KINDS.find((k) => symbols[k].has(id));
  if (kind) return { kind, id, range, definition: definitionOf(lastParsed.names, symbols, kind, id), known: lastParsed };
  const rule = lastParsed.names.find((o) => o.definition && o.file === lastParsed.file && o.id === id);
  return rule && { kind: rule.kind, id, range, definition: rule, known: lastParsed };
}
