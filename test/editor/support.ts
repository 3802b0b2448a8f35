/** Analyses of policies on disk or in memory, and positions found by the text at them, for the editor's tests. */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Position, Range, TextEdit } from "vscode-languageserver";
import { analysePolicy, type Analysis } from "../../src/editor/analysis.js";
import { policyReader } from "../../src/files/policy.js";

export const POLICIES = resolve("policies");

export function analyseFile(path: string, text = readFileSync(path, "utf8")): Analysis {
  return analysePolicy(resolve(path), text, policyReader(dirname(resolve(path))));
}

/** A policy in memory, whose imports are the texts given by path. */
export function analyseText(text: string, file = "/mem/policy.ct", imports: Record<string, string> = {}): Analysis {
  return analysePolicy(file, text, (path) => imports[path]);
}

/** The position `delta` characters into the `nth` occurrence of `needle`. */
export function at(text: string, needle: string, delta = 0, nth = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${needle} not found`);
  }
  offset += delta;
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

const offsetOf = (text: string, p: Position): number => text.split("\n").slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;

/** The text a range covers. */
export const textIn = (text: string, range: Range): string => text.slice(offsetOf(text, range.start), offsetOf(text, range.end));

/** The text after the edits, applied from the last. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  return sorted.reduce((t, e) => t.slice(0, offsetOf(t, e.range.start)) + e.newText + t.slice(offsetOf(t, e.range.end)), text);
}
