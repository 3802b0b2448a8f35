/**
 * The months each unit has reported so far, for refusing a second row over the same months as
 * `readObservations` does, without keeping the rows: a stream of ten million rows would not fit.
 * Each month holds the line of the row that covered it and that row's span, which together give
 * back the row's period for the message.
 */
import { parsePeriod } from "./period.js";
import type { MonthIndex, Period } from "./types.js";

/** Months per page: a unit reporting for years fills whole pages, one reporting once costs one. */
const PAGE = 64;
const SPANS = [1, 3, 6, 12] as const;

export interface Earlier {
  readonly line: number;
  readonly period: Period;
}

export class MonthTable {
  // By unit number, then page number. The last page used per unit is kept aside, since rows
  // usually come month after month.
  private readonly pages: Map<number, Float64Array>[] = [];
  private readonly lastPage: number[] = [];
  private readonly lastArray: (Float64Array | undefined)[] = [];

  /** The earlier row covering a month of `period`, or undefined after marking its months as `line`'s. */
  claim(unit: number, period: Period, line: number): Earlier | undefined {
    for (let m = period.from; m <= period.to; m++) {
      const held = this.page(unit, m, false)?.[m & (PAGE - 1)];
      if (held) return earlier(m, held);
    }
    const entry = line * 4 + SPANS.indexOf((period.to - period.from + 1) as (typeof SPANS)[number]);
    for (let m = period.from; m <= period.to; m++) this.page(unit, m, true)![m & (PAGE - 1)] = entry;
    return undefined;
  }

  private page(unit: number, month: MonthIndex, create: boolean): Float64Array | undefined {
    const number = Math.floor(month / PAGE);
    if (this.lastPage[unit] === number) return this.lastArray[unit];
    const pages = this.pages[unit] ?? (this.pages[unit] = new Map());
    let page = pages.get(number);
    if (!page && create) pages.set(number, (page = new Float64Array(PAGE)));
    if (page) {
      this.lastPage[unit] = number;
      this.lastArray[unit] = page;
    }
    return page;
  }
}

// Periods are aligned (a quarter starts in January, April, July or October), so a month and the
// span give the period back.
function earlier(month: MonthIndex, held: number): Earlier {
  const span = SPANS[held % 4]!;
  const year = Math.floor(month / 12);
  const part = Math.floor((month - year * 12) / span) + 1;
  const y = String(year).padStart(4, "0");
  const text = span === 1 ? `${y}-${part}` : span === 3 ? `${y}-Q${part}` : span === 6 ? `${y}-H${part}` : y;
  return { line: Math.floor(held / 4), period: parsePeriod(text)! };
}
