/**
 * `npm run package:vscode` on this machine, as on a fresh clone: the extension packs offline into a
 * .vsix holding its manifest, language configuration, grammar and one bundled client that loads
 * `vscode` from the editor and carries vscode-languageclient itself.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const VSIX = "editors/vscode/dist/chitieu-0.1.0.vsix";

describe("npm run package:vscode", () => {
  it("packs the extension into a .vsix with its grammar and a bundled client", () => {
    const run = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "package:vscode"], { encoding: "utf8", timeout: 120_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const vsix = readFileSync(VSIX);
    // A zip: its central directory names every file in plain text.
    expect(vsix.subarray(0, 2).toString("latin1")).toBe("PK");
    const names = vsix.toString("latin1");
    for (const file of ["extension/package.json", "extension/language-configuration.json", "extension/syntaxes/chitieu.tmLanguage.json", "extension/dist/extension.js", "extension/LICENSE.txt"]) {
      expect(names, file).toContain(file);
    }
    expect(names).not.toContain("extension/src/");
    expect(names).not.toContain("node_modules/");
    const client = readFileSync("editors/vscode/dist/extension.js", "utf8");
    expect(client).toContain('require("vscode")');
    expect(client).not.toContain('require("vscode-languageclient');
    expect(client).toContain("chitieu.server");
  });
});
