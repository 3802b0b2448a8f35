/**
 * What the test runner says, in English and Vietnamese, from the ids, paths and values it carries.
 * The runner records the arguments (`args` on problems and mismatches) and words `message`,
 * `expected` and `actual` in English from them; whoever prints picks the language with
 * `localizeTestText`. Ids, codes and JSON keys are quoted as written, so they read the same in both.
 */
import { didYouMean } from "../i18n/glossary.js";
import { localizeIssue, type IssueArgs } from "../data/issue-words.js";
import type { Lang } from "../i18n/lang.js";

/** The inputs of a case, as `expectIssues[].in` names them. */
export type Input = "units" | "merges" | "data";

type Nothing = Record<never, never>;

/** The arguments of each kind of text. */
export interface TestTextKinds {
  "cannot-read": { readonly path: string };
  "cannot-read-policy": { readonly path: string };
  "not-json": { readonly line: number; readonly column: number; readonly reason: string };
  "unknown-key": { readonly key: string; readonly near?: string; readonly known: readonly string[] };
  "no-result": Nothing;
  "found-results": { readonly results: readonly { readonly target: string; readonly status: string }[] };
  "a-result": { readonly target?: string };
  "one-result": Nothing;
  "several-results": { readonly metrics: readonly string[] };
  "not-among-units": { readonly unit: string; readonly near?: string };
  "no-target-selects": Nothing;
  "has-results": { readonly results: readonly { readonly metric: string; readonly target: string }[] };
  "a-score": Nothing;
  "no-score-selects": Nothing;
  "has-scores": { readonly scores: readonly string[] };
  "expected-issue": { readonly code: string; readonly line: number; readonly in?: Input; readonly column?: string };
  "no-issue": Nothing;
  "actual-issue": { readonly code: string; readonly line: number; readonly input?: Input; readonly file: string; readonly message: string; readonly issue?: IssueArgs };
  // The test file's format (src/policy-test/format.ts).
  "not-a-date": { readonly text: string };
  empty: Nothing;
  "no-cases": Nothing;
  "absent-with-fields": { readonly fields: readonly string[] };
  "checks-nothing": { readonly fields: readonly string[] };
  "checks-no-score": Nothing;
  "score-of-whom": { readonly given: readonly string[] };
  "group-rank": Nothing;
  "both-given": { readonly inline: string; readonly file: string };
  "neither-given": { readonly inline: string; readonly file: string };
  "expects-nothing": Nothing;
  "duplicate-case": { readonly name: string; readonly earlier: number };
}

export type TestTextKind = keyof TestTextKinds;

/** A text as arguments: `{ kind: "unknown-key", key: "staus", near: "status", known: [...] }`. */
export type TestText = { [K in TestTextKind]: { readonly kind: K } & TestTextKinds[K] }[TestTextKind];

/** Every kind worded; a kind without its words in a language does not compile. */
export type TestTextCatalogue = { readonly [K in TestTextKind]: (args: TestTextKinds[K]) => string };

// ---- English: every text the runner has always written, word for word

const nearEn = (near: string | undefined): string => (near === undefined ? "" : `; ${didYouMean(near, "en")}`);

const english: TestTextCatalogue = {
  "cannot-read": ({ path }) => `cannot read ${path}: no such file`,
  "cannot-read-policy": ({ path }) => `cannot read the policy ${path}: no such file`,
  "not-json": ({ line, column, reason }) => `not valid JSON at line ${line}, column ${column}: ${reason}`,
  "unknown-key": ({ key, near, known }) => `unknown key \`${key}\`${near ? nearEn(near) : `; known keys are ${known.join(", ")}`}`,
  "no-result": () => "no result",
  "found-results": ({ results }) => results.map((r) => `target ${r.target} (${r.status})`).join(", "),
  "a-result": ({ target }) => (target === undefined ? "a result" : `a result for target ${target}`),
  "one-result": () => "one result",
  "several-results": ({ metrics }) => `${metrics.length} results (${metrics.join(", ")}): say which with metric or target`,
  "not-among-units": ({ unit, near }) => `none: \`${unit}\` is not among the case's units${nearEn(near)}`,
  "no-target-selects": () => "none: no target of the policy selects the unit",
  "has-results": ({ results }) => `none; the unit has results for ${results.map((r) => `${r.metric} (target ${r.target})`).join(", ")}`,
  "a-score": () => "a score",
  "no-score-selects": () => "none: no score of the policy selects the unit",
  "has-scores": ({ scores }) => `none; the unit has scores ${scores.join(", ")}`,
  "expected-issue": (e) => `${e.code} on line ${e.line} of ${e.in ?? "any input"}${e.column === undefined ? "" : `, column ${e.column}`}`,
  "no-issue": () => "none",
  "actual-issue": (a) => `${a.code} on line ${a.line} of ${a.input ?? a.file}: ${a.message}`,
  "not-a-date": ({ text }) => `\`${text}\` is not a date such as 2022-10-31 or 31/10/2022`,
  empty: () => "must not be empty",
  "no-cases": () => "must hold at least one case",
  "absent-with-fields": ({ fields }) => `a result that is absent has no ${fields.join(", ")}: give one or the other`,
  "checks-nothing": ({ fields }) => `checks nothing: give at least one of ${fields.join(", ")}, both metric and target, or absent`,
  "checks-no-score": () => "checks nothing: give points or rank",
  "score-of-whom": ({ given }) => (given.length === 0 ? "says whose score: give `unit`, `tier`, `parent` or `all`" : `gives ${given.map((g) => `\`${g}\``).join(" and ")}: give one of \`unit\`, \`tier\`, \`parent\`, \`all\``),
  "group-rank": () => "groups are not ranked: give `points` only",
  "both-given": ({ inline, file }) => `give \`${inline}\` or \`${file}\`, not both`,
  "neither-given": ({ inline, file }) => `needs \`${inline}\` (a list) or \`${file}\` (a path relative to the test file)`,
  "expects-nothing": () => "expects nothing: give `expect`, `expectScores` or `expectIssues`",
  "duplicate-case": ({ name, earlier }) => `\`${name}\` is already the name of cases[${earlier}]`,
};

