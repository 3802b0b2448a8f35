/** The test runner's texts: every kind worded in English and in Vietnamese. */
import { describe, expect, it } from "vitest";
import { localizeTestText, TEST_TEXTS, testText, type TestText, type TestTextKind, type TestTextKinds } from "../../src/policy-test/words.js";

// One example per kind: a kind added to TestTextKinds without one here, or without its words in a
// catalogue (TestTextCatalogue), does not compile.
const EXAMPLES: { readonly [K in TestTextKind]: TestTextKinds[K] } = {
  "cannot-read": { path: "d.csv" },
  "cannot-read-policy": { path: "p.ct" },
  "not-json": { line: 3, column: 5, reason: "Unexpected token ','" },
  "unknown-key": { key: "staus", near: "status", known: ["unit", "status"] },
  "no-result": {},
  "found-results": { results: [{ target: "online_share_province", status: "met" }] },
  "a-result": { target: "online_share_province" },
  "one-result": {},
  "several-results": { metrics: ["service_usage", "online_share"] },
  "not-among-units": { unit: "so-y-t", near: "so-y-te" },
  "no-target-selects": {},
  "has-results": { results: [{ metric: "online_share", target: "online_share_province" }] },
  "a-score": {},
  "no-score-selects": {},
  "has-scores": { scores: ["progress"] },
  "expected-issue": { code: "failed-check", line: 2, in: "data", column: "dossiers" },
  "no-issue": {},
  "actual-issue": { code: "unknown-unit", line: 4, input: "data", file: "d.csv", message: "`unit` names no known unit: `x`" },
  "not-a-date": { text: "31/02/2022" },
  empty: {},
  "no-cases": {},
  "absent-with-fields": { fields: ["status"] },
  "checks-nothing": { fields: ["status", "needed"] },
  "checks-no-score": {},
  "score-of-whom": { given: ["unit", "tier"] },
  "group-rank": {},
  "both-given": { inline: "data", file: "dataFile" },
  "neither-given": { inline: "units", file: "unitsFile" },
  "expects-nothing": {},
  "duplicate-case": { name: "exactly on the step", earlier: 0 },
};

const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const example = (kind: TestTextKind): TestText => ({ kind, ...EXAMPLES[kind] }) as TestText;

describe("the test runner's texts", () => {
  it.each(Object.keys(EXAMPLES) as TestTextKind[])("words %s in English and in Vietnamese", (kind) => {
    const en = testText("en", example(kind));
    const vi = testText("vi", example(kind));
    expect(en).not.toBe("");
    expect(vi).toMatch(VIETNAMESE_LETTER);
    expect(vi).not.toBe(en);
  });

  it("has no kind without an example", () => {
    expect(Object.keys(TEST_TEXTS.vi).sort()).toEqual(Object.keys(EXAMPLES).sort());
    expect(Object.keys(TEST_TEXTS.en).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it("keeps codes, ids and keys as written", () => {
    expect(testText("vi", example("not-json"))).toBe("không phải JSON hợp lệ ở dòng 3, cột 5: Unexpected token ','");
    expect(testText("vi", example("unknown-key"))).toBe("khóa không xác định `staus`; có phải là `status` không?");
    expect(testText("vi", { kind: "unknown-key", key: "x", known: ["unit", "status"] })).toBe("khóa không xác định `x`; các khóa hợp lệ là unit, status");
  });

  it("keeps the English without arguments, or with arguments it cannot word", () => {
    expect(localizeTestText("no result", undefined, "vi")).toBe("no result");
    expect(localizeTestText("odd", { kind: "from-a-later-version" } as unknown as TestText, "vi")).toBe("odd");
    expect(localizeTestText("no result", { kind: "no-result" }, "en")).toBe("no result");
  });
});

describe("the test file's format", () => {
  it("words its problems in Vietnamese, and zod's message stays the English text", async () => {
    const { PolicyTestFile } = await import("../../src/policy-test/format.js");
    const { zodProblems } = await import("../../src/policy-test/run.js");
    const ok = { name: "a", asOf: "2022-10-31", units: [], data: [], expect: [{ unit: "x", status: "met" }] };
    // Refinements of an object run once its fields are valid: one file per level.
    const files = [
      { policy: "", cases: [{ ...ok, asOf: "31/02/2022" }] },
      { policy: "p.ct", cases: [{ name: "a", asOf: "2022-10-31", units: [], unitsFile: "u.csv", data: [] }] },
      { policy: "p.ct", cases: [ok, ok] },
    ];
    const problems = files.flatMap((file) => {
      const parsed = PolicyTestFile.safeParse(file);
      expect(parsed.success).toBe(false);
      return zodProblems("t.test.json", parsed.error!);
    });
    const worded = problems.map((p) => [p.path, p.message, localizeTestText(p.message, p.args, "vi")]);
    expect(worded).toEqual(
      expect.arrayContaining([
        ["policy", "must not be empty", "không được để trống"],
        ["cases[0].asOf", "`31/02/2022` is not a date such as 2022-10-31 or 31/10/2022", "`31/02/2022` không phải là ngày, ví dụ 2022-10-31 hoặc 31/10/2022"],
        ["cases[0].unitsFile", "give `units` or `unitsFile`, not both", "chỉ ghi `units` hoặc `unitsFile`, không ghi cả hai"],
        ["cases[0]", "expects nothing: give `expect`, `expectScores` or `expectIssues`", "không mong đợi gì: hãy ghi `expect`, `expectScores` hoặc `expectIssues`"],
        ["cases[1].name", "`a` is already the name of cases[0]", "`a` đã là tên của cases[0]"],
      ]),
    );
  });
});
