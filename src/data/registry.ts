/**
 * The registry of units and their merges, read from CSV or JSON. Ids outlive renames, so every
 * link (parent, merge) is by id and is checked here: the evaluator follows links without looking.
 */
import { z } from "zod";
import { foldName } from "../text/fold.js";
import { suggester, type Suggestion } from "../text/suggest.js";
import { optionalDate, optionalText, requiredDate, requiredText, tags, toIssues, type CellFailure } from "./cells.js";
import type { At, IssueText } from "./issue-words.js";
import {
  columnSet,
  failed,
  fromJsonItems,
  issueAt,
  parseJsonDocument,
  placeOf,
  readRecords,
  sizeIssue,
  sumRows,
  tally,
  withoutBom,
  type Columns,
  type RawRecord,
  type RecordInput,
  type RecordSet,
} from "./records.js";
import type { DataIssue, Merge, Registry, RegistryUnit, RowCounts } from "./types.js";

export interface RegistryReadOptions {
  /** The name issues cite. */
  readonly file: string;
  /** `xlsx` with a worksheet from `readSheet`, which holds units only, as CSV does. */
  readonly format: "csv" | "json" | "xlsx";
  /** Refuse larger texts with an issue; 512 MiB unless said. */
  readonly maxBytes?: number;
  /** The policy's tiers: when given, a unit of another tier is rejected, with the nearest tier as a suggestion. */
  readonly tiers?: ReadonlySet<string>;
}

export interface MergeReadOptions extends RegistryReadOptions {
  /** The registry's unit ids; when given, a merge naming another id is rejected. */
  readonly units?: ReadonlySet<string>;
}

export interface UnitsRead {
  readonly registry: Registry;
  readonly issues: readonly DataIssue[];
  readonly rows: RowCounts;
}

export interface MergesRead {
  readonly merges: readonly Merge[];
  readonly issues: readonly DataIssue[];
  readonly rows: RowCounts;
}

export const unitRow = z
  .object({
    id: requiredText,
    name: requiredText,
    tier: requiredText,
    parent: optionalText,
    tags,
    valid_from: optionalDate,
    valid_to: optionalDate,
  })
  .superRefine((row, ctx) => {
    if (row.valid_from && row.valid_to && row.valid_to < row.valid_from) {
      const failure: CellFailure = { code: "bad-row", problem: { kind: "before-valid-from", validTo: row.valid_to, validFrom: row.valid_from } };
      ctx.addIssue({ code: "custom", path: ["valid_to"], message: failure.problem.kind, params: failure });
    }
  })
  .transform(
    (row): RegistryUnit => ({
      id: row.id,
      name: row.name,
      tier: row.tier,
      parent: row.parent,
      tags: row.tags,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    }),
  );

/**
 * A row the schema would take as it is, read without it: id, name and tier plain text, a parent
 * plain or empty, no tags and no validity dates (the usual registry row of 40,000). Anything else,
 * undefined, goes through `unitRow`, which words every problem.
 */
export function plainUnit(cells: ReadonlyMap<string, unknown>): RegistryUnit | undefined {
  const [id, name, tier, parent] = [cells.get("id"), cells.get("name"), cells.get("tier"), cells.get("parent") ?? ""];
  if (!isPlain(id) || !isPlain(name) || !isPlain(tier) || !(parent === "" || isPlain(parent))) return undefined;
  if (!isEmpty(cells.get("tags")) || !isEmpty(cells.get("valid_from")) || !isEmpty(cells.get("valid_to"))) return undefined;
  return { id, name, tier, parent: parent === "" ? undefined : parent, tags: [], validFrom: undefined, validTo: undefined };
}

/** Text the schema keeps as it is: not empty, no outer spaces, composed (NFC). */
const isPlain = (value: unknown): value is string => typeof value === "string" && value !== "" && value === value.trim().normalize("NFC");

const isEmpty = (value: unknown): boolean => value === undefined || value === "";

const mergeRow = z
  .object({ id: requiredText, successor: requiredText, date: requiredDate })
  .refine((row) => row.id !== row.successor, { path: ["successor"], params: { code: "bad-row", problem: { kind: "merged-into-itself" } } satisfies CellFailure });

/** Headings Vietnamese registries use, read as the columns they mean (case and diacritics aside, see `columnSet`). */
const UNIT_ALIASES: readonly (readonly [string, string])[] = [
  ["mã", "id"],
  ["mã đơn vị", "id"],
  ["tên", "name"],
  ["tên đơn vị", "name"],
  ["cấp", "tier"],
  ["đơn vị cấp trên", "parent"],
  ["cấp trên", "parent"],
  ["nhóm", "tags"],
  ["hiệu lực từ", "valid_from"],
  ["hiệu lực đến", "valid_to"],
];
const MERGE_ALIASES: readonly (readonly [string, string])[] = [
  ["mã đơn vị", "id"],
  ["đơn vị kế thừa", "successor"],
  ["sáp nhập vào", "successor"],
  ["ngày", "date"],
];

