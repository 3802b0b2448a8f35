/**
 * Go to definition, find references and rename, across imports: an id is the same id wherever the
 * one definition in force is the same, so a field renamed in a shared file is renamed in every
 * policy of the workspace that imports it, and only there.
 */
import { dirname, join, normalize } from "node:path";
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { Identifier, lexer, StringLiteral } from "../syntax/tokens.js";
import { tokenAt, type Analysis } from "./analysis.js";
import { nameAt, type Found } from "./lookup.js";
import type { Occurrence } from "./names.js";
import { SourceMap } from "./source-map.js";
import { onDisk, uriOfFile } from "./uris.js";
import { editorWords } from "./words.js";

/** The map of a file's text: its own analysis's if it has one (an open document), else the text read. */
function mapIn(analyses: readonly Analysis[], file: string): SourceMap {
  const own = analyses.find((a) => a.file === file);
  if (own) return own.map;
  return new SourceMap(analyses.find((a) => a.sources.has(file))?.sources.get(file) ?? "");
}

const locationOf = (analyses: readonly Analysis[], o: Occurrence): Location => ({ uri: uriOfFile(o.file), range: mapIn(analyses, o.file).range(o.span) });

export function definition(analysis: Analysis, position: Position, lastParsed?: Analysis): Location[] {
  const offset = analysis.map.sourceOffset(position);
  const imported = importedFile(analysis, offset);
  if (imported) return [{ uri: uriOfFile(imported), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  const found = nameAt(analysis, offset, lastParsed);
  if (!found?.definition) return [];
  return [locationOf([analysis, ...(lastParsed ? [lastParsed] : [])], found.definition)];
}

/** The file an `import "..."` under the cursor names. */
function importedFile(analysis: Analysis, offset: number): string | undefined {
  const token = tokenAt(analysis.tokens, offset);
  if (token?.tokenType !== StringLiteral || !onDisk(analysis.file)) return undefined;
  const statement = analysis.ast?.statements.find((s) => s.kind === "import" && s.path.span.start.offset === token.startOffset);
  return statement?.kind === "import" ? normalize(join(dirname(analysis.file), statement.path.value)) : undefined;
}

/** Every place the id under the cursor is written, in this file, its imports and the other analyses given (the workspace's). */
export function references(analysis: Analysis, position: Position, includeDeclaration: boolean, others: readonly Analysis[] = []): Location[] {
  const found = nameAt(analysis, analysis.map.sourceOffset(position));
  if (!found?.definition) return [];
  const all = [analysis, ...others.filter((a) => a.file !== analysis.file)];
  return occurrencesOf(found, found.definition, all)
    .filter((o) => includeDeclaration || !o.definition)
    .map((o) => locationOf(all, o));
}

function occurrencesOf(found: Found, definition: Occurrence, analyses: readonly Analysis[]): Occurrence[] {
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  for (const a of analyses) {
    const rule = found.kind === "target" || found.kind === "score";
    const same = rule ? a.file === definition.file : a.symbols?.[found.kind].get(found.id)?.file === definition.file;
    if (!same) continue;
    for (const o of a.names) {
      const key = `${o.file}\0${o.span.start.offset}`;
      if (o.kind !== found.kind || o.id !== found.id || (rule && o.file !== definition.file) || seen.has(key)) continue;
      seen.add(key);
      out.push(o);
    }
  }
  return out;
}

export function prepareRename(analysis: Analysis, position: Position): Range | null {
  const found = nameAt(analysis, analysis.map.sourceOffset(position));
  return found?.definition ? found.range : null;
}

export type RenameAnswer = { readonly edit: WorkspaceEdit } | { readonly refused: string };

export function rename(analysis: Analysis, position: Position, newName: string, others: readonly Analysis[] = []): RenameAnswer {
  const words = editorWords(analysis.lang);
  const found = nameAt(analysis, analysis.map.sourceOffset(position));
  if (!found?.definition) return { refused: words.cannotRename };
  if (!isId(newName)) return { refused: words.notAnId(newName) };
  const all = [analysis, ...others.filter((a) => a.file !== analysis.file)];
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrencesOf(found, found.definition, all)) {
    const { uri, range } = locationOf(all, o);
    (changes[uri] ??= []).push({ range, newText: newName });
  }
  return { edit: { changes } };
}

/** An id the lexer reads as one id, in ASCII: not a keyword, not two words. */
function isId(text: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(text)) return false;
  const { tokens, errors } = lexer.tokenize(text);
  return errors.length === 0 && tokens.length === 1 && tokens[0]?.tokenType === Identifier;
}
