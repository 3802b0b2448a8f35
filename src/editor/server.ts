/**
 * `chitieu lsp`: the language server over a pair of streams (stdio). A thin layer: it keeps the
 * open documents and their latest analyses, checks a document a moment after it stops changing
 * (and the open policies that import it), and answers each request with the pure functions beside
 * it. A request that fails is logged and answered empty; the server never stops on any text.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { createConnection, ResponseError, ErrorCodes, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { ReadFile } from "../check/load.js";
import type { DefinitionKind } from "../diagnostics/messages.js";
import { MAX_POLICY_BYTES, policyReader } from "../files/policy.js";
import { parse } from "../syntax/parse.js";
import { analysePolicy, type Analysis } from "./analysis.js";
import { completion } from "./completion.js";
import { documentDiagnostics } from "./diagnostics.js";
import { codeActions } from "./fixes.js";
import { formatDocument } from "./formatting.js";
import { inlayHints } from "./hints.js";
import { hover } from "./hover.js";
import { definition, prepareRename, references, rename } from "./navigation.js";
import { documentSymbols, foldingRanges } from "./outline.js";
import { policyFilesUnder } from "./scan.js";
import { SEMANTIC_LEGEND, semanticTokens } from "./semantic.js";
import { fileOfUri, onDisk, uriOfFile } from "./uris.js";

/** Long enough to let a word be typed, short enough to feel immediate. */
const DEBOUNCE_MS = 120;

