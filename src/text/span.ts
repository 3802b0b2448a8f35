/** Where a piece of syntax sits in its file. Lines and columns are 1-based, as people count them. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** From `start` up to, not including, `end`. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}


/** Policy files may be saved decomposed (NFD) by some editors; both forms must read the same. */
export function normalizeSource(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.normalize("NFC");
}

/** Columns count code points, so a caret lines up under Vietnamese letters as an editor shows them. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: [...text.slice(lineStart, offset)].length + 1 };
}
