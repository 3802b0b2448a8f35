import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { localize } from "../../src/diagnostics/diagnostic.js";
import { parse } from "../../src/syntax/parse.js";
import { withoutSpans, type MilestoneClause, type PolicyFile, type StepClause, type TargetDeclaration } from "../../src/syntax/ast.js";
import { rational } from "../../src/number/rational.js";
import { bundledPolicies, translateKeywords } from "../support/policies.js";

const ok = (text: string): PolicyFile => {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  return result.ast!;
};
const targetOf = (text: string): TargetDeclaration => ok(text).statements[0] as TargetDeclaration;
const tree = (text: string): unknown => withoutSpans(ok(text));

describe("the design card's line", () => {
  const target = targetOf("target usage for all except unit thanh-tra:\n  from 2022-09-30 rate >= 50%, monthly +15%, by 2022-11-30 >= 80%");

  test("parses as written into milestone, step, milestone", () => {
    expect(target.schedule.map((c) => c.kind)).toEqual(["milestone", "step", "milestone"]);
    const [start, step, deadline] = target.schedule as [MilestoneClause, StepClause, MilestoneClause];
    expect(start).toMatchObject({ anchor: "from", date: { date: "2022-09-30" }, metric: { text: "rate" }, comparison: { op: ">=" } });
    expect(start.value.points).toEqual(rational(50));
    expect(step.period).toEqual({ unit: "month", count: 1 });
    expect(step.increment!.points).toEqual(rational(15));
    expect(deadline).toMatchObject({ anchor: "by", date: { date: "2022-11-30" }, metric: undefined });
    expect(deadline.value.points).toEqual(rational(80));
  });

  test("keeps the selector's exception", () => {
    expect(withoutSpans(target.selector)).toEqual({ include: [{ kind: "all" }], exclude: [{ kind: "unit", id: { text: "thanh-tra" } }] });
  });

  test("spans are 1-based line and column", () => {
    expect(target.schedule[2]!.span.start).toMatchObject({ line: 2, column: 46 });
  });
});

describe("schedule forms", () => {
  const steps = (schedule: string) =>
    targetOf(`target t for all: ${schedule}`).schedule.filter((c): c is StepClause => c.kind === "step").map((s) => s.period);
  const milestones = (schedule: string) =>
    targetOf(`target t for all: ${schedule}`).schedule.filter((c): c is MilestoneClause => c.kind === "milestone").map((m) => [
      m.anchor,
      m.date.date,
      m.comparison.op,
    ]);

  test.each([
    ["by 2022-12-31 rate >= 30%", [["by", "2022-12-31", ">="]]],
    ["in 2024 rate >= 70%", [["in", "2024-12-31", ">="]]],
    ["in 2024 rate >= 70%, in 2025 >= 85%", [["in", "2024-12-31", ">="], ["in", "2025-12-31", ">="]]],
    ["from 2024-09-30 rate > 85%, monthly", [["from", "2024-09-30", ">"]]],
    ["by 30/11/2024 rate at most 10%", [["by", "2024-11-30", "<="]]],
    ["by 3/8/2022 rate below 10%", [["by", "2022-08-03", "<"]]],
    ["by 2022-9-30 rate above 10%", [["by", "2022-09-30", ">"]]],
  ])("%s", (schedule, expected) => {
    expect(milestones(schedule)).toEqual(expected);
  });

  test.each([
    ["monthly", { unit: "month", count: 1 }],
    ["quarterly", { unit: "month", count: 3 }],
    ["yearly", { unit: "month", count: 12 }],
    ["weekly", { unit: "week", count: 1 }],
    ["every 2 months", { unit: "month", count: 2 }],
    ["every 3 weeks", { unit: "week", count: 3 }],
  ])("step %s", (step, period) => {
    expect(steps(`from 2024-01-31 rate >= 10%, ${step} +1%, by 2025-12-31 >= 20%`)).toEqual([period]);
  });

  test("a negative step lowers the threshold", () => {
    const step = targetOf("target t for all: from 2024-01-31 r <= 10%, monthly -2,5%, by 2024-03-31 <= 5%").schedule[1] as StepClause;
    expect(step.increment!.points).toEqual(rational(-5, 2));
  });
});

