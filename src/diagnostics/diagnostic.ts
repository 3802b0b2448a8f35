/**
 * Problems are values, not exceptions: each carries where it is and what would fix it, and travels
 * up to whoever prints it (the CLI, an editor, a service's response).
 */
import type { Span } from "../text/span.js";
import { codes, type CodeName, type Severity } from "./codes.js";

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
}

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

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "error");

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file === b.file ? a.span.start.offset - b.span.start.offset : a.file < b.file ? -1 : 1;
}
