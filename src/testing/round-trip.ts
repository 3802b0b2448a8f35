/**
 * Format round-trip of a policy file: its canonical text, with English and with Vietnamese
 * keywords, parses back to the same syntax tree (spans aside), and formatting that text again
 * changes nothing. A difference is shown as the statement as written and as formatted.
 */
import { isDeepStrictEqual } from "node:util";
import { withoutSpans, type PolicyFile } from "../syntax/ast.js";
import { formatSource, type Language } from "../syntax/format.js";
import { parse } from "../syntax/parse.js";

export interface RoundTripProblem {
  readonly file: string;
  readonly lang: Language;
  readonly message: string;
  /** The statement as written, then as formatted. */
  readonly fragment: string;
}

export function roundTripProblems(file: string, text: string): RoundTripProblem[] {
  const original = parse(text, file);
  if (!original.ast) return [];
  return (["en", "vi"] as const).flatMap((lang) => problemIn(file, original.source, original.ast!, lang) ?? []);
}

function problemIn(file: string, source: string, ast: PolicyFile, lang: Language): RoundTripProblem | undefined {
  const formatted = formatSource(source, { lang, file }).text!;
  const again = parse(formatted, file);
  if (!again.ast) {
    const fragment = formatted.split("\n").slice(Math.max(0, again.diagnostics[0]!.span.start.line - 2), again.diagnostics[0]!.span.start.line + 1).join("\n");
    return { file, lang, message: `the text formatted in ${lang} does not parse: ${again.diagnostics[0]!.message}`, fragment };
  }
  const i = firstChange(ast, again.ast);
  if (i !== undefined) {
    const written = i < 0 ? ast.header : ast.statements[i];
    const printed = i < 0 ? again.ast.header : again.ast.statements[i];
    const slice = (node: typeof written, text: string) => (node ? text.slice(node.span.start.offset, node.span.end.offset) : "(nothing)");
    return { file, lang, message: `${i < 0 ? "the header" : `statement ${i + 1}`} changes when formatted in ${lang}`, fragment: `${slice(written, source)}\n# formatted:\n${slice(printed, formatted)}` };
  }
  const twice = formatSource(formatted, { lang, file }).text!;
  if (twice !== formatted) return { file, lang, message: `formatting in ${lang} is not idempotent`, fragment: firstChangedLine(formatted, twice) };
  return undefined;
}

/** The index of the first statement whose tree differs (-1: the header), or undefined when none does. */
function firstChange(a: PolicyFile, b: PolicyFile): number | undefined {
  if (!isDeepStrictEqual(withoutSpans(a.header), withoutSpans(b.header))) return -1;
  const length = Math.max(a.statements.length, b.statements.length);
  for (let i = 0; i < length; i++) {
    if (!isDeepStrictEqual(withoutSpans(a.statements[i]), withoutSpans(b.statements[i]))) return i;
  }
  return undefined;
}

function firstChangedLine(a: string, b: string): string {
  const [x, y] = [a.split("\n"), b.split("\n")];
  const i = x.findIndex((line, k) => line !== y[k]);
  return `${x[i] ?? ""}\n# formatted again:\n${y[i] ?? ""}`;
}
