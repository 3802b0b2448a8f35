/**
 * `chitieu test --properties [POLICIES]`: the ready properties of chitieu/testing on policy files,
 * each failure printed as a policy or data fragment with the seed that replays it.
 */
import { extname } from "node:path";
import "../text/jitless.js";
import { z } from "zod";
import { compileFile } from "../files/policy.js";
import { readUnits } from "../data/registry.js";
import type { Registry } from "../data/types.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { findFiles, readText } from "../files/find.js";
import { renderPropertyReport } from "../testing/render.js";
import { EXIT, type Output } from "./output.js";
import { cliWords } from "./words.js";

export const PropertiesOptions = z.object({
  units: z.string().optional(),
  runs: z.coerce.number().int().positive().optional(),
  seed: z.coerce.number().int().nonnegative().optional(),
  lang: z.enum(["en", "vi"]).optional(),
});
export type PropertiesOptions = z.infer<typeof PropertiesOptions>;

export async function propertiesCommand(paths: readonly string[], options: PropertiesOptions, io: Output): Promise<number> {
  const words = cliWords(io.lang);
  const { files, unreadable } = findFiles(paths.length > 0 ? paths : ["policies"], ".ct");
  for (const { path, reason } of unreadable) io.err(`chitieu: ${words.cannotRead(path, reason)}\n`);
  const registry = options.units === undefined ? undefined : unitsFrom(options.units, io);
  if (unreadable.length > 0 || registry === null) return EXIT.usage;
  // fast-check is an optional peer dependency: only this command needs it.
  const kit = await import("../testing/index.js").catch(() => undefined);
  if (!kit) {
    io.err(`chitieu: ${words.needsFastCheck}\n`);
    return EXIT.usage;
  }
  let failed = false;
  for (const file of files) {
    const compiled = compileFile(file);
    if (!compiled.policy) {
      if (compiled.diagnostics.length === 0) continue; // shared definitions only: nothing to test
      io.out(`${words.fail} ${file}: ${words.policyDoesNotCompile()}\n${renderDiagnostics(compiled.diagnostics, compiled.sources, { lang: io.lang })}\n`);
      failed = true;
      continue;
    }
    const reports = kit.propertiesReport(compiled.policy, registry, { runs: options.runs, seed: options.seed, sources: compiled.sources });
    io.out(`${file}\n${renderPropertyReport(reports)}\n`);
    failed ||= reports.some((r) => !r.ok);
  }
  return failed ? EXIT.problems : EXIT.ok;
}

function unitsFrom(path: string, io: Output): Registry | null {
  const text = readText(path);
  if (text === undefined) {
    io.err(`chitieu: ${cliWords(io.lang).cannotRead(path, "no-such-file")}\n`);
    return null;
  }
  const read = readUnits(text, { file: path, format: extname(path).toLowerCase() === ".json" ? "json" : "csv" });
  for (const issue of read.issues) io.err(`${issue.file}:${issue.line}: ${issue.message}\n`);
  // Asked to test on this registry, an empty one (a header only, or every row rejected) is a mistake, not a pass.
  if (read.registry.units.length > 0) return read.registry;
  io.err(`chitieu: ${cliWords(io.lang).noUnitsToTest(path)}\n`);
  return null;
}
