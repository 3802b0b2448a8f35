/**
 * The language server as an editor drives it: `chitieu lsp --stdio` started as a process, spoken to
 * over JSON-RPC, through a session an author would have: open a policy with a mistake, see it,
 * fix it as they type, ask what a target means, complete, jump, rename, format, and close.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompletionItem, Hover, InitializeResult, Location, MarkupContent, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { applyEdits, at } from "./support.js";
import { startClient, uriOf, type Client } from "./client.js";

const folder = mkdtempSync(join(tmpdir(), "chitieu-lsp-"));
mkdirSync(join(folder, "shared"));
writeFileSync(join(folder, "shared", "vn-tiers.ct"), readFileSync("policies/shared/vn-tiers.ct", "utf8"));
const policyPath = join(folder, "brvt.ct");
const original = readFileSync("policies/brvt-2139-2022.ct", "utf8");
const withMistake = original.replace("by 2022-11-30 >= 50%", "by 2022-11-30 >= 60%");
writeFileSync(policyPath, withMistake);
const uri = uriOf(policyPath);

describe("chitieu lsp over stdio", () => {
  let client: Client;
  let text = withMistake;
  let version = 1;
  const change = async (next: string): Promise<void> => {
    version++;
    text = next;
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  };

  beforeAll(async () => {
    client = startClient();
    const init = await client.connection.sendRequest<InitializeResult>("initialize", { processId: process.pid, rootUri: uriOf(folder), capabilities: {}, workspaceFolders: [{ uri: uriOf(folder), name: "policies" }] });
    expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, renameProvider: { prepareProvider: true }, documentFormattingProvider: true, inlayHintProvider: true });
    await client.connection.sendNotification("initialized", {});
  });

  afterAll(() => {
    if (client.process.exitCode === null) client.process.kill();
  });

  it("publishes the diagnostics of a policy when it opens, and again as it is edited", async () => {
    await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "chitieu", version, text } });
    const opened = await client.diagnostics(uri, 0);
    expect(opened.diagnostics.map((d) => [d.code, d.range.start.line + 1])).toEqual([["CT203", 54]]);
    expect(opened.diagnostics[0]!.message).toContain("help: a step of +20% over 2 steps would reach 60%; or make the deadline 50%");
    // Several changes in quick succession are checked once, after the last.
    const before = client.published(uri);
    await change(text.replace(">= 20%, monthly +15%, by 2022-11-30 >= 60%", ">= 20%, monthly +1"));
    await change(text.replace(">= 20%, monthly +1", ">= 20%, monthly +20"));
    await change(text.replace(">= 20%, monthly +20", ">= 20%, monthly +20%, by 2022-11-30 >= 60%"));
    const fixed = await client.diagnostics(uri, before);
    expect(fixed).toMatchObject({ version, diagnostics: [] });
    expect(client.published(uri)).toBe(before + 1);
  });

  it("answers hover, completion and definition", async () => {
    const hover = await client.connection.sendRequest<Hover>("textDocument/hover", { textDocument: { uri }, position: at(text, "target online_share_local", 8) });
    expect((hover.contents as MarkupContent).value).toContain("| tier `district` | 2022-09-30 | >= | 20% |\n|  | 2022-10-31 | >= | 40% (step) |\n|  | 2022-11-30 | >= | 60% |");
    const items = await client.connection.sendRequest<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: at(text, "for tier district", 9) });
    expect(items.map((i) => i.label)).toEqual(["province", "district", "commune"]);
    const [location] = await client.connection.sendRequest<Location[]>("textDocument/definition", { textDocument: { uri }, position: at(text, "tier district", 6) });
    expect(location).toEqual({ uri: uriOf(join(folder, "shared", "vn-tiers.ct")), range: { start: { line: 18, character: 5 }, end: { line: 18, character: 13 } } });
  });

  it("renames a shared field in the policy and the file that defines it", async () => {
    const answer = await client.connection.sendRequest<WorkspaceEdit>("textDocument/rename", { textDocument: { uri }, position: at(text, "online_dossiers / dossiers", 20), newName: "received" });
    const changes = answer.changes!;
    expect(Object.keys(changes).sort()).toEqual([uri, uriOf(join(folder, "shared", "vn-tiers.ct"))].sort());
    expect(applyEdits(text, changes[uri]!)).toContain("metric online_share \"Tỷ lệ hồ sơ TTHC xử lý trực tuyến\"\n  = online_dossiers / received\n");
    expect(changes[uriOf(join(folder, "shared", "vn-tiers.ct"))]).toHaveLength(1);
    await expect(client.connection.sendRequest("textDocument/rename", { textDocument: { uri }, position: at(text, "online_dossiers / dossiers", 20), newName: "chỉ tiêu" })).rejects.toThrow("is not an id");
  });

  it("formats the document as `chitieu fmt` does", async () => {
    await change(text.replace("for tier district, tier commune:", "for   tier district,tier commune :"));
    const edits = await client.connection.sendRequest<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(text, edits)).toContain("  for tier district, tier commune:\n");
  });

  it("answers every request after each of 300 random edits", async () => {
    const pieces = fc.constantFrom("target", "từ", ":", ",", "2022-09-30", "15%", '"', "\n", "x", "province", "(", "#", "đến", ">=");
    const edits = fc.sample(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(12), insert: fc.oneof(pieces, fc.string({ maxLength: 4 })) }), { numRuns: 300, seed: 18 });
    for (const e of edits) {
      const cut = Math.floor(e.at * text.length);
      await change(text.slice(0, cut) + e.insert + text.slice(cut + e.remove));
      const lines = text.split("\n");
      const line = cut === 0 ? 0 : text.slice(0, cut).split("\n").length - 1;
      const position = { line, character: Math.min(lines[line]!.length, 3) };
      const answers = await Promise.all(
        ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/documentSymbol", "textDocument/semanticTokens/full", "textDocument/inlayHint"].map((method) =>
          client.connection.sendRequest(method, { textDocument: { uri }, position, range: { start: { line: 0, character: 0 }, end: position } }).then(() => "answered", (error: Error) => error.message),
        ),
      );
      expect(answers).toEqual(Array(6).fill("answered"));
    }
    expect(client.stderr()).not.toContain("failed");
  }, 120_000);

  it("shuts down and exits with 0 when asked", async () => {
    await client.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    await client.connection.sendRequest("shutdown");
    await client.connection.sendNotification("exit");
    expect(await client.exited).toBe(0);
  });
});
