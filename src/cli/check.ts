/** `chitieu check FILES...`: every diagnostic of every policy, and an exit code for CI. */
import { z } from "zod";
import { compileFile } from "../check/compile.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostics, summary } from "../diagnostics/render.js";
import { findFiles } from "../files/find.js";
import { EXIT, type Output } from "./output.js";

export const CheckOptions = z.object({
  format: z.enum(["text", "json"]),
  strict: z.boolean(),
});
export type CheckOptions = z.infer<typeof CheckOptions>;

export function check(paths: readonly string[], options: CheckOptions, io: Output): number {
  const { files, unreadable } = findFiles(paths, ".ct");
  for (const { path, reason } of unreadable) io.err(`chitieu: cannot read ${path}: ${reason}\n`);
  if (unreadable.length > 0) return EXIT.usage;
  if (files.length === 0) {
    io.err(`chitieu: no .ct files in ${paths.join(", ")}\n`);
    return EXIT.usage;
  }
  const results = files.map((file) => ({ file, ...compileFile(file) }));
  const all = results.flatMap((r) => r.diagnostics);
  if (options.format === "json") {
    io.out(`${JSON.stringify({ files: results.map((r) => ({ file: r.file, diagnostics: r.diagnostics })), summary: counts(all) }, null, 2)}\n`);
  } else {
    for (const r of results) {
      if (r.diagnostics.length > 0) io.out(`${renderDiagnostics(r.diagnostics, r.sources)}\n\n`);
    }
    io.out(`checked ${files.length} file${files.length === 1 ? "" : "s"}: ${summary(all)}\n`);
  }
  const failing = all.some((d) => d.severity === "error" || (options.strict && d.severity === "warning"));
  return failing ? EXIT.problems : EXIT.ok;
}

function counts(diagnostics: readonly Diagnostic[]) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { errors, warnings: diagnostics.length - errors };
}
