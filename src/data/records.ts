/**
 * CSV, JSON, NDJSON and spreadsheet rows turned into one shape, records of named cells, so each
 * reader validates rows once whatever the format. Problems with the file's structure (a malformed
 * record, a bad header, JSON that does not parse) are reported here; problems with values are the
 * readers'.
 */
import { z } from "zod";
import { foldName } from "../text/fold.js";
import { syntaxErrorAt } from "../text/json.js";
import { DELIMITERS, detectDelimiter, headerLine, parseCsv, type CsvProblem, type Delimiter } from "./csv.js";
import { issueText, type At, type IssueText, type Where } from "./issue-words.js";
import type { DataIssue, DataIssueCode, RowCounts } from "./types.js";

/** `xlsx`: a worksheet already read into a `Sheet` (see `readSheet` in xlsx.ts), since that reading is asynchronous. */
export type Format = "csv" | "json" | "ndjson" | "xlsx";

/** A worksheet as rows of cell values: numbers stay numbers, everything else is text. */
export interface Sheet {
  readonly kind: "sheet";
  /** The worksheet's name, as the workbook shows it. */
  readonly name: string;
  readonly rows: readonly SheetRow[];
}

export interface SheetRow {
  /** The spreadsheet's own 1-based row number. */
  readonly line: number;
  /** By column, from column A; an empty cell is undefined. */
  readonly cells: readonly (string | number | undefined)[];
}

/** What the readers take: the text of a CSV, JSON or NDJSON file, or a worksheet. */
export type RecordInput = string | Sheet;

/** Large enough for any province's export; small enough that a runaway file is refused, not a crash. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Where a record is, as issues cite it. */
export type Place = At;

export interface RawRecord extends Place {
  /** Known columns only, by name: a Map, so keys such as `__proto__` are plain data. */
  readonly cells: ReadonlyMap<string, unknown>;
}

export interface Columns {
  readonly known: ReadonlySet<string>;
  /** Columns a CSV header must have; JSON items are checked row by row instead. */
  readonly required: readonly string[];
  /** The known column a heading names, as written or another way (see `columnSet`); undefined for none. */
  readonly resolve: (heading: string) => string | undefined;
  /** How to report a column that is not known; the column is then ignored. */
  readonly unknown: (column: string) => { readonly code: DataIssueCode; readonly text: IssueText };
}

/**
 * Columns found by their names as written, or as people head them in a spreadsheet: ignoring case,
 * diacritics and spacing (`Unit`, `Đơn vị`), or by an alias (`["Tổng số hồ sơ", "dossiers"]`).
 * A heading that two columns could claim that way belongs to neither, rather than to a guess.
 */
export function columnSet(
  known: readonly string[],
  required: readonly string[],
  aliases: Iterable<readonly [alias: string, column: string]>,
  unknown: Columns["unknown"],
): Columns {
  const set = new Set(known);
  const folded = new Map<string, string | null>();
  const add = (name: string, column: string): void => {
    const key = foldName(name);
    const earlier = folded.get(key);
    folded.set(key, earlier === undefined || earlier === column ? column : null);
  };
  for (const column of known) add(column, column);
  for (const [alias, column] of aliases) if (set.has(column)) add(alias, column);
  return { known: set, required, resolve: (heading) => (set.has(heading) ? heading : (folded.get(foldName(heading)) ?? undefined)), unknown };
}

export interface RecordSource {
  readonly file: string;
  readonly format: Format;
  readonly maxBytes?: number | undefined;
  /** The CSV delimiter; found from the header line unless given. */
  readonly delimiter?: Delimiter | undefined;
}

export interface RecordSet {
  /** Well-formed records, to be validated by the reader. */
  readonly records: readonly RawRecord[];
  readonly issues: readonly DataIssue[];
  /** Records refused here, which count as read and rejected. */
  readonly rejected: number;
  /** The known columns a file with a header has (a JSON item names its own). */
  readonly columns?: ReadonlySet<string>;
  /** Where the header is, in a file that has one. */
  readonly header?: Place;
}

