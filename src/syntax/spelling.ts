/**
 * Which language a file's keywords are written in, and keywords spelled in a language: what a
 * diagnostic asks an author to write should read like the rest of their file, as `fmt` would write it.
 */
import type { IToken, TokenType } from "chevrotain";
import type { Lang } from "../report/words.js";
import { keywords, lexer, type Keyword } from "./tokens.js";

const keywordOf = (type: TokenType): Keyword | undefined => keywords.find((k) => k.token === type);

const isWord = (spelling: string): boolean => /^\p{L}/u.test(spelling);

/** Vietnamese when most keywords are spelled in Vietnamese; English on a tie, a file with none included. */
export function keywordLanguage(tokens: readonly IToken[]): Lang {
  let balance = 0;
  for (const token of tokens) {
    const keyword = keywordOf(token.tokenType);
    if (keyword) balance += keyword.vi.includes(token.image.toLowerCase().replace(/\s+/g, " ")) ? 1 : -1;
  }
  return balance > 0 ? "vi" : "en";
}

/** The keyword's canonical word in `lang`; a symbol (`>=`) is no language's, so it is never the answer. */
export function spell(type: TokenType, lang: Lang): string {
  const keyword = keywordOf(type)!;
  return lang === "vi" ? keyword.vi[0]! : keyword.en.find(isWord)!;
}

/** Every spelling of every keyword in `lang`, words only. */
export const spellings = (lang: Lang): string[] => keywords.flatMap((k) => (lang === "vi" ? k.vi : k.en.filter(isWord)));

/** The text with each keyword written as a word in `lang`; symbols, names, dates and comments stay. */
export function respell(text: string, lang: Lang): string {
  let out = "";
  let at = 0;
  for (const token of lexer.tokenize(text).tokens) {
    if (!keywordOf(token.tokenType) || !isWord(token.image)) continue;
    out += text.slice(at, token.startOffset) + spell(token.tokenType, lang);
    at = token.endOffset! + 1;
  }
  return out + text.slice(at);
}

/** A keyword's label (`` `from` ``) spelled in `lang`; any other label (a date, `>=`) as it is. */
export function respellLabel(label: string, lang: Lang): string {
  const keyword = keywords.find((k) => k.token.LABEL === label && isWord(k.en[0]!));
  return keyword ? `\`${spell(keyword.token, lang)}\`` : label;
}
