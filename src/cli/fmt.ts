/**
 * `chitieu fmt [--check] [--lang vi|en] PATHS`: canonical formatting, in place. Its `--lang` picks
 * the keywords written; the messages are in `io.lang`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import "../text/jitless.js";
import { z } from "zod";
import { renderDiagnostics } from "../diagnostics/render.js";
import { formatSource } from "../syntax/format.js";
import { joinText } from "../data/load.js";
import { findFiles } from "../files/find.js";
import { MAX_POLICY_BYTES } from "../files/policy.js";
import { EXIT, type Output } from "./output.js";
import { cliWords } from "./words.js";

export const FormatOptions = z.object({ check: z.boolean(), lang: z.enum(["en", "vi"]).optional() });
export type FormatOptions = z.infer<typeof FormatOptions>;

export async function formatCommand(paths: readonly string[], options: FormatOptions, io: Output): Promise<number> {
  if (paths.includes("-")) return formatStdin(options, io);
  const { files, unreadable } = findFiles(paths, ".ct");
  const words = cliWords(io.lang);
  for (const { path, reason } of unreadable) io.err(`chitieu: ${words.cannotRead(path, reason)}\n`);
  if (unreadable.length > 0) return EXIT.usage;
  let code: number = EXIT.ok;
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const result = formatSource(source, { lang: options.lang, file });
    if (result.text === undefined) {
      io.err(`${renderDiagnostics(result.diagnostics, new Map([[file, source.normalize("NFC")]]), { lang: io.lang })}\n`);
      code = EXIT.problems;
    } else if (result.text !== source) {
      if (options.check) {
        io.out(`${file}: ${words.notFormatted}\n`);
        code = EXIT.problems;
      } else {
        writeFileSync(file, result.text);
        io.out(`${file}: ${words.formatted}\n`);
      }
    }
  }
  return code;
}

async function formatStdin(options: FormatOptions, io: Output): Promise<number> {
  const source = await joinText((io.stdin ?? (() => []))(), MAX_POLICY_BYTES);
  if (source === undefined) {
    io.err(`chitieu: ${cliWords(io.lang).stdinTooLarge(MAX_POLICY_BYTES)}\n`);
    return EXIT.usage;
  }
  const result = formatSource(source, { lang: options.lang, file: "-" });
  if (result.text === undefined) {
    io.err(`${renderDiagnostics(result.diagnostics, new Map([["-", source.normalize("NFC")]]), { lang: io.lang })}\n`);
    return EXIT.problems;
  }
  if (options.check) return result.text === source ? EXIT.ok : EXIT.problems;
  io.out(result.text);
  return EXIT.ok;
}
