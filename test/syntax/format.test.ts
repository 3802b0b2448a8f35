import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { withoutSpans, type Expression } from "../../src/syntax/ast.js";
import { formatPolicy, formatSource, type Language } from "../../src/syntax/format.js";
import { parse } from "../../src/syntax/parse.js";
import { rational } from "../../src/number/rational.js";
import { badFixtures, bundledPolicies } from "../support/policies.js";

const tree = (text: string): unknown => {
  const parsed = parse(text);
  expect(parsed.diagnostics.filter((d) => d.name === "syntax")).toEqual([]);
  return withoutSpans(parsed.ast);
};
const format = (text: string, lang: Language): string => formatSource(text, { lang }).text!;
const commentsOf = (text: string): string[] => parse(text).comments.map((c) => c.text.trimEnd());

const files = [...bundledPolicies(), ...badFixtures().filter((f) => parse(f.text).ast !== undefined)];

describe.each<Language>(["en", "vi"])("formatting in %s", (lang) => {
  test.each(files.map((f) => [f.file, f.text]))("%s: same tree, idempotent, comments kept", (_, text) => {
    const once = format(text, lang);
    expect(tree(once)).toEqual(tree(text));
    expect(format(once, lang)).toBe(once);
    expect(commentsOf(once)).toEqual(commentsOf(text));
  });

  test("a file with a date that does not exist is left alone, not formatted without it", () => {
    const result = formatSource('policy p decision "1/QĐ" dated 0/07/2022\n', { lang });
    expect(result.text).toBeUndefined();
    expect(result.diagnostics).toMatchObject([{ name: "invalid-date" }]);
  });

  test("random edits of the policies that still parse format to the same tree", () => {
    const policies = bundledPolicies();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: policies.length - 1 }), fc.nat(), fc.integer({ min: 0, max: 30 }), (i, at, remove) => {
        const text = policies[i]!.text;
        const cut = at % (text.length + 1);
        const edited = text.slice(0, cut) + text.slice(cut + remove);
        const parsed = parse(edited);
        if (!parsed.ast || parsed.diagnostics.length > 0) {
          expect(formatSource(edited, { lang }).text).toBeUndefined();
          return;
        }
        const once = format(edited, lang);
        expect(withoutSpans(parse(once).ast)).toEqual(withoutSpans(parsed.ast));
        expect(format(once, lang)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the complete clause", () => {
  const text = "metric ytd = a / b over year-to-date complete\nmetric q = a / b over quarter\n";

  test.each<[Language, string]>([
    ["en", "metric ytd\n  = a / b over year-to-date complete"],
    ["vi", "chỉ số ytd\n  = a / b theo lũy kế năm đủ tháng"],
  ])("is written in %s after the window, only where it was", (lang, written) => {
    const once = format(text, lang);
    expect(once).toContain(written);
    expect(once.match(/complete|đủ tháng/g)).toHaveLength(1);
    expect(tree(once)).toEqual(tree(text));
    expect(format(once, lang)).toBe(once);
  });
});

describe("a field's column headings", () => {
  const text = 'field dossiers "Số hồ sơ" column "Tổng số hồ sơ", "Tiếp nhận"\nfield online\n';

  test.each<[Language, string]>([
    ["en", 'field dossiers "Số hồ sơ" column "Tổng số hồ sơ", "Tiếp nhận"\n'],
    ["vi", 'trường dossiers "Số hồ sơ" cột "Tổng số hồ sơ", "Tiếp nhận"\n'],
  ])("are written in %s after the title, and read back as the same headings", (lang, written) => {
    const once = format(text, lang);
    expect(once).toContain(written);
    expect(tree(once)).toEqual(tree(text));
    expect(format(once, lang)).toBe(once);
    const field = parse(once).ast!.statements.find((s) => s.kind === "field" && s.id.text === "dossiers");
    expect(field && field.kind === "field" && field.columns.map((c) => c.value)).toEqual(["Tổng số hồ sơ", "Tiếp nhận"]);
  });
});

describe("expressions", () => {
  const leaf = fc.oneof(
    fc.integer({ min: 0, max: 999 }).map((n): Expression => ({ kind: "number", value: rational(n, 10), span: undefined as never })),
    fc.integer({ min: 0, max: 1000 }).map((n): Expression => ({ kind: "percent", points: rational(n, 10), span: undefined as never })),
    fc.constantFrom("a", "b", "share").map((text): Expression => ({ kind: "ref", name: { text, span: undefined as never }, span: undefined as never })),
  );
  const expression: fc.Arbitrary<Expression> = fc.letrec<{ e: Expression }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.record({ kind: fc.constant("binary" as const), op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const), left: tie("e"), right: tie("e") }),
      fc.record({ kind: fc.constant("negate" as const), operand: tie("e") }),
      fc.record({ kind: fc.constant("call" as const), function: fc.constantFrom("min", "max").map((text) => ({ text })), arguments: fc.array(tie("e"), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant("if" as const), left: tie("e"), comparison: fc.constantFrom(">=" as const, "<" as const), right: tie("e"), then: tie("e"), else: tie("e") }),
    ) as fc.Arbitrary<Expression>,
  })).e;

  test.each<Language>(["en", "vi"])("print then parse gives the same tree, brackets and all (%s)", (lang) => {
    fc.assert(
      fc.property(expression, (formula) => {
        const ast = parse("score s for all = 1").ast!;
        const score = { ...ast.statements[0]!, points: { formula, whenEmpty: undefined, rounding: undefined } };
        const withFormula = { ...ast, statements: [score] } as typeof ast;
        expect(withoutSpans(parse(formatPolicy(withFormula, [], lang)).ast)).toEqual(withoutSpans(withFormula));
      }),
      { numRuns: 300 },
    );
  });
});


describe("spellings beside the canonical one", () => {
  test.each<[string, string, string]>([
    ["chỉ tiêu t cho tất cả: từ 31/01/2024 r tối thiểu 10%, hằng tháng +1%, đến 31/03/2024 tối thiểu 12%\n", "hàng tháng +1%", "monthly +1%"],
    ["chính sách p hiệu lực từ 20/03/2023 đến 31/12/2023\n", "hiệu lực 20/03/2023 đến hết 31/12/2023", "effective 2023-03-20 until 2023-12-31"],
  ])("are read, and written in the canonical spelling: %s", (text, vi, en) => {
    expect(format(text, "vi")).toContain(vi);
    expect(format(text, "en")).toContain(en);
    expect(tree(format(text, "vi"))).toEqual(tree(text));
  });
});