const UNIT_COLUMNS = columns(["id", "name", "tier", "parent", "tags", "valid_from", "valid_to"], ["id", "name", "tier"], UNIT_ALIASES);
const MERGE_COLUMNS = columns(["id", "successor", "date"], ["id", "successor", "date"], MERGE_ALIASES);

function columns(known: readonly string[], required: readonly string[], aliases: readonly (readonly [string, string])[]): Columns {
  const suggest = suggester(known);
  return columnSet(known, required, aliases, (column) => ({ code: "unknown-column", text: { kind: "unknown-column", column, ...suggest(column) } }));
}

/** JSON may hold both lists: `{ "units": [...], "merges": [...] }`, or be the list of units itself. */
const unitsDocument = z.union([
  z.array(z.unknown()).transform((units) => ({ units, merges: undefined })),
  z.object({ units: z.array(z.unknown()), merges: z.array(z.unknown()).default([]) }),
]);

const mergesDocument = z.union([z.array(z.unknown()), z.object({ merges: z.array(z.unknown()) }).transform((d) => d.merges)]);

export function readUnits(input: RecordInput, options: RegistryReadOptions): UnitsRead {
  const read = readUnitFiles([{ input, options }]);
  return { registry: read.registry, issues: read.issues, rows: read.rows };
}

/** Rows read from each file: which counts as used, which as rejected. */
interface RegistryFileRows extends RowCounts {
  readonly file: string;
}

/**
 * Several registry files as one registry: an id given in two files is rejected where it comes
 * second, and a parent may be in any file. Each file's rows are tallied on their own.
 */
export function readUnitFiles(
  files: readonly { readonly input: RecordInput; readonly options: RegistryReadOptions }[],
): UnitsRead & { readonly files: readonly RegistryFileRows[]; readonly refused: ReadonlyMap<string, At> } {
  const sets = files.map(({ input, options }) => ({
    file: options.file,
    ...(typeof input !== "string" || options.format !== "json" ? { units: readRecords(input, options, UNIT_COLUMNS), merges: undefined } : unitsJson(input, options)),
  }));
  const tiers = files.find((f) => f.options.tiers)?.options.tiers;
  const units = validateUnits(sets.map((set) => ({ set: set.units, file: set.file })), tiers);
  const ids = new Set(units.kept.map((u) => u.value.id));
  const merges = sets.map((set) => (set.merges ? validateMerges(set.merges, set.file, ids) : { kept: [], issues: [] }));
  const tallies = sets.map((set, i): RegistryFileRows => {
    const used = units.kept.filter((u) => u.file === set.file).length + (merges[i]?.kept.length ?? 0);
    const read = tally(set.units, 0).read + (set.merges ? tally(set.merges, 0).read : 0);
    return { file: set.file, read, used, rejected: read - used };
  });
  return {
    registry: { units: units.kept.map((u) => u.value), merges: merges.flatMap((m) => m.kept) },
    issues: byPlace([...units.issues, ...merges.flatMap((m) => m.issues)], sets.map((set) => set.file)),
    rows: sumRows(tallies),
    files: tallies,
    refused: new Map(units.refused.map((u) => [u.value.id, { ...placeOf(u.record), file: u.file }])),
  };
}

export function readMerges(input: RecordInput, options: MergeReadOptions): MergesRead {
  const set = typeof input !== "string" || options.format !== "json" ? readRecords(input, options, MERGE_COLUMNS) : mergesJson(input, options);
  const merges = validateMerges(set, options.file, options.units);
  return { merges: merges.kept, issues: byLine(merges.issues), rows: tally(set, merges.kept.length) };
}

function unitsJson(text: string, options: RegistryReadOptions): { units: RecordSet; merges: RecordSet | undefined } {
  const document = jsonDocument(text, options, unitsDocument, "units");
  if (!document.ok) return { units: document.set, merges: undefined };
  const { units, merges } = document.value;
  if (!merges) return { units: fromJsonItems(units, options.file, UNIT_COLUMNS), merges: undefined };
  return {
    // Both lists count from 1, so messages say which one they mean.
    units: fromJsonItems(units, options.file, UNIT_COLUMNS, "units item"),
    merges: fromJsonItems(merges, options.file, MERGE_COLUMNS, "merges item"),
  };
}

