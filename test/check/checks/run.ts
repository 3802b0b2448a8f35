/** Runs one check on one node of a small parsed file, and gives back what it reported. */
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import type { Check } from "../../../src/check/context.js";
import { analyse } from "../../../src/check/facts.js";
import type { LoadedFile } from "../../../src/check/load.js";
import type { PolicyFile, Statement } from "../../../src/syntax/ast.js";
import { parse } from "../../../src/syntax/parse.js";

const ENTRY = "policy.ct";

function parsed(file: string, text: string): LoadedFile {
  const result = parse(text, file);
  if (!result.ast) throw new Error(`${file} does not parse: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return { file, ast: result.ast };
}

/**
 * `text` is the entry file; `imports` are the other files loaded with it, by name. The node is
 * picked from the file named `at`, the entry unless said.
 */
export function reported<N>(
  check: Check<N>,
  text: string,
  pick: (file: PolicyFile) => N | undefined,
  imports: Record<string, string> = {},
  at = ENTRY,
): Diagnostic[] {
  const files = [parsed(ENTRY, text), ...Object.entries(imports).map(([file, t]) => parsed(file, t))];
  const [entry] = files;
  const loaded = files.find((f) => f.file === at);
  const node = loaded && pick(loaded.ast);
  if (!entry || node === undefined) throw new Error("the snippet has no such node");
  const found: Diagnostic[] = [];
  check(node, { ...analyse(entry, files), file: at, accept: (d) => found.push(d) });
  return found;
}

/** The `index`th statement of a kind, for `reported`'s `pick`. */
export const nth =
  <K extends Statement["kind"]>(kind: K, index = 0) =>
  (file: PolicyFile): Extract<Statement, { kind: K }> | undefined =>
    file.statements.filter((s): s is Extract<Statement, { kind: K }> => s.kind === kind)[index];

/** What a test compares: the diagnostic's name and where it points, as `name@line:column`. */
export const where = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.name}@${d.span.start.line}:${d.span.start.column}`);