describe("literals", () => {
  test("a decimal comma and a decimal point give the same percentage", () => {
    expect(tree("target t for all: by 2023-03-31 r >= 48,6%")).toEqual(tree("target t for all: by 2023-03-31 r >= 48.6%"));
  });

  test("dd/mm/yyyy and ISO dates give the same tree", () => {
    expect(tree("policy p effective 03/08/2022 until 31/12/2022")).toEqual(tree("policy p effective 2022-08-03 until 2022-12-31"));
  });

  test("strings keep any Unicode and escaped quotes", () => {
    const file = ok('tier t "Sở \\"Y tế\\" 🏥 – cấp tỉnh"');
    expect(file.statements[0]).toMatchObject({ title: { value: 'Sở "Y tế" 🏥 – cấp tỉnh' } });
  });

  test("comments are ignored wherever they stand", () => {
    expect(tree("# đầu\ntier t # cấp\n\"T\" # cuối")).toEqual(tree('tier t "T"'));
  });

  test("keywords are case-insensitive", () => {
    expect(tree("Target T For All: By 2022-12-31 r AT LEAST 30%")).toEqual(tree("target T for all: by 2022-12-31 r >= 30%"));
  });

  test("a keyword inside a longer id is part of the id", () => {
    expect(ok("field monthly_total field tiered field from-x").statements.map((s) => ("id" in s ? s.id.text : ""))).toEqual([
      "monthly_total",
      "tiered",
      "from-x",
    ]);
  });
});

describe("header and definitions", () => {
  test("the header keeps its legal basis, period and predecessor", () => {
    const header = ok(
      'policy brvt "Giao chỉ tiêu" decision "2139/QĐ-UBND" dated 2022-08-03 issued by "UBND tỉnh" effective 2022-08-03 until 2022-12-31 supersedes old',
    ).header!;
    expect(withoutSpans(header)).toEqual({
      id: { text: "brvt" },
      title: { value: "Giao chỉ tiêu" },
      decision: { number: { value: "2139/QĐ-UBND" }, date: { date: "2022-08-03" }, issuer: { value: "UBND tỉnh" } },
      effective: { from: { date: "2022-08-03" }, until: { date: "2022-12-31" } },
      supersedes: { text: "old" },
    });
  });

  test.each([
    ["", { kind: "month" }],
    ["over month", { kind: "month" }],
    ["over quarter", { kind: "quarter" }],
    ["over year-to-date", { kind: "year-to-date" }],
    ["over since-start", { kind: "since-start" }],
    ["over 3 months", { kind: "rolling", months: 3 }],
    ["theo lũy kế năm", { kind: "year-to-date" }],
    ["theo từ đầu kỳ", { kind: "since-start" }],
  ])("metric window %s", (window, expected) => {
    expect(ok(`metric m = a / b ${window}`).statements[0]).toMatchObject({ window: expected, complete: false });
  });

  test.each([
    ["over year-to-date complete", { kind: "year-to-date" }],
    ["over 3 months complete", { kind: "rolling", months: 3 }],
    ["complete", { kind: "month" }],
    ["theo lũy kế năm đủ tháng", { kind: "year-to-date" }],
    ["theo quý ĐỦ  THÁNG", { kind: "quarter" }],
  ])("a metric requiring complete windows: %s", (clause, window) => {
    expect(ok(`metric m = a / b ${clause}`).statements[0]).toMatchObject({ window, complete: true });
  });

  test("`complete` stands after the window, not before it", () => {
    expect(parse("metric m = a / b complete over quarter").diagnostics.map((d) => d.name)).toContain("syntax");
  });

  test("a unit names its tier and tags", () => {
    expect(withoutSpans(ok('unit so-y-te "Sở Y tế" tier province tagged health, pilot').statements[0])).toMatchObject({
      tier: { text: "province" },
      tags: [{ text: "health" }, { text: "pilot" }],
    });
  });

  test("score and check expressions keep precedence and left associativity", () => {
    const score = ok("score s for all = 10 - 2 - 3 * a / 80% when empty 20 round 1 half-even").statements[0]!;
    expect(withoutSpans(score)).toMatchObject({
      points: {
        formula: {
          kind: "binary",
          op: "-",
          left: { kind: "binary", op: "-", left: { kind: "number" }, right: { kind: "number" } },
          right: { kind: "binary", op: "/", left: { kind: "binary", op: "*" }, right: { kind: "percent" } },
        },
        whenEmpty: { kind: "number" },
        rounding: { decimals: 1, mode: { text: "half-even" } },
      },
    });
    expect(withoutSpans(ok("check r = a + b").statements[0])).toMatchObject({ op: "=", right: { kind: "binary", op: "+" } });
  });

  test("a target may give points from its metric, and the next statement still parses", () => {
    const file = ok("target t for all: by 2022-12-31 p >= 80% score = if p >= 80% then 2 else 1.6 round 1\nscore s for all = p");
    expect(withoutSpans(file.statements[0])).toMatchObject({ points: { formula: { kind: "if" }, rounding: { decimals: 1 } } });
    expect(file.statements[1]).toMatchObject({ kind: "score", id: { text: "s" } });
  });

  test("a step table is nested conditionals", () => {
    const score = ok("score s for all = if p >= 80% then 2 else if p >= 50% then 1.6 else 0").statements[0]!;
    expect(withoutSpans(score)).toMatchObject({ points: { formula: { kind: "if", comparison: ">=", else: { kind: "if" } } } });
  });
});

