/** Policy paths as given on the command line: files as they are, folders searched for `.ct` files. */
import { readdirSync, statSync, type Stats } from "node:fs";
import { join } from "node:path";

export interface PolicyPaths {
  readonly files: string[];
  /** Paths that cannot be read, with the reason in words. */
  readonly unreadable: { readonly path: string; readonly reason: string }[];
}

export function policyFiles(paths: readonly string[]): PolicyPaths {
  const result: PolicyPaths = { files: [], unreadable: [] };
  for (const path of paths) {
    const stat = statOf(path);
    if (!stat) result.unreadable.push({ path, reason: "no such file or folder" });
    else if (stat.isDirectory()) result.files.push(...inFolder(path));
    else result.files.push(path);
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

function inFolder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.name.endsWith(".ct"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => statOf(path)?.isFile() === true)
    .sort();
}
