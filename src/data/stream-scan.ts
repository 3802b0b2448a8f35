/**
 * CSV records from text that arrives in pieces, read as `parseCsv` reads the whole text: the same
 * cells, problems and line numbers whatever the pieces. A record is only taken once the text
 * after it is known, since a piece may end inside a quoted cell, between a quote and its double,
 * or between CR and LF.
 */
import { lineBreaks, type CsvRecord } from "./csv.js";

const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = "\uFEFF";

interface Cell {
  readonly value: string;
  readonly problem: string | undefined;
}

export class CsvScanner {
  /** The text being scanned; what is before `at` is read. */
  text = "";
  at = 0;
  /** The line `at` is on. */
  line = 1;
  /** No more text will come, so the end of `text` ends the last record. */
  ended = false;
  private readonly pieces: string[] = [];
  private piecesLength = 0;
  /** Text needed before a record cut short is tried again: doubling keeps a huge record linear. */
  private wanted = 0;
  private started = false;
  // The cursor of `record`, committed to `at` and `line` only when the record is whole.
  private p = 0;
  private l = 1;

  constructor(readonly delimiter: number) {}

  push(piece: string): void {
    this.pieces.push(piece);
    this.piecesLength += piece.length;
  }

  end(): void {
    this.ended = true;
  }

  /** Joins the pieces into `text` when there is enough new text to scan; false: wait for more. */
  fill(): boolean {
    const unread = this.text.length - this.at;
    if (this.pieces.length > 0 && (this.ended || unread + this.piecesLength >= this.wanted)) {
      this.text = this.text.slice(this.at) + this.pieces.join("");
      this.at = 0;
      this.pieces.length = 0;
      this.piecesLength = 0;
      this.wanted = 0;
    }
    return this.start() && this.at < this.text.length;
  }

  /** A record reached the end of the text: try it again once the unread text has doubled. */
  wait(): void {
    this.wanted = 2 * (this.text.length - this.at) + this.piecesLength;
  }

  // The file reader strips one byte-order mark and `parseCsv` another.
  private start(): boolean {
    if (this.started) return true;
    if (this.text.length < 2 && !this.ended) return false;
    for (let i = 0; i < 2 && this.text.startsWith(BOM, this.at); i++) this.at++;
    this.started = true;
    return true;
  }

  /** The next record, or undefined when it may go on past the text so far. */
  record(): CsvRecord | undefined {
    this.p = this.at;
    this.l = this.line;
    const line = this.l;
    const cells: string[] = [];
    let problem: string | undefined;
    for (;;) {
      const cell = this.text.charCodeAt(this.p) === QUOTE ? this.quoted(cells.length + 1) : this.plain();
      if (cell === undefined) return undefined;
      cells.push(cell.value);
      problem ??= cell.problem;
      if (this.text.charCodeAt(this.p) !== this.delimiter) break;
      this.p++;
    }
    if (!this.endOfLine()) return undefined;
    this.at = this.p;
    this.line = this.l;
    return { line, cells, problem };
  }

  private plain(): Cell | undefined {
    const value = this.unquoted();
    return value === undefined ? undefined : { value, problem: undefined };
  }

  private unquoted(): string | undefined {
    const start = this.p;
    while (this.p < this.text.length && !this.endsCell(this.text.charCodeAt(this.p))) this.p++;
    if (this.p === this.text.length && !this.ended) return undefined;
    return this.text.slice(start, this.p);
  }

  endsCell(c: number): boolean {
    return c === this.delimiter || c === CR || c === LF;
  }

  private quoted(position: number): Cell | undefined {
    const opened = this.l;
    let value = "";
    let from = ++this.p;
    for (;;) {
      const close = this.text.indexOf('"', from);
      if (close < 0) {
        if (!this.ended) return undefined;
        value += this.consume(from, this.text.length);
        return { value, problem: `the quote that opens cell ${position} on line ${opened} is never closed` };
      }
      value += this.consume(from, close);
      this.p = close + 1;
      if (this.p === this.text.length && !this.ended) return undefined;
      if (this.text.charCodeAt(this.p) !== QUOTE) break;
      value += '"';
      from = ++this.p;
    }
    if (this.p >= this.text.length || this.endsCell(this.text.charCodeAt(this.p))) return { value, problem: undefined };
    const rest = this.unquoted();
    if (rest === undefined) return undefined;
    return { value: value + rest, problem: `cell ${position} has text after its closing quote` };
  }

  private consume(from: number, to: number): string {
    const chunk = this.text.slice(from, to);
    this.l += lineBreaks(chunk);
    this.p = to;
    return chunk;
  }

  private endOfLine(): boolean {
    const c = this.text.charCodeAt(this.p);
    if (c === CR && this.p + 1 === this.text.length && !this.ended) return false;
    if (c === CR && this.text.charCodeAt(this.p + 1) === LF) this.p++;
    if (c === CR || c === LF) {
      this.p++;
      this.l++;
    }
    return true;
  }
}
