/**
 * The months each unit has reported so far, for refusing a second row over the same months as
 * `readObservations` does, without keeping the rows: a stream of ten million rows would not fit.
 * Each month holds the line of the row that covered it and that row's span, which together give
 * back the row's period for the message: about 4 bytes a month.
 */
import { parsePeriod } from "./period.js";
import type { MonthIndex, Period } from "./types.js";

/** Months per page: a unit reporting for years fills whole pages, one reporting once costs one. */
const PAGE = 64;
/** A page holds a line per month (0: none yet), then each month's span in 2 bits. */
const PAGE_WORDS = PAGE + PAGE / 16;
const SPANS = [1, 3, 6, 12] as const;
const NO_PAGE = new Uint32Array(0);

export interface Earlier {
  readonly line: number;
  readonly period: Period;
}

export class MonthTable {
  private readonly pages: Map<number, Uint32Array>[] = [];
  // The last page used per unit, since rows usually come month after month.
  private readonly lastNumber: Float64Array;
  private readonly lastPage: Uint32Array[];

  constructor(units: number) {
    this.lastNumber = new Float64Array(units).fill(NaN);
    this.lastPage = new Array<Uint32Array>(units).fill(NO_PAGE);
  }

  /**
   * The earlier row covering a month of `period`, or undefined after marking its months as
   * `line`'s. Lines are kept in 32 bits, which no file under 4 GiB can overflow.
   */
  claim(unit: number, period: Period, line: number): Earlier | undefined {
    for (let m = period.from; m <= period.to; m++) {
      const page = this.page(unit, m, false);
      const at = m % PAGE;
      if (page.length > 0 && page[at] !== 0) return earlier(m, page[at]!, (page[PAGE + (at >> 4)]! >>> ((at & 15) * 2)) & 3);
    }
    const span = SPANS.indexOf((period.to - period.from + 1) as (typeof SPANS)[number]);
    for (let m = period.from; m <= period.to; m++) {
      const page = this.page(unit, m, true);
      const at = m % PAGE;
      page[at] = line;
      page[PAGE + (at >> 4)]! |= span << ((at & 15) * 2);
    }
    return undefined;
  }

  private page(unit: number, month: MonthIndex, create: boolean): Uint32Array {
    const number = Math.floor(month / PAGE);
    if (this.lastNumber[unit] === number) return this.lastPage[unit]!;
    const pages = this.pages[unit] ?? (this.pages[unit] = new Map());
    let page = pages.get(number);
    if (!page && create) pages.set(number, (page = new Uint32Array(PAGE_WORDS)));
    if (!page) return NO_PAGE;
    this.lastNumber[unit] = number;
    this.lastPage[unit] = page;
    return page;
  }
}

// Periods are aligned (a quarter starts in January, April, July or October), so a month and the
// span give the period back.
function earlier(month: MonthIndex, line: number, code: number): Earlier {
  const span = SPANS[code]!;
  const year = Math.floor(month / 12);
  const part = Math.floor((month - year * 12) / span) + 1;
  const y = String(year).padStart(4, "0");
  const text = span === 1 ? `${y}-${part}` : span === 3 ? `${y}-Q${part}` : span === 6 ? `${y}-H${part}` : y;
  return { line, period: parsePeriod(text)! };
}
