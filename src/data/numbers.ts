/**
 * Counts as units write them. A count is a whole, non-negative, exactly representable number; any
 * other reading of a cell is reported, because a misread count silently moves a unit's rate.
 */

/** `plain`: digits only. `vi`: dots group thousands (`1.373` is 1373) and a comma starts decimals. */
export type NumberStyle = "plain" | "vi";

export type CountProblem = "negative" | "fractional" | "not a number" | "too large";

export type CountResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: CountProblem };

const fail = (reason: CountProblem): CountResult => ({ ok: false, reason });

interface Grammar {
  readonly whole: RegExp;
  readonly fraction: RegExp;
  readonly grouping: string | undefined;
}

// In plain style `1,373` and `1.373` are both refused as whole numbers: one is a thousands
// separator or a decimal comma depending on who typed it, and guessing wrong is off by 1000.
const GRAMMARS: Record<NumberStyle, Grammar> = {
  plain: { whole: /^(-?)(\d+)$/, fraction: /^-?\d+\.\d+$/, grouping: undefined },
  vi: { whole: /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)$/, fraction: /^-?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/, grouping: "." },
};

export function parseCount(text: string, style: NumberStyle = "plain"): CountResult {
  const trimmed = text.trim();
  const grammar = GRAMMARS[style];
  const whole = grammar.whole.exec(trimmed);
  if (!whole) return fail(grammar.fraction.test(trimmed) ? (trimmed.startsWith("-") ? "negative" : "fractional") : "not a number");
  const written = whole[2] ?? "";
  const digits = grammar.grouping ? written.replaceAll(grammar.grouping, "") : written;
  return checkCount(whole[1] === "-" ? -Number(digits) : Number(digits));
}

/** A JSON cell: numbers are taken as they are, text is read in the given style. */
export function readCount(value: unknown, style: NumberStyle = "plain"): CountResult {
  if (typeof value === "string") return parseCount(value, style);
  if (typeof value === "number") return checkCount(value);
  return fail("not a number");
}

function checkCount(value: number): CountResult {
  if (!Number.isFinite(value)) return fail("not a number");
  if (value < 0) return fail("negative");
  if (!Number.isInteger(value)) return fail("fractional");
  if (!Number.isSafeInteger(value)) return fail("too large");
  // `-0` is a way of writing zero, not a negative count.
  return { ok: true, value: value === 0 ? 0 : value };
}
