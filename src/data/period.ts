/**
 * Reporting periods as ranges of month indexes, so "does this row count towards that window" and
 * "do these two rows cover the same months" are integer comparisons.
 */
import { isoDate, parts, type IsoDate } from "../time/calendar.js";
import type { MonthIndex, Period } from "./types.js";

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + (month - 1);
}

export function monthOfDate(date: IsoDate): MonthIndex {
  const { year, month } = parts(date);
  return monthIndex(year, month);
}

const yearOf = (index: MonthIndex): number => Math.floor(index / 12);
const monthOf = (index: MonthIndex): number => index - yearOf(index) * 12 + 1;

export function formatMonth(index: MonthIndex): string {
  return `${String(yearOf(index)).padStart(4, "0")}-${String(monthOf(index)).padStart(2, "0")}`;
}

type Span = "month" | "quarter" | "half" | "year";

interface Shape {
  readonly pattern: RegExp;
  readonly span: Span;
  /** Capture group numbers of the year and of the month, quarter or half within it. */
  readonly year: number;
  readonly part: number | undefined;
}

// Spreadsheets write `10/2022` and `Q3/2022` as often as the ISO-like forms; `H1` covers the
// six-month reports ("6 tháng đầu năm") the provinces publish.
const SHAPES: readonly Shape[] = [
  { pattern: /^(\d{4})-(\d{1,2})$/, span: "month", year: 1, part: 2 },
  { pattern: /^(\d{1,2})\/(\d{4})$/, span: "month", year: 2, part: 1 },
  { pattern: /^(\d{4})-q(\d)$/i, span: "quarter", year: 1, part: 2 },
  { pattern: /^q(\d)\/(\d{4})$/i, span: "quarter", year: 2, part: 1 },
  { pattern: /^(\d{4})-h(\d)$/i, span: "half", year: 1, part: 2 },
  { pattern: /^h(\d)\/(\d{4})$/i, span: "half", year: 2, part: 1 },
  { pattern: /^(\d{4})$/, span: "year", year: 1, part: undefined },
];

const LENGTH: Record<Span, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export function parsePeriod(text: string): Period | undefined {
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(text);
    if (!match) continue;
    const part = shape.part === undefined ? 1 : Number(match[shape.part]);
    return period(Number(match[shape.year]), shape.span, part);
  }
  return undefined;
}

function period(year: number, span: Span, part: number): Period | undefined {
  const length = LENGTH[span];
  // The calendar decides which years are plausible input, so periods and dates agree.
  const valid = part >= 1 && part <= 12 / length && isoDate(year, 1, 1) !== undefined;
  if (!valid) return undefined;
  const from = monthIndex(year, (part - 1) * length + 1);
  return { text: canonical(year, span, part), from, to: from + length - 1 };
}

function canonical(year: number, span: Span, part: number): string {
  switch (span) {
    case "month":
      return formatMonth(monthIndex(year, part));
    case "quarter":
      return `${year}-Q${part}`;
    case "half":
      return `${year}-H${part}`;
    case "year":
      return String(year);
  }
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}
