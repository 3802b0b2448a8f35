/**
 * The VS Code side of chitieu: starts `chitieu lsp` over stdio for `.ct` files and restarts it when
 * its settings change. Everything a policy author sees (diagnostics, and whatever else the server
 * offers) comes from the server, so the editor says exactly what `chitieu check` says.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/** The setting when given; else the workspace's own chitieu (the version the project pins); else the PATH's. */
export function serverCommand(setting: string, folders: readonly string[], exists: (path: string) => boolean = existsSync): string {
  if (setting.trim() !== "") return setting.trim();
  const bin = process.platform === "win32" ? "chitieu.cmd" : "chitieu";
  const local = folders.map((folder) => join(folder, "node_modules", ".bin", bin)).find(exists);
  return local ?? "chitieu";
}

function start(context: vscode.ExtensionContext): LanguageClient {
  const config = vscode.workspace.getConfiguration("chitieu");
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const command = serverCommand(config.get<string>("server.command", ""), folders);
  const args = config.get<string[]>("server.args", ["lsp"]);
  const cwd = folders[0];
  // On Windows the `.cmd` shims of node_modules/.bin only run through a shell.
  const shell = process.platform === "win32";
  const server: ServerOptions = { command, args, transport: TransportKind.stdio, options: { cwd, shell } };
  const options: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "chitieu" },
      { scheme: "untitled", language: "chitieu" },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.ct") },
    outputChannelName: "chitieu",
  };
  const started = new LanguageClient("chitieu", "chitieu", server, options);
  started.start().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(
      `chitieu: the language server (${command} ${args.join(" ")}) did not start: ${reason}. Install chitieu (npm install chitieu) or set "chitieu.server.command".`,
    );
  });
  context.subscriptions.push(started);
  return started;
}

export function activate(context: vscode.ExtensionContext): void {
  client = start(context);
  const restart = async (): Promise<void> => {
    await client?.stop().catch(() => undefined);
    client = start(context);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand("chitieu.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("chitieu.server")) void restart();
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
