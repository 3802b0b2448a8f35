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

/**
 * `positionAt` for many offsets of one text: lines found once, each position by binary search, so
 * a file with thousands of errors is not scanned from its start for each.
 */
export function locator(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  // Columns count code points: only a text with surrogate pairs needs them counted.
  const pairs = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
  return (offset) => {
    const at = Math.min(Math.max(offset, 0), text.length);
    let [lo, hi] = [0, starts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo] ?? 0;
    const column = pairs ? [...text.slice(lineStart, at)].length : at - lineStart;
    return { offset, line: lo + 1, column: column + 1 };
  };
}
