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
  const identify = remembered(readFile.identify ?? ((path: string) => path));
  const read = new Set<string>([identify(entry)]);
  // Depth first, in the order imports are written, with a stack of the files being read rather than
  // recursion: a chain of thousands of imports would overflow the call stack.
  const reading: Reading[] = [];
  const onChain = new Set<string>();

  const visit = (file: string, content: string): void => {
    const parsed = parse(content, file);
    sources.set(file, parsed.source);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    if (!parsed.ast) return;
    files.push({ file, ast: parsed.ast });
    reading.push({ file, imports: parsed.ast.statements.filter((s) => s.kind === "import"), next: 0 });
    onChain.add(identify(file));
  };

  const follow = (from: string, statement: ImportFile): void => {
    const target = normalize(join(dirname(from), statement.path.value));
    if (onChain.has(identify(target))) {
      const chain = [...reading.map((r) => r.file), target];
      diagnostics.push(problem("import-cycle", from, statement.path.span, { path: statement.path.value, chain }));
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
    visit(target, content);
  };

  visit(entry, text);
  for (let top = reading.at(-1); top; top = reading.at(-1)) {
    const statement = top.imports[top.next];
    top.next += 1;
    if (statement) follow(top.file, statement);
    else {
      reading.pop();
      onChain.delete(identify(top.file));
    }
  }
  return { files, sources, diagnostics };
}

/** A file being read, and how far through its imports. */
interface Reading {
  readonly file: string;
  readonly imports: readonly ImportFile[];
  next: number;
}

/** Each name's real path looked up once: comparing a chain by real paths did it for every file on it, per import. */
function remembered(identify: (path: string) => string): (path: string) => string {
  const known = new Map<string, string>();
  return (path) => {
    const found = known.get(path);
    if (found !== undefined) return found;
    const id = identify(path);
    known.set(path, id);
    return id;
  };
}
