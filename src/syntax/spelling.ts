/**
 * Which language a file's keywords are written in, and keywords spelled in a language: what a
 * diagnostic asks an author to write should read like the rest of their file, as `fmt` would write it.
 */
import type { IToken, TokenType } from "chevrotain";
import type { Lang } from "../i18n/lang.js";
import { keywords, lexer, type Keyword } from "./tokens.js";

// A map, not a search of the table: a file's language is found by looking up each of its tokens.
const byType = new Map<TokenType, Keyword>(keywords.map((k) => [k.token, k]));
const keywordOf = (type: TokenType): Keyword | undefined => byType.get(type);

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

/** Diacritics off, `đ` as `d`, case kept: what a word becomes typed on a keyboard with no Vietnamese. */
const stripAccents = (text: string): string =>
  text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");

/** The ASCII id to write for an id typed with accents (`tỷ_lệ`, `tỷ lệ` -> `ty_le`), if it has one. */
export function asciiId(id: string): string | undefined {
  const ascii = stripAccents(id).replace(/\s+/g, "_").replace(/[^A-Za-z0-9_-]/g, "");
  return /^[A-Za-z_]/.test(ascii) ? ascii : undefined;
}

/**
 * One word reduced to its bare letters, whether typed unaccented (`toi`), in VNI (`to6i1`) or in
 * telex (`toois`) with the input method off: VNI's digits go, telex's doubled `aa`/`ee`/`oo`/`dd`
 * become one letter, its `w` goes or stands for `ư`, and its tone letters go. A Vietnamese syllable
 * never ends in s, f, r, x or j, so those letters after the first vowel are tones.
 */
function bare(word: string): string {
  const letters = stripAccents(word)
    .toLowerCase()
    .replace(/(?<=[a-z])[1-9]/g, "")
    .replace(/([aeod])\1/g, "$1")
    .replace(/([aou])w/g, "$1")
    .replace(/w/g, "u");
  const vowel = letters.search(/[aeiouy]/);
  return vowel < 0 ? letters : letters.slice(0, vowel + 1) + letters.slice(vowel + 1).replace(/[sfrxj]/g, "");
}

const bareWords = (words: readonly string[]): string => words.map(bare).join(" ");

/** Each Vietnamese keyword by its bare letters; `hàng tháng` before `hằng tháng`, as the formatter writes it. */
const byBareLetters = new Map<string, Keyword>();
for (const keyword of keywords) {
  for (const spelling of keyword.vi) {
    const key = bareWords(spelling.split(" "));
    if (!byBareLetters.has(key)) byBareLetters.set(key, keyword);
  }
}

/** The Vietnamese keyword these words are, typed without accents or the input method, if any. */
export function keywordTyped(words: readonly string[]): { readonly vi: string; readonly en: string } | undefined {
  const keyword = byBareLetters.get(bareWords(words));
  return keyword && { vi: spell(keyword.token, "vi"), en: spell(keyword.token, "en") };
}
