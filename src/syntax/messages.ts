/**
 * Parse errors say what was expected in words, from each token's label: "expected a date
 * (2022-09-30 or 30/09/2022) but found `30-09`".
 */
import { EOF, type IToken, type TokenType } from "chevrotain";

export const errorMessages = {
  buildMismatchTokenMessage: (o: { expected: TokenType; actual: IToken }): string =>
    `expected ${label(o.expected)} but found ${describe(o.actual)}`,
  buildNotAllInputParsedMessage: (o: { firstRedundant: IToken }): string =>
    `expected a new statement but found ${describe(o.firstRedundant)}`,
  buildNoViableAltMessage: (o: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string =>
    `expected ${oneOf(o.expectedPathsPerAlt.flat())} but found ${describe(o.actual[0]!)}`,
  buildEarlyExitMessage: (o: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string =>
    `expected ${oneOf(o.expectedIterationPaths)} but found ${describe(o.actual[0]!)}`,
};

function label(token: TokenType): string {
  return token.LABEL ?? token.name;
}

function describe(token: IToken): string {
  return token.tokenType === EOF ? "the end of the file" : `\`${token.image}\``;
}

function oneOf(paths: TokenType[][]): string {
  const labels = [...new Set(paths.map((p) => p[0]).filter((t) => t !== undefined).map(label))];
  if (labels.length <= 1) return labels[0] ?? "more";
  return `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}
