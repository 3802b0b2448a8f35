/**
 * Counts units report, one row per unit and period: `unit,period,<field>...`. A row is used whole
 * or rejected whole, and every rejection is an issue naming the file, the line and the column.
 */
import { z } from "zod";
import { suggester } from "../text/suggest.js";
import { count, knownUnit, period, toIssues } from "./cells.js";
import type { At, IssueText } from "./issue-words.js";
import type { Delimiter } from "./csv.js";
import type { NumberStyle } from "./numbers.js";
import { samePeriod } from "./period.js";
import { columnSet, issueAt, placeOf, readRecords, tally, type Columns, type Format, type Place, type RawRecord, type RecordInput } from "./records.js";
import type { DataIssue, Observation, Period, RowCounts } from "./types.js";

export interface ObservationReadOptions {
  /** The name issues and observations cite. */
  readonly file: string;
  readonly format: Format;
  /** The policy's field ids: the columns that hold counts. */
  readonly fields: ReadonlySet<string>;
  /** Other headings a field's column may have (its title, the `column` names the policy gives), by field. */
  readonly headings?: ReadonlyMap<string, readonly string[]>;
  /** The fields the policy's metrics and checks need, with the metrics that need each: a file without one, or an empty cell in one, is reported. */
  readonly needed?: ReadonlyMap<string, readonly string[]>;
  /** The CSV delimiter; found from the header line unless given. */
  readonly delimiter?: Delimiter;
  /** The registry's unit ids. */
  readonly units: ReadonlySet<string>;
  /** How count cells written as text are read (in a worksheet, text cells only); `plain` unless said. */
  readonly numbers?: NumberStyle;
  /** Refuse larger texts with an issue; 512 MiB unless said. */
  readonly maxBytes?: number;
}

export interface ObservationsRead {
  readonly observations: readonly Observation[];
  readonly issues: readonly DataIssue[];
  readonly rows: RowCounts;
}

// Counts go through a Map rather than object keys, so a field may be called anything, even `__proto__`.
export function rowSchema(units: ReadonlySet<string>, style: NumberStyle) {
  return z
    .object({ unit: knownUnit(units), period, counts: z.map(z.string(), count(style)) })
    .transform((row) => ({ ...row, counts: reported(row.counts) }));
}

export type ObservationRow = z.output<ReturnType<typeof rowSchema>>;

function reported(counts: ReadonlyMap<string, number | undefined>): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const [field, value] of counts) if (value !== undefined) out.set(field, value);
  return out;
}

/** Headings Vietnamese reports use for the unit and the period. */
const ROW_ALIASES: readonly (readonly [string, string])[] = [
  ["đơn vị", "unit"],
  ["mã đơn vị", "unit"],
  ["kỳ", "period"],
  ["kỳ báo cáo", "period"],
];

const NAME_ALIASES: readonly (readonly [string, string])[] = [
  ["tên đơn vị", "name"],
  ["unit name", "name"],
];

export function columnsFor(fields: ReadonlySet<string>, headings: ReadonlyMap<string, readonly string[]> = new Map()): Columns {
  const suggest = suggester(fields);
  const aliases = [...ROW_ALIASES, ...[...headings].flatMap(([field, names]) => names.map((name) => [name, field] as const))];
  // A unit's name beside its id (as the report template writes it) is for people: read, not used.
  const name = fields.has("name") ? [] : ["name"];
  return columnSet(["unit", "period", ...name, ...fields], ["unit", "period"], [...aliases, ...NAME_ALIASES], (column) => ({
    code: "unknown-field",
    text: { kind: "unknown-field", column, ...suggest(column) },
  }));
}

