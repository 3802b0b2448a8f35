/**
 * Text -> tokens -> concrete tree -> typed AST. Never throws: every problem with the text becomes a
 * diagnostic with a span, a message saying what was expected, and a hint at the likely fix.
 */
import { EOF, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import { byPosition, problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SyntaxHint } from "../diagnostics/messages.js";
import { locator, normalizeSource, type Position, type Span } from "../text/span.js";
import { closest } from "../text/suggest.js";
import type { PolicyFile } from "./ast.js";
import { buildFile } from "./build.js";
import type { FileCstNode } from "./cst.js";
import { grammar } from "./grammar.js";
import { encode, expectationOf, NEW_STATEMENT_LISTED, spelledLabel, type Expectation } from "./messages.js";
import { ruleDocs } from "./rules.js";
import { asciiId, keywordLanguage, keywordTyped, respell, spellings } from "./spelling.js";
import { Check, Comma, DateLiteral, Field, Identifier, If, Import, lexer, LParen, Metric, Minus, NumberLiteral, PercentLiteral, Plus, Policy, RParen, Score, Slash, Star, Tag, Target, Tier, Unit } from "./tokens.js";
import type { Lang } from "../i18n/lang.js";

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
  const at = locator(source);
  const lexed = lexer.tokenize(source);
  const diagnostics: Diagnostic[] = listed(lexed.errors.map((e) => ({ offset: e.offset, make: () => lexError(source, at, file, e.offset, e.length) })), at, file);
  const comments = (lexed.groups["comments"] ?? []).map((t) => ({ text: t.image, span: spanOfToken(t) }));
  const tooBig = sizeProblem(lexed.tokens, file) ?? nestingProblem(lexed.tokens, file);
  if (tooBig) return { ast: undefined, diagnostics: [...diagnostics, tooBig], source, comments };
  const tokens = joinAccentedWords(joinDecimalCommas(lexed.tokens, file, diagnostics), source);

  grammar.input = tokens;
  const cst = grammar.file() as FileCstNode;
  // The file's language words the expected keywords of an error; a file that parses needs none.
  let keywords: Lang | undefined;
  const errors = grammar.errors.map((e) => ({
    offset: e.token.startOffset,
    make: () => {
      const error = strayWordFirst(e, cst, tokens);
      return keywordSpellingError(error, tokens, source, at, file) ?? syntaxError(error, source, at, file, (keywords ??= keywordLanguage(tokens)));
    },
  }));
  diagnostics.push(...listed(errors, at, file));
  diagnostics.push(...accentedIds(tokens, diagnostics, file));
  if (diagnostics.length > 0) return { ast: undefined, diagnostics: diagnostics.sort(byPosition), source, comments };

  const built = buildFile(cst, file);
  return { ast: built.ast, diagnostics: built.diagnostics, source, comments };
}

/** Errors of one kind listed in a file; past them, one says how many more there are. */
const MAX_LISTED = 100;

/** The first MAX_LISTED errors made, then one counting the rest, at the first of them: the rest are never worded. */
function listed(errors: readonly { readonly offset: number; readonly make: () => Diagnostic }[], at: (offset: number) => Position, file: string): Diagnostic[] {
  const shown = errors.slice(0, MAX_LISTED).map((e) => e.make());
  const first = errors[MAX_LISTED];
  if (first === undefined) return shown;
  const where = at(first.offset);
  return [...shown, problem("syntax", file, { start: where, end: where }, { kind: "more-errors", count: errors.length - MAX_LISTED })];
}

/** Tokens a policy may have: ten times the largest decision written as one; more is refused before it is parsed. */
const MAX_TOKENS = 500_000;

function sizeProblem(tokens: readonly IToken[], file: string): Diagnostic | undefined {
  const token = tokens[MAX_TOKENS];
  return token && problem("syntax", file, spanOfToken(token), { kind: "tokens", tokens: MAX_TOKENS });
}

function lexError(source: string, at: (offset: number) => Position, file: string, offset: number, length: number): Diagnostic {
  const span = { start: at(offset), end: at(offset + length) };
  const found = String.fromCodePoint(source.codePointAt(offset) ?? 0xfffd);
  if (found === '"') return problem("unterminated-string", file, span, {});
  return problem("unexpected-character", file, span, { character: found });
}

/**
 * The grammar recurses into brackets, into each `if` (a branch may hold another) and into each
 * unary minus, so input nested deeper than any formula needs is refused before it is parsed,
 * rather than overflowing the stack: brackets open at once, `if`s in one statement, minus signs in
 * a row. Sums and products of any length are read by loops and need no limit.
 */
