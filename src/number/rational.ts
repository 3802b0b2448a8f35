// Exact rational arithmetic. Pass/fail decisions compare rates against
// thresholds written in decimal; binary floating point cannot represent most
// of them (0.30 + 0.15 !== 0.45), so every decision goes through this module
// and floats appear only when a value leaves the engine as JSON.

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export type RoundingMode = "half-up" | "half-even" | "down" | "up";

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function toBigInt(n: bigint | number): bigint {
  if (typeof n === "bigint") return n;
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return BigInt(n);
}

// Every value is built here, so normal form (den > 0, reduced) is an
// invariant the rest of the module can rely on; freezing keeps shared
// constants such as ZERO safe from accidental mutation.
function make(num: bigint, den: bigint): Rational {
  if (den === 0n) throw new RangeError("denominator is zero");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  return Object.freeze({ num: (sign * num) / g, den: (sign * den) / g });
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  return make(toBigInt(num), toBigInt(den));
}

export const ZERO: Rational = rational(0n);
export const ONE: Rational = rational(1n);

const DECIMAL = /^(-?)(\d+)(?:[.,](\d+))?$/;

// Vietnamese documents write "48,6"; English-style sources write "48.6".
// Anything looser (exponents, grouping, spaces) is ambiguous, so it is rejected.
export function parseDecimal(text: string): Rational | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign = "", whole = "", fraction = ""] = match;
  const magnitude = make(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
  return sign === "-" ? neg(magnitude) : magnitude;
}

export function parsePercent(text: string): Rational | undefined {
  if (!text.endsWith("%")) return undefined;
  const value = parseDecimal(text.slice(0, -1));
  return value && make(value.num, value.den * 100n);
}

export function add(a: Rational, b: Rational): Rational {
  return make(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function neg(a: Rational): Rational {
  return make(-a.num, a.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, neg(b));
}

export function mul(a: Rational, b: Rational): Rational {
  return make(a.num * b.num, a.den * b.den);
}

// A zero divisor comes from data (e.g. an empty population), not from a bug,
// so it is reported as a value rather than thrown.
export function div(a: Rational, b: Rational): Rational | undefined {
  return b.num === 0n ? undefined : make(a.num * b.den, a.den * b.num);
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return compare(a, b) === 0;
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

export function isInteger(a: Rational): boolean {
  return a.num % a.den === 0n;
}

function extreme(xs: readonly Rational[], wanted: 1 | -1): Rational {
  const [first, ...rest] = xs;
  if (!first) throw new RangeError("min/max of no values");
  return rest.reduce((best, x) => (compare(x, best) === wanted ? x : best), first);
}

export function min(...xs: Rational[]): Rational {
  return extreme(xs, -1);
}

export function max(...xs: Rational[]): Rational {
  return extreme(xs, 1);
}

// bigint division truncates toward zero; floor must go toward -infinity.
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

export function ceil(a: Rational): bigint {
  return -floor(neg(a));
}

function roundToInteger(a: Rational, mode: RoundingMode): bigint {
  const truncated = a.num / a.den;
  const twiceRemainder = 2n * abs(a.num - truncated * a.den);
  if (twiceRemainder === 0n) return truncated;
  const awayFromZero = truncated + (a.num < 0n ? -1n : 1n);
  switch (mode) {
    case "down":
      return truncated;
    case "up":
      return awayFromZero;
    case "half-up":
      return twiceRemainder >= a.den ? awayFromZero : truncated;
    case "half-even":
      if (twiceRemainder !== a.den) return twiceRemainder > a.den ? awayFromZero : truncated;
      return truncated % 2n === 0n ? truncated : awayFromZero;
  }
}

function checkDecimals(decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a non-negative integer: ${decimals}`);
  }
  return 10n ** BigInt(decimals);
}

// Decision 766 and the spreadsheets it is checked against round half away
// from zero, hence the default.
export function round(a: Rational, decimals: number, mode: RoundingMode = "half-up"): Rational {
  const scale = checkDecimals(decimals);
  return make(roundToInteger(make(a.num * scale, a.den), mode), scale);
}

function bitLength(n: bigint): bigint {
  return BigInt(n.toString(2).length);
}

const QUOTIENT_BITS = 64n;

// Number(num) / Number(den) rounds twice once either side exceeds 2^53.
// Instead, take a quotient wider than a double's mantissa, mark any lost
// remainder in its lowest bit so Number() sees it is inexact, and let
// Number() perform the single correct rounding.
export function toNumber(a: Rational): number {
  if (a.num === 0n) return 0;
  const magnitude = abs(a.num);
  const shift = QUOTIENT_BITS - bitLength(magnitude) + bitLength(a.den);
  const scaledNum = shift > 0n ? magnitude << shift : magnitude;
  const scaledDen = shift > 0n ? a.den : a.den << -shift;
  const quotient = scaledNum / scaledDen;
  const sticky = quotient * scaledDen === scaledNum ? quotient : quotient | 1n;
  const mantissa = Number(sticky) / 2 ** Number(QUOTIENT_BITS);
  // The power of two is applied in halves so that neither factor overflows or
  // underflows on its own near the ends of the double range.
  const exponent = Number(QUOTIENT_BITS - shift);
  const half = Math.trunc(exponent / 2);
  const result = mantissa * 2 ** half * 2 ** (exponent - half);
  return a.num < 0n ? -result : result;
}

export function toDecimalString(a: Rational, maxDecimals = 6): string {
  const scale = checkDecimals(maxDecimals);
  const rounded = round(a, maxDecimals);
  const scaled = abs((rounded.num * scale) / rounded.den);
  const whole = (scaled / scale).toString();
  const fraction = (scaled % scale).toString().padStart(maxDecimals, "0").replace(/0+$/, "");
  const sign = rounded.num < 0n ? "-" : "";
  return sign + whole + (fraction ? `.${fraction}` : "");
}

export function formatPercent(fraction: Rational, maxDecimals = 4): string {
  return `${toDecimalString(mul(fraction, rational(100n)), maxDecimals)}%`;
}