function mergesJson(text: string, options: RegistryReadOptions): RecordSet {
  const document = jsonDocument(text, options, mergesDocument, "merges");
  return document.ok ? fromJsonItems(document.value, options.file, MERGE_COLUMNS) : document.set;
}

function jsonDocument<T>(
  text: string,
  options: RegistryReadOptions,
  schema: z.ZodType<T>,
  of: "units" | "merges",
): { ok: true; value: T } | { ok: false; set: RecordSet } {
  const refused = sizeIssue(text, options);
  if (refused) return { ok: false, set: failed(refused) };
  const parsed = parseJsonDocument(withoutBom(text), options.file);
  if (!parsed.ok) return { ok: false, set: failed(parsed.issue) };
  const document = schema.safeParse(parsed.value);
  if (document.success) return { ok: true, value: document.data };
  return { ok: false, set: failed(issueAt(options.file, { line: 1, where: "line" }, "bad-row", undefined, { kind: "not-a-registry", of }, true)) };
}

interface Validated<T> {
  readonly kept: T[];
  readonly issues: DataIssue[];
}

interface Placed<T> {
  readonly value: T;
  readonly record: RawRecord;
  readonly file: string;
}

/** Each record through `schema`, then the first of each id kept and later ones rejected, in this file or after `first`'s. */
function validateRows<T extends { readonly id: string }>(
  set: RecordSet,
  file: string,
  schema: z.ZodType<T>,
  what: "unit" | "merge",
  first = new Map<string, Placed<unknown>>(),
  plain?: (cells: ReadonlyMap<string, unknown>) => T | undefined,
): Validated<Placed<T>> {
  const issues = [...set.issues];
  const kept: Placed<T>[] = [];
  for (const record of set.records) {
    // Cells hold the known columns only, so the object gets no key the schema does not name.
    const plainly = plain?.(record.cells);
    const row = plainly ? { success: true as const, data: plainly } : schema.safeParse(Object.fromEntries(record.cells));
    if (!row.success) {
      issues.push(...toIssues(file, record, row.error));
      continue;
    }
    const earlier = first.get(row.data.id);
    if (earlier) {
      const at = { ...placeOf(earlier.record), ...(earlier.file === file ? {} : { file: earlier.file }) };
      issues.push(issueAt(file, record, "duplicate-row", "id", { kind: "already-given", what, id: row.data.id, at }, true));
      continue;
    }
    const placed = { value: row.data, record, file };
    first.set(row.data.id, placed);
    kept.push(placed);
  }
  return { kept, issues };
}

/** The units kept, and those refused for their tier or parent (whose rows of counts are then refused too, citing them). */
function validateUnits(
  sets: readonly { readonly set: RecordSet; readonly file: string }[],
  tiers: ReadonlySet<string> | undefined,
): Validated<Placed<RegistryUnit>> & { readonly refused: readonly Placed<RegistryUnit>[] } {
  const first = new Map<string, Placed<unknown>>();
  const rows = sets.map(({ set, file }) => validateRows(set, file, unitRow, "unit", first, plainUnit));
  const all = rows.flatMap((r) => r.kept);
  const tiered = tiers ? checkTiers(all, tiers) : { kept: all, issues: [] };
  const linked = checkParents(tiered.kept);
  const kept = new Set(linked.kept);
  return { kept: linked.kept, issues: [...rows.flatMap((r) => r.issues), ...tiered.issues, ...linked.issues], refused: all.filter((u) => !kept.has(u)) };
}

/**
 * Units of a tier the policy does not define are rejected: kept, they would silently get only the
 * targets `for all`. `Province` or `cap tinh` for `province` is a slip, so the suggestion first
 * looks past case and diacritics, then for a near spelling.
 */
function checkTiers(units: readonly Placed<RegistryUnit>[], tiers: ReadonlySet<string>): Validated<Placed<RegistryUnit>> {
  const folded = new Map([...tiers].map((tier) => [foldName(tier), tier]));
  const suggest = suggester(tiers);
  const issues: DataIssue[] = [];
  const kept = units.filter((unit) => {
    const tier = unit.value.tier;
    if (tiers.has(tier)) return true;
    const near = folded.get(foldName(tier));
    const text: IssueText = { kind: "unknown-tier", tier, tiers: [...tiers], ...(near === undefined ? suggest(tier) : { near }) };
    issues.push(issueAt(unit.file, unit.record, "unknown-tier", "tier", text, true));
    return false;
  });
  return { kept, issues };
}

