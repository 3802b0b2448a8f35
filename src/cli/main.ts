/**
 * The command line: a thin layer that parses arguments, calls the public API and turns the outcome
 * into text and an exit code. Usage errors exit 2, problems in policies 1.
 *
 * Messages are in English or Vietnamese: a command's own `--lang` (except for fmt and init, whose
 * `--lang` picks the keywords they write), else `chitieu --lang` before the command, else the
 * environment (`io.lang`).
 *
 * The commands themselves are data (commands.ts); this file turns them into a parser.
 */
import { Command, CommanderError, Option } from "commander";
import { createRequire } from "node:module";
import type { z } from "zod";
import { COMMANDS } from "./commands.js";
import type { Lang } from "../i18n/lang.js";
import { EXIT, type Output } from "./output.js";
import { cliWords, commanderErrorText } from "./words.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

export async function main(argv: readonly string[], io: Output): Promise<number> {
  let code: number = EXIT.ok;
  // Errors found while parsing come before any command runs: they speak the last --lang given.
  const spoken = lastLang(argv) ?? io.lang ?? "en";
  const program = new Command("chitieu")
    .description("Check target policies, show their schedules and score reported data.")
    .version(version)
    .addOption(new Option("--lang <lang>", "messages in en or vi, for every command (default: from LANG)").choices(["en", "vi"]))
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (text, write) => write(commanderErrorText(text, spoken)) });
  const globalLang = (): Lang | undefined => program.opts<{ lang?: Lang }>().lang;
  for (const spec of COMMANDS) {
    const command = program.command(spec.name).description(spec.description).addHelpText("after", spec.help);
    if (spec.argument) command.argument(...spec.argument);
    for (const option of spec.options) {
      if ("required" in option) command.requiredOption(...option.required);
      else command.option(...option);
    }
    command.action(async (...given: unknown[]) => {
      const [argument, raw] = (spec.argument ? given : [undefined, ...given]) as [unknown, Record<string, unknown>];
      // fmt's and init's --lang picks the keywords they write; their messages follow chitieu --lang or the environment.
      const own = spec.lang === "keywords" ? undefined : asLang(raw["lang"]);
      const lang = own ?? globalLang() ?? io.lang ?? "en";
      // Reports and tables follow chitieu --lang too, when the command has none of its own.
      const options = spec.lang === "reports" ? { ...raw, lang: own ?? globalLang() } : raw;
      const validate = <T>(schema: z.ZodType<T>): T => {
        const parsed = schema.safeParse(options);
        if (parsed.success) return parsed.data;
        const [issue] = parsed.error.issues;
        throw new UsageError(issue ? usageMessage(issue, raw, lang) : parsed.error.message);
      };
      code = await spec.run(argument as never, { io: { ...io, lang }, validate, raw });
    });
  }

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      io.err(`chitieu: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

class UsageError extends Error {}

const asLang = (value: unknown): Lang | undefined => (value === "en" || value === "vi" ? value : undefined);

/** The last valid `--lang` on the command line, wherever it is. */
function lastLang(argv: readonly string[]): Lang | undefined {
  const given = argv.flatMap((arg, i) => (arg === "--lang" ? [argv[i + 1]] : arg.startsWith("--lang=") ? [arg.slice("--lang=".length)] : []));
  return given.map(asLang).filter((l) => l !== undefined).at(-1);
}

function usageMessage(issue: z.core.$ZodIssue, raw: unknown, lang: Lang): string {
  // Options are camelCase inside (asOf) and kebab-case on the command line (--as-of).
  const option = `--${issue.path.join(".").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (lang === "en") return `${option}: ${issue.message}`;
  const value = String((raw as Record<string, unknown>)[String(issue.path[0])]);
  const words = cliWords(lang);
  if (issue.code === "invalid_value") return `${option}: ${words.invalidChoice(value, issue.values.map(String))}`;
  return `${option}: ${option === "--as-of" ? words.notADate(value) : words.invalidValue(value)}`;
}
