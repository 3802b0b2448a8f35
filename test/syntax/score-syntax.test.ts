/**
 * Issue 17's syntax: a score's window and maximum, a term's own `when empty`, the index statement;
 * in English and Vietnamese, formatted back to the same tree, and checked.
 */
import { describe, expect, test } from "vitest";
import { compile } from "../../src/files/policy.js";
import { withoutSpans } from "../../src/syntax/ast.js";
import { formatSource } from "../../src/syntax/format.js";
import { parse } from "../../src/syntax/parse.js";

const HEAD = `policy p effective 2022-01-01
tier commune
field a field b field c field d
metric x = a / b
metric y = c / d
`;

const english = `${HEAD}score s "S" for all over quarter out of 20 =
  (4 * x when empty 4) + min(6, (6 * y / 50% when empty 0)) round 2 half-up
score t for all over year-to-date out of 80 = 80 * x when empty 0
index total "Tổng" for all out of 100 = s + t
`;

const vietnamese = `${HEAD}điểm s "S" cho tất cả theo quý thang điểm 20 =
  (4 * x khi trống 4) + min(6, (6 * y / 50% khi trống 0)) làm tròn 2 half-up
điểm t cho tất cả theo lũy kế năm thang điểm 80 = 80 * x khi trống 0
bộ chỉ số total "Tổng" cho tất cả thang điểm 100 = s + t
`;

const tree = (text: string) => {
  const parsed = parse(text);
  expect(parsed.diagnostics).toEqual([]);
  return withoutSpans(parsed.ast);
};

describe("the new score syntax", () => {
  test("English and Vietnamese keywords give the same tree", () => {
    expect(tree(vietnamese)).toEqual(tree(english));
  });

  test("a score's window, maximum and per-term rules, and an index, are in the tree", () => {
    const file = parse(english).ast!;
    const [s, , index] = file.statements.filter((x) => x.kind === "score" || x.kind === "index");
    expect(s).toMatchObject({ kind: "score", window: { kind: "quarter" }, maximum: { value: { num: 20n, den: 1n } } });
    expect(s?.kind === "score" && s.points.formula).toMatchObject({ kind: "binary", op: "+", left: { kind: "when-empty", term: { kind: "binary", op: "*" }, value: { kind: "number" } } });
    expect(index).toMatchObject({ kind: "index", id: { text: "total" }, maximum: { value: { num: 100n } }, components: [{ text: "s" }, { text: "t" }] });
  });

  test.each(["en", "vi"] as const)("`chitieu fmt` in %s gives the same tree back, and is idempotent", (lang) => {
    for (const source of [english, vietnamese]) {
      const once = formatSource(source, { lang }).text!;
      expect(tree(once)).toEqual(tree(english));
      expect(formatSource(once, { lang }).text).toBe(once);
    }
  });

  test("the formatter writes the new words in the file's language", () => {
    expect(formatSource(english, { lang: "vi" }).text).toContain("cho tất cả theo quý thang điểm 20 =\n  (4 * x khi trống 4)");
    expect(formatSource(vietnamese, { lang: "en" }).text).toContain("index total \"Tổng\"\n  for all out of 100 =\n  s + t");
  });

  test("a window other than month, quarter or year-to-date is a syntax error that says what is allowed", () => {
    const parsed = parse(`${HEAD}score s for all over since-start = x when empty 0\n`);
    expect(parsed.diagnostics[0]).toMatchObject({ name: "syntax" });
    expect(parsed.diagnostics[0]!.message).toMatch(/`month`.*`quarter`.*`year-to-date`/);
  });
});

describe("checks on the new syntax", () => {
  const names = (text: string) => compile(HEAD + text, { file: "p.ct" }).diagnostics.map((d) => `${d.name} ${d.span.start.line}:${d.span.start.column}`);

  test.each([
    ["score s for all = 4 * x\n", ["may-be-empty 6:23"]],
    ["score s for all = 4 * x when empty 0\n", []],
    ["score s for all = (4 * x when empty 0) + (2 * y when empty 2)\n", []],
    ["score s for all = (4 * x when empty 0) + 2 * y\n", ["may-be-empty 6:46"]],
    ["score s for all = (4 * x when empty y)\n", ["may-be-empty 6:37"]],
    ["score s for all = 4 / (x - y) when empty 0\n", []],
    ["score s for all = 4 / (1 + 2)\n", []],
  ])("%s", (rule, expected) => {
    expect(names(rule)).toEqual(expected);
  });

  test("a division by a formula of metrics is reported at the division, a metric at the metric", () => {
    expect(compile(`${HEAD}score s for all = (x when empty 0) / ((x when empty 0) - 1)\n`, { file: "p.ct" }).diagnostics).toMatchObject([
      { name: "may-be-empty", args: {}, message: "this divides by a value that can be zero, and this score says nothing for it" },
    ]);
  });

  test("targets, scores and indexes share one namespace of ids", () => {
    expect(names("score s for all = x when empty 0\nindex s for all out of 1 = s\n")).toEqual(["duplicate-id 7:7"]);
  });

  test("an index adds scores, not metrics, suggesting the nearest score", () => {
    const found = compile(`${HEAD}score progress for all = x when empty 0\nindex i for all out of 1 = x + progres\n`, { file: "p.ct" }).diagnostics;
    expect(found.map((d) => [d.name, d.help])).toEqual([
      ["unknown-score", "an index adds scores: `progress`"],
      ["unknown-score", "did you mean `progress`?"],
    ]);
  });

  test("an index's maximum is checked only when every component states its own", () => {
    expect(names("score s for all out of 20 = x when empty 0\nscore t for all = y when empty 0\nindex i for all out of 30 = s + t\n")).toEqual([]);
    expect(names("score s for all out of 20 = x when empty 0\nscore t for all out of 10.5 = y when empty 0\nindex i for all out of 30.5 = s + t\n")).toEqual([]);
  });
});