// ---- Vietnamese

const nearVi = (near: string | undefined): string => (near === undefined ? "" : `; ${didYouMean(near, "vi")}`);
const inputVi = (input: Input): string => `\`${input}\``;

const vietnamese: TestTextCatalogue = {
  "cannot-read": ({ path }) => `không đọc được ${path}: không có tệp này`,
  "cannot-read-policy": ({ path }) => `không đọc được văn bản chính sách ${path}: không có tệp này`,
  "not-json": ({ line, column, reason }) => `không phải JSON hợp lệ ở dòng ${line}, cột ${column}: ${reason}`,
  "unknown-key": ({ key, near, known }) => `khóa không xác định \`${key}\`${near ? nearVi(near) : `; các khóa hợp lệ là ${known.join(", ")}`}`,
  "no-result": () => "không có kết quả",
  "found-results": ({ results }) => results.map((r) => `chỉ tiêu ${r.target} (${r.status})`).join(", "),
  "a-result": ({ target }) => (target === undefined ? "có kết quả" : `có kết quả cho chỉ tiêu ${target}`),
  "one-result": () => "đúng một kết quả",
  "several-results": ({ metrics }) => `${metrics.length} kết quả (${metrics.join(", ")}): hãy chỉ rõ bằng \`metric\` hoặc \`target\``,
  "not-among-units": ({ unit, near }) => `không có: \`${unit}\` không thuộc danh sách đơn vị của trường hợp kiểm thử${nearVi(near)}`,
  "no-target-selects": () => "không có: không có chỉ tiêu nào của chính sách áp dụng cho đơn vị này",
  "has-results": ({ results }) => `không có; đơn vị này có kết quả cho ${results.map((r) => `${r.metric} (chỉ tiêu ${r.target})`).join(", ")}`,
  "a-score": () => "có điểm số",
  "no-score-selects": () => "không có: không có điểm số nào của chính sách áp dụng cho đơn vị này",
  "has-scores": ({ scores }) => `không có; đơn vị này có điểm số ${scores.join(", ")}`,
  "expected-issue": (e) =>
    `${e.code} ở dòng ${e.line} của ${e.in === undefined ? "bất kỳ đầu vào nào" : inputVi(e.in)}${e.column === undefined ? "" : `, cột ${e.column}`}`,
  "no-issue": () => "không có vấn đề nào",
  "actual-issue": (a) =>
    `${a.code} ở dòng ${a.line} của ${a.input === undefined ? a.file : inputVi(a.input)}: ${localizeIssue({ message: a.message, args: a.issue }, "vi")}`,
  "not-a-date": ({ text }) => `\`${text}\` không phải là ngày, ví dụ 2022-10-31 hoặc 31/10/2022`,
  empty: () => "không được để trống",
  "no-cases": () => "phải có ít nhất một trường hợp kiểm thử",
  "absent-with-fields": ({ fields }) => `kết quả đã ghi \`absent\` thì không có ${fields.join(", ")}: hãy chọn một trong hai`,
  "checks-nothing": ({ fields }) =>
    `không kiểm tra gì: hãy ghi ít nhất một trong ${fields.join(", ")}, hoặc cả \`metric\` và \`target\`, hoặc \`absent\``,
  "checks-no-score": () => "không kiểm tra gì: hãy ghi `points` hoặc `rank`",
  "score-of-whom": ({ given }) => (given.length === 0 ? "chưa nêu điểm của ai: hãy ghi `unit`, `tier`, `parent` hoặc `all`" : `ghi cả ${given.map((g) => `\`${g}\``).join(" và ")}: chỉ ghi một trong \`unit\`, \`tier\`, \`parent\`, \`all\``),
  "group-rank": () => "nhóm không được xếp hạng: chỉ ghi `points`",
  "both-given": ({ inline, file }) => `chỉ ghi \`${inline}\` hoặc \`${file}\`, không ghi cả hai`,
  "neither-given": ({ inline, file }) => `cần \`${inline}\` (một danh sách) hoặc \`${file}\` (đường dẫn tính từ tệp kiểm thử)`,
  "expects-nothing": () => "không mong đợi gì: hãy ghi `expect`, `expectScores` hoặc `expectIssues`",
  "duplicate-case": ({ name, earlier }) => `\`${name}\` đã là tên của cases[${earlier}]`,
};

export const TEST_TEXTS: Readonly<Record<Lang, TestTextCatalogue>> = { en: english, vi: vietnamese };

/** One text in one language. */
export function testText(lang: Lang, args: TestText): string {
  return (TEST_TEXTS[lang][args.kind] as (a: TestText) => string)(args);
}

/**
 * A text in `lang`. One without arguments, or with arguments this version cannot word (a report
 * read back from JSON written by another), keeps its English.
 */
export function localizeTestText(english: string, args: TestText | undefined, lang: Lang): string {
  if (lang === "en" || args === undefined || !Object.hasOwn(TEST_TEXTS[lang], args.kind)) return english;
  try {
    return testText(lang, args);
  } catch {
    return english;
  }
}
