/** `chitieu eval POLICY --units F --data F --as-of DATE`: score reported data against a policy. */
import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { z } from "zod";
import { compileFile } from "../check/compile.js";
import { readObservations, type ObservationsRead } from "../data/observations.js";
import { readObservationStream, type ObservationStreamOptions } from "../data/stream.js";
import type { RecordInput } from "../data/records.js";
import { readMerges, readUnits } from "../data/registry.js";
import { readSheet } from "../data/xlsx.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { compileEvaluator, type Evaluator, type PreparedData } from "../evaluate/evaluate.js";
import type { Evaluation } from "../evaluate/result.js";
import type { RegistryUnit } from "../data/types.js";
import type { Policy } from "../model/policy.js";
import type { Lang } from "../report/words.js";
import { resultsCsv, resultsNdjson } from "../report/rows.js";
import { resultsTable } from "../report/table.js";
import { resultsWorkbook } from "../report/workbook.js";
import { parseDate, type IsoDate } from "../time/calendar.js";
import { statOf } from "../files/find.js";
import { EXIT, type Output } from "./output.js";
import { progressFor } from "./progress.js";
import { cliWords } from "./words.js";

/** What `eval` and `explain` share: the policy's data and the date. */
export const DataOptions = z.object({
  units: z.string(),
  data: z.string(),
  merges: z.string().optional(),
  asOf: z.string().transform((text, ctx) => parseDate(text) ?? (ctx.addIssue({ code: "custom", message: `\`${text}\` is not a date such as 2022-11-30` }), z.NEVER)),
  numbers: z.enum(["plain", "vi"]),
  /** The worksheet of an .xlsx `--data` file; the first unless given. */
  sheet: z.string().optional(),
  successors: z.boolean(),
  lang: z.enum(["en", "vi"]).optional(),
});

export const EvalOptions = DataOptions.extend({
  format: z.enum(["table", "json", "csv", "ndjson", "xlsx"]),
  out: z.string().optional(),
  failOnMiss: z.boolean(),
});
export type EvalOptions = z.infer<typeof EvalOptions>;

type Format = "csv" | "json" | "ndjson" | "xlsx";

function formatOf(path: string): Format {
  const ext = extname(path).toLowerCase();
  return ext === ".json" ? "json" : ext === ".ndjson" || ext === ".jsonl" ? "ndjson" : ext === ".xlsx" ? "xlsx" : "csv";
}

/** The language of messages and tables: the command's --lang, else chitieu's, else the environment's. */
const langOf = (options: { readonly lang?: Lang | undefined }, io: Output): Lang => options.lang ?? io.lang ?? "en";

export async function evaluateCommand(policyFile: string, options: EvalOptions, io: Output): Promise<number> {
  const lang = langOf(options, io);
  if (options.format === "xlsx" && options.out === undefined) {
    io.err(`chitieu: ${cliWords(lang).xlsxNeedsOut}\n`);
    return EXIT.usage;
  }
  const loaded = await evaluationOf(policyFile, options, io);
  if (typeof loaded === "number") return loaded;
  const { evaluation, policy, units } = loaded;
  const output = options.format === "xlsx" ? await resultsWorkbook(evaluation, policy, { lang, units }) : render(evaluation, options.format, lang, io);
  if (options.out === undefined) io.out(output as string);
  else if (!writeOut(options.out, output, io, lang)) return EXIT.usage;
  const missed = evaluation.results.some((r) => r.status === "missed");
  return options.failOnMiss && missed ? EXIT.problems : EXIT.ok;
}

/** Writes `--out`; false when it cannot, after saying why. */
export function writeOut(path: string, content: string | Uint8Array, io: Output, lang: Lang | undefined = io.lang): boolean {
  try {
    writeFileSync(path, content);
    return true;
  } catch (error) {
    io.err(`chitieu: ${cliWords(lang).cannotWrite(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message)}\n`);
    return false;
  }
}

function render(evaluation: Evaluation, format: EvalOptions["format"], lang: Lang, io: Output): string {
  switch (format) {
    case "xlsx":
    case "json":
      return `${JSON.stringify(evaluation, null, 2)}\n`;
    case "csv":
      return resultsCsv(evaluation);
    case "ndjson":
      return resultsNdjson(evaluation);
    case "table":
      return resultsTable(evaluation, { lang, colour: io.colour ?? false });
  }
}

/** The policy, its compiled evaluator and the data prepared once, to evaluate on one date or many. */
export interface LoadedData {
  readonly policy: Policy;
  readonly evaluator: Evaluator;
  readonly prepared: PreparedData;
  /** The registry's units as read, names included. */
  readonly units: readonly RegistryUnit[];
}

