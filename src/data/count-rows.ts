/**
 * The count rows of one or more files as read, without an object per row: a streamed file keeps
 * the reader's batches (columns), a file read whole keeps its observations. Rows are visited
 * through one reused cursor, so checking and preparing 480,000 rows allocates nothing per row;
 * `observations()` builds the objects only for a caller that asks for them.
 */
import { observationsOf, type ObservationBatch } from "./stream.js";
import type { Observation, Period } from "./types.js";

/** One file's rows, in the order read; `dropped[i]` is 1 for a row refused after reading (a clash across files). */
export type CountPart =
  | { readonly file: string; readonly kind: "batches"; readonly batches: readonly ObservationBatch[]; readonly size: number; dropped?: Uint8Array }
  | { readonly file: string; readonly kind: "observations"; readonly observations: readonly Observation[]; readonly size: number; dropped?: Uint8Array };

/** The row being visited; valid only during the visit. */
export class RowCursor {
  unit = "";
  period: Period = { text: "", from: 0, to: 0 };
  file = "";
  line = 0;
  /** Counts by field, in the order of the fields asked for; NaN where the row reports none. */
  readonly counts: Float64Array;
  /** The observation the row was read as, when it was read as one. */
  source: Observation | undefined;

  /** `observation`, bound once: checks take it as a callback, and a closure per row would be garbage. */
  readonly asObservation = (): Observation => this.observation();

  constructor(readonly fields: readonly string[]) {
    this.counts = new Float64Array(fields.length);
  }

  /** The row as an observation, for messages: built on demand. */
  observation(): Observation {
    if (this.source) return this.source;
    const counts = new Map<string, number>();
    this.fields.forEach((field, f) => {
      if (!Number.isNaN(this.counts[f])) counts.set(field, this.counts[f]!);
    });
    return { unit: this.unit, period: this.period, counts, source: { file: this.file, line: this.line } };
  }
}

export const partOfObservations = (file: string, observations: readonly Observation[]): CountPart => ({ file, kind: "observations", observations, size: observations.length });

export const partOfBatches = (file: string, batches: readonly ObservationBatch[]): CountPart => ({ file, kind: "batches", batches, size: batches.reduce((n, b) => n + b.size, 0) });

/** Visits every row of the parts not dropped, in order, with counts for `fields`. */
export function eachRow(parts: readonly CountPart[], fields: readonly string[], visit: (row: RowCursor) => void): void {
  const row = new RowCursor(fields);
  for (const part of parts) {
    row.file = part.file;
    if (part.kind === "observations") eachObservation(part, row, visit);
    else eachBatchRow(part, row, visit);
  }
}

function eachObservation(part: Extract<CountPart, { kind: "observations" }>, row: RowCursor, visit: (row: RowCursor) => void): void {
  const { fields, counts } = row;
  part.observations.forEach((o, i) => {
    if (part.dropped?.[i] === 1) return;
    row.source = o;
    row.file = o.source.file;
    row.unit = o.unit;
    row.period = o.period;
    row.line = o.source.line;
    for (let f = 0; f < fields.length; f++) counts[f] = o.counts.get(fields[f]!) ?? NaN;
    visit(row);
  });
  row.source = undefined;
}

function eachBatchRow(part: Extract<CountPart, { kind: "batches" }>, row: RowCursor, visit: (row: RowCursor) => void): void {
  const { counts } = row;
  let n = 0;
  for (const batch of part.batches) {
    // Where each of the row's fields is among the batch's columns; -1 when the file lacks it.
    const columns = row.fields.map((f) => batch.fields.indexOf(f));
    for (let i = 0; i < batch.size; i++, n++) {
      if (part.dropped?.[n] === 1) continue;
      row.unit = batch.units[i]!;
      row.period = batch.periods[i]!;
      row.line = batch.lines[i]!;
      for (let f = 0; f < columns.length; f++) counts[f] = columns[f]! < 0 ? NaN : batch.counts[columns[f]!]![i]!;
      visit(row);
    }
  }
}

/** The rows not dropped as observations, as a caller of the library sees them. */
export function observationsOfParts(parts: readonly CountPart[]): Observation[] {
  const out: Observation[] = [];
  for (const part of parts) {
    if (part.kind === "observations") part.observations.forEach((o, i) => part.dropped?.[i] !== 1 && out.push(o));
    else eachBatchObservation(part, out);
  }
  return out;
}

function eachBatchObservation(part: Extract<CountPart, { kind: "batches" }>, out: Observation[]): void {
  let n = 0;
  for (const batch of part.batches) {
    for (const o of observationsOf(batch, part.file)) if (part.dropped?.[n++] !== 1) out.push(o);
  }
}
