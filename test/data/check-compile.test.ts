import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRowFormula } from "../../src/data/check-compile.js";
import { compile } from "../../src/files/policy.js";
import { evaluateExpression } from "../../src/model/expression.js";
import type { Expression } from "../../src/model/policy.js";
import * as Q from "../../src/number/rational.js";

const FIELDS = ["a", "b", "c"];
const INDEX = new Map(FIELDS.map((f, i) => [f, i]));
const MAX = Number.MAX_SAFE_INTEGER;

/** The left side of `check FORMULA >= 0`, as the policy compiler reads it; undefined when it refuses it (a constant division by zero). */
function compiled(text: string): Expression | undefined {
  return compile(`policy p effective 2022-01-01\nfield a field b field c\ncheck ${text} >= 0\n`, { file: "p.ct" }).policy?.checks[0]?.left;
}

const formula = (text: string): Expression => compiled(text) ?? expect.fail(`${text} does not compile`);

const leaf = fc.oneof(fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 1000 }).map(String), fc.constantFrom("9007199254740991", "4503599627370496", "2.5", "50%", "0"));
const text = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*", "/"), tie("e")).map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie("e").map((x) => `-(${x})`),
    fc.tuple(fc.constantFrom("min", "max"), tie("e"), tie("e")).map(([f, l, r]) => `${f}(${l}, ${r})`),
    fc.tuple(tie("e"), fc.constantFrom("<", "<=", ">=", ">"), tie("e"), tie("e"), tie("e")).map(([l, op, r, t, e]) => `(if ${l} ${op} ${r} then ${t} else ${e})`),
  ),
})).e;
const count = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: MAX - 1000, max: MAX }), fc.integer({ min: 0, max: MAX }));

describe("a data check compiled to doubles", () => {
  it("answers only with the exact value: whenever it gives a number, rationals give the same", () => {
    fc.assert(
      fc.property(text, fc.tuple(count, count, count), (source, counts) => {
        const e = compiled(source);
        fc.pre(e !== undefined);
        const fast = compileRowFormula(e, INDEX)(Float64Array.from(counts));
        const exact = evaluateExpression(e, (id) => Q.rational(counts[INDEX.get(id)!]!));
        if (Number.isNaN(fast)) return;
        expect(exact).toBeDefined();
        expect(Q.equals(exact!, Q.rational(BigInt(fast)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("answers the usual checks in doubles, and leaves divisions, percentages and sums past 2^53 to rationals", () => {
    const row = Float64Array.of(140394, 140061, 309);
    expect(compileRowFormula(formula("b + c - a"), INDEX)(row)).toBe(-24);
    expect(compileRowFormula(formula("max(a, b) * 2"), INDEX)(row)).toBe(280788);
    expect(compileRowFormula(formula("a / 2"), INDEX)(row)).toBeNaN();
    expect(compileRowFormula(formula("50% * a"), INDEX)(row)).toBeNaN();
    expect(compileRowFormula(formula("a + b"), INDEX)(Float64Array.of(MAX, 1, 0))).toBeNaN();
  });
});
