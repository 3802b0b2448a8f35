/** `chitieu explain POLICY --unit U --metric M ...`: one result in sentences. */
import { printable } from "../text/printable.js";
import "../text/jitless.js";
import { z } from "zod";
import { explainResult } from "../report/explain.js";
import { closest } from "../text/suggest.js";
import { DataOptions, evaluationOf } from "./data.js";
import { EXIT, type Output } from "./output.js";
import { cliWords, type ResultHint } from "./words.js";

export const ExplainOptions = DataOptions.extend({ unit: z.string(), metric: z.string().optional() });
export type ExplainOptions = z.infer<typeof ExplainOptions>;

export async function explainCommand(policyFile: string, options: ExplainOptions, io: Output): Promise<number> {
  const loaded = await evaluationOf(policyFile, options, io);
  if (typeof loaded === "number") return loaded;
  const { evaluation, policy } = loaded;
  const results = evaluation.results.filter((r) => r.unit === options.unit && (options.metric === undefined || r.metric === options.metric));
  if (results.length === 0) {
    const units = [...new Set(evaluation.results.map((r) => r.unit))];
    const near = closest(options.unit, units);
    const hint: ResultHint = units.includes(options.unit)
      ? { kind: "metrics", metrics: [...new Set(evaluation.results.filter((r) => r.unit === options.unit).map((r) => r.metric))] }
      : near
        ? { kind: "near", unit: near }
        : { kind: "no-target" };
    io.err(`chitieu: ${cliWords(options.lang ?? io.lang).noResult(options.unit, options.metric, hint)}\n`);
    return EXIT.usage;
  }
  const lang = options.lang ?? io.lang ?? "en";
  io.out(`${printable(results.map((r) => explainResult(r, policy, lang, loaded.units)).join("\n\n"))}\n`);
  return EXIT.ok;
}
