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
 */
import type { Diagnostic } from "./diagnostic.js";

export function renderDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, string>): string {
  const { line, column } = d.span.start;
  const lines = [`${d.severity}[${d.code}] ${d.name}: ${d.message}`];
  const gutter = " ".repeat(String(line).length);
  lines.push(`${gutter}--> ${d.file}:${line}:${column}`);
  const text = sources.get(d.file)?.split(/\r?\n/)[line - 1];
  if (text !== undefined) {
    lines.push(`${gutter} |`, `${line} | ${text}`, `${gutter} | ${caret(d, text)}`);
  }
  if (d.help) lines.push(`${gutter} = help: ${d.help}`);
  for (const r of d.related ?? []) {
    lines.push(`${gutter} = note: ${r.message}: ${r.file}:${r.span.start.line}:${r.span.start.column}`);
  }
  return lines.join("\n");
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

export function renderDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  return diagnostics.map((d) => renderDiagnostic(d, sources)).join("\n\n");
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${count(errors, "error")}, ${count(warnings, "warning")}`;
}
