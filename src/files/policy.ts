/**
 * Policies read from disk: `compile` and `compileFile` as the checker's, with imports read from
 * the file system, and only from the policy's own tree. The checker itself reads nothing; it is
 * given a reader, so the CLI, the tests and a service decide where imports may come from.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { compile as compileText, type CompileOptions, type CompileResult } from "../check/compile.js";
import type { ReadFile } from "../check/load.js";
import { problem } from "../diagnostics/diagnostic.js";

export type { CompileOptions, CompileResult };

/** Larger than any decision written as a policy; a larger "policy" is refused, not read into memory. */
export const MAX_POLICY_BYTES = 10 * 1024 * 1024;

export function compile(text: string, options: CompileOptions = {}): CompileResult {
  return compileText(text, { ...options, readFile: options.readFile ?? policyReader(dirname(options.file ?? "./policy.ct")) });
}

/** Reads the file and compiles it. A file that cannot be read is a diagnostic too. */
export function compileFile(path: string, options: Omit<CompileOptions, "file"> = {}): CompileResult {
  // The root is the folder the policy really is in: a policy linked into another folder keeps its own imports.
  const read = options.readFile ?? policyReader(dirname(real(path) ?? path));
  // The file named is read whatever its name; its imports only as the reader allows.
  const text = options.readFile ? options.readFile(path) : readRegular(path);
  if (typeof text === "string") return compileText(text, { ...options, file: path, readFile: read });
  const at = { offset: 0, line: 1, column: 1 };
  const refused = text === undefined ? {} : { refused: text.refused };
  const missing = problem("import-not-found", path, { start: at, end: at }, { path, ...refused, named: true });
  return { policy: undefined, definitions: undefined, diagnostics: [missing], sources: new Map() };
}

/**
 * Imports as the CLI and the library read them: regular `.ct` files under `root` (the policy's
 * folder unless said), found by their real paths, so a link that leads outside is refused and a
 * loop of links ends; never a device, a FIFO or a folder, never more than MAX_POLICY_BYTES.
 */
export function policyReader(root: string): ReadFile {
  const realRoot = real(root) ?? resolve(root);
  const read = (path: string): ReturnType<ReadFile> => {
    if (!path.toLowerCase().endsWith(".ct")) return { refused: "not-a-policy-file" };
    const target = real(path);
    if (target === undefined) return undefined;
    const inside = relative(realRoot, target);
    if (inside.startsWith(`..${sep}`) || inside === ".." || resolve(realRoot, inside) !== target) return { refused: "outside-root" };
    return readRegular(target);
  };
  return Object.assign(read, { identify: (path: string) => real(path) ?? resolve(path) });
}

function real(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** The text of a regular file of at most MAX_POLICY_BYTES, checked on the open file so it cannot change in between. */
function readRegular(path: string): ReturnType<ReadFile> {
  let fd: number | undefined;
  try {
    // Non-blocking, so that a FIFO opens at once and is then refused instead of waiting for a writer.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: "not-a-regular-file" };
    if (stat.size > MAX_POLICY_BYTES) return { refused: "too-large" };
    const bytes = Buffer.alloc(stat.size);
    const length = readSync(fd, bytes, 0, stat.size, 0);
    return bytes.subarray(0, length).toString("utf8");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