export function issueAt(
  file: string,
  at: Place,
  code: DataIssueCode,
  column: string | undefined,
  text: IssueText,
  rejected: boolean,
): DataIssue {
  // A JSON item's "line" is its position, which a reader would not find by line number.
  const args = byNumber(at) ? text : { ...text, item: { where: at.where, line: at.line } };
  return { code, file, line: at.line, column, message: issueText("en", args), rejected, args };
}

/** A line of a text file or a row of a worksheet: the number is where a reader finds it. */
const byNumber = (at: Place): boolean => at.where === "line" || at.where === "row";

/** An earlier record as a message points at it: "on line 3", "on row 3" in a worksheet, or "in item 3" in a JSON array. */
export const placeOf = (at: Place): At => ({ where: at.where, line: at.line });

export function readRecords(input: RecordInput, source: RecordSource, columns: Columns): RecordSet {
  if (typeof input !== "string") return fromSheet(input, source.file, columns);
  const text = input;
  const refused = sizeIssue(text, source);
  if (refused) return failed(refused);
  const body = withoutBom(text);
  switch (source.format) {
    case "csv":
      return fromCsv(body, source.file, columns, source.delimiter ?? delimiterFor(headerLine(body) ?? "", columns));
    case "json":
      return fromJson(body, source.file, columns);
    case "ndjson":
      return fromNdjson(body, source.file, columns);
    case "xlsx":
      return failed(issueAt(source.file, { line: 1, where: "line" }, "bad-row", undefined, { kind: "xlsx-as-text" }, true));
  }
}

/** A set with no record, for a file refused as a whole. */
export const failed = (issue: DataIssue): RecordSet => ({ records: [], issues: [issue], rejected: 0 });

export const withoutBom = (text: string): string => (text.startsWith("\uFEFF") ? text.slice(1) : text);

export function sizeIssue(text: string, source: RecordSource): DataIssue | undefined {
  const limit = source.maxBytes ?? MAX_INPUT_BYTES;
  if (!tooLarge(text, limit)) return undefined;
  return sizeRefusal(source.file, limit);
}

/** The one issue of a file over `limit` bytes. */
export function sizeRefusal(file: string, limit: number): DataIssue {
  return issueAt(file, { line: 1, where: "line" }, "bad-row", undefined, { kind: "file-too-large", limit }, true);
}

function tooLarge(text: string, limit: number): boolean {
  // A UTF-16 unit takes at most three bytes in UTF-8; skip the count when that is already enough.
  return text.length * 3 > limit && Buffer.byteLength(text, "utf8") > limit;
}

export const sumRows = (tallies: readonly RowCounts[]): RowCounts =>
  tallies.reduce((a, b) => ({ read: a.read + b.read, used: a.used + b.used, rejected: a.rejected + b.rejected }), { read: 0, used: 0, rejected: 0 });

export function tally(set: RecordSet, used: number): RowCounts {
  const read = set.records.length + set.rejected;
  return { read, used, rejected: read - used };
}

// ---- CSV and worksheets: a header row, then rows of cells under it

/** A row of cells as CSV or a worksheet gives it. */
export interface GridRow {
  readonly at: Place;
  readonly cells: readonly (string | number | undefined)[];
  /** Why the row is malformed, when it is, as the CSV reader says. */
  readonly problem: CsvProblem | undefined;
}

const isBlankCell = (cell: string | number | undefined): boolean => cell === undefined || (typeof cell === "string" && cell.trim() === "");
export const isBlank = (row: { readonly cells: readonly (string | number | undefined)[] }): boolean => row.cells.every(isBlankCell);
export const headerName = (cell: string | number | undefined): string => String(cell ?? "").trim().normalize("NFC");

