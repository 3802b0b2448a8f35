/**
 * The lexer is told which characters each token can start with and whether it can hold a line
 * break, instead of finding out from the patterns at every start (tokens.ts). A character missing
 * from a hint would make the lexer reject text it reads today, an extra one would only cost time:
 * both are checked for every character of the Basic Multilingual Plane, against the pattern itself.
 */
import type { TokenType } from "chevrotain";
import { describe, expect, it } from "vitest";
import { allTokens, Comment, DateLiteral, Identifier, keywords, NumberLiteral, PercentLiteral, StringLiteral, Whitespace } from "../../src/syntax/tokens.js";

type Hinted = TokenType & { PATTERN: RegExp | string; START_CHARS_HINT?: (string | number)[]; LINE_BREAKS?: boolean };

const code = (c: string | number) => (typeof c === "string" ? c.charCodeAt(0) : c);
const hintOf = (token: TokenType) => new Set(((token as Hinted).START_CHARS_HINT ?? []).map(code));
const matchesAtStart = (token: TokenType, text: string) => {
  const pattern = (token as Hinted).PATTERN;
  if (typeof pattern === "string") return text.startsWith(pattern);
  return new RegExp(pattern.source, `${pattern.flags}y`).test(text);
};

/** Characters c for which `c + rest` matches for some rest given: a superset check with the right rests is exact. */
function startCharacters(token: TokenType, rests: readonly string[]): Set<number> {
  const found = new Set<number>();
  for (let c = 0; c <= 0xffff; c++) {
    const first = String.fromCharCode(c);
    if (rests.some((rest) => matchesAtStart(token, first + rest))) found.add(c);
  }
  return found;
}

describe("start character hints", () => {
  const literals: [string, TokenType, string[]][] = [
    ["DateLiteral", DateLiteral, ["000-1-1", "/1/2000", "1/1/2000"]],
    ["PercentLiteral", PercentLiteral, ["%"]],
    ["NumberLiteral", NumberLiteral, [""]],
    ["StringLiteral", StringLiteral, ['"']],
    ["Identifier", Identifier, [""]],
    ["Comment", Comment, [""]],
    ["Whitespace", Whitespace, [""]],
  ];

  it.each(literals)("%s's hint is exactly the characters its pattern can start with", (_, token, rests) => {
    expect([...hintOf(token)].sort((a, b) => a - b)).toEqual([...startCharacters(token, rests)]);
  });

  it.each(keywords.map((k) => [k.token.name, k] as const))("keyword %s's hint is exactly the first characters of its spellings, in either case", (_, k) => {
    // A spelling minus its first character is the rest that completes a match after any first character that fits.
    const spellings = [...k.en, ...k.vi];
    expect([...hintOf(k.token)].sort((a, b) => a - b)).toEqual([...startCharacters(k.token, spellings.map((s) => s.slice(1)))]);
  });

  it("every token has a hint or is a one-character symbol, so the lexer never parses a pattern at start-up", () => {
    for (const token of allTokens) {
      const { PATTERN, START_CHARS_HINT } = token as Hinted;
      expect([token.name, START_CHARS_HINT !== undefined || (typeof PATTERN === "string" && PATTERN.length === 1)]).toEqual([token.name, true]);
    }
  });
});

describe("line breaks", () => {
  it("every token says whether it can hold one", () => {
    for (const token of allTokens) expect([token.name, typeof (token as Hinted).LINE_BREAKS]).toEqual([token.name, "boolean"]);
  });

  it("tokens that say they cannot, do not, whatever follows their first character", () => {
    const breaks = ["\n", "\r", "\r\n"];
    for (const token of allTokens.filter((t) => (t as Hinted).LINE_BREAKS === false)) {
      for (const first of [...hintOf(token)].slice(0, 40).map((c) => String.fromCharCode(c))) {
        for (const brk of breaks) {
          for (const text of [`${first}${brk}x`, `${first}a${brk}b"`, `${first}1${brk}2%`, `${first}1-1${brk}-1`]) {
            const pattern = (token as Hinted).PATTERN;
            const match = typeof pattern === "string" ? (text.startsWith(pattern) ? pattern : "") : (new RegExp(pattern.source, `${pattern.flags}y`).exec(text)?.[0] ?? "");
            expect([token.name, JSON.stringify(text), /[\r\n]/.test(match)]).toEqual([token.name, JSON.stringify(text), false]);
          }
        }
      }
    }
  });
});
