/**
 * Problems are values, not exceptions: each carries where it is and what would fix it, and travels
 * up to whoever prints it (the CLI, an editor, a service's response).
 */
import type { Lang } from "../i18n/lang.js";
import type { Span } from "../text/span.js";
import { codes, type CodeName, type Severity } from "./codes.js";
import { wording, type MessageArgs } from "./messages.js";

export interface Related {
  readonly message: string;
  readonly file: string;
  readonly span: Span;
}

export interface Diagnostic {
  readonly code: string;
  readonly name: CodeName;
  readonly severity: Severity;
  readonly file: string;
  readonly span: Span;
  /** Short, lowercase, user text in backticks. */
  readonly message: string;
  /** The likely fix, on its own line. */
  readonly help?: string;
  /** Other places that explain this one, such as the first of two duplicate definitions. */
  readonly related?: readonly Related[];
  /**
   * The names, dates and values the message is made of, so that it can be worded in another
   * language (see `localize`). Absent on a diagnostic made from free text.
   */
  readonly args?: MessageArgs[CodeName];
}

/** Where a related place is; its words come from the message catalogue. */
export type Place = Omit<Related, "message">;

export interface DiagnosticDetails {
  readonly help?: string | undefined;
  readonly related?: readonly Related[] | undefined;
}

export function diagnostic(
  name: CodeName,
  file: string,
  span: Span,
  message: string,
  details: DiagnosticDetails = {},
): Diagnostic {
  const { code, severity } = codes[name];
  return {
    code,
    name,
    severity,
    file,
    span,
    message,
    ...(details.help === undefined ? {} : { help: details.help }),
    ...(details.related === undefined || details.related.length === 0 ? {} : { related: details.related }),
  };
}

/** A diagnostic worded from the message catalogue, in English; `localize` words it in another language. */
export function problem<N extends CodeName>(name: N, file: string, span: Span, args: MessageArgs[N], related: readonly Place[] = []): Diagnostic {
  const text = wording("en", name, args);
  const d = diagnostic(name, file, span, text.message, {
    help: text.help,
    related: related.map((place, i) => ({ message: text.notes?.[i] ?? "", ...place })),
  });
  return { ...d, args };
}

/** The same diagnostic with its message, help and notes in `lang`; one made from free text stays as it is. */
export function localize(d: Diagnostic, lang: Lang): Diagnostic {
  if (lang === "en" || d.args === undefined) return d;
  const text = wording(lang, d.name, d.args);
  return {
    ...d,
    message: text.message,
    ...(text.help === undefined ? {} : { help: text.help }),
    ...(d.related === undefined ? {} : { related: d.related.map((r, i) => ({ ...r, message: text.notes?.[i] ?? r.message })) }),
  };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "error");

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file === b.file ? a.span.start.offset - b.span.start.offset : a.file < b.file ? -1 : 1;
}