/** A header row's headings as written, and as the known columns they name (a heading naming none stays as written). */
export function headingsOf(cells: readonly (string | number | undefined)[], columns: Columns): { readonly names: string[]; readonly written: string[] } {
  // Array.from, not map: a worksheet row is sparse, and an empty heading is still a column to report.
  const written = Array.from(cells, headerName);
  return { names: written.map((heading) => columns.resolve(heading) ?? heading), written };
}

/**
 * The delimiter that splits the header into the columns a file must have (`unit;period;Số, hồ sơ`
 * is read with semicolons, though it holds as many commas); failing that, the one it holds most.
 */
export function delimiterFor(header: string, columns: Columns): Delimiter {
  const fits = DELIMITERS.find((d) => {
    const names = new Set(headingsOf(parseCsv(header, d)[0]?.cells ?? [], columns).names);
    return columns.required.every((column) => names.has(column));
  });
  return fits ?? detectDelimiter(header);
}

function fromCsv(text: string, file: string, columns: Columns, delimiter: Delimiter): RecordSet {
  // Whitespace-only lines, and the `,,,,` lines spreadsheets leave below a table, are not rows.
  const rows = parseCsv(text, delimiter)
    .filter((record) => !isBlank(record))
    .map((record): GridRow => ({ at: { line: record.line, where: "line" }, cells: record.cells, problem: record.problem }));
  return fromGrid(rows, file, columns, widthProblem);
}

/**
 * A worksheet as units fill it in: the header is the first row that names every required column,
 * so title rows above the table ("BÁO CÁO SỐ LIỆU THÁNG 10/2022") are skipped; failing that, the
 * first non-empty row, whose missing column is then reported. Empty rows are not rows.
 */
function fromSheet(sheet: Sheet, file: string, columns: Columns): RecordSet {
  const rows = sheet.rows
    .filter((row) => !isBlank(row))
    .map((row): GridRow => ({ at: { line: row.line, where: "row" }, cells: row.cells, problem: undefined }));
  const start = Math.max(
    rows.findIndex((row) => {
      const names = new Set(headingsOf(row.cells, columns).names);
      return columns.required.every((column) => names.has(column));
    }),
    0,
  );
  const header = rows[start];
  const below = rows[start + 1];
  if (header && below && isSubHeader(header, below, columns)) {
    const width = Math.max(header.cells.length, below.cells.length);
    const cells = Array.from({ length: width }, (_, i) => (isBlankCell(below.cells[i]) || below.cells[i] === header.cells[i] ? header.cells[i] : below.cells[i]));
    return fromGrid([{ ...header, cells }, ...rows.slice(start + 2)], file, columns, overhangProblem);
  }
  return fromGrid(rows.slice(start), file, columns, overhangProblem);
}

/**
 * A second header row, as Vietnamese report forms have: "Số hồ sơ" merged over two columns, with
 * "Tiếp nhận" and "Trực tuyến" under it, and "Đơn vị" merged down over both rows. The row under
 * the header is one when its required columns are empty or repeat the heading above (merged down)
 * and every other cell it has is text, not a number, under the header's own columns; its headings
 * then stand for those columns.
 */
function isSubHeader(header: GridRow, below: GridRow, columns: Columns): boolean {
  const names = headingsOf(header.cells, columns).names;
  const mergedDown = (i: number): boolean => isBlankCell(below.cells[i]) || below.cells[i] === header.cells[i];
  const requiredEmpty = columns.required.every((column) => mergedDown(names.indexOf(column)));
  const filled = below.cells.filter((cell, i) => !mergedDown(i) && !isBlankCell(cell));
  const withinHeader = below.cells.length <= header.cells.length;
  return requiredEmpty && withinHeader && filled.length > 0 && filled.every((cell) => typeof cell === "string" && !/^[\d\s.,%-]*$/.test(cell));
}

