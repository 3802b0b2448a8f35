/** A language client over stdio for the tests: `chitieu lsp` started as editors start it, spoken to with vscode-jsonrpc. */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type { PublishDiagnosticsParams } from "vscode-languageserver";

export interface Client {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly stderr: () => string;
  /** The next diagnostics published for `uri` (after `since` of them). */
  readonly diagnostics: (uri: string, since?: number) => Promise<PublishDiagnosticsParams>;
  readonly published: (uri: string) => number;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

export function startClient(): Client {
  const child = spawn(process.execPath, [resolve("bin/chitieu.js"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const received = new Map<string, PublishDiagnosticsParams[]>();
  const waiting: { uri: string; index: number; done: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    const list = received.get(params.uri) ?? [];
    list.push(params);
    received.set(params.uri, list);
    for (const w of waiting.filter((w) => w.uri === params.uri && list.length > w.index)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.done(list[w.index]!);
    }
  });
  connection.listen();
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return {
    connection,
    process: child,
    stderr: () => stderr,
    published: (uri) => received.get(uri)?.length ?? 0,
    diagnostics: (uri, since = 0) => {
      const list = received.get(uri) ?? [];
      if (list.length > since) return Promise.resolve(list[since]!);
      return new Promise((done) => waiting.push({ uri, index: since, done }));
    },
    exited,
  };
}

export const uriOf = (path: string): string => pathToFileURL(resolve(path)).href;
