/**
 * RFC 4180 CSV as spreadsheets export it: quoted cells with commas, doubled quotes and line breaks
 * inside, CRLF or LF line ends, and the byte-order mark Excel puts first. Each record remembers
 * the line it starts on, since a quoted line break makes record numbers and line numbers differ.
 */

export interface CsvRecord {
  /** 1-based line of the record's first character. */
  readonly line: number;
  readonly cells: readonly string[];
  /** Why the record is malformed, when it is; its cells are then a best effort. */
  readonly problem: CsvProblem | undefined;
}

/** What can be wrong with a record's quotes: cells and lines count from 1. */
export type CsvProblem = { readonly kind: "unclosed-quote"; readonly cell: number; readonly line: number } | { readonly kind: "text-after-quote"; readonly cell: number };

const BOM = "\uFEFF";

/** What separates cells: a comma, or as Excel saves "CSV" in a Vietnamese locale, a semicolon; or a tab. */
export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/**
 * The delimiter of a file, from its header: the one of the three that occurs most often outside
 * quotes, a comma when none does or on a tie. A header names at least `unit` and `period`, so it
 * holds the delimiter at least once.
 */
export function detectDelimiter(header: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return DELIMITERS.reduce((best, d) => ((counts.get(d) ?? 0) > (counts.get(best) ?? 0) ? d : best), ",");
}

/**
 * The header line of a text: its first line with more than spaces and delimiters (spreadsheets
 * leave `;;;;` lines above and below a table); undefined when `whole` is false and the text may
 * not yet hold all of it.
 */
export function headerLine(text: string, whole = true): string | undefined {
  for (const line of text.matchAll(/[^\r\n]*(\r\n|\r|\n|$)/g)) {
    if (line[1] === "" && !whole) return undefined;
    if (/[^ ,;\t\uFEFF]/.test(line[0].trimEnd())) return line[0].trimEnd();
    if (line[1] === "") return "";
  }
  return "";
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export function parseCsv(text: string, delimiter = ","): CsvRecord[] {
  return new CsvReader(text.startsWith(BOM) ? text.slice(1) : text, delimiter.charCodeAt(0)).records();
}

/** `line`: the line the text starts on, for a text cut out of a longer one. */
export class CsvReader {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly delimiter: number,
    private line = 1,
  ) {}

  records(): CsvRecord[] {
    const out: CsvRecord[] = [];
    while (this.at < this.text.length) out.push(this.record());
    return out;
  }

  private record(): CsvRecord {
    const line = this.line;
    const cells: string[] = [];
    let problem: CsvProblem | undefined;
    for (;;) {
      const cell = this.text.charCodeAt(this.at) === QUOTE ? this.quoted(cells.length + 1) : { value: this.unquoted(), problem: undefined };
      cells.push(cell.value);
      problem ??= cell.problem;
      if (this.text.charCodeAt(this.at) !== this.delimiter) break;
      this.at++;
    }
    this.endOfLine();
    return { line, cells, problem };
  }

  private unquoted(): string {
    const start = this.at;
    while (this.at < this.text.length && !this.endsCell(this.text.charCodeAt(this.at))) this.at++;
    return this.text.slice(start, this.at);
  }

  private endsCell(c: number): boolean {
    return c === this.delimiter || c === CR || c === LF;
  }

  private quoted(position: number): { value: string; problem: CsvProblem | undefined } {
    const opened = this.line;
    let value = "";
    let from = ++this.at;
    for (;;) {
      const close = this.text.indexOf('"', from);
      if (close < 0) {
        value += this.consume(from, this.text.length);
        return { value, problem: { kind: "unclosed-quote", cell: position, line: opened } };
      }
      value += this.consume(from, close);
      this.at = close + 1;
      if (this.text.charCodeAt(this.at) !== QUOTE) break;
      value += '"';
      from = ++this.at;
    }
    if (this.at >= this.text.length || this.endsCell(this.text.charCodeAt(this.at))) return { value, problem: undefined };
    // `"a"b` has no reading a spreadsheet would agree on; keep the text, but refuse the record.
    return { value: value + this.unquoted(), problem: { kind: "text-after-quote", cell: position } };
  }

  /** Text inside quotes, counting the line breaks it carries. */
  private consume(from: number, to: number): string {
    const chunk = this.text.slice(from, to);
    this.line += lineBreaks(chunk);
    this.at = to;
    return chunk;
  }

  private endOfLine(): void {
    const c = this.text.charCodeAt(this.at);
    if (c === CR && this.text.charCodeAt(this.at + 1) === LF) this.at++;
    if (c === CR || c === LF) {
      this.at++;
      this.line++;
    }
  }
}

/** CRLF, LF and a lone CR each end one line. */
export function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/** Quotes only the cells that need it, so plain exports stay readable. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter = ","): string {
  const needsQuotes = new RegExp(`["\\r\\n${delimiter}]|^\\s|\\s$`);
  const cell = (value: string): string => (needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => row.map(cell).join(delimiter) + "\r\n").join("");
}
