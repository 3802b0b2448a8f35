/**
 * What each data issue says, in English and Vietnamese, from the ids, values and places it carries.
 * Readers record the arguments (`DataIssue.args`) and word `message` in English from them; whoever
 * prints picks the language with `localizeIssue`. Ids, column names and cell values are quoted as
 * the file writes them, so they read the same in both languages.
 */
import { didYouMean } from "../i18n/glossary.js";
import type { Lang } from "../i18n/lang.js";
import { grouped } from "../i18n/numbers.js";
import type { CsvProblem } from "./csv.js";
import type { CountProblem } from "./numbers.js";

/** How a record is found: a line of a text file, a row of a worksheet, an item of a JSON array. */
export type Where = "line" | "row" | "item" | "units item" | "merges item";

/** Where a record is: the line, or for a JSON array the 1-based position of the item. */
export interface At {
  /** `line`, `row` in a worksheet, or `item` in a JSON array (`merges item` in a file holding two arrays). */
  readonly where: Where;
  readonly line: number;
  /** The file, when it is not the one the issue is about. */
  readonly file?: string;
}

/** A number as exact digits (`-1234.5`), and whether those digits round it. */
export interface Figure {
  readonly digits: string;
  readonly exact: boolean;
}

/** One side of a data check: its value and, unless it is a single field, the expression with the row's counts (numbers) in it. */
export interface Side {
  readonly value: Figure;
  readonly detail?: readonly (string | number)[];
}

/** What is wrong with one cell (or, without a column, with the row). */
export type CellProblem =
  | { readonly kind: "no-value" }
  | { readonly kind: "not-text"; readonly value: string }
  | { readonly kind: "not-a-list" }
  | { readonly kind: "not-a-date"; readonly text: string }
  | { readonly kind: "not-a-period"; readonly text: string }
  | { readonly kind: "unknown-unit"; readonly id: string; readonly near?: string }
  | { readonly kind: "count"; readonly problem: CountProblem; readonly value: string; readonly thousands: boolean }
  | { readonly kind: "before-valid-from"; readonly validTo: string; readonly validFrom: string }
  | { readonly kind: "merged-into-itself" }
  | { readonly kind: "empty-count"; readonly metrics: readonly string[] }
  | { readonly kind: "unit-refused"; readonly id: string; readonly at: At }
  /** A problem the schemas do not word themselves; it stays in English. */
  | { readonly kind: "other"; readonly text: string };

type Rows = { readonly rows: number };
type Near = { readonly near?: string };
type Nothing = Record<never, never>;

/** The arguments of each kind of issue text. */
export interface IssueKinds {
  "cell": { readonly column?: string; readonly problem: CellProblem };
  "file-too-large": { readonly limit: number };
  "xlsx-as-text": Nothing;
  "unreadable-workbook": { readonly reason: string };
  "header-malformed": Rows & { readonly problem: CsvProblem };
  "header-missing": Rows & { readonly column: string };
  "header-twice": Rows & { readonly column: string };
  "key-twice": { readonly column: string };
  "unnamed-column": { readonly position: number };
  "unknown-field": Near & { readonly column: string };
  "unknown-column": Near & { readonly column: string };
  "malformed-row": { readonly problem: CsvProblem };
  "row-width": { readonly cells: number; readonly header: number };
  "beyond-header": { readonly letter: string; readonly value: string };
  "not-json": { readonly reason: string };
  "not-json-array": Nothing;
  "not-an-object": Nothing;
  "not-a-registry": { readonly of: "units" | "merges" };
  "already-given": { readonly what: "unit" | "merge"; readonly id: string; readonly at: At };
  "parent-loop": { readonly parent: string; readonly id: string };
  "parent-rejected": { readonly parent: string; readonly at: At };
  "parent-unknown": Near & { readonly parent: string };
  "merge-loop": { readonly id: string; readonly successor: string };
  "merge-unknown-unit": Near & { readonly id: string };
  "missing-column": { readonly column: string; readonly metrics: readonly string[] };
  "unknown-tier": Near & { readonly tier: string; readonly tiers: readonly string[] };
  "outside-validity": { readonly unit: string; readonly period: string; readonly validFrom?: string; readonly validTo?: string };
  "no-usable-row": { readonly what: "units" | "merges" | "data"; readonly read: number };
  "already-reported": { readonly unit: string; readonly period: string; readonly at: At };
  "overlapping-period": { readonly unit: string; readonly period: string; readonly earlier: string; readonly at: At };
  "part-above-total": { readonly numerator: string; readonly part: number; readonly denominator: string; readonly total: number; readonly metrics: readonly string[] };
  "failed-check": { readonly rule: string; readonly left: Side; readonly right: Side; readonly apart: Figure; readonly check: string };
  "more-like-this": { readonly count: number; readonly code: string; readonly from: At };
  "sum-too-large": { readonly field: string; readonly limit: number };
  "bad-argument": { readonly function: string; readonly position: number; readonly expected: Expected };
}

