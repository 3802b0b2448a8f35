/** `chitieu eval POLICY --units F --data F --as-of DATE`: score reported data against a policy. */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { z } from "zod";
import { compileFile } from "../check/compile.js";
import { readObservations } from "../data/observations.js";
import { readMerges, readUnits } from "../data/registry.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { compileEvaluator } from "../evaluate/evaluate.js";
import type { Evaluation } from "../evaluate/result.js";
import type { Policy } from "../model/policy.js";
import { resultsCsv, resultsNdjson } from "../report/rows.js";
import { resultsTable } from "../report/table.js";
import { parseDate, type IsoDate } from "../time/calendar.js";
import { statOf } from "../files/find.js";
import { EXIT, type Output } from "./output.js";

/** What `eval` and `explain` share: the policy's data and the date. */
export const DataOptions = z.object({
  units: z.string(),
  data: z.string(),
  merges: z.string().optional(),
  asOf: z.string().transform((text, ctx) => parseDate(text) ?? (ctx.addIssue({ code: "custom", message: `\`${text}\` is not a date such as 2022-11-30` }), z.NEVER)),
  numbers: z.enum(["plain", "vi"]),
  successors: z.boolean(),
  lang: z.enum(["en", "vi"]).optional(),
});

export const EvalOptions = DataOptions.extend({
  format: z.enum(["table", "json", "csv", "ndjson"]),
  failOnMiss: z.boolean(),
});
export type EvalOptions = z.infer<typeof EvalOptions>;

type Format = "csv" | "json" | "ndjson";

function formatOf(path: string): Format {
  const ext = extname(path).toLowerCase();
  return ext === ".json" ? "json" : ext === ".ndjson" || ext === ".jsonl" ? "ndjson" : "csv";
}

export function evaluateCommand(policyFile: string, options: EvalOptions, io: Output): number {
  const loaded = evaluationOf(policyFile, options, io);
  if (typeof loaded === "number") return loaded;
  const { evaluation } = loaded;
  io.out(render(evaluation, options, io));
  const missed = evaluation.results.some((r) => r.status === "missed");
  return options.failOnMiss && missed ? EXIT.problems : EXIT.ok;
}

function render(evaluation: Evaluation, options: EvalOptions, io: Output): string {
  switch (options.format) {
    case "json":
      return `${JSON.stringify(evaluation, null, 2)}\n`;
    case "csv":
      return resultsCsv(evaluation);
    case "ndjson":
      return resultsNdjson(evaluation);
    case "table":
      return resultsTable(evaluation, { lang: options.lang ?? io.lang ?? "en", colour: io.colour ?? false });
  }
}

/** Reads the policy and the data and evaluates; a number is the exit code of a failure already reported. */
export function evaluationOf(policyFile: string, options: z.infer<typeof DataOptions>, io: Output): { evaluation: Evaluation; policy: Policy } | number {
  const unreadable = [policyFile, options.units, options.data, ...(options.merges ? [options.merges] : [])].filter((p) => p !== "-" && !statOf(p)?.isFile());
  if (unreadable.length > 0) {
    for (const path of unreadable) io.err(`chitieu: cannot read ${path}: no such file\n`);
    return EXIT.usage;
  }
  const read = (path: string): string => (path === "-" ? (io.stdin ?? (() => ""))() : readFileSync(path, "utf8"));
  const compiled = compileFile(policyFile);
  if (!compiled.policy) {
    io.err(`${renderDiagnostics(compiled.diagnostics, compiled.sources) || `chitieu: ${policyFile} has no policy header`}\n`);
    return EXIT.problems;
  }
  const policy = compiled.policy;
  const units = readUnits(read(options.units), { file: options.units, format: formatOf(options.units) === "json" ? "json" : "csv" });
  const ids = new Set(units.registry.units.map((u) => u.id));
  const merges = options.merges ? readMerges(read(options.merges), { file: options.merges, format: formatOf(options.merges) === "json" ? "json" : "csv", units: ids }) : undefined;
  const observations = readObservations(read(options.data), {
    file: options.data,
    format: formatOf(options.data),
    fields: new Set(policy.fields.keys()),
    units: ids,
    numbers: options.numbers,
  });
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
  return { evaluation: evaluator.evaluate(prepared, { asOf: options.asOf as IsoDate }), policy };
}