describe("Vietnamese", () => {
  test("the design card in Vietnamese gives the English tree", () => {
    const en = "target usage for all except unit thanh-tra:\n  from 2022-09-30 rate >= 50%, monthly +15%, by 2022-11-30 >= 80%";
    const vi = "chỉ tiêu usage cho tất cả trừ đơn vị thanh-tra:\n  từ 30/09/2022 rate tối thiểu 50%, hàng tháng +15%, đến 30/11/2022 ít nhất 80%";
    expect(tree(vi)).toEqual(tree(en));
  });

  test.each(bundledPolicies().map((p) => [p.file, p.text]))("%s reads the same with keywords in either language", (_, text) => {
    const source = tree(text);
    expect(tree(translateKeywords(text, "vi"))).toEqual(source);
    expect(tree(translateKeywords(text, "en"))).toEqual(source);
  });

  test("`đủ tháng` gives the tree of `complete`", () => {
    expect(tree("chỉ số ytd = a / b theo lũy kế năm đủ tháng")).toEqual(tree("metric ytd = a / b over year-to-date complete"));
    expect(tree("chỉ số ytd = a / b theo lũy kế năm đủ tháng")).not.toEqual(tree("metric ytd = a / b over year-to-date"));
  });

  test.each([
    ["hằng tháng", "hàng tháng"],
    ["hằng quý", "hàng quý"],
    ["Hằng  tuần", "hàng tuần"],
    ["hằng năm", "hàng năm"],
  ])("`%s` gives the tree of `%s`", (written, canonical) => {
    const schedule = (step: string) => `chỉ tiêu t cho tất cả: từ 31/01/2024 r tối thiểu 10%, ${step} +1%, đến 31/01/2025 tối thiểu 22%`;
    expect(tree(schedule(written))).toEqual(tree(schedule(canonical)));
  });

  test.each([
    "chính sách p hiệu lực từ 20/03/2023 đến 31/12/2023",
    "chính sách p hiệu lực 20/03/2023 đến 31/12/2023",
    "policy p effective from 2023-03-20 until 2023-12-31",
  ])("the effective period as decisions write it: %s", (text) => {
    expect(tree(text)).toEqual(tree("chính sách p hiệu lực 20/03/2023 đến hết 31/12/2023"));
  });

  test("`từ` after `hiệu lực` is not the start of a milestone, and `từng` is no keyword", () => {
    expect(ok("chính sách p hiệu lực từ 20/03/2023\nchỉ tiêu t cho tất cả: từ 31/03/2023 r tối thiểu 10%").header).toMatchObject({ effective: { from: { date: "2023-03-20" } } });
    expect(parse("chính sách p hiệu lực từng 20/03/2023").diagnostics).not.toEqual([]);
  });

  test("a file saved decomposed (NFD) parses as the composed one", () => {
    const text = 'chỉ tiêu t "Tỷ lệ hồ sơ" cho cấp xa: đến 31/12/2022 r tối thiểu 30%';
    const nfd = text.normalize("NFD");
    expect(nfd).not.toEqual(text);
    expect(tree(nfd)).toEqual(tree(text));
  });
});

