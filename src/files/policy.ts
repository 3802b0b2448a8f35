/**
 * Policies read from disk: `compile` and `compileFile` as the checker's, with imports read from
 * the file system. The checker itself reads nothing; it is given a reader, so the CLI, the tests
 * and a service decide where imports may come from.
 */
import { compile as compileText, type CompileOptions, type CompileResult } from "../check/compile.js";
import { problem } from "../diagnostics/diagnostic.js";
import { readText } from "./find.js";

export type { CompileOptions, CompileResult };

export function compile(text: string, options: CompileOptions = {}): CompileResult {
  return compileText(text, { ...options, readFile: options.readFile ?? readText });
}

/** Reads the file and compiles it. A file that cannot be read is a diagnostic too. */
export function compileFile(path: string, options: Omit<CompileOptions, "file"> = {}): CompileResult {
  const read = options.readFile ?? readText;
  const text = read(path);
  if (text !== undefined) return compile(text, { ...options, file: path, readFile: read });
  const at = { offset: 0, line: 1, column: 1 };
  const missing = problem("import-not-found", path, { start: at, end: at }, { path });
  return { policy: undefined, definitions: undefined, diagnostics: [missing], sources: new Map() };
}
