/**
 * Text -> tokens -> concrete tree -> typed AST. Never throws: every problem with the text becomes a
 * diagnostic with a span, a message saying what was expected, and a hint at the likely fix.
 */
import { EOF, type IRecognitionException, type IToken } from "chevrotain";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { normalizeSource, positionAt, type Span } from "../text/span.js";
import { closest } from "../text/suggest.js";
import type { PolicyFile } from "./ast.js";
import { buildFile } from "./build.js";
import type { FileCstNode } from "./cst.js";
import { grammar } from "./grammar.js";
import { ruleDocs } from "./rules.js";
import { DateLiteral, keywords, lexer, LParen, NumberLiteral, PercentLiteral, RParen } from "./tokens.js";

export interface ParseResult {
  /** Absent when the text has syntax errors: later stages only ever see whole trees. */
  readonly ast: PolicyFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** The text as parsed (NFC), which spans point into. */
  readonly source: string;
  /** Comments, in order, for tools that rewrite the file and must keep them. */
  readonly comments: readonly Comment[];
}

export interface Comment {
  readonly text: string;
  readonly span: Span;
}

/** Deeper brackets than any real formula, and shallow enough that parsing cannot exhaust the stack. */
const MAX_NESTING = 64;

export function parse(text: string, file = "<input>"): ParseResult {
  const source = normalizeSource(text);
  const lexed = lexer.tokenize(source);
  const diagnostics: Diagnostic[] = lexed.errors.map((e) => lexError(source, file, e.offset, e.length));
  const comments = (lexed.groups["comments"] ?? []).map((t) => ({ text: t.image, span: spanOfToken(t) }));
  const tooDeep = nestingProblem(lexed.tokens, file);
  if (tooDeep) return { ast: undefined, diagnostics: [...diagnostics, tooDeep], source, comments };

  grammar.input = lexed.tokens;
  const cst = grammar.file() as FileCstNode;
  diagnostics.push(...grammar.errors.map((e) => syntaxError(strayWordFirst(e, cst, lexed.tokens), source, file)));
  if (diagnostics.length > 0) return { ast: undefined, diagnostics, source, comments };

  const built = buildFile(cst, file);
  return { ast: built.ast, diagnostics: built.diagnostics, source, comments };
}

function lexError(source: string, file: string, offset: number, length: number): Diagnostic {
  const span = { start: positionAt(source, offset), end: positionAt(source, offset + length) };
  const found = [...source.slice(offset)][0] ?? "";
  if (found === '"') {
    return diagnostic("unterminated-string", file, span, "this quoted name has no closing `\"` on its line", {
      help: 'close it with `"` before the end of the line; write `\\"` for a quote inside it',
    });
  }
  return diagnostic("unexpected-character", file, span, `unexpected character \`${found}\``, {
    help: characterHelp(found),
  });
}

function characterHelp(found: string): string {
  if (/[“”„‟'’]/.test(found)) return 'quote names with straight double quotes: "Sở Y tế"';
  if (/\p{L}/u.test(found)) {
    return "ids are written in ASCII letters, digits, `_` and `-` (thanh-tra-tinh); put names with accents in quotes, and check the spelling of the keyword";
  }
  return "remove it, or put it inside a quoted name";
}

function nestingProblem(tokens: readonly IToken[], file: string): Diagnostic | undefined {
  let depth = 0;
  for (const token of tokens) {
    if (token.tokenType === LParen) depth++;
    else if (token.tokenType === RParen) depth = Math.max(0, depth - 1);
    if (depth > MAX_NESTING) {
      return diagnostic("syntax", file, spanOfToken(token), `brackets nested more than ${MAX_NESTING} deep`, {
        help: "split the formula into metrics or simplify it",
      });
    }
  }
  return undefined;
}

function spanOfToken(token: IToken): Span {
  return {
    start: { offset: token.startOffset, line: token.startLine!, column: token.startColumn! },
    end: { offset: token.endOffset! + 1, line: token.endLine!, column: token.endColumn! + 1 },
  };
}

function syntaxError(error: IRecognitionException, source: string, file: string): Diagnostic {
  const token = error.token;
  const atEnd = token.tokenType === EOF || Number.isNaN(token.startOffset);
  const span = atEnd ? endOfText(source) : spanOfToken(token);
  const rule = error.context.ruleStack.at(-1) ?? "file";
  return diagnostic("syntax", file, span, error.message, { help: syntaxHelp(error, rule) });
}

/**
 * A misspelt statement keyword (`taget x ...`) makes the parser skip ahead and complain about a
 * later word; point at the first word after the last statement that parsed instead.
 */
function strayWordFirst(error: IRecognitionException, cst: FileCstNode, tokens: readonly IToken[]): IRecognitionException {
  if (error.context.ruleStack.length !== 1 || error.token.tokenType === EOF) return error;
  const parsed = [...(cst.children.header ?? []), ...(cst.children.statement ?? [])]
    .map((node) => node.location?.endOffset ?? -1)
    .filter((end) => end < error.token.startOffset);
  const after = Math.max(-1, ...parsed);
  const stray = tokens.find((t) => t.startOffset > after) ?? error.token;
  return { ...error, token: stray, message: `expected a new statement (${STATEMENT_KEYWORDS}) but found \`${stray.image}\`` };
}

const STATEMENT_KEYWORDS = "tier, tag, unit, field, metric, target, score, check or import";

function endOfText(source: string): Span {
  const trimmed = source.trimEnd().length;
  const at = positionAt(source, trimmed);
  return { start: at, end: at };
}

const keywordSpellings = keywords.flatMap((k) => k.en.filter((w) => /^[a-z]/.test(w)));

function syntaxHelp(error: IRecognitionException, rule: string): string {
  const found = error.token.image;
  const expected = error.message;
  if (found === "=" && /`>=`|`<=`/.test(expected)) return "comparisons are written `>=` and `<=`, with `>` or `<` first";
  if (error.token.tokenType === NumberLiteral && expected.includes(PercentLiteral.LABEL!)) {
    return `thresholds are percentages: write \`${found}%\``;
  }
  if (expected.includes(DateLiteral.LABEL!)) return "write the date as 2022-09-30 or 30/09/2022";
  const typo = /^[a-z]/i.test(found) ? closest(found, keywordSpellings) : undefined;
  if (typo && typo !== found) return `did you mean \`${typo}\`?`;
  const doc = ruleDocs[rule];
  return doc ? `a ${doc.title.toLowerCase()} looks like: ${doc.example.split("\n").join(" ")}` : "";
}
