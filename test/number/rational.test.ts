import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ONE,
  ZERO,
  add,
  ceil,
  compare,
  div,
  equals,
  floor,
  formatPercent,
  isInteger,
  isZero,
  max,
  min,
  mul,
  neg,
  parseDecimal,
  parsePercent,
  rational,
  round,
  sub,
  toDecimalString,
  toNumber,
  type Rational,
  type RoundingMode,
} from "../../src/number/rational.js";

function dec(text: string): Rational {
  const value = parseDecimal(text);
  if (!value) throw new Error(`test fixture is not a decimal: ${text}`);
  return value;
}

function pct(text: string): Rational {
  const value = parsePercent(text);
  if (!value) throw new Error(`test fixture is not a percentage: ${text}`);
  return value;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b);
}

const BOUND = 10n ** 15n;
const arbRational = fc
  .tuple(fc.bigInt({ min: -BOUND, max: BOUND }), fc.bigInt({ min: 1n, max: 10n ** 6n }))
  .map(([n, d]) => rational(n, d));
const arbNonZero = arbRational.filter((r) => !isZero(r));
const arbMode = fc.constantFrom<RoundingMode>("half-up", "half-even", "down", "up");
const arbDecimals = fc.integer({ min: 0, max: 6 });

describe("rational()", () => {
  it.each([
    [2, 4, 1n, 2n],
    [1, -2, -1n, 2n],
    [-3n, -9n, 1n, 3n],
    [0, -5, 0n, 1n],
    [7, undefined, 7n, 1n],
  ])("rational(%s, %s) is %s/%s", (num, den, expectedNum, expectedDen) => {
    expect(rational(num, den)).toEqual({ num: expectedNum, den: expectedDen });
  });

  it.each([
    ["a zero denominator", () => rational(1, 0)],
    ["a non-integer numerator", () => rational(1.5)],
    ["a non-integer denominator", () => rational(1, 0.5)],
    ["NaN", () => rational(Number.NaN)],
  ])("throws RangeError on %s", (_label, build) => {
    expect(build).toThrow(RangeError);
  });

  it("returns values that cannot be mutated", () => {
    expect(Object.isFrozen(ZERO)).toBe(true);
    expect(Object.isFrozen(rational(3, 4))).toBe(true);
  });

  it("always yields a positive, reduced denominator", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -BOUND, max: BOUND }), fc.bigInt({ min: -BOUND, max: BOUND }), (n, d) => {
        fc.pre(d !== 0n);
        const r = rational(n, d);
        expect(r.den > 0n).toBe(true);
        expect(gcd(r.num, r.den)).toBe(1n);
        expect(r.num * d).toBe(n * r.den);
      }),
    );
  });
});

describe("parseDecimal", () => {
  it.each([
    ["50", rational(50)],
    ["48.6", rational(243, 5)],
    ["48,6", rational(243, 5)],
    ["0.125", rational(1, 8)],
    ["-2.5", rational(-5, 2)],
    ["-0", ZERO],
    ["007.50", rational(15, 2)],
    ["123456789012345678901234567890", rational(123456789012345678901234567890n)],
  ])("parses %s", (text, expected) => {
    expect(parseDecimal(text)).toEqual(expected);
  });

  it.each(["", "-", "+1", "1e3", "1,000.5", "1 000", " 1", "1 ", "1.", ".5", "1.2.3", "--1", "abc", "50%", "١٢"])(
    "rejects %j",
    (text) => {
      expect(parseDecimal(text)).toBeUndefined();
    },
  );
});

describe("parsePercent", () => {
  it.each([
    ["50%", rational(1, 2)],
    ["48,6%", rational(243, 500)],
    ["48.6%", rational(243, 500)],
    ["100%", ONE],
    ["0%", ZERO],
    ["-5%", rational(-1, 20)],
  ])("parses %s", (text, expected) => {
    expect(parsePercent(text)).toEqual(expected);
  });

  it.each(["50", "%", "50 %", "50%%", "%50", "x%"])("rejects %j", (text) => {
    expect(parsePercent(text)).toBeUndefined();
  });
});

