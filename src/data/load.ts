/**
 * A policy's data from any number of files, as one input for the evaluator: every registry, merge
 * and count file read with the policy's tiers, fields and headings; the same (unit, period) in two
 * files reported with both places; every file tallied, and a file none of whose rows could be used
 * reported, rather than silently scoring nothing. The CLI, policy tests and services all load data
 * through `readData`.
 */
import { references } from "../model/expression.js";
import type { Policy } from "../model/policy.js";
import type { Delimiter } from "./csv.js";
import { capped } from "./issue-log.js";
import { issueText, type At, type IssueText, type Where } from "./issue-words.js";
import { clashText, readObservations, type ObservationReadOptions } from "./observations.js";
import type { NumberStyle } from "./numbers.js";
import { issueAt, MAX_INPUT_BYTES, sizeRefusal, sumRows, type Format, type RecordInput } from "./records.js";
import { readMerges, readUnitFiles } from "./registry.js";
import { eachRow, observationsOfParts, partOfBatches, partOfObservations, type CountPart } from "./count-rows.js";
import { readBatches, type ObservationChunks } from "./stream.js";
import type { DataIssue, Observation, Period, Registry, RowCounts } from "./types.js";
import { readSheet } from "./xlsx.js";

export type SourceRole = "units" | "merges" | "data";

/** One input file: what it holds, the name issues cite, and its content. */
export interface Source {
  readonly role: SourceRole;
  readonly file: string;
  /** The text of a CSV, JSON or NDJSON file; the bytes of an .xlsx workbook; or, for counts in CSV, chunks to stream. */
  readonly content: string | Uint8Array | ObservationChunks;
  /** From the file name's extension unless given: `.json`, `.ndjson`/`.jsonl`, `.xlsx`, else CSV. */
  readonly format?: Format;
}

export interface DataReadOptions {
  readonly numbers?: NumberStyle;
  /** The CSV delimiter; found from each file's header line unless given. */
  readonly delimiter?: Delimiter;
  /** The worksheet of .xlsx count files; the first unless given. */
  readonly sheet?: string;
  /** Called with the bytes read so far of a count file being streamed. */
  readonly onProgress?: (file: string, bytesRead: number) => void;
}

/** One file's rows: read, used and rejected. */
export interface FileRows extends RowCounts {
  readonly file: string;
  readonly role: SourceRole;
}

/** What `prepare` takes, with each file's tally. */
export interface DataRead {
  readonly registry: Registry;
  readonly observations: readonly Observation[];
  readonly dataIssues: readonly DataIssue[];
  /** The count rows of every data file together. */
  readonly rows: RowCounts;
  readonly files: readonly FileRows[];
}

export function formatOfPath(path: string): Format {
  const ext = /\.[^./\\]*$/.exec(path.toLowerCase())?.[0];
  return ext === ".json" ? "json" : ext === ".ndjson" || ext === ".jsonl" ? "ndjson" : ext === ".xlsx" ? "xlsx" : "csv";
}

/** A source ready for a reader (counts in CSV given in chunks as a stream), or the one issue that it could not be read. */
type Input =
  | { readonly ok: true; readonly file: string; readonly format: Format; readonly content: RecordInput; readonly stream?: ObservationChunks }
  | { readonly ok: false; readonly file: string; readonly issue: DataIssue };

export async function readData(policy: Policy, sources: readonly Source[], options: DataReadOptions = {}): Promise<DataRead> {
  const of = async (role: SourceRole): Promise<Input[]> => Promise.all(sources.filter((s) => s.role === role).map((s) => inputOf(s, role, role === "data" ? options.sheet : undefined)));
  const [unitInputs, mergeInputs, dataInputs] = [await of("units"), await of("merges"), await of("data")];
  // A policy with no tiers (targets `for all` only) puts no condition on a unit's tier.
  const tiers = policy.tiers.size > 0 ? new Set(policy.tiers.keys()) : undefined;
  const units = readUnitFiles(readable(unitInputs).map((i) => ({ input: i.content, options: { file: i.file, format: registryFormat(i.format), tiers } })));
  const ids = new Set(units.registry.units.map((u) => u.id));
  const merges = readable(mergeInputs).map((i) => ({ file: i.file, read: readMerges(i.content, { file: i.file, format: registryFormat(i.format), units: ids }) }));
  const reading = { ...readingOf(policy), units: ids, numbers: options.numbers ?? "plain", ...(options.delimiter ? { delimiter: options.delimiter } : {}) };
  const counts: CountFile[] = [];
  for (const input of readable(dataInputs)) counts.push({ file: input.file, format: input.format, read: await readCounts(input, reading, options) });
  const distinct = acrossFiles(counts);
  const files: FileRows[] = [
    ...tallies(unitInputs, "units", (file) => units.files.find((f) => f.file === file)),
    ...tallies(mergeInputs, "merges", (file) => merges.find((m) => m.file === file)?.read.rows),
    ...tallies(dataInputs, "data", (file) => distinct.rows.get(file)),
  ];
  const dataIssues = capped([
    ...[...unitInputs, ...mergeInputs, ...dataInputs].flatMap((i) => (i.ok ? [] : [i.issue])),
    ...units.issues,
    ...merges.flatMap((m) => m.read.issues),
    ...counts.flatMap((c) => c.read.issues.map((issue) => refusedUnit(issue, units.refused))),
    ...distinct.issues,
  ]);
  const registry = { units: units.registry.units, merges: [...units.registry.merges, ...merges.flatMap((m) => m.read.merges)] };
  return withParts({ registry, dataIssues, rows: sumRows(files.filter((f) => f.role === "data")), files }, counts.map((c) => c.read.part));
}

