/**
 * Quick fixes for what the checker can say the fix of: every "did you mean" (an id, a keyword, a
 * function, a rounding mode), an id typed with accents, a decimal comma, the two fixes of a ramp
 * that misses its deadline (change the step, or the deadline), and a missing import of the file
 * in the policy's folder that defines the id.
 */
import { dirname, relative } from "node:path";
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from "vscode-languageserver";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { MessageArgs } from "../diagnostics/messages.js";
import type { DefinitionKind } from "../diagnostics/messages.js";
import { compare, div, rational, sub, type Rational } from "../number/rational.js";
import type * as A from "../syntax/ast.js";
import { spell } from "../syntax/spelling.js";
import { Import } from "../syntax/tokens.js";
import type { Span } from "../text/span.js";
import type { Analysis } from "./analysis.js";
import { toLsp } from "./diagnostics.js";
import { percentText } from "./hover.js";
import { SourceMap } from "./source-map.js";
import { uriOfFile } from "./uris.js";
import { editorWords } from "./words.js";

/** Files that define an id of a kind, for a missing import; the server looks in the policy's folder. */
export type Definers = (kind: DefinitionKind, id: string) => readonly string[];

interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred?: boolean;
}

export function codeActions(analysis: Analysis, range: Range, definers: Definers = () => []): CodeAction[] {
  const uri = uriOfFile(analysis.file);
  const mapOf = (file: string) => (file === analysis.file ? analysis.map : new SourceMap(analysis.sources.get(file) ?? ""));
  return analysis.diagnostics
    .filter((d) => d.file === analysis.file && overlaps(analysis.map.range(d.span), range))
    .flatMap((d) => {
      const lsp = toLsp(d, analysis.map, analysis.lang, mapOf);
      return fixesOf(d, analysis, definers).map((fix): CodeAction => ({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: { changes: { [uri]: [...fix.edits] } },
      }));
    });
}

const overlaps = (a: Range, b: Range): boolean => !(before(a.end, b.start) || before(b.end, a.start));
const before = (p: Range["start"], q: Range["start"]): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);

function fixesOf(d: Diagnostic, analysis: Analysis, definers: Definers): Fix[] {
  const words = editorWords(analysis.lang);
  const replace = (text: string, span: Span = d.span, preferred = true): Fix => ({ title: words.changeTo(text), edits: [{ range: analysis.map.range(span), newText: text }], preferred });
  const args = d.args;
  if (args === undefined) return [];
  switch (d.name) {
    case "unknown-tier":
    case "unknown-tag":
    case "unknown-unit":
    case "unknown-field":
    case "unknown-metric": {
      const { name, hint } = args as MessageArgs["unknown-tier"];
      const kind = d.name.slice("unknown-".length) as DefinitionKind;
      const imports = definers(kind, name).map((file) => importFix(analysis, file));
      return [...(hint.kind === "near" ? [replace(hint.id, d.span, imports.length === 0)] : []), ...imports];
    }
    case "syntax": {
      const a = args as MessageArgs["syntax"];
      return a.kind === "expected" && a.hint.kind === "near" && d.span.end.offset > d.span.start.offset ? [replace(a.hint.word)] : [];
    }
    case "keyword-spelling": {
      const { keyword, english } = args as MessageArgs["keyword-spelling"];
      return [replace(keyword, d.span, analysis.lang === "vi"), replace(english, d.span, analysis.lang === "en")];
    }
    case "non-ascii-id": {
      const { ascii } = args as MessageArgs["non-ascii-id"];
      return ascii === undefined ? [] : [replace(ascii)];
    }
    case "decimal-comma": {
      const { whole, fraction } = args as MessageArgs["decimal-comma"];
      return [`${whole}.${fraction}`, `${whole}, ${fraction}`].map((text, i) => ({ title: words.writeText(text), edits: [{ range: analysis.map.range(d.span), newText: text }], preferred: i === 0 }));
    }
    case "unknown-function": {
      const a = args as MessageArgs["unknown-function"];
      return a.problem === "unknown" && a.near ? [replace(a.near)] : [];
    }
    case "unknown-rounding": {
      const { near } = args as MessageArgs["unknown-rounding"];
      return near ? [replace(near)] : [];
    }
    case "ramp-mismatch":
      return rampFixes(d, args as MessageArgs["ramp-mismatch"], analysis);
    default:
      return [];
  }
}

/** `import "shared/vn-tiers.ct"` after the last import, else after the header, else first. */
function importFix(analysis: Analysis, file: string): Fix {
  const path = relative(dirname(analysis.file), file).split("\\").join("/");
  const line = `${spell(Import, analysis.lang)} "${path}"`;
  const statements = analysis.ast?.statements ?? [];
  const lastImport = statements.filter((s) => s.kind === "import").at(-1);
  const after = lastImport ?? analysis.ast?.header;
  const edit: TextEdit = after
    ? { range: at(analysis, after.span.end.offset), newText: `\n${lastImport ? "" : "\n"}${line}` }
    : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${line}\n\n` };
  return { title: editorWords(analysis.lang).importFile(path), edits: [edit] };
}

const at = (analysis: Analysis, offset: number): Range => analysis.map.rangeOf(offset, offset);

/** Change the step to the one that reaches the deadline (when it is a decimal), or the deadline to what the ramp reaches. */
function rampFixes(d: Diagnostic, args: MessageArgs["ramp-mismatch"], analysis: Analysis): Fix[] {
  const words = editorWords(analysis.lang);
  const deadline = analysis.lang === "vi" ? args.reached.replace(".", ",") : args.reached;
  const fixes: Fix[] = [{ title: words.makeDeadline(deadline), edits: [{ range: analysis.map.range(d.span), newText: deadline }] }];
  const ramp = rampOf(analysis.ast, d.span.start.offset);
  if (ramp?.step.increment) {
    const needed = div(sub(ramp.deadline.value.points, ramp.start.value.points), rational(args.steps));
    if (needed && terminates(needed)) {
      const step = `${compare(needed, rational(0)) < 0 ? "-" : "+"}${percentText(compare(needed, rational(0)) < 0 ? sub(rational(0), needed) : needed, analysis.lang)}`;
      fixes.unshift({ title: words.makeStep(step), edits: [{ range: analysis.map.rangeOf(signed(analysis.map.source, ramp.step.increment.span.start.offset), ramp.step.increment.span.end.offset), newText: step }] });
    }
  }
  return fixes;
}

/** The milestone whose value is at `offset`, the step before it and the milestone that step starts from. */
function rampOf(ast: A.PolicyFile | undefined, offset: number) {
  for (const s of ast?.statements ?? []) {
    if (s.kind !== "target") continue;
    const i = s.schedule.findIndex((c) => c.kind === "milestone" && c.value.span.start.offset === offset);
    const [start, step, deadline] = [s.schedule[i - 2], s.schedule[i - 1], s.schedule[i]];
    if (i >= 2 && start?.kind === "milestone" && step?.kind === "step" && deadline?.kind === "milestone") return { start, step, deadline };
  }
  return undefined;
}

/** Where an increment's sign is written (`+15%`, `- 5%`): the increment's own span leaves it out. */
function signed(source: string, start: number): number {
  const before = /[+-]\s*$/.exec(source.slice(Math.max(0, start - 16), start));
  return before ? start - before[0].length : start;
}

/** Whether the number is a decimal with a last digit: its denominator has no prime factor but 2 and 5. */
function terminates(value: Rational): boolean {
  let den = value.den;
  for (const p of [2n, 5n]) while (den % p === 0n) den /= p;
  return den === 1n;
}
