/**
 * Hostile shapes that used to overflow the stack (issue 13): each is now refused with a located
 * diagnostic, or read, and nothing throws.
 */
import { describe, expect, it } from "vitest";
import { readObservations } from "../../src/data/observations.js";
import { compile } from "../../src/files/policy.js";
import { parse } from "../../src/syntax/parse.js";

const HEAD = "policy p effective 2022-01-01\ntier commune\nfield a field b\nmetric m = a / b\n";
const score = (formula: string) => `${HEAD}score s for all = ${formula} when empty 0\n`;
const nested = (depth: number) => {
  let e = "m";
  for (let i = 0; i < depth; i++) e = `if m >= 1% then ${e} else 1`;
  return e;
};

describe("formulas nested or long beyond any decision's", () => {
  it.each([
    ["700 unary minus signs", score(`${"-".repeat(700)}m`), "nesting"],
    ["780 nested `if`s", score(nested(780)), "nesting"],
    ["65 brackets", score(`${"(".repeat(65)}m${")".repeat(65)}`), "nesting"],
    ["a sum of 8,150 terms in a score", score(Array(8150).fill("m").join(" + ")), "terms"],
    ["a sum of 1,001 terms in a score, one past the limit", score(Array(1001).fill("m").join(" + ")), "terms"],
    ["a sum of 8,150 terms in a data check", `${HEAD}check a = ${Array(8150).fill("b").join(" + ")}\n`, "terms"],
  ])("%s: one located error, no throw", (_, text, kind) => {
    const parsed = parse(text, "p.ct");
    expect(parsed.ast).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.name, (d.args as { kind: string }).kind])).toEqual([["syntax", kind]]);
    expect(parsed.diagnostics[0]!.span.start.line).toBe(5);
  });

  it("formulas within the limits still compile: 60 nested `if`s, 1,000 terms, 64 brackets, a subtraction chain", () => {
    for (const formula of [nested(60), Array(1000).fill("m").join(" + "), `${"(".repeat(64)}m${")".repeat(64)}`, Array(900).fill("m").join(" - "), "- -m + -(m - -m)"]) {
      const compiled = compile(score(formula), { file: "p.ct" });
      expect(compiled.diagnostics).toEqual([]);
      expect(compiled.policy?.scores).toHaveLength(1);
    }
  });

  it("a quoted name of 8.4 million characters is read, not a stack overflow in the lexer", () => {
    const parsed = parse(`${HEAD}tier x "${"a".repeat(8_400_000)}"\n`, "p.ct");
    expect(parsed.diagnostics).toEqual([]);
    const tier = parsed.ast?.statements.at(-1);
    expect(tier?.kind).toBe("tier");
    expect(tier?.kind === "tier" && tier.title?.value.length).toBe(8_400_000);
  });
});

describe("a typo after 125,000 statements", () => {
  it("is one located error, not a stack overflow while finding where the statement starts", () => {
    const parsed = parse(`${HEAD}${Array.from({ length: 125_000 }, (_, i) => `tag g${i}\n`).join("")}tiier x\n`, "p.ct");
    expect(parsed.diagnostics.map((d) => [d.name, d.span.start.line])).toEqual([["syntax", 125_005]]);
  });
});

describe("a file of errors", () => {
  it("lists the first 100 and counts the rest in one more, at the first of them", () => {
    const parsed = parse(`${HEAD}${"@ ".repeat(200_000)}\n`, "p.ct");
    expect(parsed.diagnostics).toHaveLength(101);
    expect(parsed.diagnostics.slice(0, 100).every((d) => d.name === "unexpected-character")).toBe(true);
    expect(parsed.diagnostics[100]).toMatchObject({ name: "syntax", message: "and 199,900 more syntax errors from here on", span: { start: { line: 5, column: 201 } } });
  });
});

describe("a policy of more than 500,000 tokens", () => {
  it("is refused before it is parsed, at the token past the limit", () => {
    const parsed = parse(`${HEAD}${"tag g\n".repeat(250_000)}`, "p.ct");
    expect(parsed.ast).toBeUndefined();
    expect(parsed.diagnostics).toMatchObject([{ name: "syntax", message: "the policy has more than 500,000 words, numbers and symbols, more than any decision needs", span: { start: { line: 249_997 } } }]);
  });
});

describe("a JSON cell nested 5,000 deep", () => {
  it("is a rejected row whose message quotes it briefly", () => {
    const text = `[{"unit": ${"[".repeat(5000)}${"]".repeat(5000)}, "period": "2022-10"}]`;
    const read = readObservations(text, { file: "d.json", format: "json", fields: new Set(["a"]), units: new Set(["u"]) });
    expect(read.rows).toEqual({ read: 1, used: 0, rejected: 1 });
    expect(read.issues.map((i) => i.message)).toEqual(["item 1: `unit` must be text, not […]"]);
  });
});