const partsOf = new WeakMap<DataRead, readonly CountPart[]>();

/** The count rows of a `readData` result as read (by columns where streamed); undefined for any other input. */
export const countPartsOf = (read: object): readonly CountPart[] | undefined => partsOf.get(read as DataRead);

/**
 * The data read, its observations built on first read: the evaluator prepares straight from the
 * parts, so a run of the CLI never builds an object per row, while a caller of the library that
 * reads `observations` sees an ordinary array.
 */
function withParts(head: Omit<DataRead, "observations">, parts: readonly CountPart[]): DataRead {
  let observations: readonly Observation[] | undefined;
  const read = { registry: head.registry } as DataRead;
  Object.defineProperty(read, "observations", {
    enumerable: true,
    configurable: true,
    get: () => (observations ??= observationsOfParts(parts)),
  });
  const done = Object.assign(read, { dataIssues: head.dataIssues, rows: head.rows, files: head.files });
  partsOf.set(done, parts);
  return done;
}

/** A row of a unit the registry refused says so, rather than that the unit is unknown. */
function refusedUnit(issue: DataIssue, refused: ReadonlyMap<string, At>): DataIssue {
  const args = issue.args;
  if (args?.kind !== "cell" || args.problem.kind !== "unknown-unit") return issue;
  const at = refused.get(args.problem.id);
  if (at === undefined) return issue;
  const text: IssueText = { kind: "cell", column: "unit", problem: { kind: "unit-refused", id: args.problem.id, at } };
  return { ...issue, message: issueText("en", text), args: { ...text, ...(args.item ? { item: args.item } : {}) } };
}

const readable = (inputs: readonly Input[]) => inputs.flatMap((i) => (i.ok ? [i] : []));

/**
 * The most a source read whole may hold, when it comes in chunks: its text must fit one JavaScript
 * string (2^29 - 24 UTF-16 units), and reading stops there, so endless input such as /dev/zero ends.
 */
export const MAX_WHOLE_BYTES = MAX_INPUT_BYTES / 2;

async function inputOf(source: Source, role: SourceRole, sheet: string | undefined): Promise<Input> {
  const format = source.format ?? formatOfPath(source.file);
  const { file, content } = source;
  // Only counts in CSV are streamed, each file with its own limit; anything else is read whole.
  if (role === "data" && format === "csv" && typeof content !== "string" && !(content instanceof Uint8Array)) return { ok: true, file, format, content: "", stream: content };
  if (format !== "xlsx") {
    const text = content instanceof Uint8Array ? new TextDecoder().decode(content) : typeof content === "string" ? content : await joinText(content, MAX_WHOLE_BYTES);
    return text === undefined ? { ok: false, file, issue: sizeRefusal(file, MAX_WHOLE_BYTES) } : { ok: true, file, format, content: text };
  }
  const bytes = typeof content === "string" ? "text" : content instanceof Uint8Array ? content : await joinBytes(content, MAX_WHOLE_BYTES);
  if (bytes === undefined) return { ok: false, file, issue: sizeRefusal(file, MAX_WHOLE_BYTES) };
  const read = bytes === "text" ? { ok: false as const, message: "a workbook is given as bytes, not text" } : await readSheet(bytes, { sheet });
  if (read.ok) return { ok: true, file, format, content: read.sheet };
  return { ok: false, file, issue: issueAt(file, { line: 1, where: "line" }, "bad-row", undefined, { kind: "unreadable-workbook", reason: read.message }, true) };
}

/** Chunks of bytes joined, or undefined past `limit` bytes (reading stops there); text chunks make it "text". */
async function joinBytes(chunks: ObservationChunks, limit: number): Promise<Uint8Array | "text" | undefined> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    if (typeof chunk === "string") return "text";
    if ((total += chunk.length) > limit) return undefined;
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Chunks joined into one text, or undefined past `limit` bytes (reading stops there). */
export async function joinText(chunks: ObservationChunks, limit: number): Promise<string | undefined> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    if ((total += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length) > limit) return undefined;
    parts.push(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
  }
  return parts.join("") + decoder.decode();
}

