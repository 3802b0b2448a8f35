/**
 * What the test runner says, in English and Vietnamese, from the ids, paths and values it carries.
 * The runner records the arguments (`args` on problems and mismatches) and words `message`,
 * `expected` and `actual` in English from them; whoever prints picks the language with
 * `localizeTestText`. Ids, codes and JSON keys are quoted as written, so they read the same in both.
 */
import { localizeIssue, type IssueArgs } from "../data/issue-words.js";
import type { Lang } from "../report/words.js";

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
}

export type TestTextKind = keyof TestTextKinds;

/** A text as arguments: `{ kind: "unknown-key", key: "staus", near: "status", known: [...] }`. */
export type TestText = { [K in TestTextKind]: { readonly kind: K } & TestTextKinds[K] }[TestTextKind];

/** Every kind worded; a kind without its words in a language does not compile. */
export type TestTextCatalogue = { readonly [K in TestTextKind]: (args: TestTextKinds[K]) => string };

// ---- English: every text the runner has always written, word for word

const nearEn = (near: string | undefined): string => (near === undefined ? "" : `; did you mean \`${near}\`?`);

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
};

// ---- Vietnamese

const nearVi = (near: string | undefined): string => (near === undefined ? "" : `; có phải ý bạn là \`${near}\`?`);
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
