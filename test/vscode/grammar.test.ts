/**
 * The VS Code extension's TextMate grammar: generated from the lexer's keyword table and up to date;
 * its hand-written cases pass vscode-tmgrammar-test; and on every bundled policy, in English and in
 * Vietnamese keywords, it colours each token as chitieu's own lexer reads it, so a word the editor
 * shows as a keyword is one the checker takes as a keyword, and no other.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { TokenType } from "chevrotain";
import oniguruma from "vscode-oniguruma";
import textmate from "vscode-textmate";
import { beforeAll, describe, expect, it } from "vitest";
import * as t from "../../src/syntax/tokens.js";
import { bundledPolicies, translateKeywords } from "../support/policies.js";

const GRAMMAR = "editors/vscode/syntaxes/chitieu.tmLanguage.json";

/** The scope each lexer token must carry at every one of its characters. */
function expectedScope(type: TokenType): string | undefined {
  if (type === t.Comment) return "comment.line.number-sign.chitieu";
  if (type === t.StringLiteral) return "string.quoted.double.chitieu";
  if (type === t.DateLiteral) return "constant.numeric.date.chitieu";
  if (type === t.PercentLiteral) return "constant.numeric.percentage.chitieu";
  if (type === t.NumberLiteral) return "constant.numeric.chitieu";
  if ([t.Plus, t.Minus, t.Star, t.Slash, t.Equals].includes(type)) return "keyword.operator.arithmetic.chitieu";
  if ([t.Colon, t.Comma, t.LParen, t.RParen].includes(type)) return "punctuation.separator.chitieu";
  if (t.keywords.some((k) => k.token === type)) return "keyword-like";
  return undefined;
}

const isKeywordScope = (scope: string): boolean => scope.startsWith("keyword.") || scope.startsWith("storage.type.");

let grammar: textmate.IGrammar;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  await oniguruma.loadWASM(readFileSync(join(require.resolve("vscode-oniguruma"), "..", "onig.wasm")).buffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: () => Promise.resolve(textmate.parseRawGrammar(readFileSync(GRAMMAR, "utf8"), GRAMMAR)),
  });
  const loaded = await registry.loadGrammar("source.chitieu");
  if (!loaded) throw new Error(`${GRAMMAR} did not load`);
  grammar = loaded;
});

/** Every character's scopes, line by line. */
function scopesOf(text: string): string[][][] {
  let stack = textmate.INITIAL;
  return text.split("\n").map((line) => {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
    stack = ruleStack;
    const chars: string[][] = [];
    for (const token of tokens) for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) chars[i] = token.scopes;
    return chars;
  });
}

/** Where the grammar and the lexer disagree on a text: `line:column token scope`, none when they agree. */
function disagreements(text: string): string[] {
  const source = text.normalize("NFC");
  const scopes = scopesOf(source);
  const lexed = t.lexer.tokenize(source);
  const found: string[] = [];
  for (const token of [...lexed.tokens, ...(lexed.groups["comments"] ?? [])]) {
    // A phrase broken across lines is read by the lexer; a line-by-line grammar cannot see it.
    if (token.image.includes("\n")) continue;
    const line = token.startLine! - 1;
    const want = expectedScope(token.tokenType);
    for (let c = token.startColumn! - 1; c < token.endColumn!; c++) {
      const have = scopes[line]?.[c] ?? [];
      const ok = want === undefined ? !have.some(isKeywordScope) : want === "keyword-like" ? have.some(isKeywordScope) : have.includes(want);
      if (!ok) {
        found.push(`${line + 1}:${c + 1} ${token.tokenType.name} ${JSON.stringify(token.image)} has ${have.join(" ")}`);
        break;
      }
    }
  }
  return found;
}

describe("the VS Code grammar", () => {
  it("is what scripts/vscode-grammar.mjs makes from the lexer's keywords", () => {
    const run = spawnSync(process.execPath, ["scripts/vscode-grammar.mjs", "--check"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("passes its vscode-tmgrammar-test cases", () => {
    const bin = createRequire(import.meta.url).resolve("vscode-tmgrammar-test/dist/unit.js");
    const run = spawnSync(process.execPath, [bin, "test/*.ct"], { cwd: "editors/vscode", encoding: "utf8" });
    expect(run.stdout + run.stderr).not.toMatch(/failed|ERROR/);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  it.each(bundledPolicies().map((p) => [p.file, p.text] as const))("colours %s as the lexer reads it, in both languages", (_file, text) => {
    expect(disagreements(text)).toEqual([]);
    expect(disagreements(translateKeywords(text, "vi"))).toEqual([]);
    expect(disagreements(translateKeywords(text, "en"))).toEqual([]);
  });

  it("colours every spelling of every keyword, in any case, and not inside a longer id", () => {
    for (const k of t.keywords) {
      for (const form of [...k.en, ...k.vi]) {
        for (const written of [form, form.toUpperCase()]) {
          expect(disagreements(`x ${written} y`), written).toEqual([]);
          if (/[a-z]/i.test(form) && !form.includes(" ")) expect(disagreements(`${written}_total pre_${written}`), written).toEqual([]);
        }
      }
    }
  });
});
