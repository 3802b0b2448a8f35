/**
 * Finding policy and test files on disk: files as given, folders searched (recursively, through
 * symbolic links to files) for a suffix, each file once, in order.
 */
import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { join, normalize } from "node:path";

export interface FoundFiles {
  readonly files: string[];
  /** Paths that cannot be read, with the reason in words. */
  readonly unreadable: { readonly path: string; readonly reason: string }[];
}

export function findFiles(paths: readonly string[], suffix: string): FoundFiles {
  const result: FoundFiles = { files: [], unreadable: [] };
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (seen.has(normalize(file))) return;
    seen.add(normalize(file));
    result.files.push(file);
  };
  for (const path of paths) {
    const stat = statOf(path);
    if (!stat) result.unreadable.push({ path, reason: "no such file or folder" });
    else if (stat.isDirectory()) inFolder(path, suffix).forEach(add);
    else add(path);
  }
  return result;
}

/** Undefined for any path that cannot be read: missing, under a file, too long, forbidden. */
export function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The text of a file, or undefined when it cannot be read. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function inFolder(folder: string, suffix: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => statOf(path)?.isFile() === true)
    .sort();
}
