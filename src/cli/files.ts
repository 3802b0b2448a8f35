/** Policy paths as given on the command line: files as they are, folders searched for `.ct` files. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function policyFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) missing.push(path);
    else if (stat.isDirectory()) files.push(...inFolder(path));
    else files.push(path);
  }
  return { files, missing };
}

function inFolder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ct"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
