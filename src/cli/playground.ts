/**
 * `chitieu playground [POLICY] --out playground.html`: the playground page (src/playground/page.ts),
 * opening on the policy given (the BR-VT example unless one is) and the files it imports, with the
 * page script `npm run build` bundled into dist/browser/.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join, normalize, relative, resolve, sep } from "node:path";
import "../text/jitless.js";
import { z } from "zod";
import { compileFile } from "../files/policy.js";
import { playgroundHtml } from "../playground/page.js";
import { writeOut } from "./eval.js";
import { EXIT, type Output } from "./output.js";
import { packageRoot } from "./package-root.js";
import { cliWords } from "./words.js";

export const PlaygroundOptions = z.object({
  out: z.string().optional(),
  lang: z.enum(["en", "vi"]).optional(),
});
export type PlaygroundOptions = z.infer<typeof PlaygroundOptions>;

export function playgroundCommand(policyFile: string | undefined, options: PlaygroundOptions, io: Output): number {
  const words = cliWords(options.lang ?? io.lang);
  if (options.out !== undefined && extname(options.out).toLowerCase() !== ".html" && extname(options.out).toLowerCase() !== ".htm") {
    io.err(`chitieu: ${words.reportIsHtml(options.out)}\n`);
    return EXIT.usage;
  }
  const root = packageRoot();
  const script = join(root, "dist", "browser", "playground.js");
  if (!existsSync(script)) {
    io.err(`chitieu: ${words.cannotRead(script, "not built: run npm run build")}\n`);
    return EXIT.usage;
  }
  const file = policyFile ?? join(root, "policies", "brvt-2139-2022.ct");
  // The page opens on the policy as it is, errors and all: it is where they get fixed.
  const compiled = compileFile(file);
  const text = compiled.sources.get(normalize(file));
  if (text === undefined) {
    io.err(`chitieu: ${words.cannotRead(file, "no-such-file")}\n`);
    return EXIT.usage;
  }
  const folder = dirname(resolve(file));
  const name = (path: string): string => relative(folder, resolve(path)).split(sep).join("/");
  const files = Object.fromEntries([...compiled.sources].map(([path, content]) => [name(path), content]));
  const page = playgroundHtml(readFileSync(script, "utf8"), { main: name(file), files }, { lang: options.lang ?? "vi" });
  if (options.out === undefined) io.out(page);
  else if (!writeOut(options.out, page, io)) return EXIT.usage;
  else io.err(`chitieu: ${words.wrote(options.out, Buffer.byteLength(page))}\n`);
  return EXIT.ok;
}
