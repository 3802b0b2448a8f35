/**
 * Numbers as a reader of each language writes them: `1.014` and `84,16%` in Vietnamese, `1,014`
 * and `84.16%` in English. Figures are rounded half up to two decimals (78.38, 77.50), and rates
 * come from the counts themselves, so every report, table and message shows the same figure.
 */
import { rational, round, toDecimalString, type Rational } from "../number/rational.js";
import type { Lang } from "./lang.js";

/** Digits such as `-12345.67` with the language's marks: `-12.345,67` or `-12,345.67`. */
export function grouped(plain: string, lang: Lang): string {
  const negative = plain.startsWith("-");
  const [whole = "", fraction] = (negative ? plain.slice(1) : plain).split(".");
  const text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
  const out = fraction === undefined ? text : `${text}${lang === "vi" ? "," : "."}${fraction}`;
  return negative ? `-${out}` : out;
}

/** Half up, always two decimals (78.38, 77.50): the way monitoring offices print figures. */
function fixed2(value: Rational): string {
  const text = toDecimalString(round(value, 2, "half-up"), 2);
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

/** A rate from the counts themselves, never from a float, as plain digits: `24.00%`; empty without a denominator. */
export function rateText(numerator: number | null, denominator: number | null): string {
  if (numerator === null || denominator === null || denominator === 0) return "";
  return `${fixed2(rational(100 * numerator, denominator))}%`;
}

/** Points and gaps arrive as numbers; shown half up to 2 decimals (micro-units absorb float noise). */
export const twoDecimals = (value: number | null): string => (value === null ? "" : fixed2(rational(Math.round(value * 1e6), 1e6)));

/** A whole count: `1.014` or `1,014`. */
export const countText = (value: number | bigint | null, lang: Lang): string => (value === null ? "" : grouped(value.toString(), lang));

/** A rate from its counts, exactly rounded: `24,00%`; empty without a denominator. */
export function countsRate(numerator: number | null, denominator: number | null, lang: Lang): string {
  const text = rateText(numerator, denominator);
  return text === "" ? "" : `${grouped(text.slice(0, -1), lang)}%`;
}

/** A percent number (65 means 65%), two decimals: `65,00%`. */
export const percentText = (value: number | null, lang: Lang): string => (value === null ? "" : `${grouped(twoDecimals(value), lang)}%`);

/** Percentage points, two decimals: `26,00`. */
export const pointsText = (value: number | null, lang: Lang): string => (value === null ? "" : grouped(twoDecimals(value), lang));

/** A percent for axis labels and short notes: whole when whole (`45%`), else to two decimals. */
export function shortPercent(value: number, lang: Lang): string {
  const text = twoDecimals(value).replace(/\.00$/, "").replace(/(\.\d)0$/, "$1");
  return `${grouped(text, lang)}%`;
}
