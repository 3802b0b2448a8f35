/**
 * Runs the CLI inside the test's process, through `main` with strings for streams: what
 * `runCli` sees, without starting Node (about a second a run on a busy machine). It stands where
 * `runCli`'s process stands: NO_COLOR and off a terminal (no colour, no progress bar), LANG=C
 * (English unless `lang` says otherwise), and the test's working directory for relative paths.
 *
 * What only a process shows (exit codes as the OS sees them, a real stdin pipe, closed pipes, the
 * bundle bin/chitieu.js loads, LANG read from the environment) stays with `runCli`.
 */
import { main } from "../../src/cli/main.js";
import type { Output } from "../../src/cli/output.js";
import type { Run } from "./cli.js";

/** `input` is standard input's text, or a function giving its chunks (for input too large to be text). */
export async function runMain(args: readonly string[], input?: string | NonNullable<Output["stdin"]>, lang: NonNullable<Output["lang"]> = "en"): Promise<Run> {
  let stdout = "";
  let stderr = "";
  let unread = input ?? "";
  const status = await main(args, {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    colour: false,
    lang,
    progress: false,
    // A pipe is read to its end once; a second read finds nothing, as process.stdin would.
    stdin: () => {
      const text = unread;
      unread = "";
      return typeof text === "string" ? [text] : text();
    },
  });
  return { status, stdout, stderr };
}
