/**
 * Numbers and dates as a reader of each language writes them: `84,16%`, `1.014`, `30/11/2022` in
 * Vietnamese; `84.16%`, `1,014`, `2022-11-30` in English. Rounding is the text table's (half up,
 * two decimals, rates from the counts themselves), so every report shows the same figures.
 */
import { formatMonth } from "../data/period.js";
import type { MonthIndex } from "../data/types.js";
import { formatDate, type IsoDate } from "../time/calendar.js";
import { rateText, twoDecimals } from "./numbers.js";
import type { Lang } from "./words.js";

/** `12345.67` written with the language's marks: `12.345,67` or `12,345.67`. */
function localized(plain: string, lang: Lang): string {
  const negative = plain.startsWith("-");
  const [whole = "", fraction] = (negative ? plain.slice(1) : plain).split(".");
  const group = lang === "vi" ? "." : ",";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const text = fraction === undefined ? grouped : `${grouped}${lang === "vi" ? "," : "."}${fraction}`;
  return negative ? `-${text}` : text;
}

/** A whole count: `1.014` or `1,014`. */
export const countText = (value: number | null, lang: Lang): string => (value === null ? "" : localized(String(value), lang));

/** A rate from its counts, exactly rounded: `24,00%`; empty without a denominator. */
export function countsRate(numerator: number | null, denominator: number | null, lang: Lang): string {
  const text = rateText(numerator, denominator);
  return text === "" ? "" : `${localized(text.slice(0, -1), lang)}%`;
}

/** A percent number (65 means 65%), two decimals: `65,00%`. */
export const percentText = (value: number | null, lang: Lang): string => (value === null ? "" : `${localized(twoDecimals(value), lang)}%`);

/** Percentage points, two decimals: `26,00`. */
export const pointsText = (value: number | null, lang: Lang): string => (value === null ? "" : localized(twoDecimals(value), lang));

/** A percent for axis labels and short notes: whole when whole (`45%`), else two decimals. */
export function shortPercent(value: number, lang: Lang): string {
  const text = twoDecimals(value).replace(/\.00$/, "").replace(/(\.\d)0$/, "$1");
  return `${localized(text, lang)}%`;
}

export const dateText = (date: IsoDate | string, lang: Lang): string => (lang === "vi" ? formatDate(date as IsoDate, "vi") : date);

/** A month: `11/2022` or `2022-11`. */
export function monthText(month: MonthIndex, lang: Lang): string {
  const iso = formatMonth(month);
  return lang === "vi" ? `${iso.slice(5)}/${iso.slice(0, 4)}` : iso;
}
