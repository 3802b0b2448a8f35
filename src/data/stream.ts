/**
 * Observations from a CSV file read in chunks, for files too large to hold as one text. Rows come
 * out in batches, by columns, and are accepted and reported exactly as `readObservations` would
 * (the same issues, messages and lines): most rows are checked straight from the text, and a row
 * that is not plainly valid goes through the same zod schema as there, so its messages agree.
 */
import { toIssues } from "./cells.js";
import type { CsvRecord } from "./csv.js";
import { headerLine } from "./csv.js";
import { IssueLog } from "./issue-log.js";
import { clashText, columnsFor, emptyCells, input, missingColumns, neededIn, rowSchema, type ObservationReadOptions, type ObservationsRead } from "./observations.js";
import { parsePeriod } from "./period.js";
import {
  MAX_INPUT_BYTES,
  delimiterFor,
  headerProblem,
  headingsOf,
  gridCells,
  isBlank,
  issueAt,
  rowProblem,
  sizeRefusal,
  unknownColumns,
  widthProblem,
  type Columns,
  type HeaderProblem,
  type Place,
  type RawRecord,
} from "./records.js";
import { MonthTable } from "./stream-months.js";
import { ByteScanner } from "./stream-scan.js";
import { UnitTable } from "./stream-units.js";
import type { DataIssue, Observation, Period, RowCounts } from "./types.js";

export interface ObservationStreamOptions extends Omit<ObservationReadOptions, "format"> {
  /** Rows per batch, used and rejected together; 65,536 unless said. */
  readonly batchRows?: number;
  /** Called after each chunk is read with the bytes read so far, for a progress bar. */
  readonly onProgress?: (bytesRead: number) => void;
}

/** Text chunks, or bytes in UTF-8 that may split a character; not both in one stream. */
export type ObservationChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * Some rows of the file by columns: row `i` is `units[i]`, `periods[i]`, `lines[i]` and
 * `counts[k][i]` for each `fields[k]`. A batch owns its arrays, so a consumer may keep them.
 */
export interface ObservationBatch {
  /** The policy's fields in the order the header gives them; fields the file lacks are not here. */
  readonly fields: readonly string[];
  readonly size: number;
  readonly units: readonly string[];
  readonly periods: readonly Period[];
  readonly lines: Float64Array;
  /** By field; NaN where the row leaves the field empty, which is "not reported", not zero. */
  readonly counts: readonly Float64Array[];
  /** About the rows of this batch, by line; the header's issues come with the first batch. */
  readonly issues: readonly DataIssue[];
  readonly rows: RowCounts;
  /** Bytes of the file read so far. */
  readonly bytesRead: number;
  /** The file is over `maxBytes`: `issues` says so, this is the last batch, and earlier ones are void. */
  readonly refused: boolean;
}

const DEFAULT_BATCH_ROWS = 65_536;
const HEADER_BYTES = 1 << 20;
/** A delimiter still to be found from the header line. */
const UNKNOWN = -1;
const QUOTE = 34;
const CR = 13;
const LF = 10;
const DOT = 46;
const DASH = 45;
// What reading one row straight from the text came to.
const DONE = 0;
const FALLBACK = 1;
const INCOMPLETE = 2;
// Roles of header columns; a field's role is its index in `fields`.
const UNIT = -1;
const PERIOD = -2;
const IGNORED = -3;
/** Period texts remembered; a file holds few, so this only guards against a file of nonsense. */
const PERIOD_CACHE = 4096;

export async function* streamObservations(chunks: ObservationChunks, options: ObservationStreamOptions): AsyncGenerator<ObservationBatch> {
  const reader = new StreamReader(options);
  const utf8 = new Utf8();
  const limit = options.maxBytes ?? MAX_INPUT_BYTES;
  let total = 0;
  for await (const chunk of chunks) {
    const piece = utf8.of(chunk);
    if ((total += piece.length) > limit) {
      yield refused(options.file, limit, total);
      return;
    }
    reader.push(piece);
    while (reader.scan()) yield reader.take(total);
    options.onProgress?.(total);
  }
  const rest = utf8.end();
  if ((total += rest.length) > limit) {
    yield refused(options.file, limit, total);
    return;
  }
  reader.end(rest);
  while (reader.scan()) yield reader.take(total);
  const last = reader.finish(total);
  if (last.rows.read > 0 || last.issues.length > 0) yield last;
}

