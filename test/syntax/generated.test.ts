import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { grammar } from "../../src/syntax/grammar.js";
import { generatedFiles } from "../../src/syntax/reference.js";
import { ruleDocs } from "../../src/syntax/rules.js";
import { lexer } from "../../src/syntax/tokens.js";

describe("files generated from the grammar", () => {
  test.each(generatedFiles().map((f) => [f.path, f.content]))("%s is up to date (run `npm run generate`)", (path, content) => {
    expect(readFileSync(path, "utf8")).toBe(content);
  });

  test("every grammar rule is documented", () => {
    expect(Object.keys(ruleDocs).sort()).toEqual(Object.keys(grammar.getGAstProductions()).sort());
  });

  test.each(Object.entries(ruleDocs))("the example of `%s` parses with that rule", (rule, doc) => {
    const lexed = lexer.tokenize(doc.example);
    expect(lexed.errors).toEqual([]);
    grammar.input = lexed.tokens;
    (grammar as unknown as Record<string, () => unknown>)[rule]!();
    expect(grammar.errors.map((e) => e.message)).toEqual([]);
  });
});
