/**
 * Parse errors say what was expected in words, from each token's label: "expected a date
 * (2022-09-30 or 30/09/2022) but found `30-09`", or in Vietnamese "cần ngày tháng (…) nhưng gặp `30-09`".
 *
 * Chevrotain carries an error as a string only, so the provider writes the expectation itself as
 * JSON; the parser reads it back into the diagnostic's arguments and each language words it.
 */
import { EOF, type IToken, type TokenType } from "chevrotain";
import { oneOf } from "../diagnostics/messages.js";
import type { Lang } from "../i18n/lang.js";
import { respellLabel, spell } from "./spelling.js";
import { Check, Field, Import, Metric, Score, Tag, Target, Tier, Unit } from "./tokens.js";

export type { Expectation } from "../diagnostics/messages.js";
import type { Expectation } from "../diagnostics/messages.js";

const STATEMENT_KEYWORDS = [Tier, Tag, Unit, Field, Metric, Target, Score, Check, Import];
const statementKeywords = (lang: Lang): string => oneOf(STATEMENT_KEYWORDS.map((k) => spell(k, lang)), lang === "vi" ? "hoặc" : "or", "");

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

/** One expected label with its keywords spelled as the file spells them (the statements listed too). */
export function spelledLabel(label: string, keywords: Lang): string {
  if (label === NEW_STATEMENT_LISTED) return `${NEW_STATEMENT} (${statementKeywords(keywords)})`;
  return respellLabel(label, keywords);
}