describe("arithmetic examples", () => {
  it("adds 30% and 15% to exactly 45%", () => {
    expect(equals(add(pct("30%"), pct("15%")), pct("45%"))).toBe(true);
  });

  it("adds 0.1 and 0.2 to exactly 0.3", () => {
    expect(add(dec("0.1"), dec("0.2"))).toEqual(dec("0.3"));
  });

  it.each([
    ["sub", sub(dec("0.45"), dec("0.15")), dec("0.3")],
    ["mul", mul(dec("0.8"), rational(125)), rational(100)],
    ["neg", neg(rational(3, 4)), rational(-3, 4)],
    ["neg of zero", neg(ZERO), ZERO],
    ["div", div(rational(1, 2), rational(1, 4)), rational(2)],
    ["div by negative", div(ONE, rational(-2)), rational(-1, 2)],
  ])("%s", (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it("returns undefined when dividing by zero", () => {
    expect(div(ONE, ZERO)).toBeUndefined();
    expect(div(ZERO, ZERO)).toBeUndefined();
  });

  it("classifies zero and integers", () => {
    expect(isZero(ZERO)).toBe(true);
    expect(isZero(rational(1, 1000))).toBe(false);
    expect(isInteger(rational(-6, 3))).toBe(true);
    expect(isInteger(rational(7, 2))).toBe(false);
  });
});

describe("compare, min, max", () => {
  it.each([
    [dec("0.45"), pct("45%"), 0],
    [dec("48.6"), rational(49), -1],
    [rational(-1, 3), rational(-1, 2), 1],
  ])("compare(%o, %o) is %d", (a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
  });

  it("picks the extreme values", () => {
    const xs = [dec("0.5"), dec("-1.25"), dec("3"), dec("0.5")];
    expect(min(...xs)).toEqual(dec("-1.25"));
    expect(max(...xs)).toEqual(rational(3));
    expect(min(ONE)).toEqual(ONE);
  });

  it("rejects an empty argument list", () => {
    expect(() => min()).toThrow(RangeError);
    expect(() => max()).toThrow(RangeError);
  });

  it("is antisymmetric and agrees with the sign of the difference", () => {
    fc.assert(
      fc.property(arbRational, arbRational, (a, b) => {
        const difference = sub(a, b).num;
        const sign = difference < 0n ? -1 : difference > 0n ? 1 : 0;
        expect(compare(a, b)).toBe(sign);
        expect(compare(b, a)).toBe(-sign || 0);
        expect(equals(a, b)).toBe(sign === 0);
      }),
    );
  });

  it("is transitive", () => {
    fc.assert(
      fc.property(arbRational, arbRational, arbRational, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compare);
        if (!x || !y || !z) throw new Error("unreachable");
        expect(compare(x, y)).toBeLessThanOrEqual(0);
        expect(compare(y, z)).toBeLessThanOrEqual(0);
        expect(compare(x, z)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("min and max bound every argument and are among them", () => {
    fc.assert(
      fc.property(fc.array(arbRational, { minLength: 1 }), (xs) => {
        const lo = min(...xs);
        const hi = max(...xs);
        for (const x of xs) {
          expect(compare(lo, x)).toBeLessThanOrEqual(0);
          expect(compare(hi, x)).toBeGreaterThanOrEqual(0);
        }
        expect(xs.some((x) => equals(x, lo))).toBe(true);
        expect(xs.some((x) => equals(x, hi))).toBe(true);
      }),
    );
  });
});

describe("arithmetic properties", () => {
  it("sub undoes add and add undoes sub", () => {
    fc.assert(
      fc.property(arbRational, arbRational, (a, b) => {
        expect(sub(add(a, b), b)).toEqual(a);
        expect(add(sub(a, b), b)).toEqual(a);
      }),
    );
  });

  it("mul undoes div", () => {
    fc.assert(
      fc.property(arbRational, arbNonZero, (a, b) => {
        const quotient = div(a, b);
        expect(quotient && mul(quotient, b)).toEqual(a);
      }),
    );
  });

  it("add is commutative and associative", () => {
    fc.assert(
      fc.property(arbRational, arbRational, arbRational, (a, b, c) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
      }),
    );
  });
});

describe("floor and ceil", () => {
  it.each([
    [rational(7, 2), 3n, 4n],
    [rational(-7, 2), -4n, -3n],
    [rational(3), 3n, 3n],
    [rational(-3), -3n, -3n],
    [ZERO, 0n, 0n],
  ])("floor/ceil of %o are %s/%s", (a, expectedFloor, expectedCeil) => {
    expect(floor(a)).toBe(expectedFloor);
    expect(ceil(a)).toBe(expectedCeil);
  });

  it("bracket the value within one unit", () => {
    fc.assert(
      fc.property(arbRational, (a) => {
        const f = rational(floor(a));
        const c = rational(ceil(a));
        expect(compare(f, a)).toBeLessThanOrEqual(0);
        expect(compare(a, add(f, ONE))).toBe(-1);
        expect(compare(c, a)).toBeGreaterThanOrEqual(0);
        expect(compare(sub(c, ONE), a)).toBe(-1);
      }),
    );
  });
});

describe("round", () => {
  it.each<[string, number, RoundingMode | undefined, string]>([
    ["78.375", 2, undefined, "78.38"],
    ["78.375", 2, "half-up", "78.38"],
    ["78.385", 2, "half-even", "78.38"],
    ["78.375", 2, "half-even", "78.38"],
    ["78.3851", 2, "half-even", "78.39"],
    ["-2.5", 0, "half-up", "-3"],
    ["2.5", 0, "half-up", "3"],
    ["2.4999", 0, "half-up", "2"],
    ["2.5", 0, "half-even", "2"],
    ["3.5", 0, "half-even", "4"],
    ["-2.5", 0, "half-even", "-2"],
    ["2.7", 0, "down", "2"],
    ["-2.7", 0, "down", "-2"],
    ["2.1", 0, "up", "3"],
    ["-2.1", 0, "up", "-3"],
    ["2", 0, "up", "2"],
    ["0.001", 2, "up", "0.01"],
    ["12.5", 3, "half-up", "12.5"],
  ])("round(%s, %d, %s) is %s", (value, decimals, mode, expected) => {
    expect(round(dec(value), decimals, mode)).toEqual(dec(expected));
  });

  it("rounds non-decimal fractions", () => {
    expect(round(rational(1, 3), 2)).toEqual(dec("0.33"));
    expect(round(rational(-2, 3), 2)).toEqual(dec("-0.67"));
  });

  it.each([-1, 1.5, Number.NaN])("rejects %s decimals", (decimals) => {
    expect(() => round(ONE, decimals)).toThrow(RangeError);
  });

  it("lands on the grid within the mode's error bound, on the mode's side", () => {
    fc.assert(
      fc.property(arbRational, arbDecimals, arbMode, (a, decimals, mode) => {
        const unit = rational(1n, 10n ** BigInt(decimals));
        const r = round(a, decimals, mode);
        const error = sub(r, a);
        const absError = error.num < 0n ? neg(error) : error;
        expect(isInteger(mul(r, rational(10n ** BigInt(decimals))))).toBe(true);
        if (mode === "half-up" || mode === "half-even") {
          expect(compare(absError, mul(unit, rational(1, 2)))).toBeLessThanOrEqual(0);
        } else {
          expect(compare(absError, unit)).toBe(-1);
          // Positive when the rounding moved away from zero.
          const direction = compare(mul(error, a), ZERO);
          expect(direction).not.toBe(mode === "up" ? -1 : 1);
        }
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(arbRational, arbDecimals, arbMode, (a, decimals, mode) => {
        const once = round(a, decimals, mode);
        expect(round(once, decimals, mode)).toEqual(once);
      }),
    );
  });
});

describe("toDecimalString and formatPercent", () => {
  it.each<[Rational, number | undefined, string]>([
    [rational(9, 20), undefined, "0.45"],
    [rational(45), undefined, "45"],
    [rational(1, 3), undefined, "0.333333"],
    [rational(2, 3), undefined, "0.666667"],
    [rational(-1, 8), undefined, "-0.125"],
    [rational(1, 10 ** 6), undefined, "0.000001"],
    [rational(-1, 10 ** 9), undefined, "0"],
    [rational(1, 8), 2, "0.13"],
    [rational(5, 2), 0, "3"],
    [rational(-7, 2), 0, "-4"],
    [rational(1001, 1000), 2, "1"],
    [ZERO, undefined, "0"],
  ])("toDecimalString(%o, %s) is %s", (a, maxDecimals, expected) => {
    expect(toDecimalString(a, maxDecimals)).toBe(expected);
  });

  it.each<[Rational, number | undefined, string]>([
    [rational(9, 20), undefined, "45%"],
    [rational(243, 500), undefined, "48.6%"],
    [rational(1, 3), undefined, "33.3333%"],
    [rational(2, 3), undefined, "66.6667%"],
    [ONE, undefined, "100%"],
    [rational(-1, 20), undefined, "-5%"],
    [rational(1, 3), 0, "33%"],
  ])("formatPercent(%o, %s) is %s", (a, maxDecimals, expected) => {
    expect(formatPercent(a, maxDecimals)).toBe(expected);
  });

  it("round-trips terminating decimals through parseDecimal, with either separator", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -BOUND, max: BOUND }), arbDecimals, (n, k) => {
        const x = rational(n, 10n ** BigInt(k));
        const text = toDecimalString(x);
        expect(parseDecimal(text)).toEqual(x);
        expect(parseDecimal(text.replace(".", ","))).toEqual(x);
      }),
    );
  });

  it("round-trips percentages through parsePercent", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -BOUND, max: BOUND }), fc.integer({ min: 0, max: 4 }), (n, k) => {
        const fraction = rational(n, 100n * 10n ** BigInt(k));
        expect(parsePercent(formatPercent(fraction))).toEqual(fraction);
      }),
    );
  });
});

describe("toNumber", () => {
  it.each<[Rational, number]>([
    [rational(9, 20), 0.45],
    [rational(-1, 3), -1 / 3],
    [ZERO, 0],
    [rational(10n ** 400n, 10n ** 399n), 10],
    [rational(2n ** 1023n * 3n, 2n), 2 ** 1023 * 1.5],
    [rational(1n, 2n ** 1074n), 2 ** -1074],
    [rational(10n ** 400n), Number.POSITIVE_INFINITY],
    [rational(-(10n ** 400n)), Number.NEGATIVE_INFINITY],
    [rational(1n, 10n ** 400n), 0],
  ])("toNumber(%o) is %d", (a, expected) => {
    expect(toNumber(a)).toBe(expected);
  });

  it("matches IEEE division of exactly representable operands", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n, d) => {
        expect(toNumber(rational(n, d))).toBe(n / d);
      }),
    );
  });

  it("matches the double parsed from an exact decimal expansion", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 30 }), (n, k) => {
        const x = rational(n, 10n ** BigInt(k));
        expect(toNumber(x)).toBe(Number(toDecimalString(x, 30)));
      }),
    );
  });
});
