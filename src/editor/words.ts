/**
 * What the editor says in its own words, in English and Vietnamese: hovers, completions, quick
 * fixes. Diagnostics keep the checker's catalogue (src/diagnostics/messages.ts); kinds of ids are
 * named as every catalogue names them (src/i18n/glossary.ts).
 */
import { TERMS } from "../i18n/glossary.js";
import type { Lang } from "../i18n/lang.js";
import type { Window } from "../syntax/ast.js";
import type { NameKind } from "./names.js";

export interface EditorWords {
  readonly kind: (kind: NameKind) => string;
  readonly help: string;
  readonly definedAt: (place: string) => string;
  readonly tierOf: (tier: string) => string;
  readonly taggedWith: (tags: string) => string;
  readonly columns: (columns: string) => string;
  readonly window: (w: Window) => string;
  readonly complete: string;
  readonly scheduleHeadings: readonly [subject: string, date: string, comparison: string, threshold: string];
  readonly fromStep: string;
  readonly ongoing: (count: number, unit: "month" | "week") => string;
  readonly excludedBy: (targets: string) => string;
  readonly conflictWith: (targets: string) => string;
  readonly notApplied: string;
  readonly selectedUnits: string;
  readonly monthEnd: (date: string) => string;
  readonly notMonthEnd: (date: string, end: string) => string;
  readonly notADate: (date: string) => string;
  readonly changeTo: (word: string) => string;
  readonly importFile: (path: string) => string;
  readonly makeStep: (step: string) => string;
  readonly makeDeadline: (value: string) => string;
  readonly writeText: (text: string) => string;
  readonly snippets: { readonly ramp: string; readonly milestones: string; readonly target: string };
  readonly notAnId: (name: string) => string;
  readonly cannotRename: string;
}

const ENGLISH_WINDOW: Record<Window["kind"], string> = {
  "month": "the milestone's month",
  "quarter": "the milestone's quarter",
  "year-to-date": "the year to the milestone (year-to-date)",
  "since-start": "the months since the schedule starts (since-start)",
  "rolling": "",
};

const VIETNAMESE_WINDOW: Record<Window["kind"], string> = {
  "month": "tháng của mốc",
  "quarter": "quý của mốc",
  "year-to-date": "lũy kế từ đầu năm đến mốc",
  "since-start": "từ đầu kỳ của lộ trình đến mốc",
  "rolling": "",
};

const english: EditorWords = {
  kind: (kind) => (kind === "score" ? "score" : TERMS.en[kind]),
  help: "help",
  definedAt: (place) => `defined at \`${place}\``,
  tierOf: (tier) => `tier \`${tier}\``,
  taggedWith: (tags) => `tagged ${tags}`,
  columns: (columns) => `also read from the columns ${columns}`,
  window: (w) => `counts summed over ${w.kind === "rolling" ? `the last ${w.months} month${w.months === 1 ? "" : "s"}` : ENGLISH_WINDOW[w.kind]}`,
  complete: "judged only when every month of the window was reported (complete)",
  scheduleHeadings: ["tier or unit", "date", "comparison", "threshold"],
  fromStep: "(step)",
  ongoing: (count, unit) => `then held every ${count === 1 ? unit : `${count} ${unit}s`} until the policy ends`,
  excludedBy: (targets) => `excluded by ${targets}`,
  conflictWith: (targets) => `conflicts with ${targets}`,
  notApplied: "decided by a more specific target",
  selectedUnits: "the units selected",
  monthEnd: (date) => `${date} is a month end: a monthly ramp from it steps to the last day of each month`,
  notMonthEnd: (date, end) => `${date} is not a month end (that is ${end}): a monthly ramp from it keeps the day, clamped to short months`,
  notADate: (date) => `${date} is not a date in the calendar`,
  changeTo: (word) => `Change to \`${word}\``,
  importFile: (path) => `Import "${path}"`,
  makeStep: (step) => `Change the step to ${step}`,
  makeDeadline: (value) => `Change the deadline to ${value}`,
  writeText: (text) => `Write \`${text}\``,
  snippets: { ramp: "ramp: from a milestone, a step each month, by a deadline", milestones: "milestones: one threshold a year", target: "target with a ramp" },
  notAnId: (name) => `\`${name}\` is not an id: ids are ASCII letters, digits, \`_\` and \`-\`, starting with a letter or \`_\`, and are not keywords`,
  cannotRename: "only a tier, tag, unit, field, metric, target or score id can be renamed",
};

const vietnamese: EditorWords = {
  kind: (kind) => (kind === "score" ? "điểm" : TERMS.vi[kind]),
  help: "gợi ý",
  definedAt: (place) => `khai báo tại \`${place}\``,
  tierOf: (tier) => `cấp \`${tier}\``,
  taggedWith: (tags) => `thuộc nhóm ${tags}`,
  columns: (columns) => `cũng đọc từ các cột ${columns}`,
  window: (w) => `cộng số liệu trong ${w.kind === "rolling" ? `${w.months} tháng gần nhất` : VIETNAMESE_WINDOW[w.kind]}`,
  complete: "chỉ đánh giá khi đơn vị báo cáo đủ mọi tháng trong kỳ (đủ tháng)",
  scheduleHeadings: ["cấp hoặc đơn vị", "ngày", "so sánh", "ngưỡng"],
  fromStep: "(bước)",
  ongoing: (count, unit) => `sau đó giữ nguyên mỗi ${count === 1 ? "" : `${count} `}${unit === "month" ? "tháng" : "tuần"} đến khi chính sách hết hiệu lực`,
  excludedBy: (targets) => `bị loại trừ bởi ${targets}`,
  conflictWith: (targets) => `xung đột với ${targets}`,
  notApplied: "do một chỉ tiêu cụ thể hơn quyết định",
  selectedUnits: "các đơn vị được chọn",
  monthEnd: (date) => `${date} là ngày cuối tháng: lộ trình hằng tháng từ ngày này đi qua ngày cuối của mỗi tháng`,
  notMonthEnd: (date, end) => `${date} không phải ngày cuối tháng (ngày cuối tháng là ${end}): lộ trình hằng tháng từ ngày này giữ nguyên ngày, lùi về cuối tháng với tháng ngắn`,
  notADate: (date) => `${date} không phải là ngày có thật trong lịch`,
  changeTo: (word) => `Sửa thành \`${word}\``,
  importFile: (path) => `Nhập "${path}"`,
  makeStep: (step) => `Sửa bước thành ${step}`,
  makeDeadline: (value) => `Sửa mốc cuối thành ${value}`,
  writeText: (text) => `Viết \`${text}\``,
  snippets: { ramp: "lộ trình: từ một mốc, mỗi tháng một bước, đến mốc cuối", milestones: "các mốc: mỗi năm một ngưỡng", target: "chỉ tiêu có lộ trình" },
  notAnId: (name) => `\`${name}\` không phải là mã định danh: mã gồm chữ cái ASCII, chữ số, \`_\` và \`-\`, bắt đầu bằng chữ cái hoặc \`_\`, và không trùng từ khóa`,
  cannotRename: "chỉ đổi tên được mã của cấp, nhóm, đơn vị, trường số liệu, chỉ số, chỉ tiêu hoặc điểm",
};

export const editorWords = (lang: Lang): EditorWords => (lang === "vi" ? vietnamese : english);
