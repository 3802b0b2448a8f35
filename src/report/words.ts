/**
 * The words reports print, in English and Vietnamese. Monitoring offices read Vietnamese first.
 */
import type { Result, ScoreResult, Status } from "../evaluate/result.js";
import { reasonText, scoreReasonText } from "../evaluate/reasons.js";
import type { Lang } from "../i18n/lang.js";


export interface Words {
  readonly columns: {
    readonly unit: string;
    readonly target: string;
    readonly milestone: string;
    readonly threshold: string;
    readonly actual: string;
    readonly status: string;
    readonly gap: string;
    readonly needed: string;
    readonly score: string;
    readonly rank: string;
    readonly points: string;
    readonly months: string;
    readonly id: string;
  };
  readonly status: Readonly<Record<Status, string>>;
  readonly tier: string;
  readonly allUnits: string;
  readonly scores: string;
  /** The heading of groups' scores, computed from their summed counts. */
  readonly scoreGroups: string;
  readonly groupHeading: string;
  readonly index: (id: string, maximum: string) => string;
  readonly total: string;
  /** A group as a heading cell: all units, a tier, a parent unit's children. */
  readonly groupName: (kind: "all" | "tier" | "parent", id: string) => string;
  readonly asOf: string;
  readonly noRate: string;
  readonly rows: (read: number, used: number, rejected: number, issues: number) => string;
  readonly group: (counts: { met: number; missed: number; noData: number; noDenominator: number; notDue: number; excluded: number; incomplete: number }) => string;
  /** The months of a window reported, of those the unit owed: "2 of 11 months". */
  readonly months: (withData: number, owed: number) => string;
  readonly rejected: string;
  readonly flagged: string;
}

export const WORDS: Readonly<Record<Lang, Words>> = {
  en: {
    columns: { unit: "unit", target: "target", milestone: "milestone", threshold: "threshold", actual: "actual", status: "status", gap: "gap", needed: "needed", score: "score", rank: "rank", points: "points", months: "months reported", id: "id" },
    status: { met: "met", missed: "missed", "no-data": "no data", "no-denominator": "no denominator", "not-due": "not due", excluded: "excluded", incomplete: "incomplete" },
    tier: "tier",
    allUnits: "all units",
    scores: "scores",
    scoreGroups: "scores of groups (from their summed counts)",
    groupHeading: "group",
    index: (id, maximum) => `index ${id} (out of ${maximum})`,
    total: "total",
    groupName: (kind, id) => (kind === "all" ? "all units" : kind === "tier" ? `tier ${id}` : `under ${id}`),
    asOf: "as of",
    noRate: "no rate",
    rows: (read, used, rejected, issues) => `rows: ${read} read, ${used} used, ${rejected} rejected; ${issues} data issue${issues === 1 ? "" : "s"}`,
    group: (c) => `met ${c.met}, missed ${c.missed}, no data ${c.noData}, no denominator ${c.noDenominator}, not due ${c.notDue}, excluded ${c.excluded}, incomplete ${c.incomplete}`,
    months: (withData, owed) => `${withData} of ${owed} month${owed === 1 ? "" : "s"}`,
    rejected: "rejected",
    flagged: "flagged",
  },
  vi: {
    columns: { unit: "đơn vị", target: "chỉ tiêu", milestone: "mốc", threshold: "ngưỡng", actual: "thực tế", status: "kết quả", gap: "thiếu (điểm %)", needed: "cần thêm", score: "điểm", rank: "hạng", points: "điểm", months: "số tháng có số liệu", id: "mã" },
    status: { met: "đạt", missed: "chưa đạt", "no-data": "không có số liệu", "no-denominator": "mẫu số bằng 0", "not-due": "chưa đến hạn", excluded: "không áp dụng", incomplete: "chưa đủ tháng" },
    tier: "cấp",
    allUnits: "toàn bộ đơn vị",
    scores: "điểm",
    scoreGroups: "điểm của nhóm (tính từ số liệu cộng gộp)",
    groupHeading: "nhóm",
    index: (id, maximum) => `bộ chỉ số ${id} (thang điểm ${maximum})`,
    total: "tổng điểm",
    groupName: (kind, id) => (kind === "all" ? "toàn bộ đơn vị" : kind === "tier" ? `cấp ${id}` : `trực thuộc ${id}`),
    asOf: "tính đến",
    noRate: "không có tỷ lệ",
    rows: (read, used, rejected, issues) => `dòng dữ liệu: đọc ${read}, dùng ${used}, loại ${rejected}; ${issues} vấn đề dữ liệu`,
    group: (c) => `đạt ${c.met}, chưa đạt ${c.missed}, không có số liệu ${c.noData}, mẫu số bằng 0 ${c.noDenominator}, chưa đến hạn ${c.notDue}, không áp dụng ${c.excluded}, chưa đủ tháng ${c.incomplete}`,
    months: (withData, owed) => `${withData}/${owed} tháng`,
    rejected: "loại",
    flagged: "cảnh báo",
  },
};

/**
 * "2 of 11 months" when a result's window lacks some months the unit owed; undefined when it lacks
 * none, or all of them, which its status (no data) already says.
 */
export function missingMonths(r: Result, words: Words): string | undefined {
  const window = r.explanation.window;
  const partial = window !== null && window.monthsWithData > 0 && window.monthsWithData < window.months;
  return partial ? words.months(window.monthsWithData, window.months) : undefined;
}

/** Why a result has no threshold, in the reader's language; a result read from older JSON keeps its English. */
export function reasonIn(r: Result, lang: Lang): string | undefined {
  const { because, reason } = r.explanation;
  return because ? reasonText(because, lang) : (reason ?? undefined);
}

/** Why a score has no points, in the reader's language; a score read from older JSON keeps its English. */
export function scoreReasonIn(s: ScoreResult, lang: Lang): string | undefined {
  return s.because ? scoreReasonText(s.because, lang) : (s.reason ?? undefined);
}
