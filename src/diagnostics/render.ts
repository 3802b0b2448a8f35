/**
 * Diagnostics as people read them in a terminal: the code, the message, file:line:col, the source
 * line with a caret under the problem, then the fix.
 *
 *   error[CT203] ramp-mismatch: the ramp reaches 50% on 2022-11-30 but this milestone says 60%
 *     --> policies/brvt.ct:12:66
 *      |
 *   12 |   from 2022-09-30 online_share >= 20%, monthly +15%, by 2022-11-30 >= 60%
 *      |                                                                     ^^^
 *      = help: a step of +20% over 2 steps would reach 60%; or make the deadline 50%
 *
 * With `{ lang: "vi" }` the words are Vietnamese; the code, the name and the quoted policy text stay.
 */
import { printable } from "../text/printable.js";
import type { Lang } from "../i18n/lang.js";
import type { Severity } from "./codes.js";
import { localize, type Diagnostic } from "./diagnostic.js";

export interface RenderOptions {
  /** English unless given. */
  readonly lang?: Lang | undefined;
}

const WORDS: Readonly<Record<Lang, { severity: Record<Severity, string>; help: string; note: string; errors: (n: number) => string; warnings: (n: number) => string }>> = {
  en: {
    severity: { error: "error", warning: "warning" },
    help: "help",
    note: "note",
    errors: (n) => `${n} error${n === 1 ? "" : "s"}`,
    warnings: (n) => `${n} warning${n === 1 ? "" : "s"}`,
  },
  vi: {
    severity: { error: "lỗi", warning: "cảnh báo" },
    help: "gợi ý",
    note: "ghi chú",
    errors: (n) => `${n} lỗi`,
    warnings: (n) => `${n} cảnh báo`,
  },
};

export function renderDiagnostic(diagnostic: Diagnostic, sources: ReadonlyMap<string, string>, options: RenderOptions = {}): string {
  const lang = options.lang ?? "en";
  const words = WORDS[lang];
  const d = localize(diagnostic, lang);
  const { line, column } = d.span.start;
  const lines = [`${words.severity[d.severity]}[${d.code}] ${d.name}: ${d.message}`];
  const gutter = " ".repeat(String(line).length);
  lines.push(`${gutter}--> ${d.file}:${line}:${column}`);
  const text = sources.get(d.file)?.split(/\r?\n/)[line - 1];
  if (text !== undefined) {
    lines.push(`${gutter} |`, `${line} | ${text}`, `${gutter} | ${caret(d, text)}`);
  }
  if (d.help) lines.push(`${gutter} = ${words.help}: ${d.help}`);
  for (const r of d.related ?? []) {
    lines.push(`${gutter} = ${words.note}: ${r.message}: ${r.file}:${r.span.start.line}:${r.span.start.column}`);
  }
  // The policy's own text is quoted here; whatever it holds must not drive the terminal.
  return printable(lines.join("\n"));
}

/** Carets under the span on its first line; tabs copied so they line up in any terminal. */
function caret(d: Diagnostic, text: string): string {
  const chars = [...text];
  const start = d.span.start.column - 1;
  const sameLine = d.span.end.line === d.span.start.line;
  const end = sameLine ? Math.max(d.span.end.column - 1, start + 1) : chars.length;
  const pad = chars.slice(0, start).map((c) => (c === "\t" ? "\t" : " ")).join("");
  return pad + "^".repeat(Math.max(1, Math.min(end, chars.length + 1) - start));
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, options: RenderOptions = {}): string {
  return diagnostics.map((d) => renderDiagnostic(d, sources, options)).join("\n\n");
}

/** "2 errors, 1 warning" or "2 lỗi, 1 cảnh báo". */
export function summary(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const words = WORDS[options.lang ?? "en"];
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return `${words.errors(errors)}, ${words.warnings(diagnostics.length - errors)}`;
}