/** What a public function's argument must be, when a caller without types passed something else. */
export type Expected = "text" | "date" | "number" | "list" | "object" | "options" | "policy" | "prepared" | "bytes" | "lang" | "chunks";

const EXPECTED_EN: Record<Expected, string> = {
  text: "text",
  date: "a date such as 2022-11-30 or 30/11/2022",
  number: "a number",
  list: "a list",
  object: "an object",
  options: "an object of options, or left out",
  policy: "a compiled policy",
  prepared: "data prepared by the same evaluator",
  bytes: "bytes (a Uint8Array)",
  lang: "`en` or `vi`",
  chunks: "an iterable of strings or bytes",
};

const EXPECTED_VI: Record<Expected, string> = {
  text: "văn bản",
  date: "một ngày như 2022-11-30 hoặc 30/11/2022",
  number: "một số",
  list: "một danh sách",
  object: "một đối tượng",
  options: "một đối tượng tùy chọn, hoặc bỏ trống",
  policy: "một chính sách đã biên dịch",
  prepared: "dữ liệu do chính bộ đánh giá này chuẩn bị",
  bytes: "các byte (một Uint8Array)",
  lang: "`en` hoặc `vi`",
  chunks: "một dãy lặp được gồm chuỗi hoặc byte",
};

export type IssueKind = keyof IssueKinds;

/** An issue's text as arguments: `{ kind: "row-width", cells: 3, header: 4 }`. */
export type IssueText = { [K in IssueKind]: { readonly kind: K } & IssueKinds[K] }[IssueKind];

/** The text, and the JSON item it is about (whose number is not a line), which the message then starts with. */
export type IssueArgs = IssueText & { readonly item?: At };

type Catalogue = { readonly [K in IssueKind]: (args: IssueKinds[K]) => string };

const count = (n: number, lang: Lang): string => grouped(String(n), lang);
const figure = ({ digits, exact }: Figure, lang: Lang): string => `${exact ? "" : lang === "vi" ? "khoảng " : "about "}${grouped(digits, lang)}`;
const detail = (side: Side, lang: Lang): string =>
  side.detail === undefined ? "" : ` (${side.detail.map((part) => (typeof part === "number" ? count(part, lang) : part)).join("")})`;

const bytes = (n: number, unit: string): string => (n >= 1024 * 1024 ? `${n / (1024 * 1024)} MiB` : `${n} ${unit}`);

function validityEn(from: string | undefined, to: string | undefined): string {
  if (from !== undefined && to !== undefined) return `only from ${from} to ${to}`;
  return from !== undefined ? `only from ${from}` : `only until ${to ?? ""}`;
}

const csvEn = (p: CsvProblem): string =>
  p.kind === "unclosed-quote" ? `the quote that opens cell ${p.cell} on line ${p.line} is never closed` : `cell ${p.cell} has text after its closing quote`;

// ---- English: every message the readers have always written, word for word

const nearEn = (near: string | undefined): string => (near === undefined ? "" : `; ${didYouMean(near, "en")}`);
const placeEn = (at: At): string => `${at.where === "line" || at.where === "row" ? "on" : "in"} ${at.where} ${at.line}${at.file === undefined ? "" : ` of ${at.file}`}`;
const listEn = (ids: readonly string[]): string => ids.map((id) => `\`${id}\``).join(", ");
const noneEn = (rows: number): string => (rows === 0 ? "so no row could be read" : rows === 1 ? "so its 1 row is rejected" : `so none of its ${rows} rows is read`);

const COUNT_EN: Record<CountProblem, string> = {
  negative: "is negative",
  fractional: "is not a whole count",
  "not a number": "is not a number",
  "too large": "is too large to be counted exactly",
};

