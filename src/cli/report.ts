/** `chitieu report POLICY --units F --data F --as-of DATE --out report.html`: the HTML report. */
import { extname } from "node:path";
import "../text/jitless.js";
import { z } from "zod";
import { evaluationHistory } from "../evaluate/history.js";
import { reportHtml } from "../report/html.js";
import { DataOptions, loadData, unusedData } from "./data.js";
import { writeOut } from "./eval.js";
import { EXIT, type Output } from "./output.js";
import { cliWords } from "./words.js";

export const ReportOptions = DataOptions.extend({ out: z.string().optional() });
export type ReportOptions = z.infer<typeof ReportOptions>;

/** Files the report is not: `eval --out` writes those. */
const NOT_A_PAGE = [".xlsx", ".json", ".csv", ".ndjson", ".jsonl"];

export async function reportCommand(policyFile: string, options: ReportOptions, io: Output): Promise<number> {
  const words = cliWords(options.lang ?? io.lang);
  if (options.out !== undefined && NOT_A_PAGE.includes(extname(options.out).toLowerCase())) {
    io.err(`chitieu: ${words.reportIsHtml(options.out)}\n`);
    return EXIT.usage;
  }
  const loaded = await loadData(policyFile, options, io);
  if (typeof loaded === "number") return loaded;
  const asOf = options.asOf;
  // The charts draw every month end up to the as-of date; the last evaluation is the report's own.
  const history = evaluationHistory(loaded.evaluator, loaded.prepared, asOf);
  const evaluation = history.at(-1) ?? loaded.evaluator.evaluate(loaded.prepared, { asOf });
  // Vietnamese unless --lang says otherwise: the report is for the heads of units, not the terminal.
  const page = reportHtml(evaluation, loaded.policy, history, { lang: options.lang ?? "vi", units: loaded.units });
  if (options.out === undefined) io.out(page);
  else if (!writeOut(options.out, page, io)) return EXIT.usage;
  else io.err(`chitieu: ${words.wrote(options.out, Buffer.byteLength(page))}\n`);
  return unusedData(evaluation, options, io);
}
