/**
 * The bundled CLI's parser reads its lookahead from a table computed at build time (lookahead.ts):
 * a parser built from the table must parse every text exactly as one that computes it, errors and
 * recovery included, and must compute nothing itself.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PolicyGrammar } from "../../src/syntax/grammar.js";
import { lexer } from "../../src/syntax/tokens.js";

const computing = new PolicyGrammar(undefined);
const table = computing.lookahead.table();
const fromTable = new PolicyGrammar(table);

function policyFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? policyFiles(join(dir, e.name)) : e.name.endsWith(".ct") ? [join(dir, e.name)] : []));
}
const texts = [...policyFiles("policies"), ...policyFiles("test/fixtures")].map((file) => [file, readFileSync(file, "utf8")] as const);

function parseWith(grammar: PolicyGrammar, text: string) {
  grammar.input = lexer.tokenize(text).tokens;
  const cst = grammar.file();
  return { cst, errors: grammar.errors.map((e) => `${e.name} ${e.token.startOffset} ${e.message}`) };
}

describe("the precomputed lookahead", () => {
  it("covers every decision of the grammar, so a parser built from it computes none", () => {
    expect(Object.keys(table).length).toBeGreaterThan(40);
    expect(fromTable.lookahead.table()).toEqual({});
  });

  it("survives JSON, as the bundle embeds it", () => {
    expect(new PolicyGrammar(JSON.parse(JSON.stringify(table)) as typeof table).lookahead.table()).toEqual({});
  });

  it.each(texts)("parses %s as the computing parser does", (_, text) => {
    expect(parseWith(fromTable, text)).toEqual(parseWith(computing, text));
  });

  it("recovers from the same errors in the same way, for any slice cut out of a policy", () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts.map(([, text]) => text)), fc.nat(), fc.nat({ max: 200 }), (text, at, length) => {
        const from = at % (text.length + 1);
        const cut = text.slice(0, from) + text.slice(from + length);
        expect(parseWith(fromTable, cut)).toEqual(parseWith(computing, cut));
      }),
      { numRuns: 300 },
    );
  });

  it("computes what a table does not know, such as a token it has never heard of", () => {
    const [key, alts] = Object.entries(table)[0]!;
    const stale = { ...table, [key]: alts.map((alt) => alt.map((path) => path.map(() => "NoSuchToken"))) };
    const grammar = new PolicyGrammar(stale);
    expect(Object.keys(grammar.lookahead.table())).toEqual([key]);
    expect(parseWith(grammar, texts[0]![1])).toEqual(parseWith(computing, texts[0]![1]));
  });
});
