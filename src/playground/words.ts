/**
 * The playground's own words, in English and Vietnamese; the page's messages about the policy and
 * the data come from the same catalogues as the command line's (diagnostics, data issues, reports).
 */
import type { Lang } from "../i18n/lang.js";

export interface PlaygroundWords {
  readonly title: string;
  readonly intro: string;
  readonly policy: string;
  readonly problems: string;
  readonly noProblems: string;
  readonly problemCount: (errors: number, warnings: number) => string;
  readonly schedule: string;
  readonly scheduleNone: string;
  readonly subject: string;
  readonly milestones: string;
  readonly excluded: string;
  readonly conflict: string;
  readonly ongoing: string;
  readonly scheduleChart: (metric: string) => string;
  readonly data: string;
  readonly dataIntro: string;
  readonly units: string;
  readonly counts: string;
  readonly open: string;
  readonly paste: string;
  readonly asOf: string;
  readonly evaluate: string;
  readonly results: string;
  readonly resultsNone: string;
  readonly needPolicy: string;
  readonly needData: string;
  readonly badDate: (text: string) => string;
  readonly workbook: (file: string) => string;
  readonly share: string;
  readonly shared: string;
  readonly shareTooLong: string;
  readonly opened: (file: string, bytes: number) => string;
  readonly readOnly: (file: string) => string;
}

export const PLAYGROUND_WORDS: Record<Lang, PlaygroundWords> = {
  en: {
    title: "chitieu playground",
    intro: "Write a policy: it is checked as you type, and its schedule is drawn. Open or paste data to score it. Nothing leaves this page.",
    policy: "Policy",
    problems: "Problems",
    noProblems: "No problems: the policy reads cleanly.",
    problemCount: (e, w) => `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}`,
    schedule: "Schedule",
    scheduleNone: "The schedule shows once the policy has no errors.",
    subject: "Tier or unit",
    milestones: "Milestones",
    excluded: "excluded",
    conflict: "targets conflict",
    ongoing: "and so on",
    scheduleChart: (metric) => `Schedule: ${metric}`,
    data: "Data",
    dataIntro: "The unit registry and the reported counts, as for `chitieu eval`: open a file or paste its text (CSV, JSON or NDJSON).",
    units: "Units (--units)",
    counts: "Counts (--data)",
    open: "Open a file",
    paste: "or paste here",
    asOf: "As of (--as-of)",
    evaluate: "Evaluate",
    results: "Results",
    resultsNone: "Results show here once there is a policy without errors, units, counts and a date.",
    needPolicy: "Fix the policy's errors first.",
    needData: "Give the units and the counts.",
    badDate: (text) => `\`${text}\` is not a date: write 2022-11-30 or 30/11/2022.`,
    workbook: (file) => `${file} is a workbook: save it as CSV (File > Save As > CSV UTF-8), or score it with \`chitieu eval\`.`,
    share: "Copy a link",
    shared: "The link holds the policy and the data; it is in the address bar and copied.",
    shareTooLong: "The link would be too long for some browsers; it is in the address bar anyway.",
    opened: (file, bytes) => `${file} (${bytes.toLocaleString("en")} bytes)`,
    readOnly: (file) => `${file} (imported, read only)`,
  },
  vi: {
    title: "chitieu: soạn thử chính sách",
    intro: "Viết chính sách: chitieu kiểm tra ngay khi gõ và vẽ lộ trình. Mở hoặc dán số liệu để chấm. Không có gì rời khỏi trang này.",
    policy: "Chính sách",
    problems: "Lỗi",
    noProblems: "Không có lỗi: chính sách đọc được trọn vẹn.",
    problemCount: (e, w) => `${e} lỗi, ${w} cảnh báo`,
    schedule: "Lộ trình",
    scheduleNone: "Lộ trình hiện ra khi chính sách hết lỗi.",
    subject: "Cấp hoặc đơn vị",
    milestones: "Các mốc",
    excluded: "không áp dụng",
    conflict: "chỉ tiêu mâu thuẫn",
    ongoing: "và tiếp tục",
    scheduleChart: (metric) => `Lộ trình: ${metric}`,
    data: "Số liệu",
    dataIntro: "Danh sách đơn vị và số liệu báo cáo, như với `chitieu eval`: mở tệp hoặc dán nội dung (CSV, JSON hoặc NDJSON).",
    units: "Đơn vị (--units)",
    counts: "Số liệu (--data)",
    open: "Mở tệp",
    paste: "hoặc dán vào đây",
    asOf: "Tính đến ngày (--as-of)",
    evaluate: "Chấm",
    results: "Kết quả",
    resultsNone: "Kết quả hiện ra khi chính sách hết lỗi và có đơn vị, số liệu và ngày.",
    needPolicy: "Hãy sửa lỗi của chính sách trước.",
    needData: "Hãy cho danh sách đơn vị và số liệu.",
    badDate: (text) => `\`${text}\` không phải là ngày: viết 30/11/2022 hoặc 2022-11-30.`,
    workbook: (file) => `${file} là tệp Excel: hãy lưu thành CSV (File > Save As > CSV UTF-8), hoặc chấm bằng \`chitieu eval\`.`,
    share: "Chép liên kết",
    shared: "Liên kết chứa chính sách và số liệu; đã có trên thanh địa chỉ và đã được chép.",
    shareTooLong: "Liên kết quá dài với một số trình duyệt; vẫn đã có trên thanh địa chỉ.",
    opened: (file, bytes) => `${file} (${bytes.toLocaleString("vi")} byte)`,
    readOnly: (file) => `${file} (được nhập, chỉ đọc)`,
  },
};
