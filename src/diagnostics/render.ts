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
  return render(diagnostic, linesOf(sources), options.lang ?? "en");
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, options: RenderOptions = {}): string {
  const lines = linesOf(sources);
  return diagnostics.map((d) => render(d, lines, options.lang ?? "en")).join("\n\n");
}

/** Each source split into lines once, when first quoted: thousands of diagnostics on a large file do not split it thousands of times. */
function linesOf(sources: ReadonlyMap<string, string>): (file: string) => readonly string[] | undefined {
  const split = new Map<string, readonly string[]>();
  return (file) => {
    let lines = split.get(file);
    if (lines === undefined) {
      const text = sources.get(file);
      if (text === undefined) return undefined;
      lines = text.split(/\r?\n/);
      split.set(file, lines);
    }
    return lines;
  };
}

function render(diagnostic: Diagnostic, sourceLines: (file: string) => readonly string[] | undefined, lang: Lang): string {
  const words = WORDS[lang];
  const d = localize(diagnostic, lang);
  const { line, column } = d.span.start;
  const lines = [`${words.severity[d.severity]}[${d.code}] ${d.name}: ${d.message}`];
  const gutter = " ".repeat(String(line).length);
  lines.push(`${gutter}--> ${d.file}:${line}:${column}`);
  const text = sourceLines(d.file)?.[line - 1];
  if (text !== undefined) {
    const shown = excerpt(d, text);
    lines.push(`${gutter} |`, `${line} | ${shown.text}`, `${gutter} | ${shown.caret}`);
  }
  if (d.help) lines.push(`${gutter} = ${words.help}: ${d.help}`);
  for (const r of d.related ?? []) {
    lines.push(`${gutter} = ${words.note}: ${r.message}: ${r.file}:${r.span.start.line}:${r.span.start.column}`);
  }
  // The policy's own text is quoted here; whatever it holds must not drive the terminal.
  return printable(lines.join("\n"));
}

/** Characters of a long line shown before the span's start, and in all. */
const BEFORE = 60;
const SHOWN = 160;

/**
 * The line with carets under the span on its first line; tabs copied so they line up in any
 * terminal. A line longer than SHOWN characters is cut around the span, with `…` where it is cut.
 */
function excerpt(d: Diagnostic, text: string): { text: string; caret: string } {
  const chars = [...text];
  const start = d.span.start.column - 1;
  const sameLine = d.span.end.line === d.span.start.line;
  const end = Math.min(sameLine ? Math.max(d.span.end.column - 1, start + 1) : chars.length, chars.length + 1);
  const from = chars.length > SHOWN ? Math.max(0, Math.min(start - BEFORE, chars.length - SHOWN)) : 0;
  const to = Math.min(chars.length, from + SHOWN);
  const [open, close] = [from > 0 ? "…" : "", to < chars.length ? "…" : ""];
  const pad = open.replace("…", " ") + chars.slice(from, start).map((c) => (c === "\t" ? "\t" : " ")).join("");
  const width = Math.max(1, Math.min(end, to + 1) - start);
  return { text: open + chars.slice(from, to).join("") + close, caret: pad + "^".repeat(width) };
}

/** "2 errors, 1 warning" or "2 lỗi, 1 cảnh báo". */
export function summary(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const words = WORDS[options.lang ?? "en"];
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return `${words.errors(errors)}, ${words.warnings(diagnostics.length - errors)}`;
}
