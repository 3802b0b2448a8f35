/**
 * Parse errors say what was expected in words, from each token's label: "expected a date
 * (2022-09-30 or 30/09/2022) but found `30-09`", or in Vietnamese "cần ngày tháng (…) nhưng gặp `30-09`".
 *
 * Chevrotain carries an error as a string only, so the provider writes the expectation itself as
 * JSON; the parser reads it back into the diagnostic's arguments and each language words it.
 */
import { EOF, type IToken, type TokenType } from "chevrotain";
import type { Lang } from "../i18n/lang.js";
import { respellLabel, spell } from "./spelling.js";
import { Check, DateLiteral, Field, Identifier, Import, Metric, NumberLiteral, PercentLiteral, Score, StringLiteral, Tag, Target, Tier, Unit } from "./tokens.js";

export interface Expectation {
  /** The English labels of what could come next, such as "a number" or "`>=`". */
  readonly expected: readonly string[];
  /** The word found instead, or null at the end of the file. */
  readonly found: string | null;
}

const WORDS = {
  en: { expected: "expected", but: "but found", end: "the end of the file", or: "or", more: "more" },
  vi: { expected: "cần", but: "nhưng gặp", end: "cuối tệp", or: "hoặc", more: "thêm nội dung" },
} as const;

const oneOf = (labels: readonly string[], or: string, none: string): string =>
  labels.length <= 1 ? (labels[0] ?? none) : `${labels.slice(0, -1).join(", ")} ${or} ${labels.at(-1)}`;

const STATEMENT_KEYWORDS = [Tier, Tag, Unit, Field, Metric, Target, Score, Check, Import];
const statementKeywords = (lang: Lang): string =>
  oneOf(STATEMENT_KEYWORDS.map((k) => spell(k, lang)), WORDS[lang].or, "");

export const NEW_STATEMENT = "a new statement";
export const NEW_STATEMENT_LISTED = `${NEW_STATEMENT} (${statementKeywords("en")})`;

export const errorMessages = {
  buildMismatchTokenMessage: (o: { expected: TokenType; actual: IToken }): string => encode([label(o.expected)], o.actual),
  buildNotAllInputParsedMessage: (o: { firstRedundant: IToken }): string => encode([NEW_STATEMENT], o.firstRedundant),
  buildNoViableAltMessage: (o: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string =>
    encode(firstLabels(o.expectedPathsPerAlt.flat()), o.actual[0]!),
  buildEarlyExitMessage: (o: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string =>
    encode(firstLabels(o.expectedIterationPaths), o.actual[0]!),
};

/** The message of a parse error: what was expected and the token found instead. */
export const encode = (expected: readonly string[], actual: IToken): string =>
  JSON.stringify({ expected, found: actual.tokenType === EOF ? null : actual.image } satisfies Expectation);

/** The expectation a chevrotain error message carries. */
export const expectationOf = (message: string): Expectation => JSON.parse(message) as Expectation;

function label(token: TokenType): string {
  return token.LABEL ?? token.name;
}

function firstLabels(paths: TokenType[][]): string[] {
  return [...new Set(paths.map((p) => p[0]).filter((t) => t !== undefined).map(label))];
}

/** Labels of literals in Vietnamese; keywords are spelled as the file spells them, symbols stay. */
const VI_LABELS: Readonly<Record<string, string>> = {
  [DateLiteral.LABEL!]: "ngày tháng (2022-09-30 hoặc 30/09/2022)",
  [PercentLiteral.LABEL!]: "tỷ lệ phần trăm (50% hoặc 48,6%)",
  [NumberLiteral.LABEL!]: "một số",
  [StringLiteral.LABEL!]: "tên đặt trong dấu ngoặc kép",
  [Identifier.LABEL!]: "mã định danh",
  [NEW_STATEMENT]: "câu lệnh mới",
};

/** One expected label in the language of the message, naming keywords as the file spells them. */
function labelText(label: string, lang: Lang, keywords: Lang): string {
  if (label === NEW_STATEMENT_LISTED) return `${lang === "vi" ? VI_LABELS[NEW_STATEMENT] : NEW_STATEMENT} (${statementKeywords(keywords)})`;
  const spelled = respellLabel(label, keywords);
  return lang === "vi" ? (VI_LABELS[spelled] ?? spelled) : spelled;
}

/**
 * "expected a number or `(` but found `x`", in the language asked for, with the keywords spelled
 * in the language of the file's keywords (`cần \`từ\`, \`đến\`` in a Vietnamese-keyword file).
 */
export function expectationText(e: Expectation, lang: Lang, keywords: Lang): string {
  const w = WORDS[lang];
  const labels = e.expected.map((l) => labelText(l, lang, keywords));
  const found = e.found === null ? w.end : `\`${e.found}\``;
  return `${w.expected} ${oneOf(labels, w.or, w.more)} ${w.but} ${found}`;
}
