/**
 * Reads a policy file and everything it imports, parsing each once. Import paths are relative to
 * the importing file; a file that imports itself, directly or not, is reported, not followed.
 */
import { dirname, join, normalize } from "node:path";
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ImportRefusal } from "../diagnostics/messages.js";
import type { ImportFile, PolicyFile } from "../syntax/ast.js";
import { parse } from "../syntax/parse.js";

export interface LoadedFile {
  readonly file: string;
  readonly ast: PolicyFile;
}

export interface Loaded {
  /** The entry file first, then imports in the order they were reached. */
  readonly files: readonly LoadedFile[];
  /** Every text read, normalised, by file name: what diagnostics point into. */
  readonly sources: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/** A file's text; undefined when it is not there; a refusal when it may not be read. */
export type ReadFile = ((path: string) => string | undefined | { readonly refused: ImportRefusal }) & {
  /** The file a path names (its real path), so that two names of one file are read once and a loop of links ends. */
  readonly identify?: (path: string) => string;
};

export function load(entry: string, text: string, readFile: ReadFile): Loaded {
  const files: LoadedFile[] = [];
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];

  const visit = (file: string, content: string, importing: readonly string[]): void => {
    const parsed = parse(content, file);
    sources.set(file, parsed.source);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.ast) return;
    files.push({ file, ast: parsed.ast });
    for (const statement of parsed.ast.statements) {
      if (statement.kind === "import") follow(file, statement, [...importing, file]);
    }
  };

  const identify = readFile.identify ?? ((path: string) => path);
  const read = new Set<string>([identify(entry)]);
  const follow = (from: string, statement: ImportFile, chain: readonly string[]): void => {
    const target = normalize(join(dirname(from), statement.path.value));
    if (chain.includes(target) || chain.some((file) => identify(file) === identify(target))) {
      diagnostics.push(
        problem("import-cycle", from, statement.path.span, { path: statement.path.value, chain: [...chain, target] }),
      );
      return;
    }
    if (sources.has(target) || read.has(identify(target))) return;
    const content = readFile(target);
    if (typeof content !== "string") {
      const refused = content === undefined ? {} : { refused: content.refused };
      diagnostics.push(problem("import-not-found", from, statement.path.span, { path: statement.path.value, lookedFor: target, ...refused }));
      return;
    }
    read.add(identify(target));
    visit(target, content, chain);
  };

  visit(entry, text, []);
  return { files, sources, diagnostics };
}
