/** `chitieu eval POLICY --units F --data F --as-of DATE`: score reported data against a policy. */
import { printable } from "../text/printable.js";
import { closeSync, openSync, writeFileSync, writeSync } from "node:fs";
import { extname } from "node:path";
import "../text/jitless.js";
import { z } from "zod";
import { localizeIssue } from "../data/issue-words.js";
import type { Evaluation } from "../evaluate/result.js";
import type { Lang } from "../i18n/lang.js";
import { evaluationJson } from "../report/json.js";
import { resultsCsv, resultsNdjson } from "../report/rows.js";
import { resultsTable, type TableOptions } from "../report/table.js";
import { resultsWorkbook } from "../report/workbook.js";
import { DataOptions, evaluationOf, langOf, unusedData } from "./data.js";
import { EXIT, type Output } from "./output.js";
import { decidedBy, evaluationOverTimeOf, severalPolicies } from "./over-time.js";
import { cliWords } from "./words.js";

const FORMATS = ["table", "json", "csv", "ndjson", "xlsx"] as const;
type Format = (typeof FORMATS)[number];

export const EvalOptions = DataOptions.extend({
  /** From `--out`'s extension unless given; `table` on standard output. */
  format: z.enum(FORMATS).optional(),
  out: z.string().optional(),
  failOnMiss: z.boolean(),
});
export type EvalOptions = z.infer<typeof EvalOptions>;

const BY_EXTENSION: Readonly<Record<string, Format>> = { ".xlsx": "xlsx", ".json": "json", ".csv": "csv", ".ndjson": "ndjson", ".jsonl": "ndjson" };

/** The format asked for, or named by --out's extension; or the usage error. */
function formatFor(options: EvalOptions, words: ReturnType<typeof cliWords>): { readonly format: Format } | { readonly error: string } {
  const out = options.out;
  if (out === undefined) return options.format === "xlsx" ? { error: words.xlsxNeedsOut } : { format: options.format ?? "table" };
  const ext = extname(out).toLowerCase();
  if (ext === ".html" || ext === ".htm") return { error: words.htmlIsReport(out) };
  const named = BY_EXTENSION[ext];
  if (options.format === undefined) return { format: named ?? "table" };
  if (named !== undefined && named !== options.format) return { error: words.formatAgainstOut(options.format, out) };
  return { format: options.format };
}

/** Issues listed on standard error when the output itself does not carry them. */
const ISSUES_ON_STDERR = 10;

/** One policy file, or several (a folder, or files given together) evaluated as policies over time. */
export async function evaluateCommand(policyFiles: string | readonly string[], options: EvalOptions, io: Output): Promise<number> {
  const paths = typeof policyFiles === "string" ? [policyFiles] : policyFiles;
  const lang = langOf(options, io);
  const chosen = formatFor(options, cliWords(lang));
  if ("error" in chosen) {
    io.err(`chitieu: ${chosen.error}\n`);
    return EXIT.usage;
  }
  const { format } = chosen;
  const loaded = severalPolicies(paths) ? await evaluationOverTimeOf(paths, options, io) : await evaluationOf(paths[0] ?? "", options, io);
  if (typeof loaded === "number") return loaded;
  const { evaluation, policy, units } = loaded;
  const output = format === "xlsx" ? await resultsWorkbook(evaluation, policy, { lang, units }) : render(evaluation, format, { lang, colour: io.colour ?? false, policy, units });
  const shown = format === "table" && evaluation.timeline !== undefined ? `${output as string}
${decidedBy(evaluation, lang)}` : output;
  if (options.out === undefined) for (const piece of typeof shown === "string" ? [shown] : shown) io.out(piece as string);
  else if (!writeOut(options.out, output, io, lang)) return EXIT.usage;
  const quiet = evaluation.dataIssues.length === 0 && evaluation.rows.rejected === 0;
  if (!quiet && format !== "table" && !(format === "json" && options.out === undefined)) summarise(evaluation, lang, io);
  const unused = unusedData(evaluation, options, io);
  if (unused !== EXIT.ok) return unused;
  // Read only when asked: reading the results builds every one of them, which the JSON writer avoided.
  return options.failOnMiss && evaluation.results.some((r) => r.status === "missed") ? EXIT.problems : EXIT.ok;
}

/** Rows and data issues on standard error, for outputs that do not show them (CSV, NDJSON, a file); a clean run says nothing. */
function summarise(evaluation: Evaluation, lang: Lang, io: Output): void {
  const words = cliWords(lang);
  const { read, used, rejected } = evaluation.rows;
  const issues = evaluation.dataIssues;
  const lines = [words.rowsSummary(read, used, rejected, issues.length)];
  for (const issue of issues.slice(0, ISSUES_ON_STDERR)) lines.push(`  ${issue.file}:${issue.line}${issue.column ? ` [${issue.column}]` : ""} ${localizeIssue(issue, lang)}`);
  if (issues.length > ISSUES_ON_STDERR) lines.push(`  ${words.moreIssues(issues.length - ISSUES_ON_STDERR)}`);
  io.err(`${printable(lines.join("\n"))}\n`);
}

/** Writes `--out`, whole or piece by piece; false when it cannot, after saying why. */
export function writeOut(path: string, content: string | Uint8Array | Iterable<string>, io: Output, lang: Lang | undefined = io.lang): boolean {
  try {
    if (typeof content === "string" || content instanceof Uint8Array) writeFileSync(path, content);
    else writePieces(path, content);
    return true;
  } catch (error) {
    io.err(`chitieu: ${cliWords(lang).cannotWrite(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message)}\n`);
    return false;
  }
}

function writePieces(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, "w");
  try {
    for (const piece of pieces) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

function render(evaluation: Evaluation, format: Exclude<Format, "xlsx">, table: TableOptions): string | Iterable<string> {
  switch (format) {
    case "json":
      return evaluationJson(evaluation);
    case "csv":
      return resultsCsv(evaluation);
    case "ndjson":
      return resultsNdjson(evaluation);
    case "table":
      return resultsTable(evaluation, table);
  }
}