function nestingProblem(tokens: readonly IToken[], file: string): Diagnostic | undefined {
  let brackets = 0;
  let ifs = 0;
  let minuses = 0;
  let operators = 0;
  let previous: IToken | undefined;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === LParen) brackets++;
    else if (type === RParen) brackets = Math.max(0, brackets - 1);
    else if (STATEMENT_STARTS.has(type)) [ifs, operators] = [0, 0];
    else if (type === If) ifs++;
    else if (OPERATORS.has(type)) operators++;
    minuses = type === Minus && (previous === undefined || !ENDS_OPERAND.has(previous.tokenType)) ? minuses + 1 : 0;
    if (brackets + ifs + minuses > MAX_NESTING) return problem("syntax", file, spanOfToken(token), { kind: "nesting", depth: MAX_NESTING });
    // A formula is a tree as deep as its terms are many; no decision has a formula this long. A
    // statement's terms are one more than its operators.
    if (operators + 1 > MAX_TERMS) return problem("syntax", file, spanOfToken(token), { kind: "terms", terms: MAX_TERMS });
    previous = token;
  }
  return undefined;
}

const MAX_TERMS = 1000;
const OPERATORS = new Set<TokenType>([Plus, Minus, Star, Slash]);

/** Tokens a binary minus may follow: what ends an operand. */
const ENDS_OPERAND = new Set<TokenType>([NumberLiteral, PercentLiteral, Identifier, RParen]);
const STATEMENT_STARTS = new Set<TokenType>([Tier, Tag, Unit, Field, Metric, Target, Score, Check, Import, Policy]);

/**
 * `10,5` lexes as two numbers and a comma, which a formula reads as two arguments, so that
 * `min(10, 10,5 * share)` would silently check clean. Percentages take a decimal comma (`48,6%`)
 * and Vietnamese decisions write decimals that way, so `min(1,2)` is no safer to guess: each such
 * pair is an error. Outside a formula a number is never followed by a comma, so there it is a
 * mistake as well. The pair is parsed as one number so that the comma brings no second error.
 */
function joinDecimalCommas(tokens: readonly IToken[], file: string, diagnostics: Diagnostic[]): IToken[] {
  const joined: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [whole, comma, fraction] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    if (comma === undefined || fraction === undefined || !isDecimalComma(whole, comma, fraction)) {
      joined.push(whole);
      continue;
    }
    const number = { ...whole, image: `${whole.image},${fraction.image}`, endOffset: fraction.endOffset, endLine: fraction.endLine, endColumn: fraction.endColumn };
    diagnostics.push(problem("decimal-comma", file, spanOfToken(number), { whole: whole.image, fraction: fraction.image }));
    joined.push(number);
    i += 2;
  }
  return joined;
}

/**
 * `chỉ số tỷ lệ trực tuyến = ...`: an id written as words with accents is a name with spaces. No two
 * ids stand side by side in the grammar, so such words are read as one id, reported once with the
 * ASCII id to write (`ty_le_truc_tuyen`), not as an error at each word. Words among them that read
 * as a keyword typed without accents (`tôi thiểu`) are left apart, to be suggested as that keyword.
 */
function joinAccentedWords(tokens: readonly IToken[], source: string): IToken[] {
  const joined: IToken[] = [];
  for (let i = 0; i < tokens.length; ) {
    let end = i;
    while (tokens[end + 1] && sideBySide(tokens[end]!, tokens[end + 1]!, source)) end++;
    const run = tokens.slice(i, end + 1);
    if (run.length > 1 && run.some((t) => isAccented(t.image)) && !hasKeywordTyped(run.map((t) => t.image))) {
      const last = run.at(-1)!;
      joined.push({ ...run[0]!, image: source.slice(run[0]!.startOffset, last.endOffset! + 1), endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn });
    } else joined.push(...run);
    i = end + 1;
  }
  return joined;
}

const isAccented = (text: string): boolean => /[^\x00-\x7F]/.test(text);

function sideBySide(left: IToken, right: IToken, source: string): boolean {
  const between = source.slice(left.endOffset! + 1, right.startOffset);
  return left.tokenType === Identifier && right.tokenType === Identifier && /^[ \t]+$/.test(between);
}

function hasKeywordTyped(words: readonly string[]): boolean {
  return words.some((_, i) => [1, 2, 3].some((n) => i + n <= words.length && keywordTyped(words.slice(i, i + n)) !== undefined));
}

const isWholeNumber = (token: IToken): boolean => token.tokenType === NumberLiteral && /^\d+$/.test(token.image);

function isDecimalComma(whole: IToken, comma: IToken, fraction: IToken): boolean {
  const touching = whole.endOffset! + 1 === comma.startOffset && comma.endOffset! + 1 === fraction.startOffset;
  return touching && comma.tokenType === Comma && isWholeNumber(whole) && isWholeNumber(fraction);
}

function spanOfToken(token: IToken): Span {
  return {
    start: { offset: token.startOffset, line: token.startLine!, column: token.startColumn! },
    end: { offset: token.endOffset! + 1, line: token.endLine!, column: token.endColumn! + 1 },
  };
}

function syntaxError(error: IRecognitionException, source: string, at: (offset: number) => Position, file: string, keywords: Lang): Diagnostic {
  const token = error.token;
  const atEnd = token.tokenType === EOF || Number.isNaN(token.startOffset);
  const span = atEnd ? endOfText(source, at) : spanOfToken(token);
  const rule = error.context.ruleStack.at(-1) ?? "file";
  const expectation = expectationOf(error.message);
  // Keywords are spelled here, as the file spells them, so the message catalogue needs no grammar.
  const expected = expectation.expected.map((label) => spelledLabel(label, keywords));
  return problem("syntax", file, span, { kind: "expected", ...expectation, expected, keywords, hint: syntaxHint(error, expectation, rule, keywords) });
}

