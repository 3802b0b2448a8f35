/**
 * The words every catalogue shares, so that a thing has one name in each language wherever it is
 * printed: a tag is `nhóm` in the keywords and in every message, and "did you mean" is asked one way.
 */
import type { Lang } from "./lang.js";

export type Term = "tier" | "tag" | "unit" | "field" | "metric" | "target";

export const TERMS: Readonly<Record<Lang, Readonly<Record<Term, string>>>> = {
  en: { tier: "tier", tag: "tag", unit: "unit", field: "field", metric: "metric", target: "target" },
  vi: { tier: "cấp", tag: "nhóm", unit: "đơn vị", field: "trường số liệu", metric: "chỉ số", target: "chỉ tiêu" },
};

/** The question a suggestion is put as: "did you mean `x`?", "có phải là `x` không?". */
export const didYouMean = (near: string, lang: Lang): string => (lang === "vi" ? `có phải là \`${near}\` không?` : `did you mean \`${near}\`?`);