/** The rows under a header; `shape` says whether a row's cells line up with the header. */
function fromGrid(all: readonly GridRow[], file: string, columns: Columns, shape: (row: GridRow, names: readonly string[]) => IssueText | undefined): RecordSet {
  const [header, ...rows] = all;
  if (!header) return { records: [], issues: [], rejected: 0 };
  const { names, written } = headingsOf(header.cells, columns);
  const fatal = headerProblem(header, names, columns);
  if (fatal) return { records: [], issues: [issueAt(file, header.at, "bad-row", fatal.column, fatal.text(rows.length), true)], rejected: rows.length };
  const issues = unknownColumns(written, columns).map((u) => issueAt(file, header.at, u.code, u.column, u.text, false));
  const records: RawRecord[] = [];
  let rejected = 0;
  const present = new Set(names.filter((name) => columns.known.has(name)));
  for (const row of rows) {
    const problem = rowProblem(row) ?? shape(row, names);
    if (problem) {
      issues.push(issueAt(file, row.at, "bad-row", undefined, problem, true));
      rejected++;
    } else {
      records.push({ ...row.at, cells: gridCells(names, row.cells, columns.known) });
    }
  }
  return { records, issues, rejected, columns: present, header: header.at };
}

export interface HeaderProblem {
  readonly column: string | undefined;
  /** The issue's text, given how many rows the header leaves unread. */
  readonly text: (rows: number) => IssueText;
}

// A header the rows cannot be read against makes every row unreadable; one issue says so.
export function headerProblem(header: GridRow, names: readonly string[], columns: Columns): HeaderProblem | undefined {
  const problem = header.problem;
  if (problem) return { column: undefined, text: (rows) => ({ kind: "header-malformed", problem, rows }) };
  const missing = columns.required.find((column) => !names.includes(column));
  if (missing) return { column: missing, text: (rows) => ({ kind: "header-missing", column: missing, rows }) };
  // A set, not indexOf per column: a header of 100,000 columns is read in linear time.
  const seen = new Set<string>();
  const twice = names.find((name) => name !== "" && (seen.has(name) || (seen.add(name), false)));
  if (twice) return { column: twice, text: (rows) => ({ kind: "header-twice", column: twice, rows }) };
  return undefined;
}

/** The headings, as written, that name no known column. */
export function unknownColumns(written: readonly string[], columns: Columns): { column: string; code: DataIssueCode; text: IssueText }[] {
  return written.flatMap((name, i) => {
    if (columns.resolve(name) !== undefined) return [];
    if (name === "") return [{ column: name, code: columns.unknown(name).code, text: { kind: "unnamed-column", position: i + 1 } }];
    return [{ column: name, ...columns.unknown(name) }];
  });
}

/** The CSV reader's problem with a row, if it has one. */
export const rowProblem = (row: { readonly problem: CsvProblem | undefined }): IssueText | undefined =>
  row.problem === undefined ? undefined : { kind: "malformed-row", problem: row.problem };

export function widthProblem(row: GridRow, names: readonly string[]): IssueText | undefined {
  if (row.cells.length === names.length) return undefined;
  // Cells shifted by a stray comma would land under the wrong field: refuse rather than guess.
  return { kind: "row-width", cells: row.cells.length, header: names.length };
}

/** A worksheet row may stop early (empty cells), but a value right of the header has no column to go in. */
function overhangProblem(row: GridRow, names: readonly string[]): IssueText | undefined {
  // The cells the row holds (a worksheet row is sparse), not every column up to its last.
  const beyond = Object.keys(row.cells)
    .map(Number)
    .find((i) => i >= names.length && !isBlankCell(row.cells[i]));
  if (beyond === undefined) return undefined;
  return { kind: "beyond-header", letter: columnLetters(beyond + 1), value: String(row.cells[beyond]) };
}

