/** The words of `chitieu diff`, in English and Vietnamese; ids, dates and thresholds are the policies' own. */
import { dateText } from "../i18n/dates.js";
import type { Lang } from "../i18n/lang.js";
import { grouped } from "../i18n/numbers.js";
import type { ScheduleChange } from "../schedule/diff.js";

type Status = Extract<ScheduleChange, { kind: "status" }>["from"];

export interface DiffWords {
  readonly heading: (old: string, amended: string, since: string | null) => string;
  readonly subject: (metric: string, kind: "tier" | "unit", id: string) => string;
  readonly targets: (old: readonly string[], amended: readonly string[]) => string;
  readonly added: string;
  readonly removed: string;
  readonly moved: string;
  readonly threshold: string;
  readonly comparison: string;
  readonly status: (from: Status, to: Status) => string;
  readonly date: (iso: string) => string;
  readonly percent: (value: number) => string;
  readonly summary: (changed: number) => string;
  readonly twoFiles: (given: number) => string;
}

const STATUS_EN: Readonly<Record<Status, string>> = { applies: "has a target", excluded: "excluded", conflict: "in conflict", none: "no target" };
const STATUS_VI: Readonly<Record<Status, string>> = { applies: "có chỉ tiêu", excluded: "không áp dụng", conflict: "xung đột", none: "không có chỉ tiêu" };

const ids = (list: readonly string[]): string => (list.length === 0 ? "-" : list.join(", "));

export const DIFF_WORDS: Readonly<Record<Lang, DiffWords>> = {
  en: {
    heading: (old, amended, since) => `${old} -> ${amended}${since ? ` (from ${since}, when ${amended} takes effect)` : ""}`,
    subject: (metric, kind, id) => `${metric}, ${kind} ${id}`,
    targets: (old, amended) => `target ${ids(old)}${ids(old) === ids(amended) ? "" : ` -> ${ids(amended)}`}`,
    added: "added",
    removed: "removed",
    moved: "moved",
    threshold: "threshold",
    comparison: "comparison",
    status: (from, to) => `${STATUS_EN[from]} -> ${STATUS_EN[to]}`,
    date: (iso) => iso,
    percent: (value) => `${value}%`,
    summary: (changed) => (changed === 0 ? "no change: the same thresholds on the same dates for the same units" : `${changed} ${changed === 1 ? "schedule changes" : "schedules change"}`),
    twoFiles: (given) => `diff compares two policy files, the old and the new; ${given} given`,
  },
  vi: {
    heading: (old, amended, since) => `${old} -> ${amended}${since ? ` (từ ${dateText(since, "vi")}, ngày ${amended} có hiệu lực)` : ""}`,
    subject: (metric, kind, id) => `${metric}, ${kind === "tier" ? "cấp" : "đơn vị"} ${id}`,
    targets: (old, amended) => `chỉ tiêu ${ids(old)}${ids(old) === ids(amended) ? "" : ` -> ${ids(amended)}`}`,
    added: "thêm mốc",
    removed: "bỏ mốc",
    moved: "dời mốc",
    threshold: "đổi ngưỡng",
    comparison: "đổi phép so sánh",
    status: (from, to) => `${STATUS_VI[from]} -> ${STATUS_VI[to]}`,
    date: (iso) => dateText(iso, "vi"),
    percent: (value) => `${grouped(String(value), "vi")}%`,
    summary: (changed) => (changed === 0 ? "không có thay đổi: cùng ngưỡng, cùng mốc ngày, cho cùng các đơn vị" : `${changed} lịch chỉ tiêu thay đổi`),
    twoFiles: (given) => `lệnh diff so sánh hai tệp chính sách, văn bản cũ và văn bản mới; đã cho ${given} tệp`,
  },
};
