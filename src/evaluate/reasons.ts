/**
 * Why a unit has no threshold on a date although a target selects it, as a value: the evaluator
 * records what happened, and each language words it where it is printed. `reasonText(r, "en")` is
 * also the contract's `explanation.reason`, which tools have always read. Likewise why a score has
 * no points (`ScoreReason`, `scoreReasonText`).
 */
import { dateText } from "../i18n/dates.js";
import type { Lang } from "../i18n/lang.js";

export type Reason =
  | { readonly kind: "excluded-by"; readonly target: string }
  | { readonly kind: "conflict"; readonly targets: readonly string[] }
  | { readonly kind: "merged"; readonly successor: string; readonly date: string }
  | { readonly kind: "not-yet"; readonly date: string; readonly from: string }
  | { readonly kind: "no-longer"; readonly date: string; readonly until: string };

const quoted = (ids: readonly string[], and: string): string => ids.map((id) => `\`${id}\``).join(` ${and} `);

const WORDING: Readonly<Record<Lang, (r: Reason) => string>> = {
  en: (r) => {
    switch (r.kind) {
      case "excluded-by": return `excluded by target \`${r.target}\``;
      case "conflict": return `targets ${quoted(r.targets, "and")} conflict for this unit`;
      case "merged": return `merged into \`${r.successor}\` on ${r.date}; its history counts there`;
      case "not-yet": return `did not exist yet on ${r.date} (from ${r.from})`;
      case "no-longer": return `no longer existed on ${r.date} (until ${r.until})`;
    }
  },
  vi: (r) => {
    const d = (date: string): string => dateText(date, "vi");
    switch (r.kind) {
      case "excluded-by": return `chỉ tiêu \`${r.target}\` loại trừ đơn vị này`;
      case "conflict": return `các chỉ tiêu ${quoted(r.targets, "và")} mâu thuẫn nhau đối với đơn vị này`;
      case "merged": return `đã sáp nhập vào \`${r.successor}\` ngày ${d(r.date)}; số liệu trước đó được tính cho đơn vị kế thừa`;
      case "not-yet": return `chưa thành lập vào ngày ${d(r.date)} (thành lập từ ${d(r.from)})`;
      case "no-longer": return `không còn tồn tại vào ngày ${d(r.date)} (đến ${d(r.until)})`;
    }
  },
};

export const reasonText = (reason: Reason, lang: Lang): string => WORDING[lang](reason);

/**
 * Why a unit's score has no points: a metric without data in the month scored, or a zero divisor
 * (a metric's denominator, or a value the formula divides by) where no `when empty` says what it
 * gives; `in: "when-empty"` when the `when empty` formula itself divides by zero.
 */
export type ScoreReason =
  /** `window`: the score sums a quarter or the year to date (`over`), not a month. */
  | { readonly kind: "no-data"; readonly metrics: readonly string[]; readonly window?: "quarter" | "year-to-date" }
  | { readonly kind: "no-denominator"; readonly metrics: readonly string[] }
  | { readonly kind: "divides-by-zero"; readonly in: "formula" | "when-empty" }
  /** An index's components without points for the unit (or that do not score it). */
  | { readonly kind: "no-points"; readonly scores: readonly string[] };

const PERIOD_SCORED = {
  en: { month: "the month scored", quarter: "the quarter scored", "year-to-date": "the year to date scored" },
  vi: { month: "tháng tính điểm", quarter: "quý tính điểm", "year-to-date": "kỳ lũy kế năm tính điểm" },
} as const;

const SCORE_WORDING: Readonly<Record<Lang, (r: ScoreReason) => string>> = {
  en: (r) => {
    switch (r.kind) {
      case "no-data": return `${quoted(r.metrics, "and")} ${r.metrics.length === 1 ? "has" : "have"} no data in ${PERIOD_SCORED.en[r.window ?? "month"]}`;
      case "no-points": return `${quoted(r.scores, "and")} ${r.scores.length === 1 ? "gives" : "give"} this unit no points`;
      case "no-denominator": return `${quoted(r.metrics, "and")} ${r.metrics.length === 1 ? "has" : "have"} no denominator, and the score says no \`when empty\``;
      case "divides-by-zero":
        return r.in === "formula" ? "the formula divides by zero for this unit, and the score says no `when empty`" : "the `when empty` formula divides by zero";
    }
  },
  vi: (r) => {
    switch (r.kind) {
      case "no-data": return `${quoted(r.metrics, "và")} không có số liệu trong ${PERIOD_SCORED.vi[r.window ?? "month"]}`;
      case "no-points": return `${quoted(r.scores, "và")} không cho đơn vị này điểm`;
      case "no-denominator": return `${quoted(r.metrics, "và")} có mẫu số bằng 0, và điểm không ghi \`khi trống\``;
      case "divides-by-zero":
        return r.in === "formula" ? "công thức chia cho 0 đối với đơn vị này, và điểm không ghi `khi trống`" : "công thức `khi trống` chia cho 0";
    }
  },
};

export const scoreReasonText = (reason: ScoreReason, lang: Lang): string => SCORE_WORDING[lang](reason);
