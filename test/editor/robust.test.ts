/**
 * The server never fails on any text: thousands of random edits of the bundled policies (words,
 * keywords of both languages, digits, quotes, brackets, line breaks, accents typed decomposed, a
 * byte order mark), and after each every feature is asked at random places. Each must answer, and
 * every range it gives must lie inside the document.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect, it } from "vitest";
import type { Position, Range } from "vscode-languageserver";
import type { Analysis } from "../../src/editor/analysis.js";
import { completion } from "../../src/editor/completion.js";
import { documentDiagnostics } from "../../src/editor/diagnostics.js";
import { codeActions } from "../../src/editor/fixes.js";
import { formatDocument } from "../../src/editor/formatting.js";
import { inlayHints } from "../../src/editor/hints.js";
import { hover } from "../../src/editor/hover.js";
import { definition, prepareRename, references, rename } from "../../src/editor/navigation.js";
import { documentSymbols, foldingRanges } from "../../src/editor/outline.js";
import { semanticTokens } from "../../src/editor/semantic.js";
import { analyseFile, POLICIES } from "./support.js";

const files = [...readdirSync(POLICIES).filter((f) => f.endsWith(".ct")).map((f) => join(POLICIES, f)), join(POLICIES, "shared", "vn-tiers.ct")];
const texts = files.map((file) => ({ file, text: readFileSync(file, "utf8") }));

const PIECES = [
  "target", "chỉ tiêu", "tier", "cấp", "metric", "from", "từ", "by", "đến", "monthly", "hàng tháng", "for", "cho", "except", ":", ",", "=", "/", ">=", "tối thiểu",
  "2022-09-30", "31/10/2022", "2022-02-30", "15%", "48,6%", "+", "-", "(", ")", '"', '"Tên', "#", "\n", "\n  ", " ", "x", "online_share", "province", "tỷ_lệ",
  "e\u0301", "\uFEFF", "𝔸", "10,5", "if", "then", "else", "min(", "score", "check", "import", '"shared/vn-tiers.ct"', "over", "year-to-date", "3 months",
];

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(24), insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 4 })) });
const place = fc.record({ line: fc.nat(80), character: fc.nat(120) });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

function inside(analysis: Analysis, range: Range): boolean {
  const lines = analysis.map.text.split("\n");
  const ok = (p: Position) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
  return ok(range.start) && ok(range.end);
}

/** Every feature at `p`, checking what each answers. */
function askEverything(analysis: Analysis, last: Analysis | undefined, p: Position): void {
  for (const d of documentDiagnostics(analysis)) expect(inside(analysis, d.range)).toBe(true);
  const h = hover(analysis, p, last);
  if (h?.range) expect(inside(analysis, h.range)).toBe(true);
  for (const item of completion(analysis, p, last)) if (item.textEdit && "range" in item.textEdit) expect(inside(analysis, item.textEdit.range)).toBe(true);
  definition(analysis, p, last);
  references(analysis, p, true);
  const renameable = prepareRename(analysis, p);
  if (renameable) expect(inside(analysis, renameable)).toBe(true);
  rename(analysis, p, "new_id");
  for (const s of documentSymbols(analysis)) expect(inside(analysis, s.range)).toBe(true);
  foldingRanges(analysis);
  formatDocument(analysis);
  expect(semanticTokens(analysis).data.length % 5).toBe(0);
  for (const hint of inlayHints(analysis)) expect(inside(analysis, { start: hint.position, end: hint.position })).toBe(true);
  for (const action of codeActions(analysis, { start: p, end: p })) expect(action.edit?.changes).toBeDefined();
}

it("answers every request after each of 2,000 random edits of the bundled policies", () => {
  let edits = 0;
  fc.assert(
    fc.property(fc.nat(texts.length - 1), fc.array(fc.tuple(edit, place), { minLength: 10, maxLength: 10 }), (which, steps) => {
      const { file } = texts[which]!;
      let text = texts[which]!.text;
      let last: Analysis | undefined;
      for (const [e, p] of steps) {
        text = applyEdit(text, e);
        const analysis = analyseFile(file, text);
        askEverything(analysis, last, p);
        if (analysis.ast) last = analysis;
        edits++;
      }
    }),
    { numRuns: 200, seed: 18 },
  );
  expect(edits).toBe(2000);
}, 240_000);