/** Reads the policy and the data and evaluates; a number is the exit code of a failure already reported. */
export async function evaluationOf(
  policyFile: string,
  options: z.infer<typeof DataOptions>,
  io: Output,
): Promise<{ evaluation: Evaluation; policy: Policy; units: readonly RegistryUnit[] } | number> {
  const loaded = await loadData(policyFile, options, io);
  if (typeof loaded === "number") return loaded;
  return { evaluation: loaded.evaluator.evaluate(loaded.prepared, { asOf: options.asOf as IsoDate }), policy: loaded.policy, units: loaded.units };
}

/** Reads the policy and the data and prepares them; a number is the exit code of a failure already reported. */
export async function loadData(policyFile: string, options: z.infer<typeof DataOptions>, io: Output): Promise<LoadedData | number> {
  const lang = langOf(options, io);
  const words = cliWords(lang);
  const unreadable = [policyFile, options.units, options.data, ...(options.merges ? [options.merges] : [])].filter((p) => p !== "-" && !statOf(p)?.isFile());
  if (unreadable.length > 0) {
    for (const path of unreadable) io.err(`chitieu: ${words.cannotRead(path, "no such file")}\n`);
    return EXIT.usage;
  }
  if (options.sheet !== undefined && formatOf(options.data) !== "xlsx") {
    io.err(`chitieu: ${words.sheetNotXlsx(options.data)}\n`);
    return EXIT.usage;
  }
  const compiled = compileFile(policyFile);
  if (!compiled.policy) {
    io.err(`${renderDiagnostics(compiled.diagnostics, compiled.sources, { lang }) || `chitieu: ${words.noPolicyHeader(policyFile)}`}\n`);
    return EXIT.problems;
  }
  const policy = compiled.policy;
  // In the order they were always read, since two of them may be `-`.
  const unitsIn = await readInput(options.units, undefined, io, lang);
  const mergesIn = options.merges ? await readInput(options.merges, undefined, io, lang) : undefined;
  const streamed = options.data !== "-" && formatOf(options.data) === "csv";
  const dataIn = streamed ? "" : await readInput(options.data, options.sheet, io, lang);
  if (unitsIn === undefined || dataIn === undefined || (options.merges && mergesIn === undefined)) return EXIT.usage;
  const units = readUnits(unitsIn, { file: options.units, format: registryFormat(options.units) });
  const ids = new Set(units.registry.units.map((u) => u.id));
  const merges = options.merges ? readMerges(mergesIn!, { file: options.merges, format: registryFormat(options.merges), units: ids }) : undefined;
  const read = { file: options.data, fields: new Set(policy.fields.keys()), units: ids, numbers: options.numbers };
  const observations = streamed ? await streamFile(options.data, read, io) : readObservations(dataIn, { ...read, format: formatOf(options.data) });
  const evaluator = compileEvaluator(policy);
  const prepared = evaluator.prepare(
    {
      registry: { units: units.registry.units, merges: merges?.merges ?? [] },
      observations: observations.observations,
      dataIssues: [...units.issues, ...(merges?.issues ?? []), ...observations.issues],
      rows: observations.rows,
    },
    { successors: options.successors },
  );
  return { policy, evaluator, prepared, units: units.registry.units };
}

/** A CSV data file read in chunks, with a progress bar on a terminal for a large one. */
async function streamFile(path: string, options: ObservationStreamOptions, io: Output): Promise<ObservationsRead> {
  const progress = progressFor(io, basename(path), statOf(path)?.size ?? 0);
  try {
    return await readObservationStream(createReadStream(path), { ...options, onProgress: (bytes) => progress.update(bytes) });
  } finally {
    progress.done();
  }
}

function registryFormat(path: string): "csv" | "json" | "xlsx" {
  const format = formatOf(path);
  return format === "ndjson" ? "csv" : format;
}

/** A file's text, or its worksheet for .xlsx; undefined when it cannot be read, after saying why. */
async function readInput(path: string, sheet: string | undefined, io: Output, lang: Lang): Promise<RecordInput | undefined> {
  if (path === "-") return (io.stdin ?? (() => ""))();
  if (formatOf(path) !== "xlsx") return readFileSync(path, "utf8");
  const read = await readSheet(readFileSync(path), { sheet });
  if (read.ok) return read.sheet;
  io.err(`chitieu: ${cliWords(lang).cannotRead(path, read.message)}\n`);
  return undefined;
}
