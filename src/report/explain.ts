/**
 * One result in sentences, for the unit that asks "why did we miss, and what would it take":
 * which rule applied and why, the numbers, the gap, the cases needed, what the next milestone asks.
 */
import { rises } from "../model/expression.js";
import type { Result } from "../evaluate/result.js";
import type { Policy, Selector } from "../model/policy.js";
import { dateText, monthText } from "../i18n/dates.js";
import { countsRate, countText, grouped, twoDecimals } from "../i18n/numbers.js";
import type { Lang } from "../i18n/lang.js";
import { reasonIn } from "./words.js";

const COMPARISON = {
  en: { ">=": "at least", ">": "above", "<=": "at most", "<": "below" },
  vi: { ">=": "tối thiểu", ">": "trên", "<=": "tối đa", "<": "dưới" },
} as const;

/** `units`, the registry's, name the unit in the heading when they are given. */
export function explainResult(result: Result, policy: Policy, lang: Lang, units: readonly { readonly id: string; readonly name: string }[] = []): string {
  const target = policy.targets.find((t) => t.id === result.target);
  const metric = policy.metrics.get(result.metric);
  // A result from another policy's evaluation: nothing here can explain it.
  if (!target || !metric) return `${result.unit}: ${result.metric} (${result.target})`;
  const say = SENTENCES[lang];
  const f = figures(lang);
  const rule = `${result.rule.file}:${result.rule.line}`;
  const unit = units.find((u) => u.id === result.unit);
  const lines = [say.heading(unit && unit.name !== unit.id ? `${unit.name} (${unit.id})` : result.unit, metric.name, result.metric), say.rule(target.id, target.name, rule, selectorText(target.selector, policy, lang))];
  if (result.explanation.overrides.length > 0) {
    lines.push(say.overrides(result.explanation.overrides.map((o) => `${o.target} (${o.rule.file}:${o.rule.line})`).join(", ")));
  }
  if (result.status === "excluded") return [...lines, say.excluded(reasonIn(result, lang) ?? "")].join("\n");
  if (result.status === "not-due") return [...lines, say.notDue(), ...next(result, lang)].join("\n");
  const comparison = COMPARISON[lang][result.op];
  const window = result.explanation.window;
  if (result.milestone === null || window === null) return [...lines, say.notDue(), ...next(result, lang)].join("\n");
  lines.push(say.milestone(f.date(result.milestone), comparison, f.points(result.threshold)));
  const months = window.from === window.to ? f.month(window.from) : `${f.month(window.from)} – ${f.month(window.to)}`;
  if (result.status === "no-data") return [...lines, say.noData(months), ...next(result, lang)].join("\n");
  const field = (id: string) => policy.fields.get(id)?.name ?? id;
  lines.push(say.counts(f.count(result.numerator), field(metric.numerator), f.count(result.denominator), field(metric.denominator), months, window.monthsWithData, window.months, f.rate(result.numerator, result.denominator)));
  if (result.status === "incomplete") return [...lines, say.incomplete(window.months - window.monthsWithData, window.months), ...next(result, lang)].join("\n");
  if (result.status === "no-denominator") return [...lines, say.noDenominator(), ...next(result, lang)].join("\n");
  // Exactly on it as printed: a margin that rounds to 0.00 points is no margin to report.
  const exactly = twoDecimals(-(result.gapPoints ?? 0)) === "0.00";
  lines.push(result.status === "met" ? say.met(exactly ? null : f.points(-(result.gapPoints ?? 0))) : say.missed(f.points(result.gapPoints), result.needed === null ? null : f.count(result.needed), rises(result.op)));
  return [...lines, ...next(result, lang)].join("\n");
}

/** Figures as the language writes them: `30/11/2022`, `11/2022`, `3.900`, `24,00%` in Vietnamese. */
function figures(lang: Lang) {
  return {
    date: (date: string) => dateText(date, lang),
    month: (month: string) => monthText(month, lang),
    count: (n: number | null) => countText(n, lang),
    points: (value: number | null) => grouped(twoDecimals(value), lang),
    rate: (num: number | null, den: number | null) => countsRate(num, den, lang),
  };
}

function next(result: Result, lang: Lang): string[] {
  const n = result.next;
  if (!n) return [SENTENCES[lang].last()];
  const comparison = COMPARISON[lang][result.op];
  const f = figures(lang);
  return [SENTENCES[lang].next(f.date(n.date), comparison, f.points(n.threshold), n.risePerMonth === null ? null : f.points(n.risePerMonth))];
}

/** Who a target is for; in Vietnamese tiers go by their titles, as the decision names them. */
function selectorText(selector: Selector, policy: Policy, lang: Lang): string {
  const named = (i: Exclude<Selector["include"][number], { kind: "all" }>): string =>
    lang === "vi" && i.kind === "tier" ? (policy.tiers.get(i.id)?.name ?? i.id) : `${WORD[lang][i.kind]} ${i.id}`;
  const item = (i: Selector["include"][number]) => (i.kind === "all" ? (lang === "vi" ? "tất cả" : "all units") : named(i));
  const include = selector.include.map(item).join(", ");
  if (selector.exclude.length === 0) return include;
  return `${include} ${lang === "vi" ? "trừ" : "except"} ${selector.exclude.map(item).join(", ")}`;
}

