/**
 * `chitieu template POLICY --out template.xlsx [--units units.csv] [--period 2022-11]`: the workbook
 * units fill in, made from the policy (src/report/template.ts), one row per unit of the registry.
 */
import { readFileSync, writeFileSync } from "node:fs";
import "../text/jitless.js";
import { z } from "zod";
import { parsePeriod } from "../data/period.js";
import { readUnits } from "../data/registry.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { compileFile } from "../files/policy.js";
import { reportTemplate } from "../report/template.js";
import { EXIT, type Output } from "./output.js";

export const TemplateOptions = z.object({
  out: z.string().regex(/\.xlsx$/i, "the template is an .xlsx workbook: name it template.xlsx"),
  units: z.string().optional(),
  period: z.string().optional(),
  lang: z.enum(["en", "vi"]).optional(),
});
export type TemplateOptions = z.infer<typeof TemplateOptions>;

export async function templateCommand(policyFile: string, options: TemplateOptions, io: Output): Promise<number> {
  const compiled = compileFile(policyFile);
  if (!compiled.policy) {
    io.err(`${renderDiagnostics(compiled.diagnostics, compiled.sources, { lang: io.lang })}\n`);
    return EXIT.problems;
  }
  const period = options.period === undefined ? undefined : parsePeriod(options.period);
  if (options.period !== undefined && period === undefined) {
    io.err(`chitieu: --period: \`${options.period}\` is not a period such as 2022-11\n`);
    return EXIT.usage;
  }
  const tiers = new Set(compiled.policy.tiers.keys());
  const units = options.units === undefined ? undefined : readUnits(readFileSync(options.units, "utf8"), { file: options.units, format: "csv", ...(tiers.size > 0 ? { tiers } : {}) });
  for (const issue of units?.issues ?? []) io.err(`${issue.file}:${issue.line} ${issue.message}\n`);
  const book = await reportTemplate(compiled.policy, { lang: options.lang ?? "vi", ...(units ? { units: units.registry.units } : {}), ...(period ? { period: period.text } : {}) });
  writeFileSync(options.out, book);
  io.err(`chitieu: wrote ${options.out}${units ? ` with a row for each of ${units.registry.units.length} units` : ""}\n`);
  return EXIT.ok;
}
