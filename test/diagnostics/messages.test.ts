import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileFile } from "../../src/files/policy.js";
import { codes, type CodeName } from "../../src/diagnostics/codes.js";
import { diagnostic, localize, problem } from "../../src/diagnostics/diagnostic.js";
import { CATALOGUES, type MessageArgs } from "../../src/diagnostics/messages.js";
import { renderDiagnostics, summary } from "../../src/diagnostics/render.js";
import { localize as publicLocalize } from "../../src/index.js";

/**
 * One example of every code's arguments. Typed by the catalogue, so a new code does not compile
 * here until it has an example, and the test below then asks for its Vietnamese words.
 */
const EXAMPLES: { readonly [N in CodeName]: MessageArgs[N] } = {
  "unexpected-character": { character: "’" },
  "unterminated-string": {},
  "syntax": { kind: "expected", expected: ["a date (2022-09-30 or 30/09/2022)"], found: ">=", keywords: "en", hint: { kind: "date" } },
  "invalid-date": { date: "2022-02-30" },
  "invalid-number": { what: "rolling", min: 1, max: 120, found: "0" },
  "duplicate-clause": { clause: "effective" },
  "decimal-comma": { whole: "10", fraction: "5" },
  "keyword-spelling": { written: "toi thieu", keyword: "tối thiểu", english: "at least" },
  "non-ascii-id": { id: "tỷ_lệ", ascii: "ty_le" },
  "import-not-found": { path: "shared/tiers.ct" },
  "import-cycle": { path: "a.ct", chain: ["b.ct", "a.ct", "b.ct"] },
  "import-has-rules": { file: "shared/tiers.ct" },
  "bad-argument": { function: "compile", position: 1, expected: "text" },
  "missing-header": {},
  "effective-period": { from: "2022-08-03", until: "2022-01-01" },
  "duplicate-id": { kind: "tier", id: "district" },
  "unknown-tier": { name: "comune", hint: { kind: "near", id: "commune" } },
  "unknown-tag": { name: "pilot", hint: { kind: "known", ids: [] } },
  "unknown-unit": { name: "so-y-te", hint: { kind: "other-kind", other: "tag" } },
  "unknown-field": { name: "online", hint: { kind: "known", ids: ["dossiers", "online_dossiers"] } },
  "unknown-metric": { name: "servce_usage", hint: { kind: "near", id: "service_usage" } },
  "unknown-function": { name: "mx", problem: "unknown", near: "max" },
  "unknown-rounding": { mode: "half", modes: ["half-up", "half-even", "down", "up"] },
  "same-fields": { metric: "share", field: "dossiers" },
  "divides-by-zero": {},
  "missing-metric": { op: ">=", value: "50%" },
  "metric-changes": { metric: "payment_share", first: "online_share" },
  "comparison-changes": { op: "<=", first: ">=" },
  "ramp-mismatch": { reached: "50%", date: "2022-11-30", stated: "60%", step: "+20%", steps: 2 },
  "ramp-off-deadline": { kind: "off", from: "2022-09-15", before: "2022-11-15", after: "2022-12-15", deadline: "2022-11-30" },
  "step-without-start": {},
  "ramp-without-deadline": {},
  "dates-not-increasing": { date: "2022-10-31", previous: "2022-11-30" },
  "non-monotone": { direction: "falls", from: "70%", to: "65%", date: "2025-12-31" },
  "rising-on-at-most": { op: "<=", step: "+5%" },
  "falling-on-at-least": { op: ">=", step: "-5%" },
  "percent-range": { value: "120%", onStep: false },
  "outside-effective-period": { date: "2026-12-31", bound: "ends", on: "2025-12-31" },
  "consecutive-steps": {},
  "conflicting-rules": { earlier: "a", later: "b", metric: "online_share", overlap: { kind: "tier", id: "province" } },
  "excluded-everything": {},
  "check-fields": { name: "online_share" },
  "score-refs": { name: "dossiers" },
  "later-start": { later: "special", earlier: "general", metric: "online_share", starts: "2022-06-30", from: "2022-03-31", until: "2022-06-29", units: { tier: "commune", tag: "pilot" } },
  "timeline-gap": { earlier: "qd-2021", later: "qd-2022", from: "2022-01-01", until: "2022-01-31" },
  "timeline-overlap": { earlier: "qd-2021", later: "qd-2022", overlap: { kind: "still-in-force", from: "2022-10-01", until: "2022-12-31" } },
  "timeline-undated": { policy: "qd-2022", supersedes: "qd-2021" },
  "may-be-empty": { metric: "online_service_usage" },
  "unknown-score": { name: "progres", near: "progress", scores: ["progress"] },
  "index-component-twice": { name: "progress" },
  "index-maximum": { sum: "100", stated: "90" },
  "index-windows": { score: "progress", window: "quarter", first: "transparency", firstWindow: "month" },
};

const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const at = { offset: 0, line: 1, column: 1 };
const span = { start: at, end: at };

