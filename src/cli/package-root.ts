/** Where the installed package's own files are (policies, examples, the playground's script). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The installed package's folder, found upwards from this module wherever the bundler put it. */
export function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "chitieu") return dir;
    if (dirname(dir) === dir) throw new Error("chitieu's package folder is not found above its modules");
  }
}
