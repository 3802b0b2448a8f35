/**
 * What the command line itself says, in English and Vietnamese: usage and I/O errors, summaries,
 * test results. Diagnostics have their own catalogue (src/diagnostics/messages.ts); commander's
 * help text stays English.
 */
import { didYouMean } from "../i18n/glossary.js";
import type { NotFound } from "../files/find.js";
import { dateText } from "../i18n/dates.js";
import { grouped } from "../i18n/numbers.js";
import type { Lang } from "../i18n/lang.js";

export interface CliWords {
  /** `reason`: what the file finder says, or an operating system's error code. */
  readonly cannotRead: (path: string, reason: string) => string;
  readonly cannotWrite: (path: string, reason: string) => string;
  readonly sheetNotXlsx: (data: string) => string;
  readonly xlsxNeedsOut: string;
  readonly noPolicyHeader: (file: string) => string;
  readonly noFiles: (suffix: string, paths: readonly string[]) => string;
  readonly checked: (files: number, summary: string) => string;
  readonly noHeader: (file: string) => string;
  readonly notFormatted: string;
  readonly formatted: string;
  readonly pass: string;
  readonly fail: string;
  readonly policyDoesNotCompile: (policy?: string) => string;
  readonly invalidTestFile: string;
  readonly cannotRun: string;
  readonly passedFailed: (passed: number, failed: number) => string;
  readonly expected: (what: string, expected: string, actual: string) => string;
  readonly dataIssues: string;
  readonly noSuch: (policy: string, kind: "tier" | "target", id: string, ids: readonly string[]) => string;
  readonly noResult: (unit: string, metric: string | undefined, hint: ResultHint) => string;
  readonly notOverwriting: (paths: readonly string[]) => string;
  readonly created: (path: string) => string;
  readonly next: string;
  readonly wrote: (path: string, bytes: number) => string;
  readonly needsFastCheck: string;
  readonly noUnitsToTest: (path: string) => string;
  readonly invalidChoice: (value: string, choices: readonly string[]) => string;
  readonly invalidValue: (value: string) => string;
  readonly notADate: (value: string) => string;
  readonly noDataUsed: (read: number) => string;
  readonly filesUnused: (files: readonly string[]) => string;
  readonly allowEmptyHint: string;
  readonly stdinTwice: string;
  readonly stdinTooLarge: (limit: number) => string;
  readonly rowsSummary: (read: number, used: number, rejected: number, issues: number) => string;
  readonly moreIssues: (more: number) => string;
  readonly formatAgainstOut: (format: string, out: string) => string;
  readonly htmlIsReport: (out: string) => string;
  readonly reportIsHtml: (out: string) => string;
  readonly schedule: ScheduleWords;
}

/** The body of `chitieu schedule`; ids, dates and thresholds are the policy's own. */
export interface ScheduleWords {
  readonly decision: (number: string, date: string | undefined, issuer: string | undefined) => string;
  readonly effective: (from: string, until: string | undefined) => string;
  /** A tier's or unit's heading: its title, and its id where a reader needs it. */
  readonly subject: (kind: "tier" | "unit", id: string, name: string) => string;
  /** A date and a threshold (plain digits) as the language writes them. */
  readonly date: (iso: string) => string;
  readonly percent: (digits: string) => string;
  readonly target: string;
  readonly excludedBy: string;
  readonly conflict: (targets: readonly string[]) => string;
  readonly step: string;
  readonly everyPeriodAfter: string;
}

/** Why `explain` found nothing for a unit. */
export type ResultHint = { readonly kind: "metrics"; readonly metrics: readonly string[] } | { readonly kind: "near"; readonly unit: string } | { readonly kind: "no-target" };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

