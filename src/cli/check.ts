/**
 * `chitieu check FILES...`: every diagnostic of every policy, and an exit code for CI.
 *
 * Editors and hooks run it on every save, so it starts without zod (~400 KB to compile and set up,
 * a third of the start-up left: bench/README.md). Its options, as commander hands them over, are
 * read here; only options that do not fit go through the schema in check-options.ts, which words
 * the usage error as every other command does. A property test holds the two to the same verdict.
 */
import { normalize } from "node:path";
import { checkTimeline } from "../check/timeline.js";
import { compileFile } from "../files/policy.js";
import { byPosition, localize, type Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostics, summary } from "../diagnostics/render.js";
import { findFiles } from "../files/find.js";
import type { Lang } from "../i18n/lang.js";
import { EXIT, type Output } from "./output.js";
import { cliWords } from "./words.js";

export interface CheckOptions {
  readonly format: "text" | "json";
  readonly strict: boolean;
  readonly lang?: Lang | undefined;
}

/** The options when they fit (what commander gives for any valid command line); undefined otherwise. */
export function plainCheckOptions(raw: Readonly<Record<string, unknown>>): CheckOptions | undefined {
  const { format, strict, lang } = raw;
  if (format !== "text" && format !== "json") return undefined;
  if (typeof strict !== "boolean") return undefined;
  if (lang !== undefined && lang !== "en" && lang !== "vi") return undefined;
  return lang === undefined ? { format, strict } : { format, strict, lang };
}

export function check(paths: readonly string[], options: CheckOptions, io: Output): number {
  const lang = io.lang ?? "en";
  const words = cliWords(lang);
  const { files, unreadable } = findFiles(paths, ".ct");
  for (const { path, reason } of unreadable) io.err(`chitieu: ${words.cannotRead(path, reason)}\n`);
  if (unreadable.length > 0) return EXIT.usage;
  if (files.length === 0) {
    io.err(`chitieu: ${words.noFiles(".ct", paths)}\n`);
    return EXIT.usage;
  }
  const compiled = files.map((file) => ({ file, ...compileFile(file) }));
  // Policies that supersede one another are checked together too: the warnings go with the superseding policy's file.
  const across = checkTimeline(compiled);
  const results = compiled.map((r) => ({ ...r, diagnostics: [...r.diagnostics, ...across.filter((d) => d.file === normalize(r.file))].sort(byPosition) }));
  const all = results.flatMap((r) => r.diagnostics);
  if (options.format === "json") {
    const diagnostics = (ds: readonly Diagnostic[]) => ds.map((d) => withLocalized(d, lang));
    io.out(`${JSON.stringify({ files: results.map((r) => ({ file: r.file, diagnostics: diagnostics(r.diagnostics) })), summary: counts(all) }, null, 2)}\n`);
  } else {
    for (const r of results) {
      if (r.diagnostics.length > 0) io.out(`${renderDiagnostics(r.diagnostics, r.sources, { lang })}\n\n`);
    }
    io.out(`${words.checked(files.length, summary(all, { lang }))}\n`);
  }
  const failing = all.some((d) => d.severity === "error" || (options.strict && d.severity === "warning"));
  return failing ? EXIT.problems : EXIT.ok;
}

/**
 * JSON keeps the English `message` and `help` that tools match on; in another language the words
 * people read come as well, under `localized`.
 */
function withLocalized(d: Diagnostic, lang: Lang) {
  if (lang === "en") return d;
  const { message, help } = localize(d, lang);
  return { ...d, localized: { lang, message, ...(help === undefined ? {} : { help }) } };
}

function counts(diagnostics: readonly Diagnostic[]) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return { errors, warnings: diagnostics.length - errors };
}
