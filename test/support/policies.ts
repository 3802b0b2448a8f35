/** The bundled policies and the bad fixtures, read once for the tests that go over all of them. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { keywords, lexer } from "../../src/syntax/tokens.js";

export interface PolicyText {
  readonly file: string;
  readonly text: string;
}

function readAll(folder: string): PolicyText[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ct"))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

export const bundledPolicies = (): PolicyText[] => readAll("policies");
export const badFixtures = (): PolicyText[] => readAll("test/fixtures/bad");

/** Rewrites every keyword in the other language's first spelling, leaving all else as written. */
export function translateKeywords(text: string, to: "en" | "vi"): string {
  const { tokens } = lexer.tokenize(text.normalize("NFC"));
  let out = "";
  let at = 0;
  const source = text.normalize("NFC");
  for (const token of tokens) {
    const keyword = keywords.find((k) => k.token === token.tokenType);
    if (!keyword) continue;
    const spelling = to === "en" ? keyword.en[0]! : (keyword.vi[0] ?? keyword.en[0]!);
    out += source.slice(at, token.startOffset) + spelling;
    at = token.endOffset! + 1;
  }
  return out + source.slice(at);
}
