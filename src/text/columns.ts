/**
 * Rows laid out in columns for a terminal, a log file or an e-mail: each cell padded to its
 * column's width, two spaces between columns, no borders. Linear in the cells, where cli-table3
 * took the square of the rows (40,000 units did not finish in 12 minutes).
 */

// Colour codes take no room on screen.
const ANSI = /\u001b\[[0-9;]*m/g;
// Combining marks sit on the letter before them; these blocks take two columns (CJK, Hangul, full-width forms, emoji).
const COMBINING = /\p{M}/u;
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

/** How many columns a cell takes on screen. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, "")) width += COMBINING.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  return width;
}

/** The lines of the table, each indented by two spaces, trailing spaces trimmed. */
export function columns(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [head, ...rows];
  const widths = head.map((_, i) => {
    let widest = 0;
    for (const row of all) widest = Math.max(widest, displayWidth(row[i] ?? ""));
    return widest;
  });
  return all.map((row) => `  ${widths.map((w, i) => pad(row[i] ?? "", w)).join("  ")}`.trimEnd()).filter((line) => line.length > 0);
}

const pad = (cell: string, width: number): string => cell + " ".repeat(Math.max(0, width - displayWidth(cell)));