const NOT_FOUND: Readonly<Record<Lang, Readonly<Record<NotFound, string>>>> = {
  en: { "no-such-file": "no such file", "no-such-path": "no such file or folder", "a-folder": "a folder, not a policy file", "no-match": "no file matches", "not-a-regular-file": "not a regular file" },
  vi: { "no-such-file": "không có tệp này", "no-such-path": "không có tệp hoặc thư mục này", "a-folder": "đây là thư mục, không phải tệp chính sách", "no-match": "không có tệp nào khớp mẫu", "not-a-regular-file": "không phải là tệp thông thường" },
};

/** A finder's reason in the language, or an operating system's code (EACCES) as it is. */
const why = (lang: Lang, reason: string): string => (Object.hasOwn(NOT_FOUND[lang], reason) ? NOT_FOUND[lang][reason as NotFound] : reason);

export const CLI_WORDS: Readonly<Record<Lang, CliWords>> = {
  en: {
    cannotRead: (path, reason) => `cannot read ${path}: ${why("en", reason)}`,
    cannotWrite: (path, reason) => `cannot write ${path}: ${reason}`,
    sheetNotXlsx: (data) => `--sheet names a worksheet of an .xlsx --data file, and ${data} is not one`,
    xlsxNeedsOut: "--format xlsx writes a workbook: give --out FILE.xlsx",
    noPolicyHeader: (file) => `${file} has no policy header`,
    noFiles: (suffix, paths) => `no ${suffix} files in ${paths.join(", ")}`,
    checked: (files, summary) => `checked ${plural(files, "file")}: ${summary}`,
    noHeader: (file) => `${file} has no policy header: it only defines shared names`,
    notFormatted: "not formatted",
    formatted: "formatted",
    pass: "PASS",
    fail: "FAIL",
    policyDoesNotCompile: (policy) => (policy === undefined ? "the policy does not compile" : `the policy ${policy} does not compile`),
    invalidTestFile: "not a valid test file",
    cannotRun: "cannot run",
    passedFailed: (passed, failed) => `${passed} passed, ${failed} failed`,
    expected: (what, expected, actual) => `expected ${what}${what === "" ? "" : " "}${expected}, got ${actual}`,
    dataIssues: "data issues",
    noSuch: (policy, kind, id, ids) => `${policy} has no ${kind} \`${id}\`; its ${kind}s are ${ids.join(", ")}`,
    noResult: (unit, metric, hint) =>
      `no result for unit \`${unit}\`${metric ? ` and metric \`${metric}\`` : ""}: ${
        hint.kind === "metrics" ? `its metrics are ${hint.metrics.join(", ")}` : hint.kind === "near" ? didYouMean(hint.unit, "en") : "no target applies to it"
      }`,
    notOverwriting: (paths) => `not overwriting ${paths.join(", ")}`,
    created: (path) => `created ${path}`,
    next: "next:",
    wrote: (path, bytes) => `wrote ${path} (${bytes} bytes)`,
    needsFastCheck: "--properties needs fast-check: npm install --save-dev fast-check",
    noUnitsToTest: (path) => `${path} has no units to test the properties on; leave out --units to test on generated registries`,
    invalidChoice: (value, choices) => `\`${value}\` is not one of ${choices.join(", ")}`,
    invalidValue: (value) => `\`${value}\` is not a valid value`,
    notADate: (value) => `\`${value}\` is not a date such as 2022-11-30`,
    noDataUsed: (read) => `no reported count could be used (${read} ${read === 1 ? "row" : "rows"} read): every unit is without data`,
    filesUnused: (files) => `no row could be used from ${files.join(", ")}`,
    allowEmptyHint: "exit 3; --allow-empty accepts it",
    stdinTwice: "- (standard input) can be given to one option only",
    stdinTooLarge: (limit) => `standard input is larger than ${limit / (1024 * 1024)} MiB, the most a policy may hold; split the policy into files that import each other`,
    rowsSummary: (read, used, rejected, issues) => `data rows: read ${read}, used ${used}, rejected ${rejected}; ${plural(issues, "data issue")}`,
    moreIssues: (more) => `and ${more} more; --format json lists them all`,
    formatAgainstOut: (format, out) => `--format ${format} does not match --out ${out}: leave out --format, or name the file for the format`,
    htmlIsReport: (out) => `${out} is a web page: \`chitieu report\` writes the HTML report`,
    reportIsHtml: (out) => `the report is a web page: name it .html, not ${out}; \`chitieu eval --out\` writes ${out}`,
    schedule: {
      decision: (number, date, issuer) => `decision ${number}${date ? ` of ${date}` : ""}${issuer ? `, ${issuer}` : ""}`,
      effective: (from, until) => `effective ${from}${until ? ` until ${until}` : ""}`,
      subject: (kind, id, name) => `${kind} ${id}: ${name}`,
      date: (iso) => iso,
      percent: (digits) => `${digits}%`,
      target: "target",
      excludedBy: "excluded by",
      conflict: (targets) => `CONFLICT between ${targets.join(" and ")}`,
      step: "step",
      everyPeriodAfter: "and every period after",
    },
  },
  vi: {
    cannotRead: (path, reason) => `không đọc được ${path}: ${why("vi", reason)}`,
    cannotWrite: (path, reason) => `không ghi được ${path}: ${reason}`,
    sheetNotXlsx: (data) => `--sheet chọn một trang tính của tệp .xlsx truyền vào --data, nhưng ${data} không phải là tệp .xlsx`,
    xlsxNeedsOut: "--format xlsx ghi ra một tệp Excel: hãy chỉ định --out TÊN_TỆP.xlsx",
    noPolicyHeader: (file) => `${file} không có phần đầu \`policy\``,
    noFiles: (suffix, paths) => `không có tệp ${suffix} nào trong ${paths.join(", ")}`,
    checked: (files, summary) => `đã kiểm tra ${files} tệp: ${summary}`,
    noHeader: (file) => `${file} không có phần đầu \`policy\`: tệp chỉ khai báo các tên dùng chung`,
    notFormatted: "chưa đúng định dạng chuẩn",
    formatted: "đã định dạng lại",
    pass: "ĐẠT",
    fail: "KHÔNG ĐẠT",
    policyDoesNotCompile: (policy) => (policy === undefined ? "văn bản chính sách có lỗi" : `văn bản chính sách ${policy} có lỗi`),
    invalidTestFile: "tệp kiểm thử không hợp lệ",
    cannotRun: "không chạy được",
    passedFailed: (passed, failed) => `${passed} đạt, ${failed} không đạt`,
    expected: (what, expected, actual) => `cần ${what}${what === "" ? "" : " "}${expected}, thực tế ${actual}`,
    dataIssues: "vấn đề dữ liệu",
    noSuch: (policy, kind, id, ids) => {
      const noun = kind === "tier" ? "cấp" : "chỉ tiêu";
      return `${policy} không có ${noun} \`${id}\`; các ${noun} hiện có là ${ids.join(", ")}`;
    },
    noResult: (unit, metric, hint) =>
      `không có kết quả cho đơn vị \`${unit}\`${metric ? ` và chỉ số \`${metric}\`` : ""}: ${
        hint.kind === "metrics"
          ? `các chỉ số của đơn vị này là ${hint.metrics.join(", ")}`
          : hint.kind === "near"
            ? didYouMean(hint.unit, "vi")
            : "không có chỉ tiêu nào áp dụng cho đơn vị này"
      }`,
    notOverwriting: (paths) => `không ghi đè ${paths.join(", ")}`,
    created: (path) => `đã tạo ${path}`,
    next: "bước tiếp theo:",
    wrote: (path, bytes) => `đã ghi ${path} (${bytes} byte)`,
    needsFastCheck: "--properties cần gói fast-check: npm install --save-dev fast-check",
    noUnitsToTest: (path) => `${path} không có đơn vị nào để kiểm tra các thuộc tính; bỏ --units để kiểm tra trên danh mục đơn vị sinh ngẫu nhiên`,
    invalidChoice: (value, choices) => `\`${value}\` không hợp lệ; chọn một trong: ${choices.join(", ")}`,
    invalidValue: (value) => `giá trị \`${value}\` không hợp lệ`,
    notADate: (value) => `\`${value}\` không phải là ngày hợp lệ, ví dụ 2022-11-30 hoặc 30/11/2022`,
    noDataUsed: (read) => `không dùng được số liệu nào (đã đọc ${read} dòng): mọi đơn vị đều không có số liệu`,
    filesUnused: (files) => `không dùng được dòng nào của ${files.join(", ")}`,
    allowEmptyHint: "mã thoát 3; --allow-empty để chấp nhận",
    stdinTwice: "- (đầu vào chuẩn) chỉ dùng được cho một tùy chọn",
    stdinTooLarge: (limit) => `đầu vào chuẩn lớn hơn ${limit / (1024 * 1024)} MiB, mức tối đa của một văn bản chính sách; hãy tách văn bản thành nhiều tệp nhập (import) lẫn nhau`,
    rowsSummary: (read, used, rejected, issues) => `dòng dữ liệu: đọc ${read}, dùng ${used}, loại ${rejected}; ${issues} vấn đề dữ liệu`,
    moreIssues: (more) => `và ${more} vấn đề khác; --format json liệt kê đầy đủ`,
    formatAgainstOut: (format, out) => `--format ${format} không khớp với --out ${out}: bỏ --format, hoặc đặt tên tệp theo định dạng`,
    htmlIsReport: (out) => `${out} là trang web: dùng \`chitieu report\` để ghi báo cáo HTML`,
    reportIsHtml: (out) => `báo cáo là trang web: hãy đặt tên .html, không phải ${out}; \`chitieu eval --out\` ghi ra ${out}`,
    schedule: {
      decision: (number, date, issuer) => `quyết định số ${number}${date ? ` ngày ${dateText(date, "vi")}` : ""}${issuer ? `, ${issuer}` : ""}`,
      effective: (from, until) => `hiệu lực từ ${dateText(from, "vi")}${until ? ` đến ${dateText(until, "vi")}` : ""}`,
      subject: (kind, id, name) => (name === id ? `${kind === "tier" ? "cấp" : "đơn vị"} ${id}` : `${name} (${kind === "tier" ? "cấp" : "đơn vị"} ${id})`),
      date: (iso) => dateText(iso, "vi"),
      percent: (digits) => `${grouped(digits, "vi")}%`,
      target: "chỉ tiêu",
      excludedBy: "không áp dụng theo",
      conflict: (targets) => `XUNG ĐỘT giữa ${targets.join(" và ")}`,
      step: "bước",
      everyPeriodAfter: "và mọi kỳ sau đó",
    },
  },
};

export const cliWords = (lang: Lang | undefined): CliWords => CLI_WORDS[lang ?? "en"];

/** Commander's parse errors, which it words in English, as a Vietnamese reader would have them. */
const COMMANDER_VI: readonly [RegExp, string][] = [
  [/^error: missing required argument '(.+)'/, "lỗi: thiếu tham số bắt buộc '$1'"],
  [/^error: required option '(.+)' not specified/, "lỗi: chưa có tùy chọn bắt buộc '$1'"],
  [/^error: option '(.+)' argument missing/, "lỗi: tùy chọn '$1' thiếu giá trị"],
  [/^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\./, "lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ; chọn một trong: $3"],
  [/^error: unknown option '(.+)'/, "lỗi: không có tùy chọn '$1'"],
  [/^error: unknown command '(.+)'/, "lỗi: không có lệnh '$1'"],
  [/^error: too many arguments.*/, "lỗi: thừa tham số"],
  [/\(Did you mean (.+)\?\)/, "(Có phải là $1 không?)"],
];

export function commanderErrorText(text: string, lang: Lang): string {
  if (lang === "en") return text;
  return COMMANDER_VI.reduce((t, [pattern, vi]) => t.replace(pattern, vi), text);
}
