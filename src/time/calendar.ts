// All date logic of the project lives here. Dates are calendar days without a
// time of day, held as zero-padded ISO strings so they order lexicographically
// and serialise as-is. Day arithmetic is integer arithmetic on day numbers, and
// "today" in a zone comes from Intl: no date library is loaded at start-up,
// which `chitieu check` pays for on every run (bench/README.md).

export const ZONE = "Asia/Ho_Chi_Minh";

export type IsoDate = string & { readonly __isoDate: unique symbol };

// Four-digit years keep lexicographic order equal to chronological order.
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
// Narrower than what the representation allows: a policy year outside this
// range is a typo, not a date anyone means.
const MIN_INPUT_YEAR = 1900;
const MAX_INPUT_YEAR = 2999;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

// The single place a string becomes an IsoDate; callers have validated.
function unchecked(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

// For results of arithmetic, which may legitimately leave the input range
// but must stay representable.
function computed(year: number, month: number, day: number): IsoDate {
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`year ${year} is out of range`);
  return unchecked(year, month, day);
}

export function isoDate(year: number, month: number, day: number): IsoDate | undefined {
  const inRange = year >= MIN_INPUT_YEAR && year <= MAX_INPUT_YEAR;
  return inRange && isValidDay(year, month, day) ? unchecked(year, month, day) : undefined;
}

const ISO_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;
const VI_FORMAT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

// Vietnamese documents write day/month/year, often without zero padding.
export function parseDate(text: string): IsoDate | undefined {
  const iso = ISO_FORMAT.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vi = VI_FORMAT.exec(text);
  if (vi) return isoDate(Number(vi[3]), Number(vi[2]), Number(vi[1]));
  return undefined;
}

// Read by position, not split: schedules take dates apart for every step, and an IsoDate is always
// `YYYY-MM-DD`.
export function parts(d: IsoDate): { year: number; month: number; day: number } {
  return { year: digits(d, 0, 4), month: digits(d, 5, 7), day: digits(d, 8, 10) };
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

export function isMonthEnd(d: IsoDate): boolean {
  const { year, month, day } = parts(d);
  return day === daysInMonth(year, month);
}

export function endOfMonth(d: IsoDate): IsoDate {
  const { year, month } = parts(d);
  return unchecked(year, month, daysInMonth(year, month));
}

export function endOfYear(year: number): IsoDate {
  if (!Number.isInteger(year)) throw new RangeError(`not an integer year: ${year}`);
  return computed(year, 12, 31);
}

function checkCount(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`not an integer count: ${n}`);
}

// Schedules such as "monthly from 30/09" mean the last day of every month,
// so a month-end anchor stays on month ends. Computing each step from the
// anchor (never from the previous step) keeps 31 Jan -> 28 Feb from turning
// later steps into the 28th.
export function addMonths(anchor: IsoDate, n: number): IsoDate {
  checkCount(n);
  const { year, month, day } = parts(anchor);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const length = daysInMonth(targetYear, targetMonth);
  const targetDay = isMonthEnd(anchor) ? length : Math.min(day, length);
  return computed(targetYear, targetMonth, targetDay);
}

// On day numbers rather than through a zone: a calendar day has no time of
// day, and historical offset changes in the zone must not shift a date.
export function addDays(d: IsoDate, n: number): IsoDate {
  checkCount(n);
  const { year, month, day } = parts(d);
  return civilFromDays(daysFromCivil(year, month, day) + n);
}

// Days since 1970-01-01 in the proleptic Gregorian calendar, and back: the
// era-based algorithms of Howard Hinnant's "chrono-Compatible Low-Level Date
// Algorithms" (an era is 400 years, 146,097 days), exact for any year here.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return computed(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function formatDate(d: IsoDate, style: "iso" | "vi"): string {
  if (style === "iso") return d;
  const { year, month, day } = parts(d);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

// "Today" depends on where the deadline is judged: a run at 23:00 UTC on
// 30/09 is already 01/10 in Vietnam.
export function todayIn(zone: string = ZONE): IsoDate {
  // Intl throws a RangeError for a zone it does not know.
  const fields = new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(Date.now());
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(fields.find((f) => f.type === type)?.value);
  return computed(field("year"), field("month"), field("day"));
}