const WORD = { en: { tier: "tier", tag: "tag", unit: "unit" }, vi: { tier: "cấp", tag: "nhóm", unit: "đơn vị" } } as const;

interface Sentences {
  heading(unit: string, metricName: string, metric: string): string;
  rule(id: string, name: string, at: string, selector: string): string;
  overrides(list: string): string;
  excluded(reason: string): string;
  notDue(): string;
  milestone(date: string, comparison: string, threshold: string): string;
  noData(months: string): string;
  counts(num: string, numName: string, den: string, denName: string, months: string, withData: number, all: number, rate: string): string;
  noDenominator(): string;
  incomplete(missing: number, owed: number): string;
  /** `margin` null: exactly on the threshold. */
  met(margin: string | null): string;
  missed(gap: string, needed: string | null, adding: boolean): string;
  next(date: string, comparison: string, threshold: string, rise: string | null): string;
  last(): string;
}

const SENTENCES: Record<Lang, Sentences> = {
  en: {
    heading: (unit, name, metric) => `${unit}: ${name} (${metric})`,
    rule: (id, name, at, selector) => `Rule: target ${id} "${name}" at ${at}, for ${selector}.`,
    overrides: (list) => `It replaces the more general ${list}.`,
    excluded: (reason) => `No threshold applies: ${reason}.`,
    notDue: () => "No milestone is due yet.",
    milestone: (date, comparison, threshold) => `Milestone due: ${date}, ${comparison} ${threshold}%.`,
    noData: (months) => `No counts were reported for ${months}.`,
    counts: (num, numName, den, denName, months, withData, all, rate) =>
      `Counts for ${months} (${withData} of ${all} month${all === 1 ? "" : "s"} reported): ${num} ${numName} of ${den} ${denName} = ${rate}.`,
    noDenominator: () => "The denominator is 0, so there is no rate to judge.",
    incomplete: (missing, owed) =>
      `Incomplete: the metric requires every month of its window, and ${missing} of ${owed} month${owed === 1 ? "" : "s"} ${missing === 1 ? "is" : "are"} not reported, so it is neither met nor missed.`,
    met: (margin) => (margin === null ? "Met, exactly on the threshold." : `Met, ${margin} points past the threshold.`),
    missed: (gap, needed, adding) =>
      `Missed by ${gap} percentage points. ${needed === null ? "No number of cases at the same denominator would meet it." : `${needed} ${adding ? "more" : "fewer"} at the same denominator would meet it.`}`,
    next: (date, comparison, threshold, rise) => `Next: ${date}, ${comparison} ${threshold}%${rise === null ? "." : `: a rise of ${rise} points a month from now.`}`,
    last: () => "This is the last milestone.",
  },
  vi: {
    heading: (unit, name, metric) => `${unit}: ${name} (${metric})`,
    rule: (id, name, at, selector) => `Quy định: chỉ tiêu ${id} "${name}" tại ${at}, áp dụng cho ${selector}.`,
    overrides: (list) => `Chỉ tiêu này thay cho quy định chung hơn: ${list}.`,
    excluded: (reason) => `Không áp dụng ngưỡng: ${reason}.`,
    notDue: () => "Chưa đến mốc nào.",
    milestone: (date, comparison, threshold) => `Mốc đến hạn: ${date}, ${comparison} ${threshold}%.`,
    noData: (months) => `Không có số liệu báo cáo cho ${months}.`,
    counts: (num, numName, den, denName, months, withData, all, rate) =>
      `Số liệu ${months} (báo cáo ${withData}/${all} tháng): ${num} ${numName} trên ${den} ${denName} = ${rate}.`,
    noDenominator: () => "Mẫu số bằng 0 nên không có tỷ lệ để đánh giá.",
    incomplete: (missing, owed) => `Chưa đủ tháng: chỉ số yêu cầu số liệu đủ các tháng của kỳ tính, còn ${missing}/${owed} tháng chưa báo cáo, nên chưa đánh giá đạt hay chưa đạt.`,
    met: (margin) => (margin === null ? "Đạt, đúng bằng ngưỡng." : `Đạt, vượt ngưỡng ${margin} điểm phần trăm.`),
    missed: (gap, needed, adding) =>
      `Chưa đạt, thiếu ${gap} điểm phần trăm. ${needed === null ? "Không thể đạt với cùng mẫu số." : `Cần ${adding ? "thêm" : "bớt"} ${needed} với cùng mẫu số để đạt.`}`,
    next: (date, comparison, threshold, rise) => `Mốc tiếp theo: ${date}, ${comparison} ${threshold}%${rise === null ? "." : `: cần tăng ${rise} điểm phần trăm mỗi tháng.`}`,
    last: () => "Đây là mốc cuối cùng.",
  },
};