/** All of a stream at once, in the shape `readObservations` gives. */
export async function readObservationStream(chunks: ObservationChunks, options: ObservationStreamOptions): Promise<ObservationsRead> {
  const read = await readBatches(chunks, options);
  return { observations: read.batches.flatMap((batch) => observationsOf(batch, options.file)), issues: read.issues, rows: read.rows };
}

/** All of a stream at once, its rows kept as the batches they came in. */
export async function readBatches(chunks: ObservationChunks, options: ObservationStreamOptions): Promise<{ batches: ObservationBatch[]; issues: readonly DataIssue[]; rows: RowCounts }> {
  const batches: ObservationBatch[] = [];
  const issues = new IssueLog();
  let read = 0;
  let used = 0;
  for await (const batch of streamObservations(chunks, options)) {
    if (batch.refused) return { batches: [], issues: batch.issues, rows: batch.rows };
    // Its issues are in the log, capped: a batch kept with them would hold every one.
    if (batch.size > 0) batches.push({ ...batch, issues: [] });
    issues.addAll(batch.issues);
    read += batch.rows.read;
    used += batch.rows.used;
  }
  return { batches, issues: issues.issues(), rows: { read, used, rejected: read - used } };
}

/** A batch's rows as observations, as `readObservations` gives them. */
export function observationsOf(batch: ObservationBatch, file: string): Observation[] {
  const out: Observation[] = [];
  for (let i = 0; i < batch.size; i++) {
    const counts = new Map<string, number>();
    batch.fields.forEach((field, k) => {
      const value = batch.counts[k]![i]!;
      if (!Number.isNaN(value)) counts.set(field, value);
    });
    out.push({ unit: batch.units[i]!, period: batch.periods[i]!, counts, source: { file, line: batch.lines[i]! } });
  }
  return out;
}

function refused(file: string, limit: number, bytesRead: number): ObservationBatch {
  const rows = { read: 0, used: 0, rejected: 0 };
  return { fields: [], size: 0, units: [], periods: [], lines: new Float64Array(0), counts: [], issues: [sizeRefusal(file, limit)], rows, bytesRead, refused: true };
}

/** Chunks as UTF-8 bytes, the measure `maxBytes` is in. */
class Utf8 {
  private readonly encoder = new TextEncoder();
  // A surrogate pair cut between text chunks is one 4-byte character, so its first half waits.
  private high = "";

  of(chunk: Uint8Array | string): Uint8Array {
    if (typeof chunk !== "string") return chunk;
    const text = this.high + chunk;
    const last = text.charCodeAt(text.length - 1);
    const cut = last >= 0xd800 && last <= 0xdbff ? text.length - 1 : text.length;
    this.high = text.slice(cut);
    return this.encoder.encode(text.slice(0, cut));
  }

  end(): Uint8Array {
    const rest = this.encoder.encode(this.high);
    this.high = "";
    return rest;
  }
}

/** What the header says about the rows under it. */
interface Header {
  readonly names: readonly string[];
  readonly fields: readonly string[];
  /** By column: UNIT, PERIOD, IGNORED or the field's index; undefined when rows cannot be read straight. */
  readonly roles: Int32Array | undefined;
  /** The needed fields the header has, with the metrics that need each. */
  readonly needed: ReadonlyMap<string, readonly string[]>;
  /** By field index, 1 when the field is needed: an empty cell there goes through `validate`, which reports it. */
  readonly neededRoles: Uint8Array;
}

/** Distinct refused rows remembered: enough for a flood, too few to matter in memory. */
const REFUSALS_REMEMBERED = 1024;

