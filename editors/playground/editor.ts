/**
 * The policy editor: CodeMirror 6, coloured by chitieu's own lexer (so it colours what the checker
 * reads, in both languages) and linted by chitieu's own checker, with the messages `chitieu check` prints.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { linter, lintGutter, type Diagnostic as LintDiagnostic } from "@codemirror/lint";
import { EditorState, RangeSetBuilder, type Text } from "@codemirror/state";
import { Decoration, EditorView, highlightActiveLine, keymap, lineNumbers, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Position } from "../../src/text/span.js";
import * as t from "../../src/syntax/tokens.js";

const KEYWORDS = new Set(t.keywords.map((k) => k.token));
const CLASSES = new Map([
  [t.Comment, "tok-comment"],
  [t.StringLiteral, "tok-string"],
  [t.DateLiteral, "tok-number"],
  [t.PercentLiteral, "tok-number"],
  [t.NumberLiteral, "tok-number"],
]);
const marks = new Map<string, Decoration>();
const mark = (cls: string): Decoration => marks.get(cls) ?? marks.set(cls, Decoration.mark({ class: cls })).get(cls)!;

function colours(doc: Text): DecorationSet {
  const lexed = t.lexer.tokenize(doc.toString());
  const tokens = [...lexed.tokens, ...(lexed.groups["comments"] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const builder = new RangeSetBuilder<Decoration>();
  for (const token of tokens) {
    const cls = KEYWORDS.has(token.tokenType) ? "tok-keyword" : CLASSES.get(token.tokenType);
    if (cls) builder.add(token.startOffset, token.startOffset + token.image.length, mark(cls));
  }
  return builder.finish();
}

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = colours(view.state.doc);
    }
    update(update: ViewUpdate): void {
      if (update.docChanged) this.decorations = colours(update.state.doc);
    }
  },
  { decorations: (v) => v.decorations },
);

/** A checker position (line, and column in code points) in the editor's text. */
export function positionIn(doc: Text, at: Position): number {
  if (at.line > doc.lines) return doc.length;
  const line = doc.line(Math.max(1, at.line));
  let pos = line.from;
  for (let column = 1; column < at.column && pos < line.to; column++) pos += line.text.codePointAt(pos - line.from)! > 0xffff ? 2 : 1;
  return pos;
}

export interface Checked {
  /** The main file's problems, worded; the page lists them all. */
  readonly diagnostics: readonly Diagnostic[];
  readonly main: string;
}

export function createEditor(parent: HTMLElement, text: string, check: (text: string) => Checked): EditorView {
  const lint = linter(
    (view): LintDiagnostic[] => {
      const { diagnostics, main } = check(view.state.doc.toString());
      const doc = view.state.doc;
      return diagnostics
        .filter((d) => d.file === main)
        .map((d) => {
          const from = positionIn(doc, d.span.start);
          const to = Math.max(from, positionIn(doc, d.span.end));
          return { from, to, severity: d.severity === "error" ? "error" : "warning", message: d.help ? `${d.message}\n${d.help}` : d.message, source: d.code };
        });
    },
    { delay: 250 },
  );
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [lineNumbers(), history(), highlightActiveLine(), lintGutter(), lint, highlighter, EditorView.lineWrapping, keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab])],
    }),
  });
}
