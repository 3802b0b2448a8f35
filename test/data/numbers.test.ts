import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countText } from "../../src/i18n/numbers.js";
import { parseCount, readCount, type CountResult, type NumberStyle } from "../../src/data/numbers.js";

const ok = (value: number): CountResult => ({ ok: true, value });
const no = (reason: Extract<CountResult, { ok: false }>["reason"]): CountResult => ({ ok: false, reason });

describe("parseCount", () => {
  it.each<[NumberStyle, string, CountResult]>([
    ["plain", "1373", ok(1373)],
    ["plain", "  1373 ", ok(1373)],
    ["plain", "0", ok(0)],
    ["plain", "-0", ok(0)],
    ["plain", "007", ok(7)],
    ["plain", "9007199254740991", ok(Number.MAX_SAFE_INTEGER)],
    ["plain", "9007199254740992", no("too large")],
    ["plain", "123456789012345678901234567890", no("too large")],
    ["plain", "1,373", no("not a number")],
    ["plain", "1.373", no("fractional")],
    ["plain", "48.6", no("fractional")],
    ["plain", "-5", no("negative")],
    ["plain", "-4.5", no("negative")],
    ["plain", "", no("not a number")],
    ["plain", "abc", no("not a number")],
    ["plain", "1e3", no("not a number")],
    ["plain", "+5", no("not a number")],
    ["plain", "1 373", no("not a number")],
    ["plain", "0x10", no("not a number")],
    // Tam Kỳ's Q2 figure, as the Vietnamese source writes it.
    ["vi", "1.373", ok(1373)],
    ["vi", "6.705", ok(6705)],
    ["vi", "1.234.567", ok(1234567)],
    ["vi", "150.969", ok(150969)],
    ["vi", "1373", ok(1373)],
    ["vi", "48,6", no("fractional")],
    ["vi", "1.373,5", no("fractional")],
    ["vi", "-1.373", no("negative")],
    ["vi", "1.2345", no("not a number")],
    ["vi", "12.34", no("not a number")],
    ["vi", ".373", no("not a number")],
    ["vi", "1.373.", no("not a number")],
    ["vi", "1,373.5", no("not a number")],
    ["vi", "9.007.199.254.740.992", no("too large")],
  ])("%s %j", (style, text, expected) => {
    expect(parseCount(text, style)).toEqual(expected);
  });

  it("reads any safe count written plainly, or grouped the Vietnamese way", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseCount(String(n))).toEqual(ok(n));
        expect(parseCount(String(n), "vi")).toEqual(ok(n));
        expect(parseCount(countText(n, "vi"), "vi")).toEqual(ok(n));
      }),
    );
  });
});

describe("readCount", () => {
  it.each<[unknown, CountResult]>([
    [1373, ok(1373)],
    [0, ok(0)],
    [-0, ok(0)],
    [48.6, no("fractional")],
    [-1, no("negative")],
    [1e20, no("too large")],
    [Number.NaN, no("not a number")],
    [Number.POSITIVE_INFINITY, no("not a number")],
    [true, no("not a number")],
    [null, no("not a number")],
    [[1], no("not a number")],
    ["1.373", no("fractional")],
  ])("%j", (value, expected) => {
    expect(readCount(value)).toEqual(expected);
  });

  it("reads text cells in the given style", () => {
    expect(readCount("1.373", "vi")).toEqual(ok(1373));
  });
});

describe("countText", () => {
  it.each<[number | bigint, string]>([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [140394, "140,394"],
    [1234567, "1,234,567"],
    [-1234, "-1,234"],
    [123456789012345678901234567890n, "123,456,789,012,345,678,901,234,567,890"],
  ])("%s", (value, text) => {
    expect(countText(value, "en")).toBe(text);
    expect(countText(value, "vi")).toBe(text.replaceAll(",", "."));
  });
});
