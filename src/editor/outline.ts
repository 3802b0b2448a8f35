/**
 * The file's outline (its header and each statement, named by id and title) and what folds: every
 * statement written over several lines, and every run of comment lines.
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from "vscode-languageserver";
import type * as A from "../syntax/ast.js";
import type { Analysis } from "./analysis.js";

const KIND: Record<A.Statement["kind"], SymbolKind> = {
  import: SymbolKind.File,
  tier: SymbolKind.Class,
  tag: SymbolKind.Interface,
  unit: SymbolKind.Object,
  field: SymbolKind.Field,
  metric: SymbolKind.Function,
  target: SymbolKind.Event,
  score: SymbolKind.Method,
  index: SymbolKind.Struct,
  check: SymbolKind.Boolean,
};

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const ast = analysis.ast;
  if (!ast) return [];
  const symbol = (name: string, detail: string | undefined, kind: SymbolKind, node: { span: A.Name["span"] }, selection: { span: A.Name["span"] }): DocumentSymbol => ({
    name,
    ...(detail ? { detail } : {}),
    kind,
    range: analysis.map.range(node.span),
    selectionRange: analysis.map.range(selection.span),
  });
  const symbols: DocumentSymbol[] = [];
  if (ast.header) symbols.push(symbol(ast.header.id.text, ast.header.title?.value, SymbolKind.Module, ast.header, ast.header.id));
  for (const s of ast.statements) {
    if (s.kind === "import") symbols.push(symbol(s.path.value, undefined, KIND.import, s, s.path));
    else if (s.kind === "check") symbols.push(symbol(analysis.map.source.slice(s.left.span.start.offset, s.right.span.end.offset), undefined, KIND.check, s, s));
    else symbols.push(symbol(s.id.text, s.title?.value, KIND[s.kind], s, s.id));
  }
  return symbols;
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const lines = (start: number, end: number) => [analysis.map.rangeOf(start, start).start.line, analysis.map.rangeOf(end, end).start.line] as const;
  const nodes = analysis.ast ? [...(analysis.ast.header ? [analysis.ast.header] : []), ...analysis.ast.statements] : [];
  for (const node of nodes) {
    const [from, to] = lines(node.span.start.offset, node.span.end.offset);
    if (to > from) ranges.push({ startLine: from, endLine: to });
  }
  let run: [number, number] | undefined;
  for (const comment of analysis.comments) {
    const [line] = lines(comment.startOffset, comment.startOffset);
    if (run && line === run[1] + 1) run[1] = line;
    else {
      if (run && run[1] > run[0]) ranges.push({ startLine: run[0], endLine: run[1], kind: FoldingRangeKind.Comment });
      run = [line, line];
    }
  }
  if (run && run[1] > run[0]) ranges.push({ startLine: run[0], endLine: run[1], kind: FoldingRangeKind.Comment });
  return ranges;
}
