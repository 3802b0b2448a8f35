/**
 * Numbers as reports print them: half up, always two decimals (78.38, 77.50), rates from the counts
 * themselves. Every report (table, explanation, HTML, Excel) shows figures through here.
 */
import { rational, round, toDecimalString, type Rational } from "../number/rational.js";

/** Half up, always two decimals (78.38, 77.50): the way monitoring offices print figures. */
function fixed2(value: Rational): string {
  const text = toDecimalString(round(value, 2, "half-up"), 2);
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

/** A rate from the counts themselves, never from a float. */
export function rateText(numerator: number | null, denominator: number | null): string {
  if (numerator === null || denominator === null || denominator === 0) return "";
  return `${fixed2(rational(100 * numerator, denominator))}%`;
}

/** Points and gaps arrive as numbers; shown half up to 2 decimals (micro-units absorb float noise). */
export const twoDecimals = (value: number | null): string => (value === null ? "" : fixed2(rational(Math.round(value * 1e6), 1e6)));
