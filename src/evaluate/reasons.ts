/**
 * Why a unit has no threshold on a date although a target selects it, as a value: the evaluator
 * records what happened, and each language words it where it is printed. `reasonText(r, "en")` is
 * also the contract's `explanation.reason`, which tools have always read.
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