describe("the message catalogue", () => {
  it.each(Object.keys(codes) as CodeName[])("words %s in English and in Vietnamese", (name) => {
    const args = EXAMPLES[name] as never;
    const en = CATALOGUES.en[name](args);
    const vi = CATALOGUES.vi[name](args);
    expect(en.message).not.toBe("");
    expect(vi.message).toMatch(VIETNAMESE_LETTER);
    expect(vi.message).not.toBe(en.message);
    if (en.help) expect(vi.help).toMatch(VIETNAMESE_LETTER);
    expect(vi.notes?.length ?? 0).toBe(en.notes?.length ?? 0);
  });

  it("keeps the English of a diagnostic as its message and help, and words it again in Vietnamese", () => {
    const d = problem("unknown-tier", "p.ct", span, { name: "comune", hint: { kind: "near", id: "commune" } });
    expect(d).toMatchObject({ code: "CT101", message: "unknown tier `comune`", help: "did you mean `commune`?" });
    expect(localize(d, "vi")).toMatchObject({ code: "CT101", message: "cấp `comune` chưa được khai báo", help: "có phải là `commune` không?", span });
    expect(localize(d, "en")).toBe(d);
    expect(publicLocalize(d, "vi")).toEqual(localize(d, "vi"));
  });

  it("words related places in the diagnostic's language", () => {
    const d = problem("duplicate-id", "p.ct", span, { kind: "rule", id: "t1" }, [{ file: "p.ct", span }]);
    expect(d.related?.[0]?.message).toBe("first defined here");
    expect(localize(d, "vi").related?.[0]).toEqual({ message: "khai báo lần đầu tại đây", file: "p.ct", span });
  });

  it("leaves a diagnostic made from free text as it is", () => {
    const d = diagnostic("syntax", "p.ct", span, "bad", { help: "fix it" });
    expect(localize(d, "vi")).toBe(d);
  });

  it("counts errors and warnings in Vietnamese", () => {
    const error = problem("missing-header", "p.ct", span, {});
    const warning = problem("excluded-everything", "p.ct", span, {});
    expect(summary([error, error, warning], { lang: "vi" })).toBe("2 lỗi, 1 cảnh báo");
  });
});

describe("the bad fixtures in Vietnamese", () => {
  const folder = "test/fixtures/bad";
  const rendered = (file: string): string => {
    const { diagnostics, sources } = compileFile(join(folder, file));
    expect(diagnostics.length).toBeGreaterThan(0);
    return renderDiagnostics(diagnostics, sources, { lang: "vi" });
  };

  it.each(readdirSync(folder).filter((f) => f.endsWith("_bad.ct")))("%s renders with its code, the source line, carets and Vietnamese words", (file) => {
    const text = rendered(file);
    expect(text).toMatch(/^(lỗi|cảnh báo)\[CT\d{3}\] [a-z-]+: /);
    expect(text).toMatch(/\n\d+ \| .*\n +\| *\^+/);
    expect(text).toMatch(/\n += gợi ý: /);
    expect(text).not.toMatch(/^(error|warning)\[|= help:|= note:/m);
  });

  it("says what a ramp reaches and what would fix it", () => {
    const text = rendered("ramp_mismatch_bad.ct");
    expect(text).toContain("lỗi[CT203] ramp-mismatch: lộ trình đạt 50% vào ngày 2022-11-30 nhưng mốc này ghi 60%");
    expect(text).toContain("= gợi ý: mỗi bước +20%, qua 2 bước, sẽ đạt 60%; hoặc sửa mốc hạn thành 50%");
    expect(text).toMatch(/ \| +\^\^\^\n/);
  });

  it("says what the grammar expected, keeping the policy's symbols", () => {
    expect(rendered("syntax_arrow_bad.ct")).toContain("cần `>=`, `>`, `<=` hoặc `<` nhưng gặp `=`");
    expect(rendered("syntax_missing_date_bad.ct")).toContain("cần ngày tháng (2022-09-30 hoặc 30/09/2022) nhưng gặp `>=`");
  });

  it("names what is not declared and suggests the nearest id", () => {
    const text = rendered("unknown_tier_bad.ct");
    expect(text).toContain("cấp `comune` chưa được khai báo");
    expect(text).toContain("= gợi ý: có phải là `commune` không?");
  });

  it("points to the first definition in a note", () => {
    expect(rendered("duplicate_id_bad.ct")).toMatch(/= ghi chú: khai báo lần đầu tại đây: test\/fixtures\/bad\/duplicate_id_bad\.ct:11:6/);
  });

  it("calls a warning a warning", () => {
    expect(rendered("non_monotone_bad.ct")).toMatch(/^cảnh báo\[CT208\] non-monotone: ngưỡng giảm từ 70% xuống 65%/);
  });
});

describe("the labels of literals", () => {
  it("each literal token's label has its Vietnamese words in the catalogue", async () => {
    const { DateLiteral, PercentLiteral, NumberLiteral, StringLiteral, Identifier } = await import("../../src/syntax/tokens.js");
    const { LITERAL_LABELS_VI } = await import("../../src/diagnostics/messages.js");
    for (const token of [DateLiteral, PercentLiteral, NumberLiteral, StringLiteral, Identifier]) expect(LITERAL_LABELS_VI[token.LABEL!], token.name).toBeDefined();
  });
});
