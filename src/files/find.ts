/**
 * Finding policy, test and data files on disk: files as given, folders searched (recursively,
 * through symbolic links to files) for the suffixes wanted, patterns such as `data/*.xlsx` matched
 * (for shells that do not expand them), each file once, in order.
 */
import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { basename, join, normalize, relative, sep } from "node:path";

/** Why a path gives no file: it is not there, it is a folder where a file was wanted, or a pattern matches nothing. */
export type NotFound = "no-such-file" | "no-such-path" | "a-folder" | "no-match" | "not-a-regular-file";

export interface FoundFiles {
  readonly files: string[];
  /** Paths that cannot be read, and why. */
  readonly unreadable: { readonly path: string; readonly reason: NotFound }[];
}

export function findFiles(paths: readonly string[], suffix: string | readonly string[]): FoundFiles {
  const suffixes = typeof suffix === "string" ? [suffix] : suffix;
  const result: FoundFiles = { files: [], unreadable: [] };
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (seen.has(normalize(file))) return;
    seen.add(normalize(file));
    result.files.push(file);
  };
  for (const path of paths) {
    const stat = statOf(path);
    if (stat?.isDirectory()) inFolder(path, suffixes).forEach(add);
    // A FIFO or a device would be read for ever, or block until something writes to it.
    else if (stat?.isFile()) add(path);
    else if (stat) result.unreadable.push({ path, reason: "not-a-regular-file" });
    else if (isPattern(path)) {
      const matched = matching(path);
      if (matched.length === 0) result.unreadable.push({ path, reason: "no-match" });
      matched.forEach(add);
    } else result.unreadable.push({ path, reason: "no-such-path" });
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

// Excel's lock files (`~$data.xlsx`) and hidden files are not anyone's data.
const isOwnFile = (name: string): boolean => !name.startsWith("~$") && !name.startsWith(".");

function inFolder(folder: string, suffixes: readonly string[]): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => isOwnFile(entry.name) && suffixes.some((suffix) => entry.name.toLowerCase().endsWith(suffix)))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => statOf(path)?.isFile() === true)
    .sort();
}

const isPattern = (path: string): boolean => /[*?[]/.test(path);

/**
 * The files a pattern names: `*` and `?` within a name, `[abc]` one of the letters, `**` any
 * folders. The search starts at the longest leading folder with no pattern in it.
 */
function matching(pattern: string): string[] {
  const parts = normalize(pattern).split(sep);
  const fixed = parts.findIndex(isPattern);
  const root = parts.slice(0, fixed).join(sep) || ".";
  // `**/` may stand for no folder at all: `data/**/*.csv` matches `data/a.csv` too.
  const matcher = new RegExp(`^${parts.slice(fixed).map((part, i, all) => (part === "**" && i < all.length - 1 ? "(?:.*/)?" : `${segment(part)}${i < all.length - 1 ? "\\/" : ""}`)).join("")}$`);
  if (statOf(root)?.isDirectory() !== true) return [];
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => isOwnFile(basename(path)) && matcher.test(relative(root, path).split(sep).join("/")) && statOf(path)?.isFile() === true)
    .map((path) => (parts[0] === "." || fixed > 0 ? path : relative(".", path)))
    .sort();
}

function segment(part: string): string {
  if (part === "**") return "(?:.*)";
  let out = "";
  for (let i = 0; i < part.length; i++) {
    const c = part.charAt(i);
    const close = c === "[" ? part.indexOf("]", i + 2) : -1;
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (close > 0) {
      out += `[${part.slice(i + 1, close).replace(/[\\\]^]/g, "\\$&")}]`;
      i = close;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return out;
}
