// The first half of `npm run package:vscode` (vsce packs the result): checks the grammar is current and
// bundles the client with vscode-languageclient into one file, so the .vsix carries no node_modules
// and `vsce package --no-dependencies` needs neither npm nor the network.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const extension = join(root, "editors", "vscode");

// The grammar must say what the lexer reads: refuse to package a stale one.
const check = spawnSync(process.execPath, [join(root, "scripts", "vscode-grammar.mjs"), "--check"], { stdio: "inherit" });
if (check.status !== 0) process.exit(check.status ?? 1);

rmSync(join(extension, "dist"), { recursive: true, force: true });
await build({
  entryPoints: [join(extension, "src", "extension.ts")],
  outfile: join(extension, "dist", "extension.js"),
  bundle: true,
  // VS Code 1.82 (engines.vscode) runs extensions as CommonJS on Node 18.
  format: "cjs",
  platform: "node",
  target: "node18",
  external: ["vscode"],
  minify: true,
  legalComments: "eof",
  logLevel: "warning",
});