export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const connection = createConnection(input, output);
  const documents = new TextDocuments(TextDocument);
  const state = new Workspace(documents);
  // How long a document must stay unchanged before it is checked again.
  let debounce = DEBOUNCE_MS;
  const timers = new Map<string, NodeJS.Timeout>();

  const safe =
    <P, R>(name: string, fallback: R, handler: (params: P) => R) =>
    (params: P): R => {
      try {
        return handler(params);
      } catch (error) {
        connection.console.error(`chitieu lsp: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };

  const publish = (uri: string): void => {
    timers.delete(uri);
    const analysis = state.analysis(uri);
    if (analysis) void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics: safe("diagnostics", [], documentDiagnostics)(analysis) });
  };
  const schedule = (uri: string, wait: number): void => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => safe("diagnostics", undefined, () => publish(uri))(undefined), wait));
  };

  connection.onInitialize((params): InitializeResult => {
    // A client may ask for another pause before checking (`{ "debounceMs": 0 }` checks at once, as the benchmark does).
    const asked = (params.initializationOptions as { debounceMs?: unknown } | undefined)?.debounceMs;
    if (typeof asked === "number" && Number.isFinite(asked) && asked >= 0 && asked <= 10_000) debounce = asked;
    state.roots = (params.workspaceFolders ?? []).map((f) => fileOfUri(f.uri)).concat(params.rootUri ? [fileOfUri(params.rootUri)] : []).filter(onDisk);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [" ", ":", ","] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ["quickfix"] },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        inlayHintProvider: true,
      },
      serverInfo: { name: "chitieu" },
    };
  });

  documents.onDidOpen(({ document }) => schedule(document.uri, 0));
  documents.onDidChangeContent(({ document }) => {
    schedule(document.uri, debounce);
    // Policies open in the editor that import this one are checked again with its new text.
    const file = fileOfUri(document.uri);
    for (const other of documents.all()) {
      if (other.uri === document.uri || !state.cached(other.uri)?.sources.has(file)) continue;
      state.stale(other.uri);
      schedule(other.uri, debounce);
    }
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    state.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const on = <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, answer: (analysis: Analysis, params: P) => R) =>
    safe(name, fallback, (params: P) => {
      const analysis = state.analysis(params.textDocument.uri);
      return analysis ? answer(analysis, params) : fallback;
    });

  connection.onHover(on("hover", null, (a, p) => hover(a, p.position, state.lastParsed(p.textDocument.uri))));
  connection.onCompletion(on("completion", [], (a, p) => completion(a, p.position, state.lastParsed(p.textDocument.uri))));
  connection.onDefinition(on("definition", [], (a, p) => definition(a, p.position, state.lastParsed(p.textDocument.uri))));
  connection.onReferences(on("references", [], (a, p) => references(a, p.position, p.context.includeDeclaration, state.workspace(a))));
  connection.onPrepareRename(on("prepareRename", null, (a, p) => prepareRename(a, p.position)));
  connection.onRenameRequest(
    on("rename", null, (a, p) => {
      const answer = rename(a, p.position, p.newName, state.workspace(a));
      if ("refused" in answer) return new ResponseError(ErrorCodes.InvalidParams, answer.refused);
      return answer.edit;
    }),
  );
  connection.onDocumentSymbol(on("documentSymbol", [], (a) => documentSymbols(a)));
  connection.onFoldingRanges(on("foldingRange", [], (a) => foldingRanges(a)));
  connection.onDocumentFormatting(on("formatting", [], (a) => formatDocument(a)));
  connection.onCodeAction(on("codeAction", [], (a, p) => codeActions(a, p.range, (kind, id) => state.definers(a.file, kind, id))));
  connection.languages.semanticTokens.on(on("semanticTokens", { data: [] }, (a) => semanticTokens(a)));
  connection.languages.inlayHint.on(on("inlayHint", [], (a, p) => inlayHints(a, p.range)));

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** The open documents' analyses, each worked out once per version, and the workspace's policies when a request needs them. */
class Workspace {
  roots: string[] = [];
  private readonly analyses = new Map<string, { version: number; analysis: Analysis }>();
  private readonly parsed = new Map<string, Analysis>();
  private readonly onDisk = new Map<string, { mtimeMs: number; analysis: Analysis }>();
  private readonly definitions = new Map<string, { mtimeMs: number; ids: ReadonlySet<string> }>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  analysis(uri: string): Analysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const known = this.analyses.get(uri);
    if (known?.version === document.version) return known.analysis;
    const file = fileOfUri(uri);
    const analysis = analysePolicy(file, document.getText(), this.reader(file));
    this.analyses.set(uri, { version: document.version, analysis });
    if (analysis.ast) this.parsed.set(uri, analysis);
    return analysis;
  }

  cached(uri: string): Analysis | undefined {
    return this.analyses.get(uri)?.analysis;
  }

  /** The last analysis of the document whose text parsed. */
  lastParsed(uri: string): Analysis | undefined {
    return this.parsed.get(uri);
  }

  /** The document's analysis is out of date although its text is not: a file it imports changed. */
  stale(uri: string): void {
    this.analyses.delete(uri);
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.parsed.delete(uri);
  }

  /** Imports as `chitieu check` reads them (only from the policy's folder), an open document's text over its saved one. */
  private reader(file: string): ReadFile {
    if (!onDisk(file)) return Object.assign(() => undefined, {});
    const disk = policyReader(dirname(file));
    const read = (path: string): ReturnType<ReadFile> => {
      const saved = disk(path);
      if (typeof saved === "object") return saved;
      return this.documents.get(uriOfFile(path))?.getText() ?? saved;
    };
    return Object.assign(read, disk.identify ? { identify: disk.identify } : {});
  }

  /** Every policy under the workspace's folders (the document's own folder when none is open), each analysed. */
  workspace(current: Analysis): Analysis[] {
    const roots = this.roots.length > 0 ? this.roots : onDisk(current.file) ? [dirname(current.file)] : [];
    const files = [...new Set(roots.flatMap(policyFilesUnder))];
    return files.flatMap((file) => {
      const open = this.documents.get(uriOfFile(file));
      if (open) return [this.analysis(open.uri) ?? []].flat();
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat || stat.size > MAX_POLICY_BYTES) return [];
      const known = this.onDisk.get(file);
      if (known?.mtimeMs === stat.mtimeMs) return [known.analysis];
      const analysis = analysePolicy(file, readFileSync(file, "utf8"), this.reader(file));
      this.onDisk.set(file, { mtimeMs: stat.mtimeMs, analysis });
      return [analysis];
    });
  }

  /** The policy files in the document's folder and below (where its imports may come from) that define the id. */
  definers(file: string, kind: DefinitionKind, id: string): string[] {
    if (!onDisk(file)) return [];
    return policyFilesUnder(dirname(file)).filter((path) => path !== file && this.definedIn(path).has(`${kind}:${id}`));
  }

  private definedIn(path: string): ReadonlySet<string> {
    const stat = statSync(path, { throwIfNoEntry: false });
    const known = this.definitions.get(path);
    if (!stat || stat.size > MAX_POLICY_BYTES) return new Set();
    if (known?.mtimeMs === stat.mtimeMs) return known.ids;
    const ast = parse(readFileSync(path, "utf8"), path).ast;
    const ids = new Set((ast?.statements ?? []).flatMap((s) => (s.kind === "tier" || s.kind === "tag" || s.kind === "unit" || s.kind === "field" || s.kind === "metric" ? [`${s.kind}:${s.id.text}`] : [])));
    this.definitions.set(path, { mtimeMs: stat.mtimeMs, ids });
    return ids;
  }
}