/** `data` is a file's text, or for `xlsx` a worksheet from `readSheet`. */
export function readObservations(data: RecordInput, options: ObservationReadOptions): ObservationsRead {
  const set = readRecords(data, options, columnsFor(options.fields, options.headings));
  const schema = rowSchema(options.units, options.numbers ?? "plain");
  const issues = [...set.issues, ...missingColumns(options.needed, set, options.file)];
  const seen = new Seen();
  const observations: Observation[] = [];
  for (const record of set.records) {
    const row = schema.safeParse(input(record, options.fields));
    if (!row.success) {
      issues.push(...toIssues(options.file, record, row.error));
      continue;
    }
    const clash = seen.clash(row.data, record);
    if (clash) {
      issues.push(issueAt(options.file, record, "duplicate-row", "period", clash, true));
      continue;
    }
    observations.push({ ...row.data, source: { file: options.file, line: record.line } });
    issues.push(...emptyCells(row.data.counts, options.needed, options.file, record));
  }
  return { observations, issues: issues.sort((a, b) => a.line - b.line), rows: tally(set, observations.length) };
}

/** The needed fields a file has a column for, with the metrics that need each. */
export function neededIn(needed: ObservationReadOptions["needed"], columns: ReadonlySet<string> | undefined): ReadonlyMap<string, readonly string[]> {
  return new Map([...(needed ?? [])].filter(([field]) => columns?.has(field) === true));
}

/** One issue per needed field a file with a header has no column for, on its header line. */
export function missingColumns(
  needed: ObservationReadOptions["needed"],
  file: { readonly columns?: ReadonlySet<string> | undefined; readonly header?: Place | undefined },
  name: string,
): DataIssue[] {
  const { columns, header = { line: 1, where: "line" } } = file;
  if (columns === undefined) return [];
  return [...(needed ?? [])]
    .filter(([field]) => !columns.has(field))
    .map(([field, metrics]) => issueAt(name, header, "missing-column", field, { kind: "missing-column", column: field, metrics }, false));
}

/**
 * A needed count left empty where the row has a cell for it (a column of the header, a key of a
 * JSON item, even `null`): the row is used for its other fields, and the gap is reported. A JSON
 * item without the key simply does not report the field.
 */
export function emptyCells(counts: ReadonlyMap<string, number>, needed: ObservationReadOptions["needed"], file: string, record: RawRecord): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const [field, metrics] of needed ?? []) {
    if (record.cells.has(field) && !counts.has(field)) issues.push(issueAt(file, record, "empty-count", field, { kind: "cell", column: field, problem: { kind: "empty-count", metrics } }, false));
  }
  return issues;
}

export function input(record: RawRecord, fields: ReadonlySet<string>) {
  const counts = new Map<string, unknown>();
  for (const [column, value] of record.cells) if (fields.has(column)) counts.set(column, value);
  return { unit: record.cells.get("unit"), period: record.cells.get("period"), counts };
}

export interface Accepted {
  readonly row: ObservationRow;
  readonly record: RawRecord;
}

/**
 * The rows used so far, by unit and month. Two rows for the same months would be summed twice
 * into every window, so the later one is refused, whether it repeats the period or overlaps it.
 */
class Seen {
  private readonly byUnit = new Map<string, Map<number, Accepted>>();

  clash(row: ObservationRow, record: RawRecord): IssueText | undefined {
    const months = this.byUnit.get(row.unit) ?? new Map<number, Accepted>();
    for (let m = row.period.from; m <= row.period.to; m++) {
      const earlier = months.get(m);
      if (earlier) return clashText(row.unit, row.period, earlier.row.period, placeOf(earlier.record));
    }
    for (let m = row.period.from; m <= row.period.to; m++) months.set(m, { row, record });
    this.byUnit.set(row.unit, months);
    return undefined;
  }
}

/** A unit's row for `period` where an earlier row, at `at`, already covers `earlier`: the same period, or one that overlaps it. */
export function clashText(unit: string, period: Period, earlier: Period, at: At): IssueText {
  if (samePeriod(period, earlier)) return { kind: "already-reported", unit, period: period.text, at };
  return { kind: "overlapping-period", unit, period: period.text, earlier: earlier.text, at };
}