/**
 * Keeps the units whose chain of parents leads up to a unit with no parent, found by one walk down
 * from those units (linear, however deep the chains); the others are dropped: a unit whose parent
 * is not in the registry, a unit on a loop of parents, and whatever hangs below either.
 */
function checkParents(units: readonly Placed<RegistryUnit>[]): Validated<Placed<RegistryUnit>> {
  const all = new Map(units.map((u) => [u.value.id, u]));
  const children = new Map<string, Placed<RegistryUnit>[]>();
  for (const u of units) {
    if (u.value.parent === undefined) continue;
    const siblings = children.get(u.value.parent);
    if (siblings) siblings.push(u);
    else children.set(u.value.parent, [u]);
  }
  const reached = new Set<string>();
  const queue = units.filter((u) => u.value.parent === undefined);
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    reached.add(next.value.id);
    queue.push(...(children.get(next.value.id) ?? []));
  }
  const dropped = units.filter((u) => !reached.has(u.value.id));
  const looping = new Set(onLoops(dropped, (u) => u.value.parent));
  const suggest = suggester(all.keys());
  const issues = dropped.map((u) => parentIssue(u, all, looping.has(u) ? new Set([u.value.parent ?? ""]) : reached, suggest));
  return { kept: units.filter((u) => reached.has(u.value.id)), issues };
}

function parentIssue(
  unit: Placed<RegistryUnit>,
  all: ReadonlyMap<string, Placed<RegistryUnit>>,
  kept: ReadonlySet<string>,
  suggest: (id: string) => Suggestion,
): DataIssue {
  const parent = unit.value.parent ?? "";
  const known = all.get(parent);
  const text: IssueText = kept.has(parent)
    ? { kind: "parent-loop", parent, id: unit.value.id }
    : known
      ? { kind: "parent-rejected", parent, at: { ...placeOf(known.record), ...(known.file === unit.file ? {} : { file: known.file }) } }
      : { kind: "parent-unknown", parent, ...suggest(parent) };
  return issueAt(unit.file, unit.record, kept.has(parent) ? "bad-row" : "unknown-unit", "parent", text, true);
}

/** The items whose chain of links comes back to themselves; each item is walked once. */
function onLoops<T extends { readonly value: { readonly id: string } }>(items: readonly T[], next: (item: T) => string | undefined): T[] {
  const byId = new Map(items.map((item) => [item.value.id, item]));
  const walked = new Set<string>();
  const looping = new Set<string>();
  for (const start of items) {
    const path = new Map<string, number>();
    let id: string | undefined = start.value.id;
    while (id !== undefined && !walked.has(id) && !path.has(id)) {
      const item = byId.get(id);
      if (!item) break;
      path.set(id, path.size);
      id = next(item);
    }
    const ids = [...path.keys()];
    // Back on the path: from where the walk re-entered it, every item leads to itself.
    if (id !== undefined && path.has(id)) ids.slice(path.get(id)).forEach((x) => looping.add(x));
    ids.forEach((x) => walked.add(x));
  }
  return items.filter((item) => looping.has(item.value.id));
}

function validateMerges(set: RecordSet, file: string, units: ReadonlySet<string> | undefined): Validated<Merge> {
  const rows = validateRows(set, file, mergeRow, "merge");
  const issues = [...rows.issues];
  const unknownUnits = units ? unknownUnitsIn(units, file) : () => [];
  const known = rows.kept.filter((m) => {
    const unknown = unknownUnits(m);
    issues.push(...unknown);
    return unknown.length === 0;
  });
  const loops = new Set(onLoops(known, (m) => m.value.successor));
  for (const m of loops) {
    issues.push(issueAt(file, m.record, "bad-row", "successor", { kind: "merge-loop", id: m.value.id, successor: m.value.successor }, true));
  }
  return { kept: known.filter((m) => !loops.has(m)).map((m) => m.value), issues };
}

function unknownUnitsIn(units: ReadonlySet<string>, file: string): (merge: Placed<Merge>) => DataIssue[] {
  const suggest = suggester(units);
  return (merge) =>
    (["id", "successor"] as const).flatMap((column) => {
      const id = merge.value[column];
      if (units.has(id)) return [];
      return [issueAt(file, merge.record, "merge-unknown-unit", column, { kind: "merge-unknown-unit", id, ...suggest(id) }, true)];
    });
}

const byLine = (issues: readonly DataIssue[]): DataIssue[] => [...issues].sort((a, b) => a.line - b.line);

/** By file in the order given, then by line. */
function byPlace(issues: readonly DataIssue[], files: readonly string[]): DataIssue[] {
  const order = new Map(files.map((file, i) => [file, i]));
  return [...issues].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
}
