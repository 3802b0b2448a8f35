/**
 * Where a span of chitieu's lands in the editor's text. The parser reads the text without a byte
 * order mark and in NFC (src/text/span.ts), so its offsets are those of that text; an editor's
 * text may have the mark, or letters saved decomposed (NFD), and positions must then be mapped.
 * LSP positions count UTF-16 code units on 0-based lines, as JavaScript strings do.
 */
import type { Position as LspPosition, Range } from "vscode-languageserver";
import { normalizeSource, type Span } from "../text/span.js";

export class SourceMap {
  /** The text as parsed. */
  readonly source: string;
  private readonly lineStarts: readonly number[];
  /** For a text NFC changed: each segment's start in the source and in the text, in order. */
  private readonly segments: { readonly source: number[]; readonly text: number[] } | undefined;
  private readonly shift: number;

  constructor(readonly text: string) {
    this.source = normalizeSource(text);
    this.shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.segments = this.source === text.slice(this.shift) ? undefined : segmentsOf(text.slice(this.shift));
    const starts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  /** The editor's offset of an offset into the source. */
  toText(offset: number): number {
    const at = Math.max(0, Math.min(offset, this.source.length));
    if (!this.segments) return at + this.shift;
    const i = lastAtMost(this.segments.source, at);
    const inside = Math.min(at - this.segments.source[i]!, (this.segments.text[i + 1] ?? this.text.length - this.shift) - this.segments.text[i]!);
    return this.segments.text[i]! + inside + this.shift;
  }

  /** The source's offset of an offset into the editor's text. */
  toSource(offset: number): number {
    const at = Math.max(0, Math.min(offset - this.shift, this.text.length - this.shift));
    if (!this.segments) return at;
    const i = lastAtMost(this.segments.text, at);
    const inside = Math.min(at - this.segments.text[i]!, (this.segments.source[i + 1] ?? this.source.length) - this.segments.source[i]!);
    return this.segments.source[i]! + inside;
  }

  position(textOffset: number): LspPosition {
    const at = Math.max(0, Math.min(textOffset, this.text.length));
    const line = lastAtMost(this.lineStarts, at);
    return { line, character: at - this.lineStarts[line]! };
  }

  offset(position: LspPosition): number {
    const start = this.lineStarts[Math.max(0, Math.min(position.line, this.lineStarts.length - 1))]!;
    const end = this.lineStarts[position.line + 1] ?? this.text.length;
    return position.line >= this.lineStarts.length ? this.text.length : Math.min(start + Math.max(0, position.character), end);
  }

  /** The source offset at an LSP position. */
  sourceOffset(position: LspPosition): number {
    return this.toSource(this.offset(position));
  }

  range(span: Span): Range {
    return { start: this.position(this.toText(span.start.offset)), end: this.position(this.toText(span.end.offset)) };
  }

  /** The range from one source offset to another. */
  rangeOf(start: number, end: number): Range {
    return { start: this.position(this.toText(start)), end: this.position(this.toText(end)) };
  }

  /** The whole text. */
  get whole(): Range {
    return { start: { line: 0, character: 0 }, end: this.position(this.text.length) };
  }
}

/** The last index whose value is at most `value`, in an ascending list starting at 0. */
function lastAtMost(values: readonly number[], value: number): number {
  let [lo, hi] = [0, values.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** NFC composes a letter with the marks after it and nothing across letters, so each letter and its marks map as one. */
function segmentsOf(text: string): { source: number[]; text: number[] } {
  const segments = { source: [] as number[], text: [] as number[] };
  let [inText, inSource] = [0, 0];
  for (const match of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    segments.text.push(inText);
    segments.source.push(inSource);
    inText += match[0].length;
    inSource += match[0].normalize("NFC").length;
  }
  if (segments.text.length === 0) return { source: [0], text: [0] };
  return segments;
}
