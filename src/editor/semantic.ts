/**
 * Semantic tokens: keywords, names by what they name (a tier, a field, a metric...), literals and
 * comments, so that an editor colours a policy by meaning, and a definition apart from a use.
 */
import type { IToken, TokenType } from "chevrotain";
import type { SemanticTokens, SemanticTokensLegend } from "vscode-languageserver";
import { DateLiteral, Equals, Identifier, keywords, Minus, NumberLiteral, PercentLiteral, Plus, Slash, Star, StringLiteral } from "../syntax/tokens.js";
import { endOf, type Analysis } from "./analysis.js";
import type { NameKind } from "./names.js";

const TYPES = ["keyword", "string", "number", "comment", "operator", "type", "interface", "variable", "property", "function", "event", "method"] as const;
type TokenKind = (typeof TYPES)[number];

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: ["declaration"] };

const BY_KIND: Record<NameKind, TokenKind> = { tier: "type", tag: "interface", unit: "variable", field: "property", metric: "function", target: "event", score: "method" };
const KEYWORDS = new Set<TokenType>(keywords.map((k) => k.token));
const OPERATORS = new Set<TokenType>([Plus, Minus, Star, Slash, Equals]);
const LITERALS = new Set<TokenType>([DateLiteral, NumberLiteral, PercentLiteral]);

export function semanticTokens(analysis: Analysis): SemanticTokens {
  const names = new Map(analysis.names.filter((o) => o.file === analysis.file).map((o) => [o.span.start.offset, o]));
  const marked: { token: IToken; type: TokenKind; declaration: boolean }[] = [];
  for (const token of analysis.tokens) {
    const type = token.tokenType;
    if (type === Identifier) {
      const name = names.get(token.startOffset);
      if (name) marked.push({ token, type: BY_KIND[name.kind], declaration: name.definition });
    } else if (KEYWORDS.has(type)) marked.push({ token, type: /^\p{L}/u.test(token.image) ? "keyword" : "operator", declaration: false });
    else if (OPERATORS.has(type)) marked.push({ token, type: "operator", declaration: false });
    else if (LITERALS.has(type)) marked.push({ token, type: "number", declaration: false });
    else if (type === StringLiteral) marked.push({ token, type: "string", declaration: false });
  }
  for (const token of analysis.comments) marked.push({ token, type: "comment", declaration: false });
  marked.sort((a, b) => a.token.startOffset - b.token.startOffset);
  const data: number[] = [];
  let [line, character] = [0, 0];
  for (const { token, type, declaration } of marked) {
    const { start, end } = analysis.map.rangeOf(token.startOffset, endOf(token));
    // A keyword written over two lines (`issued\n  by`) is left uncoloured: a token may not span lines.
    if (end.line !== start.line) continue;
    data.push(start.line - line, start.line === line ? start.character - character : start.character, end.character - start.character, TYPES.indexOf(type), declaration ? 1 : 0);
    [line, character] = [start.line, start.character];
  }
  return { data };
}