class StreamReader {
  private readonly scanner: ByteScanner;
  private readonly file: string;
  private readonly needed: ObservationStreamOptions["needed"];
  private readonly fields: ReadonlySet<string>;
  private readonly columns: Columns;
  private readonly schema: ReturnType<typeof rowSchema>;
  private readonly vi: boolean;
  private readonly batchRows: number;
  /** Every registry id by number; `plainUnits` finds those a cell can name as written. */
  private readonly ids: readonly string[];
  private readonly unitNumbers: ReadonlyMap<string, number>;
  private readonly plainUnits: UnitTable;
  private readonly months: MonthTable;
  private readonly periods = new Map<string, Period>();
  private readonly byMonth = new Map<number, Period>();
  private lastPeriodBytes: Uint8Array = new Uint8Array(0);
  private lastPeriod: Period | undefined;
  private readonly decoder = new TextDecoder();
  private header: Header | undefined;
  private fatal: (HeaderProblem & { readonly at: Place }) | undefined;
  private fatalRows = 0;
  // The batch being filled.
  private units: string[] = [];
  private rowPeriods: Period[] = [];
  private lines: Float64Array;
  private counts: Float64Array[] = [];
  private issues: DataIssue[] = [];
  /** What the schema said of recent rows it refused, by their cells: a flood of one bad row is judged once. */
  private readonly refusals = new Map<string, readonly DataIssue[]>();
  private size = 0;
  private read = 0;

  constructor(options: ObservationStreamOptions) {
    this.file = options.file;
    this.fields = options.fields;
    this.needed = options.needed;
    this.scanner = new ByteScanner(options.delimiter === undefined ? UNKNOWN : options.delimiter.charCodeAt(0));
    this.columns = columnsFor(options.fields, options.headings);
    this.schema = rowSchema(options.units, options.numbers ?? "plain");
    this.vi = options.numbers === "vi";
    this.batchRows = Math.max(1, Math.floor(options.batchRows ?? DEFAULT_BATCH_ROWS));
    this.ids = [...options.units];
    this.unitNumbers = new Map(this.ids.map((id, i) => [id, i]));
    this.plainUnits = new UnitTable(this.ids, isPlain);
    this.months = new MonthTable(this.ids.length);
    this.lines = new Float64Array(this.batchRows);
  }

  push(bytes: Uint8Array): void {
    this.scanner.push(bytes);
  }

  end(bytes: Uint8Array): void {
    this.scanner.push(bytes);
    this.scanner.end();
  }

  /** Reads rows until the batch is full (true) or the text so far is used up (false). */
  scan(): boolean {
    const scanner = this.scanner;
    while (this.read < this.batchRows) {
      if (!scanner.fill()) return false;
      const step = this.header?.roles ? this.plainRow(this.header.roles, this.header.neededRoles) : FALLBACK;
      if (step === INCOMPLETE || (step === FALLBACK && !this.anyRow())) {
        scanner.wait();
        return false;
      }
    }
    return true;
  }

  take(bytesRead: number): ObservationBatch {
    const fields = this.header?.fields ?? [];
    const size = this.size;
    const batch: ObservationBatch = {
      fields,
      size,
      units: this.units,
      periods: this.rowPeriods,
      lines: this.lines.subarray(0, size),
      counts: this.counts.map((column) => column.subarray(0, size)),
      issues: this.issues,
      rows: { read: this.read, used: size, rejected: this.read - size },
      bytesRead,
      refused: false,
    };
    this.units = [];
    this.rowPeriods = [];
    this.lines = new Float64Array(this.batchRows);
    this.counts = fields.map(() => new Float64Array(this.batchRows));
    this.issues = [];
    this.size = 0;
    this.read = 0;
    return batch;
  }

  /** The last batch; a header that could not be read is reported here, once its rows are counted. */
  finish(bytesRead: number): ObservationBatch {
    if (this.fatal) {
      const { at, column, text } = this.fatal;
      this.issues.push(issueAt(this.file, at, "bad-row", column, text(this.fatalRows), true));
    }
    return this.take(bytesRead);
  }

  /** Any record, through the same steps as `readObservations`; false when it may go on past the text so far. */
  private anyRow(): boolean {
    if (this.scanner.delimiter === UNKNOWN) {
      // A header is rarely long; past a mebibyte, its start is enough to count delimiters in.
      const { text, whole } = this.scanner.unreadText(HEADER_BYTES);
      const header = headerLine(text, whole);
      if (header === undefined) return false;
      this.scanner.delimiter = delimiterFor(header, this.columns).charCodeAt(0);
    }
    const record = this.scanner.record();
    if (!record) return false;
    if (isBlank(record)) return true;
    if (!this.header && !this.fatal) {
      this.readHeader(record);
      return true;
    }
    this.read++;
    if (this.fatal) this.fatalRows++;
    else this.validate(record, this.header!);
    return true;
  }

