/**
 * Every word the pages print, in Vietnamese (the default: clerks and offices read it first) and
 * English. Statuses of results and comparison signs are the report's (report-words.ts).
 */
import type { Lang } from "../../i18n/lang.js";

export type PeriodState = "sent" | "corrected" | "flagged" | "missing";

export interface PageWords {
  readonly app: string;
  readonly signIn: string;
  readonly signInHelp: string;
  readonly token: string;
  readonly signOut: string;
  readonly badToken: string;
  readonly otherSite: string;
  readonly expired: string;
  readonly refused: (who: string) => string;
  readonly otherLang: string;
  readonly policy: string;
  readonly asOf: string;
  readonly show: string;
  readonly periods: string;
  readonly period: string;
  readonly state: string;
  readonly states: Readonly<Record<PeriodState, string>>;
  readonly was: (previous: string) => string;
  readonly template: string;
  readonly templateFor: (period: string) => string;
  readonly upload: string;
  readonly uploadHelp: string;
  readonly file: string;
  readonly send: string;
  readonly answer: string;
  readonly rowsRead: (read: number, used: number, rejected: number) => string;
  readonly stored: (stored: number, unchanged: number) => string;
  readonly noIssues: string;
  readonly at: (line: number, column: string | null) => string;
  readonly rejected: string;
  readonly flagged: string;
  readonly notYours: (unit: string) => string;
  readonly badFile: string;
  readonly tooManyRows: (limit: number) => string;
  readonly results: string;
  readonly noResults: string;
  readonly target: string;
  readonly gapDossiers: string;
  readonly next: string;
  readonly risePerMonth: string;
  readonly office: string;
  readonly units: string;
  readonly tier: string;
  readonly parent: string;
  readonly any: string;
  readonly filter: string;
  readonly find: string;
  readonly notSent: (count: number) => string;
  readonly withIssues: (count: number) => string;
  readonly reminders: string;
  readonly reportHtml: string;
  readonly resultsXlsx: string;
  readonly openUnit: string;
  readonly unitId: string;
  readonly unitName: string;
}

