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
/** Pages are cut from slabs of 2^12, since a typed array of its own would cost more than the page. */
const SLAB_SHIFT = 12;
const SLAB_PAGES = 1 << SLAB_SHIFT;
const SPANS = [1, 3, 6, 12] as const;

export interface Earlier {
  readonly line: number;
  readonly period: Period;
}

export class MonthTable {
  private readonly slabs: Uint32Array[] = [];
  private pageCount = 0;
  /** By unit, then page number: the page's index among all pages. */
  private readonly pages: Map<number, number>[] = [];
  // The last page used per unit, since rows usually come month after month.
  private readonly lastNumber: Float64Array;
  private readonly lastPage: Int32Array;

  constructor(units: number) {
    this.lastNumber = new Float64Array(units).fill(NaN);
    this.lastPage = new Int32Array(units);
  }

  /**
   * The earlier row covering a month of `period`, or undefined after marking its months as
   * `line`'s. Lines are kept in 32 bits, which no file under 4 GiB can overflow.
   */
  claim(unit: number, period: Period, line: number): Earlier | undefined {
    for (let m = period.from; m <= period.to; m++) {
      const page = this.page(unit, m, false);
      if (page < 0) continue;
      const slab = this.slabs[page >>> SLAB_SHIFT]!;
      const base = (page & (SLAB_PAGES - 1)) * PAGE_WORDS;
      const at = m % PAGE;
      if (slab[base + at] !== 0) return earlier(m, slab[base + at]!, (slab[base + PAGE + (at >> 4)]! >>> ((at & 15) * 2)) & 3);
    }
    const span = SPANS.indexOf((period.to - period.from + 1) as (typeof SPANS)[number]);
    for (let m = period.from; m <= period.to; m++) {
      const page = this.page(unit, m, true);
      const slab = this.slabs[page >>> SLAB_SHIFT]!;
      const base = (page & (SLAB_PAGES - 1)) * PAGE_WORDS;
      const at = m % PAGE;
      slab[base + at] = line;
      slab[base + PAGE + (at >> 4)]! |= span << ((at & 15) * 2);
    }
    return undefined;
  }

  /** The page holding `month` for `unit`, or -1 when there is none and `create` is false. */
  private page(unit: number, month: MonthIndex, create: boolean): number {
    const number = Math.floor(month / PAGE);
    if (this.lastNumber[unit] === number) return this.lastPage[unit]!;
    const pages = this.pages[unit] ?? (this.pages[unit] = new Map<number, number>());
    let page = pages.get(number);
    if (page === undefined && create) pages.set(number, (page = this.newPage()));
    if (page === undefined) return -1;
    this.lastNumber[unit] = number;
    this.lastPage[unit] = page;
    return page;
  }

  private newPage(): number {
    if (this.pageCount % SLAB_PAGES === 0) this.slabs.push(new Uint32Array(SLAB_PAGES * PAGE_WORDS));
    return this.pageCount++;
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