  private readHeader(record: CsvRecord): void {
    const at: Place = { line: record.line, where: "line" };
    const { names, written } = headingsOf(record.cells, this.columns);
    const fatal = headerProblem({ at, cells: record.cells, problem: record.problem }, names, this.columns);
    if (fatal) {
      this.fatal = { ...fatal, at };
      return;
    }
    for (const u of unknownColumns(written, this.columns)) this.issues.push(issueAt(this.file, at, u.code, u.column, u.text, false));
    const fields = [...new Set(names.filter((name) => this.fields.has(name)))];
    const present = new Set(names.filter((name) => this.columns.known.has(name)));
    this.issues.push(...missingColumns(this.needed, { columns: present, header: at }, this.file));
    // A field also named `unit` or `period` would be read twice over; leave such files to the schema.
    const plain = !["unit", "period", ""].some((name) => this.fields.has(name));
    const role = (name: string): number => (name === "unit" ? UNIT : name === "period" ? PERIOD : this.fields.has(name) ? fields.indexOf(name) : IGNORED);
    const needed = neededIn(this.needed, present);
    const neededRoles = Uint8Array.from(fields, (field) => (needed.has(field) ? 1 : 0));
    this.header = { names, fields, roles: plain ? Int32Array.from(names, role) : undefined, needed, neededRoles };
    this.counts = fields.map(() => new Float64Array(this.batchRows));
  }

  private validate(record: CsvRecord, header: Header): void {
    const at: Place = { line: record.line, where: "line" };
    const problem = rowProblem(record) ?? widthProblem({ at, cells: record.cells, problem: undefined }, header.names);
    if (problem) {
      this.issues.push(issueAt(this.file, at, "bad-row", undefined, problem, true));
      return;
    }
    const key = record.cells.join("\u0000");
    const refused = this.refusals.get(key);
    if (refused) {
      for (const issue of refused) this.issues.push({ ...issue, line: record.line });
      return;
    }
    const raw: RawRecord = { ...at, cells: gridCells(header.names, record.cells, this.columns.known) };
    const row = this.schema.safeParse(input(raw, this.fields));
    if (!row.success) {
      const issues = toIssues(this.file, raw, row.error);
      this.issues.push(...issues);
      this.remember(key, issues);
      return;
    }
    header.fields.forEach((field, k) => (this.counts[k]![this.size] = row.data.counts.get(field) ?? NaN));
    if (this.accept(this.unitNumbers.get(row.data.unit)!, row.data.period, record.line)) this.issues.push(...emptyCells(row.data.counts, header.needed, this.file, raw));
  }

  private remember(cells: string, issues: readonly DataIssue[]): void {
    if (this.refusals.size >= REFUSALS_REMEMBERED) this.refusals.clear();
    this.refusals.set(cells, issues);
  }

  /** Keeps the row whose counts are in place at `size`, unless it covers months already reported; false when it does. */
  private accept(unit: number, period: Period, line: number): boolean {
    const earlier = this.months.claim(unit, period, line);
    const id = this.ids[unit]!;
    if (earlier) {
      const text = clashText(id, period, earlier.period, { line: earlier.line, where: "line" });
      this.issues.push(issueAt(this.file, { line, where: "line" }, "duplicate-row", "period", text, true));
      return false;
    }
    this.units.push(id);
    this.rowPeriods.push(period);
    this.lines[this.size++] = line;
    return true;
  }

  /**
   * A row read straight from the bytes, when it is plainly valid: no quotes, a known unit and a
   * period as written, and counts of digits only. Anything else is FALLBACK, for `anyRow`.
   */
  private plainRow(roles: Int32Array, needed: Uint8Array): number {
    const scanner = this.scanner;
    const delimiter = scanner.delimiter;
    const bytes = scanner.bytes;
    const length = bytes.length;
    let p = scanner.at;
    let unit = -1;
    let period: Period | undefined;
    for (let j = 0; j < roles.length; j++) {
      const start = p;
      p = cellEnd(bytes, p, length, delimiter);
      if (p === length && !scanner.ended) return INCOMPLETE;
      const c = bytes[p];
      if (c === QUOTE || (j < roles.length - 1 ? c !== delimiter : c === delimiter)) return FALLBACK;
      const role = roles[j]!;
      if (role >= 0) {
        const value = this.vi ? viCount(bytes, start, p) : plainCount(bytes, start, p);
        if (value < 0 || (needed[role] === 1 && Number.isNaN(value))) return FALLBACK;
        this.counts[role]![this.size] = value;
      } else if (role === UNIT) {
        unit = this.plainUnits.find(bytes, start, p);
        if (unit < 0) return FALLBACK;
      } else if (role === PERIOD) {
        period = this.periodAt(bytes, start, p);
        if (!period) return FALLBACK;
      }
      if (j < roles.length - 1) p++;
    }
    const next = lineEnd(bytes, p, scanner.ended);
    if (next < 0) return INCOMPLETE;
    // Without a unit or period column the header would have been refused.
    this.read++;
    this.accept(unit, period!, scanner.line);
    scanner.line += next > p ? 1 : 0;
    scanner.at = next;
    return DONE;
  }

