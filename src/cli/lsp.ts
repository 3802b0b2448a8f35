/**
 * `chitieu lsp`: the language server, over standard input and output, for any editor (VS Code's
 * extension, Neovim, Helix...). Loaded only when the command runs, so that `chitieu check` starts
 * as fast as before; the server ends the process when the editor says `exit` or closes the stream.
 */
export async function lspCommand(): Promise<number> {
  // Standard output carries the protocol: anything printed by mistake would break it.
  for (const method of ["log", "info", "debug", "warn"] as const) console[method] = console.error;
  const { startServer } = await import("../editor/server.js");
  startServer(process.stdin, process.stdout);
  return new Promise<number>(() => {});
}