function cellEn(p: CellProblem): string {
  switch (p.kind) {
    case "no-value": return "has no value";
    case "not-text": return `must be text, not ${p.value}`;
    case "not-a-list": return "must be a list, or text separated by `;`";
    case "not-a-date": return `is not a date: \`${p.text}\`; write 2022-09-30 or 30/09/2022`;
    case "not-a-period": return `is not a period: \`${p.text}\`; write 2022-10, 10/2022, 2022-Q3, Q3/2022, 2022-H1 or 2022`;
    case "unknown-unit": return `names no known unit: \`${p.id}\`${nearEn(p.near)}`;
    case "count": return `${COUNT_EN[p.problem]}: ${p.value}${p.thousands ? `; if the dot groups thousands, read the file with numbers: "vi"` : ""}`;
    case "before-valid-from": return `is ${p.validTo}, before valid_from ${p.validFrom}`;
    case "merged-into-itself": return "is the unit itself";
    case "unit-refused": return `names \`${p.id}\`, which the registry refuses ${placeEn(p.at)}, so its rows are refused too`;
    case "empty-count": return `is empty, so ${listEn(p.metrics)} ${p.metrics.length === 1 ? "has" : "have"} no data from this row; write 0 if nothing was counted`;
    case "other": return p.text;
  }
}

const english: Catalogue = {
  "cell": ({ column, problem }) => `${column === undefined ? "the row" : `\`${column}\``} ${cellEn(problem)}`,
  "file-too-large": ({ limit }) => `the file is larger than ${bytes(limit, "bytes")}; split it, by period or by unit, and read the parts`,
  "xlsx-as-text": () => "an .xlsx workbook is read with readSheet first, not as text",
  "unreadable-workbook": ({ reason }) => `the workbook cannot be read: ${reason}`,
  "header-malformed": ({ problem, rows }) => `the header is malformed: ${csvEn(problem)}, ${noneEn(rows)}`,
  "header-missing": ({ column, rows }) => `the header has no \`${column}\` column, ${noneEn(rows)}`,
  "header-twice": ({ column, rows }) => `the header names \`${column}\` twice and which one to read is unclear, ${noneEn(rows)}`,
  "key-twice": ({ column }) => `the row names \`${column}\` twice (under two spellings) and which one to read is unclear, so it is rejected`,
  "unnamed-column": ({ position }) => `column ${position} has no name and is ignored`,
  "unknown-field": ({ column, near }) => `\`${column}\` is not a field of the policy, so the column is ignored${nearEn(near)}`,
  "unknown-column": ({ column, near }) => `unknown column \`${column}\` is ignored${nearEn(near)}`,
  "malformed-row": ({ problem }) => csvEn(problem),
  "row-width": ({ cells, header }) => `the row has ${cells} cells where the header has ${header}`,
  "beyond-header": ({ letter, value }) => `column ${letter} holds \`${value}\` but the header names no column there`,
  "not-json": ({ reason }) => `not valid JSON: ${reason}`,
  "not-json-array": () => "the file is not a JSON array of rows",
  "not-an-object": () => "the row is not an object of named values",
  "not-a-registry": ({ of }) =>
    of === "units" ? 'the file is not a JSON array of units, or { "units": [...], "merges": [...] }' : 'the file is not a JSON array of merges, or { "merges": [...] }',
  "already-given": ({ what, id, at }) => `${what === "unit" ? "unit" : "a merge of"} \`${id}\` is already given ${placeEn(at)}`,
  "parent-loop": ({ parent, id }) => `parent \`${parent}\` leads back to \`${id}\`: parent links must not loop`,
  "parent-rejected": ({ parent, at }) => `parent \`${parent}\` is rejected ${placeEn(at)}`,
  "parent-unknown": ({ parent, near }) => `parent \`${parent}\` is not in the registry${nearEn(near)}`,
  "merge-loop": ({ id, successor }) => `merging \`${id}\` into \`${successor}\` closes a loop of merges`,
  "merge-unknown-unit": ({ id, near }) => `\`${id}\` is not a unit in the registry${nearEn(near)}`,
  "missing-column": ({ column, metrics }) =>
    `the file has no \`${column}\` column, so ${listEn(metrics)} ${metrics.length === 1 ? "has" : "have"} no data from it; add the column, or name the heading the file uses with \`column "..."\` on the field`,
  "unknown-tier": ({ tier, tiers, near }) =>
    `tier \`${tier}\` is not a tier of the policy (${listEn(tiers)}), so the unit is rejected${nearEn(near)}`,
  "outside-validity": ({ unit, period, validFrom, validTo }) =>
    `\`${unit}\` reports ${period}, but the registry has it ${validityEn(validFrom, validTo)}, so the row is rejected`,
  "no-usable-row": ({ what, read }) =>
    `no ${what === "data" ? "row of counts" : what === "units" ? "unit" : "merge"} in this file could be used (${count(read, "en")} read); see its other issues`,
  "already-reported": ({ unit, period, at }) => `\`${unit}\` already reported ${period} ${placeEn(at)}`,
  "overlapping-period": ({ unit, period, earlier, at }) => `\`${unit}\` ${period} overlaps ${earlier} ${placeEn(at)}; report each month once`,
  "part-above-total": ({ numerator, part, denominator, total, metrics }) =>
    `${numerator} ${count(part, "en")} is above ${denominator} ${count(total, "en")} (${metrics.length === 1 ? "metric" : "metrics"} ${metrics.join(", ")})`,
  "failed-check": ({ rule, left, right, apart, check }) =>
    `${rule} fails: ${figure(left.value, "en")} on the left${detail(left, "en")}, ${figure(right.value, "en")} on the right${detail(right, "en")}, ${figure(apart, "en")} apart (check at ${check})`,
  "more-like-this": ({ count: n, code, from }) =>
    `and ${count(n, "en")} more ${n === 1 ? "issue" : "issues"} like this (${code}), the first ${placeEn(from)}: counted in the rows read, used and rejected, not listed`,
  "sum-too-large": ({ field, limit }) =>
    `counts of \`${field}\` in this data would sum past ${count(limit, "en")}, the largest whole number chitieu adds exactly; this row is not used`,
  "bad-argument": (a) => `argument ${a.position} of ${a.function} must be ${EXPECTED_EN[a.expected]}`,
};

