/**
 * CSV records from UTF-8 bytes that arrive in pieces, read as `parseCsv` reads the whole text: the
 * same cells, problems and line numbers wherever the pieces are cut. Quotes, commas and line
 * breaks are single bytes that never occur inside a multi-byte character, so where a record ends
 * is found in the bytes, and only a record's own bytes are decoded. A record is taken once the
 * bytes after it are known, since a piece may end inside a quoted cell, between a quote and its
 * double, or between CR and LF.
 */
import { CsvReader, lineBreaks, type CsvRecord } from "./csv.js";

const QUOTE = 34;
const CR = 13;
const LF = 10;
const BOM = [0xef, 0xbb, 0xbf] as const;

export class ByteScanner {
  /** The bytes being scanned; what is before `at` is read. */
  bytes: Uint8Array = new Uint8Array(0);
  at = 0;
  /** The line `at` is on. */
  line = 1;
  /** No more bytes will come, so the end of `bytes` ends the last record. */
  ended = false;
  private readonly pieces: Uint8Array[] = [];
  private piecesLength = 0;
  /** Bytes needed before a record cut short is tried again: doubling keeps a huge record linear. */
  private wanted = 0;
  private started = false;
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });

  /** Set once the header line is known, when it was not given. */
  constructor(public delimiter: number) {}

  /** Up to `limit` bytes of the unread text, to find the header in, and whether to read no further (the end, or the limit). */
  unreadText(limit: number): { readonly text: string; readonly whole: boolean } {
    const end = Math.min(this.bytes.length, this.at + limit);
    return { text: this.decoder.decode(this.bytes.subarray(this.at, end)), whole: (this.ended && end === this.bytes.length) || end - this.at === limit };
  }

  push(piece: Uint8Array): void {
    this.pieces.push(piece);
    this.piecesLength += piece.length;
  }

  end(): void {
    this.ended = true;
  }

  /** Joins the pieces to the unread bytes when there are enough to scan; false: wait for more. */
  fill(): boolean {
    const unread = this.bytes.length - this.at;
    if (this.pieces.length > 0 && (this.ended || unread + this.piecesLength >= this.wanted)) {
      this.bytes = join(this.bytes.subarray(this.at), this.pieces);
      this.at = 0;
      this.pieces.length = 0;
      this.piecesLength = 0;
      this.wanted = 0;
    }
    return this.start() && this.at < this.bytes.length;
  }

  /** A record reached the end of the bytes: try it again once the unread bytes have doubled. */
  wait(): void {
    this.wanted = 2 * (this.bytes.length - this.at) + this.piecesLength;
  }

  // The file reader strips one byte-order mark and `parseCsv` another.
  private start(): boolean {
    if (this.started) return true;
    if (this.bytes.length - this.at < 2 * BOM.length && !this.ended) return false;
    for (let i = 0; i < 2 && BOM.every((b, k) => this.bytes[this.at + k] === b); i++) this.at += BOM.length;
    this.started = true;
    return true;
  }

  /** The next record, or undefined when it may go on past the bytes so far. */
  record(): CsvRecord | undefined {
    const end = this.recordEnd();
    if (end < 0) return undefined;
    const text = this.decoder.decode(this.bytes.subarray(this.at, end));
    const [record] = new CsvReader(text, this.delimiter, this.line).records();
    this.line += lineBreaks(text);
    this.at = end;
    return record;
  }

  /** Where the record at `at` ends, past its line break, as `CsvReader` cuts records; -1 when unknown yet. */
  private recordEnd(): number {
    const bytes = this.bytes;
    const length = bytes.length;
    let p = this.at;
    for (;;) {
      if (bytes[p] === QUOTE) {
        for (;;) {
          const close = bytes.indexOf(QUOTE, p + 1);
          // A quote never closed takes the rest of the file.
          if (close < 0) return this.ended ? length : -1;
          p = close + 1;
          if (p === length && !this.ended) return -1;
          if (bytes[p] !== QUOTE) break;
        }
      }
      while (p < length && !this.endsCell(bytes[p]!)) p++;
      if (p === length && !this.ended) return -1;
      if (bytes[p] !== this.delimiter) break;
      p++;
    }
    if (bytes[p] === CR && p + 1 === length && !this.ended) return -1;
    if (bytes[p] === CR) return bytes[p + 1] === LF ? p + 2 : p + 1;
    return bytes[p] === LF ? p + 1 : p;
  }

  endsCell(c: number): boolean {
    return c === this.delimiter || c === CR || c === LF;
  }
}

function join(rest: Uint8Array, pieces: readonly Uint8Array[]): Uint8Array {
  if (rest.length === 0 && pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(rest.length + pieces.reduce((n, piece) => n + piece.length, 0));
  out.set(rest);
  let at = rest.length;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
