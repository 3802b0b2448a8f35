/**
 * What `eval`, `report` and `explain` share: the policy and its data, from as many files as given
 * (repeated options, several paths after one, folders, patterns), read through `readData`, and the
 * verdict a scheduled job needs on whether the run used any of it.
 */
import "../text/jitless.js";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { z } from "zod";
import { compileFile } from "../files/policy.js";
import { formatOfPath, readData, type Source, type SourceRole } from "../data/load.js";
import type { RegistryUnit } from "../data/types.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { compileEvaluator, type Evaluator, type PreparedData } from "../evaluate/evaluate.js";
import type { Evaluation } from "../evaluate/result.js";
import { findFiles, statOf } from "../files/find.js";
import type { Policy } from "../model/policy.js";
import type { Lang } from "../i18n/lang.js";
import { parseDate } from "../time/calendar.js";
import { EXIT, type Output } from "./output.js";
import { progressFor, type Progress } from "./progress.js";
import { cliWords } from "./words.js";

/** The files a folder given to --units, --data or --merges holds. */
export const DATA_SUFFIXES = [".csv", ".tsv", ".txt", ".json", ".ndjson", ".jsonl", ".xlsx"] as const;

const paths = z.union([z.string(), z.array(z.string())]).transform((p) => (typeof p === "string" ? [p] : p));

const DELIMITERS = { ",": ",", comma: ",", ";": ";", semicolon: ";", tab: "\t", "\\t": "\t", "\t": "\t" } as const;

export const DataOptions = z.object({
  units: paths,
  data: paths,
  merges: paths.optional(),
  asOf: z.string().transform((text, ctx) => parseDate(text) ?? (ctx.addIssue({ code: "custom", message: `\`${text}\` is not a date such as 2022-11-30` }), z.NEVER)),
  numbers: z.enum(["plain", "vi"]),
  /** The worksheet of .xlsx `--data` files; the first unless given. */
  sheet: z.string().optional(),
  delimiter: z
    .string()
    .optional()
    .transform((d, ctx) => {
      if (d === undefined) return undefined;
      if (Object.hasOwn(DELIMITERS, d)) return DELIMITERS[d as keyof typeof DELIMITERS];
      ctx.addIssue({ code: "custom", message: `\`${d}\` is not a delimiter: give comma, semicolon or tab` });
      return z.NEVER;
    }),
  successors: z.boolean(),
  /** Exit 0 even when a file, or the whole run, had no usable row. */
  allowEmpty: z.boolean().default(false),
  lang: z.enum(["en", "vi"]).optional(),
});
export type DataOptions = z.infer<typeof DataOptions>;

/** The policy, its compiled evaluator and the data prepared once, to evaluate on one date or many. */
export interface LoadedData {
  readonly policy: Policy;
  readonly evaluator: Evaluator;
  readonly prepared: PreparedData;
  /** The registry's units as read, names included. */
  readonly units: readonly RegistryUnit[];
}

/** The language of messages and tables: the command's --lang, else chitieu's, else the environment's. */
export const langOf = (options: { readonly lang?: Lang | undefined }, io: Output): Lang => options.lang ?? io.lang ?? "en";

/** Reads the policy and the data and evaluates; a number is the exit code of a failure already reported. */
export async function evaluationOf(policyFile: string, options: DataOptions, io: Output): Promise<{ evaluation: Evaluation; policy: Policy; units: readonly RegistryUnit[] } | number> {
  const loaded = await loadData(policyFile, options, io);
  if (typeof loaded === "number") return loaded;
  return { evaluation: loaded.evaluator.evaluate(loaded.prepared, { asOf: options.asOf }), policy: loaded.policy, units: loaded.units };
}

/** Reads the policy and the data and prepares them; a number is the exit code of a failure already reported. */
export async function loadData(policyFile: string, options: DataOptions, io: Output): Promise<LoadedData | number> {
  const words = cliWords(langOf(options, io));
  const found = dataFiles(statOf(policyFile)?.isFile() ? [] : [{ path: policyFile, reason: "no-such-file" }], options, io);
  if (typeof found === "number") return found;
  const compiled = compileFile(policyFile);
  if (!compiled.policy) {
    io.err(`${renderDiagnostics(compiled.diagnostics, compiled.sources, { lang: langOf(options, io) }) || `chitieu: ${words.noPolicyHeader(policyFile)}`}\n`);
    return EXIT.problems;
  }
  const policy = compiled.policy;
  const read = await readFiles(policy, found, options, io);
  if (typeof read === "number") return read;
  const evaluator = compileEvaluator(policy);
  const prepared = evaluator.prepare(read, { successors: options.successors });
  return { policy, evaluator, prepared, units: read.registry.units };
}