export const PAGE_WORDS: Readonly<Record<Lang, PageWords>> = {
  vi: {
    app: "Chỉ tiêu DVCTT",
    signIn: "Đăng nhập",
    signInHelp: "Dán mã truy cập (bắt đầu bằng ct_) mà văn phòng đã cấp cho đơn vị của bạn.",
    token: "Mã truy cập",
    signOut: "Đăng xuất",
    badToken: "Mã truy cập không đúng hoặc đã bị thu hồi.",
    otherSite: "Biểu mẫu đăng nhập này được gửi từ một trang khác, nên không được chấp nhận. Hãy mở trang đăng nhập của hệ thống và nhập lại.",
    expired: "Phiên làm việc đã hết hạn hoặc biểu mẫu đã cũ: hãy tải lại trang và thử lại.",
    refused: (who) => `Mã truy cập của ${who} không được xem trang này.`,
    otherLang: "English",
    policy: "Văn bản giao chỉ tiêu",
    asOf: "Tính đến ngày",
    show: "Xem",
    periods: "Các kỳ báo cáo",
    period: "Kỳ",
    state: "Tình trạng",
    states: { sent: "đã gửi", corrected: "đã sửa", flagged: "có số liệu cần xem lại", missing: "chưa gửi" },
    was: (previous) => `trước đó: ${previous}`,
    template: "Tải biểu mẫu",
    templateFor: (period) => `Tải biểu mẫu kỳ ${period}`,
    upload: "Gửi báo cáo",
    uploadHelp: "Chọn tệp biểu mẫu đã điền (.xlsx) hoặc tệp CSV, rồi bấm Gửi.",
    file: "Tệp báo cáo",
    send: "Gửi",
    answer: "Kết quả đọc tệp vừa gửi",
    rowsRead: (read, used, rejected) => `Đã đọc ${read} dòng: nhận ${used}, từ chối ${rejected}.`,
    stored: (stored, unchanged) => `Đã lưu ${stored} báo cáo${unchanged > 0 ? `; ${unchanged} báo cáo không đổi so với lần gửi trước` : ""}.`,
    noIssues: "Không có lỗi.",
    at: (line, column) => `Dòng ${line}${column ? `, cột «${column}»` : ""}`,
    rejected: "không nhận",
    flagged: "nhận, cần xem lại",
    notYours: (unit) => `dòng của đơn vị khác (${unit}) không được gửi từ trang này`,
    badFile: "Hãy chọn một tệp .xlsx hoặc .csv.",
    tooManyRows: (limit) => `Tệp có quá ${limit} dòng: hãy chia thành nhiều tệp.`,
    results: "Kết quả thực hiện chỉ tiêu",
    noResults: "Chưa có kết quả.",
    target: "Chỉ tiêu",
    gapDossiers: "Còn thiếu (hồ sơ)",
    next: "Mốc tiếp theo",
    risePerMonth: "Cần tăng mỗi tháng",
    office: "Theo dõi báo cáo của các đơn vị",
    units: "Đơn vị",
    tier: "Cấp",
    parent: "Đơn vị cấp trên",
    any: "Tất cả",
    filter: "Lọc",
    find: "Tìm đơn vị",
    notSent: (count) => `${count} đơn vị chưa gửi`,
    withIssues: (count) => `${count} đơn vị gửi số liệu cần xem lại`,
    reminders: "Tải danh sách đơn vị cần nhắc (.xlsx)",
    reportHtml: "Báo cáo HTML",
    resultsXlsx: "Bảng kết quả (.xlsx)",
    openUnit: "Xem trang đơn vị",
    unitId: "Mã đơn vị",
    unitName: "Tên đơn vị",
  },
  en: {
    app: "Online service targets",
    signIn: "Sign in",
    signInHelp: "Paste the access token (starting with ct_) that the office gave your unit.",
    token: "Access token",
    signOut: "Sign out",
    badToken: "The access token is wrong or has been revoked.",
    otherSite: "This sign-in form was sent from another site, so it is refused. Open the service's own sign-in page and sign in there.",
    expired: "The session has expired or the form is stale: reload the page and try again.",
    refused: (who) => `The token of ${who} may not open this page.`,
    otherLang: "Tiếng Việt",
    policy: "Policy",
    asOf: "As of",
    show: "Show",
    periods: "Reporting periods",
    period: "Period",
    state: "State",
    states: { sent: "sent", corrected: "corrected", flagged: "sent, to be checked", missing: "not sent" },
    was: (previous) => `was: ${previous}`,
    template: "Download the template",
    templateFor: (period) => `Download the template for ${period}`,
    upload: "Send a report",
    uploadHelp: "Choose the filled template (.xlsx) or a CSV file, then press Send.",
    file: "Report file",
    send: "Send",
    answer: "What was read from the file just sent",
    rowsRead: (read, used, rejected) => `${read} rows read: ${used} taken, ${rejected} rejected.`,
    stored: (stored, unchanged) => `${stored} reports stored${unchanged > 0 ? `; ${unchanged} unchanged since the last one sent` : ""}.`,
    noIssues: "No issues.",
    at: (line, column) => `Row ${line}${column ? `, column “${column}”` : ""}`,
    rejected: "rejected",
    flagged: "taken, to be checked",
    notYours: (unit) => `a row of another unit (${unit}) cannot be sent from this page`,
    badFile: "Choose an .xlsx or .csv file.",
    tooManyRows: (limit) => `The file has more than ${limit} rows: split it.`,
    results: "Results",
    noResults: "No results yet.",
    target: "Target",
    gapDossiers: "Short by (dossiers)",
    next: "Next milestone",
    risePerMonth: "Rise needed per month",
    office: "Units' reports",
    units: "Units",
    tier: "Tier",
    parent: "Parent unit",
    any: "All",
    filter: "Filter",
    find: "Find a unit",
    notSent: (count) => `${count} units have not sent`,
    withIssues: (count) => `${count} units sent counts to be checked`,
    reminders: "Download the list of units to remind (.xlsx)",
    reportHtml: "HTML report",
    resultsXlsx: "Results workbook (.xlsx)",
    openUnit: "Open the unit's page",
    unitId: "Unit id",
    unitName: "Unit name",
  },
};