/**
 * A misspelt statement keyword (`taget x ...`) makes the parser skip ahead and complain about a
 * later word; point at the first word after the last statement that parsed instead.
 */
function strayWordFirst(error: IRecognitionException, cst: FileCstNode, tokens: readonly IToken[]): IRecognitionException {
  if (error.context.ruleStack.length !== 1 || error.token.tokenType === EOF) return error;
  // A loop, not Math.max(...ends): a policy of 123,000 statements would overflow the stack.
  let after = -1;
  for (const node of [...(cst.children.header ?? []), ...(cst.children.statement ?? [])]) {
    const end = node.location?.endOffset ?? -1;
    if (end < error.token.startOffset && end > after) after = end;
  }
  const stray = tokens.find((t) => t.startOffset > after) ?? error.token;
  return { ...error, token: stray, message: encode([NEW_STATEMENT_LISTED], stray) };
}

/**
 * `chi tieu`, `toi thieu`, `tu`: a Vietnamese keyword typed without its accents, or in telex or VNI
 * with the input method off (`chir tieeu`, `chi3 tie6u`), lexes as ids, and the parser stops at one
 * of its words. Such words are only suggested, never accepted: unaccented they are ordinary ids
 * (`tu`, `den`, `nam`, `cap`), and accepting them would take those ids from every policy. The word
 * the parser stopped at, an id, may be the second of the keyword when the first was taken for an id
 * (`toi` as the metric of `toi thieu 30%`), so the words from the one before are tried as well.
 */
function keywordSpellingError(error: IRecognitionException, tokens: readonly IToken[], source: string, at: (offset: number) => Position, file: string): Diagnostic | undefined {
  const index = tokens.indexOf(error.token);
  if (index < 0 || error.token.tokenType !== Identifier) return undefined;
  const before = tokens[index - 1];
  const starts = before?.tokenType === Identifier ? [before.startOffset, error.token.startOffset] : [error.token.startOffset];
  for (const start of starts) {
    const words = wordsFrom(source, start);
    const least = start === error.token.startOffset ? 1 : 2;
    for (let n = words.length; n >= least; n--) {
      const keyword = keywordTyped(words.slice(0, n).map((w) => w.text));
      if (!keyword) continue;
      const span = { start: at(start), end: at(words[n - 1]!.end) };
      return problem("keyword-spelling", file, span, { written: source.slice(start, words[n - 1]!.end), keyword: keyword.vi, english: keyword.en });
    }
  }
  return undefined;
}

/** Up to three words from `start` on its line, as many as the longest keyword has. */
function wordsFrom(source: string, start: number): { readonly text: string; readonly end: number }[] {
  const words: { text: string; end: number }[] = [];
  const word = /([\p{L}\p{N}_-]+)[ \t]*/uy;
  word.lastIndex = start;
  for (let m = word.exec(source); m && words.length < 3; m = word.exec(source)) words.push({ text: m[1]!, end: m.index + m[1]!.length });
  return words;
}

/** An id with accents that the grammar took as an id: one error each, with the ASCII id to write. */
function accentedIds(tokens: readonly IToken[], reported: readonly Diagnostic[], file: string): Diagnostic[] {
  const covered = (t: IToken) => reported.some((d) => d.span.start.offset <= t.startOffset && t.startOffset < Math.max(d.span.end.offset, d.span.start.offset + 1));
  return tokens
    .filter((t) => t.tokenType === Identifier && isAccented(t.image) && !covered(t))
    .map((t) => problem("non-ascii-id", file, spanOfToken(t), { id: t.image, ascii: asciiId(t.image) }));
}

function endOfText(source: string, at: (offset: number) => Position): Span {
  const end = at(source.trimEnd().length);
  return { start: end, end };
}

/** The file's own spellings first, so that a near miss is answered in the file's language. */
const keywordSpellings: Readonly<Record<Lang, readonly string[]>> = {
  en: [...spellings("en"), ...spellings("vi")],
  vi: [...spellings("vi"), ...spellings("en")],
};

function syntaxHint(error: IRecognitionException, { expected }: Expectation, rule: string, keywords: Lang): SyntaxHint {
  const found = error.token.image;
  if (found === "=" && (expected.includes("`>=`") || expected.includes("`<=`"))) return { kind: "comparison" };
  if (error.token.tokenType === NumberLiteral && expected.includes(PercentLiteral.LABEL!)) return { kind: "percent", found };
  if (expected.includes(DateLiteral.LABEL!)) return { kind: "date" };
  const typo = /^[a-z]/i.test(found) ? closest(found, keywordSpellings[keywords]) : undefined;
  if (typo && typo !== found) return { kind: "near", word: typo };
  const doc = ruleDocs[rule];
  return doc ? { kind: "example", title: doc.title, example: respell(doc.example.split("\n").join(" "), keywords) } : { kind: "none" };
}