// ---- Vietnamese

const nearVi = (near: string | undefined): string => (near === undefined ? "" : `; ${didYouMean(near, "vi")}`);

const WHERE_VI: Record<Where, (n: number) => string> = {
  "line": (n) => `dòng ${n}`,
  "row": (n) => `hàng ${n}`,
  "item": (n) => `mục ${n}`,
  "units item": (n) => `mục ${n} của danh sách \`units\``,
  "merges item": (n) => `mục ${n} của danh sách \`merges\``,
};

const placeVi = (at: At): string => `ở ${WHERE_VI[at.where](at.line)}${at.file === undefined ? "" : ` của tệp ${at.file}`}`;
const noneVi = (rows: number): string =>
  rows === 0 ? "nên không đọc được dòng nào" : rows === 1 ? "nên dòng dữ liệu duy nhất bị loại" : `nên cả ${rows} dòng dữ liệu đều không được đọc`;

function validityVi(from: string | undefined, to: string | undefined): string {
  if (from !== undefined && to !== undefined) return `từ ${from} đến ${to}`;
  return from !== undefined ? `từ ${from}` : `đến ${to ?? ""}`;
}

const COUNT_VI: Record<CountProblem, string> = {
  negative: "là số âm",
  fractional: "không phải là số nguyên",
  "not a number": "không phải là số",
  "too large": "quá lớn, không thể tính chính xác",
};

const csvVi = (p: CsvProblem): string =>
  p.kind === "unclosed-quote" ? `dấu ngoặc kép mở ô thứ ${p.cell} ở dòng ${p.line} không được đóng` : `ô thứ ${p.cell} có chữ sau dấu ngoặc kép đóng`;