const registryFormat = (format: Format): "csv" | "json" | "xlsx" => (format === "ndjson" ? "csv" : format);

/** How the policy's data is read: its fields, the headings they may have, and which of them metrics need. */
export function readingOf(policy: Policy): Pick<ObservationReadOptions, "fields" | "headings" | "needed"> {
  const headings = new Map([...policy.fields.values()].map((f) => [f.id, [...(f.name !== f.id ? [f.name] : []), ...f.columns]]));
  const needed = new Map<string, string[]>();
  const need = (metricId: string): void => {
    const metric = policy.metrics.get(metricId);
    if (!metric) return;
    for (const field of [metric.numerator, metric.denominator]) {
      const metrics = needed.get(field) ?? [];
      if (!metrics.includes(metric.id)) metrics.push(metric.id);
      needed.set(field, metrics);
    }
  };
  for (const target of policy.targets) need(target.metric);
  for (const score of policy.scores) for (const name of [...references(score.points.formula), ...(score.points.whenEmpty ? references(score.points.whenEmpty) : [])]) need(name);
  return { fields: new Set(policy.fields.keys()), headings, needed };
}

/** One count file's rows as read, with its issues and tally. */
interface CountsRead {
  readonly part: CountPart;
  readonly issues: readonly DataIssue[];
  readonly rows: RowCounts;
}

async function readCounts(input: Extract<Input, { ok: true }>, reading: Omit<ObservationReadOptions, "file" | "format">, options: DataReadOptions): Promise<CountsRead> {
  const { file, format, content, stream } = input;
  if (!stream) {
    const read = readObservations(content, { ...reading, file, format });
    return { part: partOfObservations(file, read.observations), issues: read.issues, rows: read.rows };
  }
  const onProgress = options.onProgress;
  const read = await readBatches(stream, { ...reading, file, ...(onProgress ? { onProgress: (bytes: number) => onProgress(file, bytes) } : {}) });
  return { part: partOfBatches(file, read.batches), issues: read.issues, rows: read.rows };
}

interface CountFile {
  readonly file: string;
  readonly format: Format;
  readonly read: CountsRead;
}

/**
 * Each file refuses a (unit, month) it already has; across files the later row is refused too,
 * naming the file and line of the first, since both would be summed into every window. The row
 * refused is marked dropped in its file's part.
 */
function acrossFiles(files: readonly CountFile[]): { issues: DataIssue[]; rows: Map<string, RowCounts> } {
  const rows = new Map(files.map((f) => [f.file, f.read.rows]));
  if (files.length <= 1) return { issues: [], rows };
  const where = new Map(files.map((f) => [f.file, whereIn(f.format)]));
  const byUnit = new Map<string, Map<number, { file: string; line: number; period: Period }>>();
  const issues: DataIssue[] = [];
  for (const { file, read } of files) {
    const dropped = new Uint8Array(read.part.size);
    let n = 0;
    eachRow([read.part], [], (o) => {
      const at = n++;
      const months = byUnit.get(o.unit) ?? new Map<number, { file: string; line: number; period: Period }>();
      byUnit.set(o.unit, months);
      let earlier: { file: string; line: number; period: Period } | undefined;
      for (let m = o.period.from; m <= o.period.to && !earlier; m++) earlier = months.get(m);
      if (!earlier || earlier.file === file) {
        const first = { file, line: o.line, period: o.period };
        for (let m = o.period.from; m <= o.period.to; m++) months.set(m, first);
        return;
      }
      dropped[at] = 1;
      const place = { where: where.get(earlier.file) ?? "line", line: earlier.line, file: earlier.file };
      const text = clashText(o.unit, o.period, earlier.period, place);
      issues.push(issueAt(file, { where: where.get(file) ?? "line", line: o.line }, "duplicate-row", "period", text, true));
    });
    read.part.dropped = dropped;
    const refused = dropped.reduce((sum, d) => sum + d, 0);
    const r = read.rows;
    rows.set(file, { read: r.read, used: r.used - refused, rejected: r.rejected + refused });
  }
  return { issues, rows };
}

const whereIn = (format: Format): Where => (format === "xlsx" ? "row" : format === "json" ? "item" : "line");

function tallies(inputs: readonly Input[], role: SourceRole, rowsOf: (file: string) => RowCounts | undefined): FileRows[] {
  return inputs.map((i) => ({ file: i.file, role, ...(rowsOf(i.file) ?? { read: 0, used: 0, rejected: 0 }) }));
}

/**
 * A file that had rows but none that could be used: it has its other issues, and this one says what
 * they came to. An empty file shows as such in its tally (and the CLI refuses a run that used none).
 */
export function unusable(files: readonly FileRows[]): DataIssue[] {
  return files
    .filter((f) => f.used === 0 && f.read > 0)
    .map((f) => issueAt(f.file, { line: 1, where: "line" }, "no-usable-row", undefined, { kind: "no-usable-row", what: f.role, read: f.read }, false));
}

