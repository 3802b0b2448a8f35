/**
 * The words of the HTML and Excel reports, in Vietnamese (the default: monitoring offices and the
 * heads of units read Vietnamese) and English. Column and status words are the text table's
 * (words.ts), so every report names things alike.
 */
import type { Comparison } from "../model/policy.js";
import { WORDS, type Words } from "./words.js";
import type { Lang } from "../i18n/lang.js";

/** Headings start with a capital; the text table's column words are lower case. */
export const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export interface ReportWords {
  readonly base: Words;
  readonly heading: string;
  readonly policy: string;
  readonly basis: (decision: string, date: string | undefined, issuer: string | undefined) => string;
  readonly effective: (from: string, until: string | undefined) => string;
  readonly asOf: string;
  readonly nextMilestone: string;
  readonly noNextMilestone: string;
  readonly summary: string;
  readonly allUnits: string;
  readonly tier: string;
  readonly metric: string;
  readonly units: string;
  readonly met: string;
  readonly missed: string;
  readonly noData: string;
  readonly noDenominator: string;
  readonly incomplete: string;
  readonly excluded: string;
  readonly compliance: string;
  readonly rate: string;
  readonly counts: string;
  readonly targets: string;
  readonly schedule: string;
  readonly appliesTo: string;
  readonly rule: string;
  readonly filter: string;
  readonly filterPlaceholder: string;
  readonly anyStatus: string;
  readonly shown: string;
  readonly sortHint: string;
  readonly chartTitle: (metric: string) => string;
  readonly ramp: string;
  readonly aggregate: (tier: string) => string;
  readonly unitsMet: string;
  readonly unitsMissed: string;
  readonly unitsOther: string;
  readonly noActualYet: string;
  readonly scores: string;
  readonly dataIssues: string;
  readonly noDataIssues: string;
  readonly file: string;
  readonly line: string;
  readonly column: string;
  readonly code: string;
  readonly action: string;
  readonly message: string;
  readonly notes: readonly string[];
  readonly generated: (date: string) => string;
  readonly comparison: Readonly<Record<Comparison, string>>;
  readonly summarySheet: string;
  readonly unitName: string;
  /** Why a score or an index total is empty. */
  readonly why: string;
  /** How many units of the tier have a total: the "63" of "21st of 63". */
  readonly ranked: string;
  readonly parent: string;
  readonly nextDate: string;
  readonly nextThreshold: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly rows: string;
}