describe("errors", () => {
  const first = (text: string) => {
    const result = parse(text);
    expect(result.ast).toBeUndefined();
    const d = result.diagnostics[0]!;
    return { at: `${d.span.start.line}:${d.span.start.column}`, name: d.name, message: d.message, help: d.help };
  };

  test.each([
    ["target t for all: by 2022-12-31 r => 30%", "1:35", "syntax", "expected `>=`, `>`, `<=` or `<` but found `=`", "with `>` or `<` first"],
    ["target t for all: by r >= 30%", "1:22", "syntax", "expected a date (2022-09-30 or 30/09/2022) but found `r`", "2022-09-30"],
    ["target t for all: by 2022-12-31 r >= 30", "1:38", "syntax", "expected a percentage (50% or 48,6%) but found `30`", "write `30%`"],
    ["target t for all by 2022-12-31 r >= 30%", "1:18", "syntax", "expected `:` but found `by`", "a target looks like"],
    ["tier a\ntaget t for all: by 2022-12-31 r >= 30%", "2:1", "syntax", "expected a new statement", "did you mean `target`?"],
    ["target t for all: by 2022-12-31 r >= 30%,", "1:42", "syntax", "but found the end of the file", ""],
    ['tier t "Sở Y tế', "1:8", "unterminated-string", "no closing", 'write `\\"`'],
    ["tier sở", "1:6", "non-ascii-id", "the id `sở` has letters outside ASCII", "write `so`"],
    ["tier xα", "1:7", "unexpected-character", "unexpected character `α`", "ASCII"],
    ["tier t “Sở”", "1:8", "unexpected-character", "unexpected character `“`", "straight double quotes"],
  ])("%s", (text, at, name, message, help) => {
    const d = first(text);
    expect(d).toMatchObject({ at, name });
    expect(d.message).toContain(message);
    expect(d.help).toContain(help);
  });

  describe("a decimal comma in a formula", () => {
    const decimalCommas = (text: string) =>
      parse(text).diagnostics.map((d) => ({ name: d.name, at: `${d.span.start.line}:${d.span.start.column}-${d.span.end.column}`, message: d.message, help: d.help }));

    test.each([
      ["score formula", "score s for all = min(10, 10,5 * share / 68%)", "1:27-31"],
      ["condition's value", "score s for all = if p >= 80% then 10,5 else 1", "1:36-40"],
      ["data check", "check a <= 10,5 * b", "1:12-16"],
      ["formula outside a call", "score s for all = 10,5 * share", "1:19-23"],
    ])("in a %s is one error on the number, with both fixes", (_, text, at) => {
      expect(decimalCommas(text)).toEqual([
        { name: "decimal-comma", at, message: "`10,5` reads as two numbers, 10 and 5", help: "write `10.5` for a decimal, or `10, 5` for two arguments" },
      ]);
    });

    test("is an error even where two arguments are plausible, as Vietnamese decimals are written so", () => {
      expect(decimalCommas("score s for all = min(1,2)")).toMatchObject([{ name: "decimal-comma", at: "1:23-26", help: "write `1.2` for a decimal, or `1, 2` for two arguments" }]);
    });

    test.each(["min(1, 2)", "min(1 ,2)", "min(1 , 2)", "min(1.5,2)", "max(a,2)", "min(48,6%, 2)"])("is not read into %s", (formula) => {
      expect(parse(`score s for all = ${formula}`).diagnostics).toEqual([]);
    });

    test("is worded in Vietnamese", () => {
      const diagnostics = parse("score s for all = min(10, 10,5 * share)").diagnostics;
      expect(diagnostics.map((d) => d.name)).toEqual(["decimal-comma"]);
      const english = diagnostics[0]!;
      // Only the words change: the code, severity and span are the English diagnostic's.
      expect(localize(english, "vi")).toEqual({
        ...english,
        message: "`10,5` được đọc thành hai số, 10 và 5",
        help: "viết `10.5` nếu là số thập phân, hoặc `10, 5` nếu là hai đối số",
      });
    });

    test("does not hide the next mistake", () => {
      const result = parse("score s for all = min(10,5)\ntarget t for all: by 2022-12-31 r => 30%");
      expect(result.diagnostics.map((d) => d.name)).toEqual(["decimal-comma", "syntax"]);
    });
  });

  test("a date that does not exist is reported on the date", () => {
    const result = parse("target t for all: by 2022-02-30 r >= 30%");
    expect(result.diagnostics).toMatchObject([{ name: "invalid-date", span: { start: { line: 1, column: 22 } } }]);
  });

  test("one mistake does not hide the next", () => {
    const result = parse("target a for all: by 2022-12-31 r => 30%\ntarget b for all: by r >= 30%");
    expect(result.diagnostics.map((d) => d.span.start.line)).toEqual([1, 2]);
  });

  test("brackets nested beyond any real formula are refused, not overflowed", () => {
    const deep = `score s for all = ${"(".repeat(5000)}1${")".repeat(5000)}`;
    expect(parse(deep).diagnostics[0]).toMatchObject({ name: "syntax", message: expect.stringContaining("nested") });
  });
});

