/** Formatting is `chitieu fmt`'s: the whole text rewritten, in the language its keywords are written in; a text that does not parse is left alone. */
import type { TextEdit } from "vscode-languageserver";
import { formatSource } from "../syntax/format.js";
import type { Analysis } from "./analysis.js";

export function formatDocument(analysis: Analysis): TextEdit[] {
  const formatted = formatSource(analysis.map.text, { file: analysis.file });
  if (formatted.text === undefined || formatted.text === analysis.map.text) return [];
  return [{ range: analysis.map.whole, newText: formatted.text }];
}
