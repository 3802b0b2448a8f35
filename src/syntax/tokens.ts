/**
 * The words of the language. Every keyword has English and Vietnamese spellings that lex to the
 * same token type, so both languages give the same syntax tree. This table is also the source of
 * the keyword list in grammar/REFERENCE.md and of the formatter's spelling per language.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

export interface Keyword {
  readonly token: TokenType;
  readonly en: readonly string[];
  readonly vi: readonly string[];
}

// A keyword must not be the start of a longer word: `monthly_total` is an identifier, `từng` is not `từ`.
// Spelled as ranges (Latin, Latin Extended, Vietnamese) because chevrotain drops the `u` flag that `\p{L}` needs.
const WORD_END = "(?![A-Za-z0-9_\\u00C0-\\u024F\\u1E00-\\u1EFF-])";

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const phrase = (text: string): string => text.split(" ").map(escape).join("\\s+");
const startChars = (forms: readonly string[]): string[] => [
  ...new Set(forms.flatMap((f) => [f[0]!.toLowerCase(), f[0]!.toUpperCase()])),
];

export const keywords: Keyword[] = [];

function keyword(name: string, en: string[], vi: string[], symbols: string[] = []): TokenType {
  const words = [...en, ...vi].sort((a, b) => b.length - a.length);
  const alternatives = [
    ...symbols.map(escape),
    `(?:${words.map(phrase).join("|")})${WORD_END}`,
  ];
  const token = createToken({
    name,
    label: `\`${symbols[0] ?? en[0]}\``,
    pattern: new RegExp(alternatives.join("|"), "i"),
    start_chars_hint: startChars([...symbols, ...words]),
    line_breaks: words.some((w) => w.includes(" ")),
  });
  keywords.push({ token, en: [...symbols, ...en], vi });
  return token;
}

// Multi-word keywords come before any keyword that is their first word (`từ đầu kỳ` before `từ`,
// `đến hết` before `đến`): the lexer takes the first pattern that matches, not the longest.
export const SinceStart = keyword("SinceStart", ["since-start"], ["từ đầu kỳ"]);
export const Until = keyword("Until", ["until"], ["đến hết"]);
export const YearToDate = keyword("YearToDate", ["year-to-date"], ["lũy kế năm", "luỹ kế năm"]);

export const Policy = keyword("Policy", ["policy"], ["chính sách"]);
export const Decision = keyword("Decision", ["decision"], ["quyết định"]);
export const Dated = keyword("Dated", ["dated"], ["ngày"]);
export const IssuedBy = keyword("IssuedBy", ["issued by"], ["của"]);
// Decisions write "có hiệu lực từ ngày ... đến ngày ...", so `từ` belongs to the keyword there.
export const Effective = keyword("Effective", ["effective", "effective from"], ["hiệu lực", "hiệu lực từ"]);
export const Supersedes = keyword("Supersedes", ["supersedes"], ["thay thế"]);
export const Import = keyword("Import", ["import"], ["nhập"]);
export const Tier = keyword("Tier", ["tier"], ["cấp"]);
export const Tagged = keyword("Tagged", ["tagged"], ["gắn nhóm"]);
export const Tag = keyword("Tag", ["tag"], ["nhóm"]);
export const Unit = keyword("Unit", ["unit"], ["đơn vị"]);
export const Field = keyword("Field", ["field"], ["trường"]);
export const Column = keyword("Column", ["column"], ["cột"]);
export const Metric = keyword("Metric", ["metric"], ["chỉ số"]);
export const Over = keyword("Over", ["over"], ["theo"]);
export const Months = keyword("Months", ["month", "months"], ["tháng"]);
export const Quarter = keyword("Quarter", ["quarter"], ["quý"]);
export const Complete = keyword("Complete", ["complete"], ["đủ tháng"]);
export const Weeks = keyword("Weeks", ["week", "weeks"], ["tuần"]);
export const Target = keyword("Target", ["target"], ["chỉ tiêu"]);
export const For = keyword("For", ["for"], ["cho"]);
export const All = keyword("All", ["all"], ["tất cả"]);
export const Except = keyword("Except", ["except"], ["trừ"]);
export const From = keyword("From", ["from"], ["từ"]);
export const By = keyword("By", ["by"], ["đến"]);
export const In = keyword("In", ["in"], ["năm"]);
// `hằng` is the dictionary spelling and `hàng` the common one; the formatter writes the first.
export const Monthly = keyword("Monthly", ["monthly"], ["hàng tháng", "hằng tháng"]);
export const Quarterly = keyword("Quarterly", ["quarterly"], ["hàng quý", "hằng quý"]);
export const Weekly = keyword("Weekly", ["weekly"], ["hàng tuần", "hằng tuần"]);
export const Yearly = keyword("Yearly", ["yearly"], ["hàng năm", "hằng năm"]);
export const Every = keyword("Every", ["every"], ["mỗi"]);
export const Score = keyword("Score", ["score"], ["điểm"]);
// Decision 766 calls its whole index "Bộ chỉ số", and a score's scale "thang điểm 100".
export const Index = keyword("Index", ["index"], ["bộ chỉ số"]);
export const OutOf = keyword("OutOf", ["out of"], ["thang điểm"]);
export const WhenEmpty = keyword("WhenEmpty", ["when empty"], ["khi trống"]);
export const Round = keyword("Round", ["round"], ["làm tròn"]);
export const If = keyword("If", ["if"], ["nếu"]);
export const Then = keyword("Then", ["then"], ["thì"]);
export const Else = keyword("Else", ["else"], ["ngược lại"]);
export const Check = keyword("Check", ["check"], ["kiểm tra"]);

export const AtLeast = keyword("AtLeast", ["at least"], ["tối thiểu", "ít nhất"], [">="]);
export const AtMost = keyword("AtMost", ["at most"], ["tối đa", "không quá"], ["<="]);
export const Above = keyword("Above", ["above"], ["trên"], [">"]);
export const Below = keyword("Below", ["below"], ["dưới"], ["<"]);

// What chevrotain would otherwise find out at every start by parsing each pattern (regexp-to-ast):
// the characters a token can start with (`start_chars_hint`) and whether it can hold a line break
// (`line_breaks`). That analysis was half of building the lexer (bench/README.md). The hints must be
// exact: test/syntax/tokens.test.ts holds each to its pattern, for every character.
const punctuation = (name: string, symbol: string): TokenType =>
  createToken({ name, label: `\`${symbol}\``, pattern: symbol, line_breaks: false });

const codes = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const DIGITS = codes(0x30, 0x39);

export const Colon = punctuation("Colon", ":");
export const Comma = punctuation("Comma", ",");
export const LParen = punctuation("LParen", "(");
export const RParen = punctuation("RParen", ")");
export const Plus = punctuation("Plus", "+");
export const Minus = punctuation("Minus", "-");
export const Star = punctuation("Star", "*");
export const Slash = punctuation("Slash", "/");
export const Equals = punctuation("Equals", "=");

export const DateLiteral = createToken({
  name: "DateLiteral",
  label: "a date (2022-09-30 or 30/09/2022)",
  pattern: /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4}/,
  start_chars_hint: DIGITS,
  line_breaks: false,
});
export const PercentLiteral = createToken({
  name: "PercentLiteral",
  label: "a percentage (50% or 48,6%)",
  pattern: /\d+(?:[.,]\d+)?%/,
  start_chars_hint: DIGITS,
  line_breaks: false,
});
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  label: "a number",
  pattern: /\d+(?:\.\d+)?/,
  start_chars_hint: DIGITS,
  line_breaks: false,
});
export const StringLiteral = createToken({
  name: "StringLiteral",
  label: "a quoted name",
  // Unrolled (`plain* (escape plain*)*`): an alternation under a star makes the regex engine recurse
  // once per character, and a long string then overflows the stack.
  pattern: /"[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*"/,
  start_chars_hint: ['"'],
  line_breaks: false,
});
// Ids are ASCII, but an id is often first written with its accents (`tỷ_lệ`). Lexed whole, such a word
// is one id that the parser reports once with the ASCII id to use; letter by letter, it was seven errors.
const LETTERS = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF";
const LETTER_CODES = [...codes(0x41, 0x5a), ...codes(0x61, 0x7a), ...codes(0xc0, 0xd6), ...codes(0xd8, 0xf6), ...codes(0xf8, 0x24f), ...codes(0x1e00, 0x1eff)];
export const Identifier = createToken({
  name: "Identifier",
  label: "a name",
  pattern: new RegExp(`[${LETTERS}_][${LETTERS}0-9_-]*`),
  start_chars_hint: [...LETTER_CODES, "_"],
  line_breaks: false,
});
export const Comment = createToken({
  name: "Comment",
  pattern: /#[^\r\n]*/,
  group: "comments",
  start_chars_hint: ["#"],
  line_breaks: false,
});
export const Whitespace = createToken({
  name: "Whitespace",
  pattern: /\s+/,
  group: Lexer.SKIPPED,
  // What `\s` matches in JavaScript: ASCII spaces and controls, NBSP, the Unicode space separators, BOM.
  start_chars_hint: [...codes(0x09, 0x0d), 0x20, 0xa0, 0x1680, ...codes(0x2000, 0x200a), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff],
  line_breaks: true,
});

// Order matters: comparison symbols before their one-character prefixes, literals before numbers,
// keywords before identifiers.
export const allTokens: TokenType[] = [
  Whitespace,
  Comment,
  ...keywords.map((k) => k.token),
  Colon,
  Comma,
  LParen,
  RParen,
  Plus,
  Minus,
  Star,
  Slash,
  Equals,
  DateLiteral,
  PercentLiteral,
  NumberLiteral,
  StringLiteral,
  Identifier,
];

/**
 * Chevrotain checks the token and grammar definitions each time they are built, which is a third of
 * the command line's start-up. They are fixed at build time and the test suite runs the checks, so
 * the bundled CLI skips them (scripts/bundle.mjs defines this variable); everything else keeps them.
 */
export const skipGrammarChecks = process.env["CHITIEU_SKIP_GRAMMAR_VALIDATION"] === "1";

export const lexer = new Lexer(allTokens, {
  positionTracking: "full",
  ensureOptimizations: !skipGrammarChecks,
  skipValidations: skipGrammarChecks,
});