/** 1 -> A, 27 -> AA, as spreadsheets label columns. */
function columnLetters(n: number): string {
  let out = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** The known columns of a row by name, as the schemas read them. */
export function gridCells(names: readonly string[], cells: readonly (string | number | undefined)[], known: ReadonlySet<string>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  names.forEach((name, i) => {
    if (known.has(name)) out.set(name, cells[i]);
  });
  return out;
}

// ---- JSON and NDJSON

const itemObject = z.custom<object>((value) => typeof value === "object" && value !== null && !Array.isArray(value));

interface JsonItem {
  readonly at: Place;
  readonly value: unknown;
}

function fromJson(text: string, file: string, columns: Columns): RecordSet {
  const parsed = parseJsonDocument(text, file);
  if (!parsed.ok) return failed(parsed.issue);
  const items = z.array(z.unknown()).safeParse(parsed.value);
  if (!items.success) return failed(issueAt(file, { line: 1, where: "line" }, "bad-row", undefined, { kind: "not-json-array" }, true));
  return fromJsonItems(items.data, file, columns);
}

export function parseJsonDocument(text: string, file: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issue: DataIssue } {
  const parsed = parseJson(text);
  if (parsed.ok) return parsed;
  return { ok: false, issue: issueAt(file, { line: parsed.line, where: "line" }, "bad-row", undefined, parsed.text, true) };
}

/** For files whose rows sit in an array under a key, such as `{ "units": [...] }`. */
export function fromJsonItems(items: readonly unknown[], file: string, columns: Columns, where: Where = "item"): RecordSet {
  return fromItems(items.map((value, i) => ({ at: { line: i + 1, where }, value })), file, columns);
}

function fromNdjson(text: string, file: string, columns: Columns): RecordSet {
  const items: JsonItem[] = [];
  const issues: DataIssue[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === "") return;
    const parsed = parseJson(line);
    if (parsed.ok) items.push({ at: { line: i + 1, where: "line" }, value: parsed.value });
    else issues.push(issueAt(file, { line: i + 1, where: "line" }, "bad-row", undefined, parsed.text, true));
  });
  const set = fromItems(items, file, columns);
  return { ...set, issues: [...issues, ...set.issues].sort((a, b) => a.line - b.line), rejected: set.rejected + issues.length };
}

function fromItems(items: readonly JsonItem[], file: string, columns: Columns): RecordSet {
  const records: RawRecord[] = [];
  const issues: DataIssue[] = [];
  const reported = new Set<string>();
  for (const { at, value } of items) {
    const object = itemObject.safeParse(value);
    if (!object.success) {
      issues.push(issueAt(file, at, "bad-row", undefined, { kind: "not-an-object" }, true));
      continue;
    }
    const cells = new Map<string, unknown>();
    let twice: string | undefined;
    // Object.entries lists own keys only, so `__proto__` or `constructor` in the data is a name like any other.
    for (const [raw, cell] of Object.entries(object.data)) {
      // Header names are compared in NFC, as CSV headers and policy ids are.
      const key = raw.normalize("NFC");
      const column = columns.resolve(key);
      if (column !== undefined && cells.has(column)) twice ??= column;
      else if (column !== undefined) cells.set(column, cell);
      else if (!reported.has(key)) {
        reported.add(key);
        const unknown = columns.unknown(key);
        issues.push(issueAt(file, at, unknown.code, key, unknown.text, false));
      }
    }
    // Two keys for one column (`unit` and `Unit`): which to read is unclear, so neither is guessed.
    if (twice !== undefined) issues.push(issueAt(file, at, "bad-row", twice, { kind: "key-twice", column: twice }, true));
    else records.push({ ...at, cells });
  }
  return { records, issues, rejected: items.length - records.length };
}

type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly line: number; readonly text: IssueText };

function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, line: errorLine(text), text: { kind: "not-json", reason } };
  }
}

/** The line of the first fault, found by walking the text (V8's messages name a position only sometimes). */
function errorLine(text: string): number {
  return text.slice(0, syntaxErrorAt(text)).split(/\r\n|\n|\r/).length;
}
