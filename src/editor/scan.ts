/**
 * The policy files of a folder, for what needs more than the open file and its imports: the file
 * that defines an id a policy lacks (a missing import), the policies that import a shared file
 * (references and rename). Bounded, as a workspace may be any folder an editor opens.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Files and folders looked at, at most: a home folder opened by mistake must not stall the server. */
const MAX_ENTRIES = 20_000;
const MAX_FILES = 500;
const MAX_DEPTH = 8;

export function policyFilesUnder(root: string): string[] {
  const found: string[] = [];
  let seen = 0;
  const visit = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES || found.length >= MAX_FILES) return;
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) visit(path, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith(".ct")) found.push(path);
    }
  };
  visit(root, 0);
  return found;
}