describe("errors in the language of the file's keywords", () => {
  const worded = (text: string) => {
    const [d] = parse(text).diagnostics;
    const vi = localize(d!, "vi");
    return { en: `${d!.message} | ${d!.help}`, vi: `${vi.message} | ${vi.help}`, args: d!.args };
  };

  test("a file written in Vietnamese is told the Vietnamese keywords it may write, and an example in them", () => {
    const d = worded("chỉ tiêu t cho tất cả: 31/12/2022 r tối thiểu 30%");
    expect(d.vi).toBe(
      "cần `từ`, `đến`, `năm`, `hàng tháng`, `hàng quý`, `hàng tuần`, `hàng năm` hoặc `mỗi` nhưng gặp `31/12/2022` | viết theo mẫu: năm 2024 full_process_share >= 70%, năm 2025 >= 85%",
    );
    expect(d.en).toBe(
      "expected `từ`, `đến`, `năm`, `hàng tháng`, `hàng quý`, `hàng tuần`, `hàng năm` or `mỗi` but found `31/12/2022` | a schedule looks like: năm 2024 full_process_share >= 70%, năm 2025 >= 85%",
    );
    // The arguments carry the keywords as the message quotes them, spelled as the file spells them.
    expect(d.args).toMatchObject({ expected: ["`từ`", "`đến`", "`năm`", "`hàng tháng`", "`hàng quý`", "`hàng tuần`", "`hàng năm`", "`mỗi`"], keywords: "vi" });
  });

  test("a file written in English keeps English keywords, in Vietnamese words too", () => {
    const d = worded("target t for all: 2022-12-31 r >= 30%");
    expect(d.vi).toBe(
      "cần `from`, `by`, `in`, `monthly`, `quarterly`, `weekly`, `yearly` hoặc `every` nhưng gặp `2022-12-31` | viết theo mẫu: in 2024 full_process_share >= 70%, in 2025 >= 85%",
    );
    expect(d.args).toMatchObject({ keywords: "en" });
  });

  test.each([
    ["cấp a\nchỉ tiêu t", "cần `cho` nhưng gặp cuối tệp"],
    ["cấp a\ntarget t", "cần `for` nhưng gặp cuối tệp"],
    ["tier a\nchỉ tiêu t", "cần `for` nhưng gặp cuối tệp"],
  ])("most keywords decide, and a tie is English: %s", (text, message) => {
    expect(worded(text).vi).toMatch(message);
  });

  test("the statements a file may go on with are listed in its keywords", () => {
    expect(worded("cấp a\nchỉ tiêu t cho tất cả: đến 31/12/2022 r tối thiểu 30%\n= b").vi).toMatch(
      /^cần câu lệnh mới \(cấp, nhóm, đơn vị, trường, chỉ số, chỉ tiêu, điểm, kiểm tra hoặc nhập\) nhưng gặp `=`/,
    );
    expect(worded("tier a\n= b").en).toMatch(/^expected a new statement \(tier, tag, unit, field, metric, target, score, check or import\) but found `=`/);
  });
});