function cellVi(p: CellProblem): string {
  switch (p.kind) {
    case "no-value": return "chưa có giá trị";
    case "not-text": return `phải là chữ, không phải ${p.value}`;
    case "not-a-list": return "phải là một danh sách, hoặc các giá trị cách nhau bằng dấu `;`";
    case "not-a-date": return `không phải là ngày: \`${p.text}\`; viết theo dạng 2022-09-30 hoặc 30/09/2022`;
    case "not-a-period": return `không phải là kỳ báo cáo: \`${p.text}\`; viết theo dạng 2022-10, 10/2022, 2022-Q3, Q3/2022, 2022-H1 hoặc 2022`;
    case "unknown-unit": return `ghi đơn vị không có trong danh mục: \`${p.id}\`${nearVi(p.near)}`;
    case "count":
      return `${COUNT_VI[p.problem]}: ${p.value}${p.thousands ? `; nếu dấu chấm dùng để phân cách hàng nghìn, hãy đọc tệp với numbers: "vi" (--numbers vi)` : ""}`;
    case "before-valid-from": return `là ngày ${p.validTo}, trước ngày valid_from ${p.validFrom}`;
    case "merged-into-itself": return "trùng với chính đơn vị bị sáp nhập";
    case "unit-refused": return `ghi đơn vị \`${p.id}\` đã bị loại khỏi danh mục ${placeVi(p.at)}, nên các dòng số liệu của đơn vị này cũng bị loại`;
    case "empty-count": return `để trống, nên ${listEn(p.metrics)} không có số liệu từ dòng này; nếu không phát sinh, hãy ghi 0`;
    case "other": return p.text;
  }
}