/** The data files the options name, once every path is readable; else the exit code, the paths reported. */
export function dataFiles(missing: readonly { path: string; reason: string }[], options: DataOptions, io: Output): Files | number {
  const words = cliWords(langOf(options, io));
  const found = filesOf(options);
  const unreadable = [...missing, ...found.unreadable];
  if (unreadable.length > 0) {
    for (const { path, reason } of unreadable) io.err(`chitieu: ${words.cannotRead(path, reason)}\n`);
    return EXIT.usage;
  }
  const notWorkbook = options.sheet === undefined ? undefined : found.files.data.find((path) => formatOfPath(path) !== "xlsx");
  if (notWorkbook !== undefined) {
    io.err(`chitieu: ${words.sheetNotXlsx(notWorkbook)}\n`);
    return EXIT.usage;
  }
  return found.files;
}

/** Every data file read for the policy, with a progress bar per file on a terminal. */
export async function readFiles(policy: Policy, files: Files, options: DataOptions, io: Output): Promise<Awaited<ReturnType<typeof readData>> | number> {
  const words = cliWords(langOf(options, io));
  const opened = sourcesOf(files, io);
  if (typeof opened === "number") return opened;
  const progress = new Map<string, Progress>();
  try {
    return await readData(policy, opened, {
      numbers: options.numbers,
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
      onProgress: (file, bytes) => progressOf(progress, file, io).update(bytes),
    });
  } catch (error) {
    // A streamed file is opened as it is read: a file that vanished or may not be read fails here.
    const { path, code } = error as NodeJS.ErrnoException;
    io.err(`chitieu: ${words.cannotRead(path ?? "--data", code ?? String(error))}\n`);
    return EXIT.usage;
  } finally {
    for (const bar of progress.values()) bar.done();
  }
}

export type Files = Record<SourceRole, string[]>;

function filesOf(options: DataOptions): { files: Files; unreadable: { path: string; reason: string }[] } {
  const unreadable: { path: string; reason: string }[] = [];
  const find = (given: readonly string[]): string[] => {
    const stdin = given.filter((p) => p === "-");
    const found = findFiles(
      given.filter((p) => p !== "-"),
      DATA_SUFFIXES,
    );
    unreadable.push(...found.unreadable);
    return [...stdin.slice(0, 1), ...found.files];
  };
  return { files: { units: find(options.units), merges: find(options.merges ?? []), data: find(options.data) }, unreadable };
}

/** Each file as a source: count files in CSV streamed, the rest read whole; `-` is standard input, once. */
function sourcesOf(files: Files, io: Output): Source[] | number {
  const sources: Source[] = [];
  let stdinUsed = false;
  for (const role of ["units", "merges", "data"] as const) {
    for (const file of files[role]) {
      if (file === "-") {
        // Standard input can be read once: given for two options, the second would silently be empty.
        if (stdinUsed) {
          io.err(`chitieu: ${cliWords(io.lang).stdinTwice}\n`);
          return EXIT.usage;
        }
        stdinUsed = true;
        sources.push({ role, file, content: (io.stdin ?? (() => []))(), format: "csv" });
        continue;
      }
      sources.push({ role, file, content: chunksOf(file), format: formatOfPath(file) });
    }
  }
  return sources;
}

/**
 * A file's chunks, opened when first read: readData's limits then stop the reading (not a string too
 * long for Node), and a folder of thousands of files does not hold thousands of descriptors at once.
 */
const chunksOf = (file: string): AsyncIterable<Buffer> => ({ [Symbol.asyncIterator]: () => createReadStream(file)[Symbol.asyncIterator]() });

function progressOf(bars: Map<string, Progress>, file: string, io: Output): Progress {
  let bar = bars.get(file);
  if (!bar) {
    for (const other of bars.values()) other.done();
    bar = progressFor(io, basename(file), statOf(file)?.size ?? 0);
    bars.set(file, bar);
  }
  return bar;
}

/**
 * Why a scheduled job should not trust this run, if it should not: a file none of whose rows
 * could be used, or no count used at all. Exit 3 unless `--allow-empty`.
 */
export function unusedData(evaluation: Evaluation, options: DataOptions, io: Output): number {
  const words = cliWords(langOf(options, io));
  const empty = evaluation.files.filter((f) => f.used === 0);
  const nothing = evaluation.rows.used === 0;
  if (empty.length === 0 && !nothing) return EXIT.ok;
  const line = nothing ? words.noDataUsed(evaluation.rows.read) : words.filesUnused(empty.map((f) => f.file));
  io.err(`chitieu: ${line}${options.allowEmpty ? "" : ` (${words.allowEmptyHint})`}\n`);
  return options.allowEmpty ? EXIT.ok : EXIT.noData;
}