describe("a keyword typed without its accents, or without the input method", () => {
  const only = (text: string) => {
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    const vi = localize(d, "vi");
    return { name: d.name, at: `${d.span.start.line}:${d.span.start.column}-${d.span.end.column}`, en: `${d.message} | ${d.help}`, vi: `${vi.message} | ${vi.help}` };
  };
  const schedule = (milestone: string) => `chỉ tiêu x cho tất cả: ${milestone}`;

  test.each([
    ["unaccented", "chi tieu x cho tất cả: đến 31/12/2022 r tối thiểu 30%", "1:1-9", "chi tieu", "chỉ tiêu", "target"],
    ["unaccented, one word", schedule("tu 31/12/2022 r tối thiểu 30%"), "1:24-26", "tu", "từ", "from"],
    ["unaccented, its first word read as the metric", schedule("đến 31/12/2022 toi thieu 30%"), "1:39-48", "toi thieu", "tối thiểu", "at least"],
    ["telex without tones", "chir tieeu x cho tất cả: đến 31/12/2022 r tối thiểu 30%", "1:1-11", "chir tieeu", "chỉ tiêu", "target"],
    ["telex with tones", schedule("đến 31/12/2022 r toois thieeur 30%"), "1:41-54", "toois thieeur", "tối thiểu", "at least"],
    ["VNI", "chi3 tie6u x cho tất cả: đến 31/12/2022 r tối thiểu 30%", "1:1-11", "chi3 tie6u", "chỉ tiêu", "target"],
    ["with the wrong accents", schedule("đến 31/12/2022 r tôi thiểu 30%"), "1:41-50", "tôi thiểu", "tối thiểu", "at least"],
    ["a step, in its canonical spelling", schedule("từ 31/01/2022 r tối thiểu 30%, hang thang +5%, đến 31/03/2022 tối thiểu 40%"), "1:55-65", "hang thang", "hàng tháng", "monthly"],
  ])("%s: one error on the words, with the keyword to write, in both languages", (_, text, at, written, keyword, english) => {
    expect(only(text)).toEqual({
      name: "keyword-spelling",
      at,
      en: `\`${written}\` is not a keyword; keywords are written with their accents | did you mean \`${keyword}\`? (or, in English, \`${english}\`)`,
      vi: `\`${written}\` không phải là từ khóa; từ khóa phải viết đúng dấu | có phải là \`${keyword}\` không? (hoặc viết bằng tiếng Anh: \`${english}\`)`,
    });
  });

  test("unaccented keywords are not keywords: they stay ids wherever an id goes", () => {
    expect(ok("field tu field den metric nam = tu / den\ntier cap").statements.map((s) => ("id" in s ? s.id.text : ""))).toEqual(["tu", "den", "nam", "cap"]);
  });

  test("a keyword the grammar does not want there is not called misspelt", () => {
    expect(only("chỉ tiêu t cho tất cả đến 31/12/2022 r tối thiểu 30%")).toMatchObject({ name: "syntax", vi: expect.stringMatching(/^cần `:` nhưng gặp `đến`/) });
  });
});