export const REPORT_WORDS: Readonly<Record<Lang, ReportWords>> = {
  vi: {
    base: WORDS.vi,
    heading: "Báo cáo kết quả thực hiện chỉ tiêu",
    policy: "Chính sách",
    basis: (decision, date, issuer) => `Căn cứ: ${decision}${date ? ` ngày ${date}` : ""}${issuer ? ` của ${issuer}` : ""}`,
    effective: (from, until) => `Hiệu lực: từ ${from}${until ? ` đến ${until}` : ""}`,
    asOf: "Số liệu tính đến ngày",
    nextMilestone: "Mốc tiếp theo",
    noNextMilestone: "Không còn mốc nào sau ngày này",
    summary: "Tổng hợp theo cấp",
    allUnits: "Tất cả đơn vị",
    tier: "Cấp",
    metric: "Chỉ số",
    units: "Số đơn vị",
    met: "Đạt",
    missed: "Chưa đạt",
    noData: "Không có số liệu",
    noDenominator: "Mẫu số bằng 0",
    incomplete: "Chưa đủ tháng",
    excluded: "Không áp dụng",
    compliance: "Tỷ lệ đơn vị đạt",
    rate: "Tỷ lệ chung (cộng số liệu)",
    counts: "Số liệu",
    targets: "Kết quả theo chỉ tiêu",
    schedule: "Lộ trình",
    appliesTo: "Áp dụng cho",
    rule: "Quy định tại",
    filter: "Lọc",
    filterPlaceholder: "Tìm đơn vị (tên, mã, đơn vị cấp trên, cấp)…",
    anyStatus: "Mọi kết quả",
    shown: "dòng đang hiện",
    sortHint: "Bấm vào tiêu đề cột để sắp xếp",
    chartTitle: (metric) => `${metric}: lộ trình và kết quả từng tháng`,
    ramp: "Lộ trình (ngưỡng phải đạt)",
    aggregate: (tier) => `Tổng hợp ${tier}`,
    unitsMet: "Đơn vị đạt",
    unitsMissed: "Đơn vị chưa đạt",
    unitsOther: "Đơn vị khác",
    noActualYet: "Chưa có kết quả: chỉ tiêu chưa đến mốc đầu tiên.",
    scores: "Điểm",
    dataIssues: "Vấn đề dữ liệu",
    noDataIssues: "Không có vấn đề dữ liệu.",
    file: "Tệp",
    line: "Dòng",
    column: "Cột",
    code: "Mã",
    action: "Xử lý",
    message: "Nội dung",
    notes: [
      "Tỷ lệ đơn vị đạt = số đơn vị đạt / số đơn vị đến hạn (đạt, chưa đạt, không có số liệu, mẫu số bằng 0, chưa đủ tháng).",
      "“2/11 tháng”: đơn vị mới báo cáo 2 trong 11 tháng phải báo cáo của kỳ tính; chỉ hiện khi còn thiếu tháng. Chỉ số yêu cầu đủ tháng thì không đánh giá đạt hay chưa đạt khi còn thiếu (chưa đủ tháng).",
      "Tỷ lệ chung được tính từ tổng tử số và tổng mẫu số của các đơn vị, không lấy trung bình các tỷ lệ.",
      "Thiếu (điểm %) = số điểm phần trăm còn thiếu so với ngưỡng; cần thêm = số hồ sơ tối thiểu phải bổ sung (cùng mẫu số) để đạt.",
    ],
    generated: (date) => `Lập bằng chitieu, số liệu tính đến ngày ${date}.`,
    comparison: { ">=": "≥", ">": ">", "<=": "≤", "<": "<" },
    summarySheet: "Tổng hợp",
    unitName: "tên đơn vị",
    why: "lý do không có điểm",
    ranked: "số đơn vị được xếp hạng",
    parent: "đơn vị cấp trên",
    nextDate: "mốc tiếp theo",
    nextThreshold: "ngưỡng mốc tiếp theo",
    numerator: "tử số",
    denominator: "mẫu số",
    rows: "Dòng dữ liệu",
  },
  en: {
    base: WORDS.en,
    heading: "Target report",
    policy: "Policy",
    basis: (decision, date, issuer) => `Legal basis: ${decision}${date ? ` of ${date}` : ""}${issuer ? `, issued by ${issuer}` : ""}`,
    effective: (from, until) => `In force: from ${from}${until ? ` until ${until}` : ""}`,
    asOf: "Data as of",
    nextMilestone: "Next milestone",
    noNextMilestone: "No milestone after this date",
    summary: "Summary by tier",
    allUnits: "All units",
    tier: "Tier",
    metric: "Metric",
    units: "Units",
    met: "Met",
    missed: "Missed",
    noData: "No data",
    noDenominator: "No denominator",
    incomplete: "Incomplete",
    excluded: "Excluded",
    compliance: "Units meeting",
    rate: "Rate from summed counts",
    counts: "Counts",
    targets: "Results by target",
    schedule: "Schedule",
    appliesTo: "Applies to",
    rule: "Rule",
    filter: "Filter",
    filterPlaceholder: "Find a unit (name, id, parent, tier)…",
    anyStatus: "Any status",
    shown: "rows shown",
    sortHint: "Click a column heading to sort",
    chartTitle: (metric) => `${metric}: schedule and monthly results`,
    ramp: "Schedule (threshold to meet)",
    aggregate: (tier) => `${tier} total`,
    unitsMet: "Units that met",
    unitsMissed: "Units that missed",
    unitsOther: "Other units",
    noActualYet: "No results yet: the target's first milestone has not come.",
    scores: "Scores",
    dataIssues: "Data issues",
    noDataIssues: "No data issues.",
    file: "File",
    line: "Line",
    column: "Column",
    code: "Code",
    action: "Action",
    message: "Message",
    notes: [
      "Units meeting = units that met / units due (met, missed, no data, no denominator, incomplete).",
      "“2 of 11 months”: the unit reported 2 of the 11 months its window asks of it; shown only when months are missing. A metric that requires complete windows judges neither met nor missed until they are reported (incomplete).",
      "Rates of groups come from the units' summed counts, never from the mean of their rates.",
      "Gap = percentage points short of the threshold; needed = the fewest cases to add at the same denominator to meet it.",
    ],
    generated: (date) => `Made with chitieu; data as of ${date}.`,
    comparison: { ">=": "≥", ">": ">", "<=": "≤", "<": "<" },
    summarySheet: "Summary",
    unitName: "unit name",
    why: "why no points",
    ranked: "units ranked",
    parent: "parent",
    nextDate: "next milestone",
    nextThreshold: "next threshold",
    numerator: "numerator",
    denominator: "denominator",
    rows: "Data rows",
  },
};