  // A month written `2022-10` is found by its digits, with no text made; rows of other periods
  // usually come grouped, so the last such period is compared before any lookup.
  private periodAt(bytes: Uint8Array, start: number, end: number): Period | undefined {
    const month = monthKey(bytes, start, end);
    if (month >= 0) return this.monthAt(month, bytes, start, end);
    if (same(bytes, start, end, this.lastPeriodBytes)) return this.lastPeriod;
    const raw = this.decoder.decode(bytes.subarray(start, end));
    const period = this.periods.get(raw) ?? (isPlain(raw) ? parsePeriod(raw) : undefined);
    if (!period) return undefined;
    if (this.periods.size < PERIOD_CACHE) this.periods.set(raw, period);
    this.lastPeriodBytes = bytes.slice(start, end);
    this.lastPeriod = period;
    return period;
  }

  private monthAt(month: number, bytes: Uint8Array, start: number, end: number): Period | undefined {
    const known = this.byMonth.get(month);
    if (known) return known;
    const period = parsePeriod(this.decoder.decode(bytes.subarray(start, end)));
    if (period && this.byMonth.size < PERIOD_CACHE) this.byMonth.set(month, period);
    return period;
  }
}

/** `YYYY-MM` as the number YYYYMM; -1 for any other text. */
function monthKey(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 7 || bytes[start + 4] !== DASH) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    if (i === start + 4) continue;
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    key = key * 10 + d;
  }
  return key;
}

/** Text the schema reads as it is: not empty, no outer spaces, composed (NFC). */
const isPlain = (text: string): boolean => text !== "" && text === text.trim().normalize("NFC");

/** Where an unquoted cell ends: at the delimiter, a line break, a quote (left to the full parser) or the end. */
function cellEnd(bytes: Uint8Array, p: number, length: number, delimiter: number): number {
  for (; p < length; p++) {
    const c = bytes[p]!;
    if (c === delimiter || c === LF || c === CR || c === QUOTE) return p;
  }
  return length;
}

/** Past the line break at `p`; -1 when a CR ends the bytes so far, since an LF may follow. */
function lineEnd(bytes: Uint8Array, p: number, ended: boolean): number {
  const c = bytes[p];
  if (c === LF) return p + 1;
  if (c !== CR) return p;
  if (p + 1 === bytes.length && !ended) return -1;
  return bytes[p + 1] === LF ? p + 2 : p + 1;
}

function same(bytes: Uint8Array, start: number, end: number, other: Uint8Array): boolean {
  if (end - start !== other.length) return false;
  for (let i = 0; i < other.length; i++) if (bytes[start + i] !== other[i]) return false;
  return true;
}

// Counts of up to 15 digits are exact in a double; longer ones go to `parseCount` for its checks.
// Empty is NaN ("not reported"); -1 is anything `parseCount` should see.
function plainCount(bytes: Uint8Array, start: number, end: number): number {
  if (start === end) return NaN;
  if (end - start > 15) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** As `plainCount`, also taking dots that group thousands: `1.373`. */
function viCount(bytes: Uint8Array, start: number, end: number): number {
  if (start === end) return NaN;
  let value = 0;
  let digits = 0;
  let group = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      value = value * 10 + d;
      digits++;
      group++;
    } else if (c === DOT && group >= 1 && (dots === 0 ? group <= 3 : group === 3)) {
      dots++;
      group = 0;
    } else return -1;
  }
  return digits > 15 || (dots > 0 && group !== 3) ? -1 : value;
}