describe("an id with accents", () => {
  const found = (text: string) =>
    parse(text).diagnostics.map((d) => ({ name: d.name, at: `${d.span.start.line}:${d.span.start.column}-${d.span.end.column}`, help: d.help, vi: localize(d, "vi").help }));

  test("is one error at the id, with the ASCII id to write, in both languages", () => {
    expect(found("chỉ số tỷ_lệ = a / b")).toEqual([
      {
        name: "non-ascii-id",
        at: "1:8-13",
        help: "ids are ASCII letters, digits, `_` and `-`: write `ty_le`; a name with accents goes in quotes, as the title",
        vi: "mã định danh chỉ gồm chữ cái không dấu, chữ số, `_` và `-`: viết `ty_le`; tên có dấu đặt trong dấu ngoặc kép, làm tiêu đề",
      },
    ]);
    expect(localize(parse("chỉ số tỷ_lệ = a / b").diagnostics[0]!, "vi").message).toBe("mã định danh `tỷ_lệ` có chữ ngoài bảng mã ASCII");
  });

  test("written as words, is one id and one error, with the words joined by `_`", () => {
    expect(found("chỉ số tỷ lệ trực tuyến = a / b")).toMatchObject([{ name: "non-ascii-id", at: "1:8-24", help: expect.stringContaining("write `ty_le_truc_tuyen`") }]);
  });

  test("leaves the words of a misspelt keyword after it to be suggested as the keyword", () => {
    expect(found("chỉ tiêu x cho tất cả: đến 31/12/2022 tỷ_lệ tôi thiểu 30%")).toMatchObject([
      { name: "non-ascii-id", at: "1:39-44" },
      { name: "keyword-spelling", at: "1:45-54", help: expect.stringContaining("`tối thiểu`") },
    ]);
  });

  test("is reported wherever it is written, and `đ` becomes `d`, case kept", () => {
    expect(found("cấp Địa_phương\nchỉ tiêu t cho cấp Địa_phương: đến 31/12/2022 r tối thiểu 30%")).toMatchObject([
      { name: "non-ascii-id", at: "1:5-15", help: expect.stringContaining("write `Dia_phuong`") },
      { name: "non-ascii-id", at: "2:20-30", help: expect.stringContaining("write `Dia_phuong`") },
    ]);
  });

  test("with no ASCII letter to keep, says what an id is made of", () => {
    expect(found("tier ǂ")).toMatchObject([{ name: "non-ascii-id", help: "ids are ASCII letters, digits, `_` and `-`; a name with accents goes in quotes, as the title" }]);
  });

  test("where no id goes, is the syntax error alone", () => {
    expect(found("cấp a\nSở b")).toMatchObject([{ name: "syntax", at: "2:1-5" }]);
  });
});

describe("the parser never throws", () => {
  test("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const result = parse(text);
        expect(result.ast !== undefined || result.diagnostics.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  const policies = bundledPolicies();
  const edit = fc.record({
    policy: fc.integer({ min: 0, max: policies.length - 1 }),
    at: fc.nat(),
    remove: fc.integer({ min: 0, max: 12 }),
    insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(",", ":", "%", "-", "(", '"', "#", "\n", "by", "từ", "2022-13-45", "99999999999999999999")),
  });

  test("on random edits of the bundled policies, and every error has a real position", () => {
    fc.assert(
      fc.property(edit, ({ policy, at, remove, insert }) => {
        const text = policies[policy]!.text;
        const cut = at % (text.length + 1);
        const edited = text.slice(0, cut) + insert + text.slice(cut + remove);
        const result = parse(edited);
        const lines = result.source.split("\n").length;
        for (const d of result.diagnostics) {
          expect(d.span.start.line).toBeGreaterThanOrEqual(1);
          expect(d.span.start.line).toBeLessThanOrEqual(lines);
          expect(d.span.start.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