const vietnamese: Catalogue = {
  "cell": ({ column, problem }) => `${column === undefined ? "dòng này" : `cột \`${column}\``} ${cellVi(problem)}`,
  "file-too-large": ({ limit }) => `tệp lớn hơn ${bytes(limit, "byte")}; hãy chia tệp theo kỳ hoặc theo đơn vị rồi đọc từng phần`,
  "xlsx-as-text": () => "tệp .xlsx phải được đọc bằng readSheet trước, không đọc như văn bản",
  "unreadable-workbook": ({ reason }) => `không đọc được tệp Excel: ${reason}`,
  "header-malformed": ({ problem, rows }) => `dòng tiêu đề bị lỗi: ${csvVi(problem)}, ${noneVi(rows)}`,
  "header-missing": ({ column, rows }) => `dòng tiêu đề thiếu cột \`${column}\`, ${noneVi(rows)}`,
  "header-twice": ({ column, rows }) => `dòng tiêu đề có hai cột \`${column}\`, không rõ phải đọc cột nào, ${noneVi(rows)}`,
  "key-twice": ({ column }) => `dòng này ghi \`${column}\` hai lần (dưới hai cách viết), không rõ phải đọc giá trị nào, nên dòng bị loại`,
  "unnamed-column": ({ position }) => `cột thứ ${position} không có tên nên bị bỏ qua`,
  "unknown-field": ({ column, near }) => `\`${column}\` không phải là trường số liệu của văn bản chính sách nên cột này bị bỏ qua${nearVi(near)}`,
  "unknown-column": ({ column, near }) => `cột \`${column}\` không thuộc danh mục cột nên bị bỏ qua${nearVi(near)}`,
  "malformed-row": ({ problem }) => csvVi(problem),
  "row-width": ({ cells, header }) => `dòng này có ${cells} ô trong khi dòng tiêu đề có ${header} cột`,
  "beyond-header": ({ letter, value }) => `cột ${letter} có giá trị \`${value}\` nhưng dòng tiêu đề không có cột nào ở vị trí này`,
  "not-json": ({ reason }) => `không phải JSON hợp lệ: ${reason}`,
  "not-json-array": () => "tệp không phải là một mảng JSON gồm các dòng dữ liệu",
  "not-an-object": () => "dòng này không phải là một đối tượng JSON gồm các giá trị có tên",
  "not-a-registry": ({ of }) =>
    of === "units"
      ? 'tệp không phải là một mảng JSON gồm các đơn vị, hoặc { "units": [...], "merges": [...] }'
      : 'tệp không phải là một mảng JSON gồm các lần sáp nhập, hoặc { "merges": [...] }',
  "already-given": ({ what, id, at }) =>
    what === "unit" ? `đơn vị \`${id}\` đã được khai báo ${placeVi(at)}` : `việc sáp nhập \`${id}\` đã được ghi ${placeVi(at)}`,
  "parent-loop": ({ parent, id }) => `đơn vị cấp trên \`${parent}\` dẫn ngược về \`${id}\`: quan hệ cấp trên không được khép thành vòng`,
  "parent-rejected": ({ parent, at }) => `đơn vị cấp trên \`${parent}\` đã bị loại ${placeVi(at)}`,
  "parent-unknown": ({ parent, near }) => `đơn vị cấp trên \`${parent}\` không có trong danh mục đơn vị${nearVi(near)}`,
  "merge-loop": ({ id, successor }) => `sáp nhập \`${id}\` vào \`${successor}\` tạo thành một vòng sáp nhập khép kín`,
  "merge-unknown-unit": ({ id, near }) => `\`${id}\` không phải là đơn vị trong danh mục${nearVi(near)}`,
  "missing-column": ({ column, metrics }) =>
    `tệp không có cột \`${column}\`, nên ${listEn(metrics)} không có số liệu từ tệp này; hãy thêm cột, hoặc khai báo tiêu đề cột mà tệp dùng bằng \`cột "..."\` trong trường số liệu`,
  "unknown-tier": ({ tier, tiers, near }) =>
    `cấp \`${tier}\` không phải là cấp được khai báo trong văn bản chính sách (${listEn(tiers)}), nên đơn vị bị loại${nearVi(near)}`,
  "outside-validity": ({ unit, period, validFrom, validTo }) =>
    `\`${unit}\` báo cáo kỳ ${period}, nhưng theo danh mục đơn vị này chỉ tồn tại ${validityVi(validFrom, validTo)}, nên dòng bị loại`,
  "no-usable-row": ({ what, read }) =>
    `không dùng được ${what === "data" ? "dòng số liệu" : what === "units" ? "đơn vị" : "dòng sáp nhập"} nào trong tệp này (đã đọc ${count(read, "vi")}); xem các vấn đề khác của tệp`,
  "already-reported": ({ unit, period, at }) => `\`${unit}\` đã báo cáo kỳ ${period} ${placeVi(at)}`,
  "overlapping-period": ({ unit, period, earlier, at }) =>
    `kỳ ${period} của \`${unit}\` trùng với kỳ ${earlier} ${placeVi(at)}; mỗi tháng chỉ báo cáo một lần`,
  "part-above-total": ({ numerator, part, denominator, total, metrics }) =>
    `${numerator} ${count(part, "vi")} lớn hơn ${denominator} ${count(total, "vi")} (chỉ số ${metrics.join(", ")})`,
  "failed-check": ({ rule, left, right, apart, check }) =>
    `${rule} không được thỏa mãn: vế trái ${figure(left.value, "vi")}${detail(left, "vi")}, vế phải ${figure(right.value, "vi")}${detail(right, "vi")}, chênh lệch ${figure(apart, "vi")} (phép kiểm tra tại ${check})`,
  "more-like-this": ({ count: n, code, from }) =>
    `và ${count(n, "vi")} vấn đề khác cùng loại (${code}), vấn đề đầu tiên ${placeVi(from)}: đã được tính vào số dòng đọc, dùng và bị loại, không liệt kê`,
  "sum-too-large": ({ field, limit }) =>
    `tổng số liệu \`${field}\` trong dữ liệu này sẽ vượt quá ${count(limit, "vi")}, số nguyên lớn nhất chitieu cộng được chính xác; dòng này không được dùng`,
  "bad-argument": (a) => `đối số thứ ${a.position} của ${a.function} phải là ${EXPECTED_VI[a.expected]}`,
};

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en: english, vi: vietnamese };

/** One issue's text in one language, starting with the JSON item it is about when there is one. */
export function issueText(lang: Lang, args: IssueArgs): string {
  const text = (CATALOGUES[lang][args.kind] as (a: IssueArgs) => string)(args);
  if (args.item === undefined) return text;
  return `${lang === "vi" ? WHERE_VI[args.item.where](args.item.line) : `${args.item.where} ${args.item.line}`}: ${text}`;
}

/**
 * An issue's message in `lang`. One without arguments, or with arguments this version cannot word
 * (an evaluation read back from JSON written by another), keeps its English message.
 */
export function localizeIssue(issue: { readonly message: string; readonly args?: IssueArgs | undefined }, lang: Lang): string {
  const args = issue.args;
  if (lang === "en" || args === undefined || !Object.hasOwn(CATALOGUES[lang], args.kind)) return issue.message;
  try {
    return issueText(lang, args);
  } catch {
    return issue.message;
  }
}
