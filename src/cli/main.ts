/**
 * The command line: a thin layer that parses arguments, calls the public API and turns the outcome
 * into text and an exit code. Usage errors exit 2, problems in policies 1.
 *
 * Messages are in English or Vietnamese: a command's own `--lang` (except for fmt and init, whose
 * `--lang` picks the keywords they write), else `chitieu --lang` before the command, else the
 * environment (`io.lang`).
 *
 * Every command but `check` is imported when it runs: `chitieu check` in a pre-commit hook or an
 * editor starts often, and need not load evaluation, reports and tables to do it.
 */
import { Command, CommanderError, Option } from "commander";
import { createRequire } from "node:module";
import { z } from "zod";
import { check, CheckOptions } from "./check.js";
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
  /** The language of one command's messages: its own --lang, else the global one, else the environment's. */
  const langOf = (raw: unknown): Lang => asLang((raw as { lang?: unknown }).lang) ?? globalLang() ?? io.lang ?? "en";
  const speaking = (raw: unknown): Output => ({ ...io, lang: langOf(raw) });
  /** `fmt --lang` and `init --lang` choose the keywords written, not the messages. */
  const keywordsOnly = {};
  /** Reports and tables follow the global --lang too, when the command has none of its own. */
  const withGlobalLang = (raw: unknown): unknown => ({ ...(raw as object), lang: (raw as { lang?: Lang }).lang ?? globalLang() });

  program
    .command("check")
    .description("check policy files (folders are searched for .ct files)")
    .argument("<paths...>", "policy files or folders")
    .option("--format <format>", "text or json", "text")
    .option("--strict", "fail on warnings too", false)
    .option("--lang <lang>", "messages in en or vi (default: from LANG)")
    .addHelpText("after", "\nExample:\n  chitieu check policies/\n\nExit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O error.")
    .action((paths: string[], raw: unknown) => {
      code = check(paths, validated(CheckOptions, raw), speaking(raw));
    });

  program
    .command("schedule")
    .description("print every target's milestones per tier")
    .argument("<file>", "a policy file")
    .option("--format <format>", "text or json", "text")
    .option("--target <id>", "only this target")
    .option("--tier <id>", "only this tier")
    .option("--lang <lang>", "messages in en or vi (default: from LANG)")
    .addHelpText("after", "\nExample:\n  chitieu schedule policies/brvt-2139-2022.ct --tier province")
    .action(async (file: string, raw: unknown) => {
      const { schedule, ScheduleOptions } = await import("./schedule.js");
      code = schedule(file, validated(ScheduleOptions, raw), speaking(raw));
    });

  /** The options `eval`, `explain` and `report` share: where the data is and which date. */
  const withData = (command: Command): Command =>
    command
      .argument("<policy>", "a policy file")
      .requiredOption("--units <files...>", "the unit registry (.csv, .json or .xlsx; files, folders or patterns), - for stdin")
      .requiredOption("--data <files...>", "the reported counts (.csv, .json, .ndjson or .xlsx; files, folders or patterns), - for stdin")
      .requiredOption("--as-of <date>", "the date to evaluate on, 2022-11-30 or 30/11/2022")
      .option("--merges <files...>", "merge records id,successor,date (.csv, .json or .xlsx)")
      .option("--successors", "count merged units' history under their successors", false)
      .option("--numbers <style>", "plain, or vi for 1.373 and 48,6 (in .xlsx: text cells)", "plain")
      .option("--delimiter <d>", "the CSV delimiter: comma, semicolon or tab (default: found from each file's header)")
      .option("--sheet <name>", "the worksheet of .xlsx --data files (default: the first)")
      .option("--allow-empty", "exit 0 even when a file, or the whole run, has no usable row (default: exit 3)", false)
      .option("--lang <lang>", "en or vi (default: from LANG)");

  withData(program.command("eval").description("score reported data against a policy as of a date"))
    .option("--format <format>", "table, json, csv, ndjson or xlsx (default: from --out's extension, else table)")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--fail-on-miss", "exit 1 when any unit missed a target (for scheduled jobs)", false)
    .addHelpText(
      "after",
      "\nExamples:\n  chitieu eval policies/brvt-2139-2022.ct --units examples/brvt-2022/units.csv \\\n    --data examples/brvt-2022/data.csv --as-of 2022-11-30\n  chitieu eval policies/brvt-2139-2022.ct --units examples/brvt-2022/units.csv \\\n    --data examples/brvt-2022/data.csv --as-of 2022-11-30 --format xlsx --out results.xlsx",
    )
    .action(async (policy: string, raw: unknown) => {
      const { evaluateCommand, EvalOptions } = await import("./eval.js");
      code = await evaluateCommand(policy, validated(EvalOptions, withGlobalLang(raw)), speaking(raw));
    });

  withData(program.command("report").description("write a self-contained HTML report: summary per tier, a chart and a table per target, data issues"))
    .option("--out <file>", "the HTML file to write (default: standard output)")
    .addHelpText(
      "after",
      "\nThe report is in Vietnamese unless --lang en.\n\nExample:\n  chitieu report policies/brvt-2139-2022.ct --units examples/brvt-2022/units.csv \\\n    --data examples/brvt-2022/data.csv --as-of 2022-11-30 --out brvt-report.html",
    )
    .action(async (policy: string, raw: unknown) => {
      const { reportCommand, ReportOptions } = await import("./report.js");
      code = await reportCommand(policy, validated(ReportOptions, withGlobalLang(raw)), speaking(raw));
    });

  withData(program.command("explain").description("explain one unit's result in sentences"))
    .requiredOption("--unit <id>", "the unit")
    .option("--metric <id>", "one metric (default: every metric with a target for the unit)")
    .addHelpText(
      "after",
      "\nExample:\n  chitieu explain policies/brvt-2139-2022.ct --unit so-y-te --metric online_share \\\n    --units examples/brvt-2022/units.csv --data examples/brvt-2022/data.csv --as-of 2022-10-31 --lang vi",
    )
    .action(async (policy: string, raw: unknown) => {
      const { explainCommand, ExplainOptions } = await import("./explain.js");
      code = await explainCommand(policy, validated(ExplainOptions, withGlobalLang(raw)), speaking(raw));
    });

  program
    .command("fmt")
    .description("rewrite policy files in the canonical format")
    .argument("<paths...>", "policy files or folders; - formats standard input to standard output")
    .option("--check", "change nothing; exit 1 when a file is not formatted", false)
    .option("--lang <lang>", "keywords, dates and decimal marks in en or vi (default: as the file is written)")
    .addHelpText("after", "\nExamples:\n  chitieu fmt policies/\n  chitieu fmt --check policies/\n  chitieu fmt --lang vi - < policy.ct")
    .action(async (paths: string[], raw: unknown) => {
      const { formatCommand, FormatOptions } = await import("./fmt.js");
      code = formatCommand(paths, validated(FormatOptions, raw, langOf(keywordsOnly)), speaking(keywordsOnly));
    });

  program
    .command("test")
    .description("run policy tests (*.test.json): a small data set, a date, the outcomes expected")
    .argument("[paths...]", "test files or folders (default: policies/)")
    .option("--format <format>", "text or json", "text")
    .option("--properties", "run chitieu/testing's ready properties on policy files instead", false)
    .option("--units <file>", "with --properties: the unit registry to check coverage and evaluation on")
    .option("--runs <n>", "with --properties: generated cases per property (default 100)")
    .option("--seed <n>", "with --properties: replay a failure's seed")
    .option("--lang <lang>", "messages in en or vi (default: from LANG)")
    .addHelpText(
      "after",
      [
        "",
        "  chitieu test --properties policies/ --units examples/brvt-2022/units.csv --runs 200",
        "",
        "Example: policies/brvt-2139-2022.test.json",
        '  { "policy": "brvt-2139-2022.ct",',
        '    "cases": [{ "name": "Sở Y tế exactly on the 45% step", "asOf": "2022-10-31",',
        '      "units": [{ "id": "so-y-te", "tier": "province" }],',
        '      "data": [{ "unit": "so-y-te", "period": "2022-10", "dossiers": 1340, "online_dossiers": 603 }],',
        '      "expect": [{ "unit": "so-y-te", "metric": "online_share", "status": "met", "needed": 0 }] }] }',
        "",
        "  chitieu test                  # every *.test.json under policies/",
        "  chitieu test policies/brvt-2139-2022.test.json --format json",
        "",
        "Exit codes: 0 all passed, 1 a case failed (or its policy has errors), 2 usage or I/O error or an invalid test file.",
      ].join("\n"),
    )
    .action(async (paths: string[], raw: { properties?: boolean }) => {
      if (raw.properties) {
        const { propertiesCommand, PropertiesOptions } = await import("./properties.js");
        code = await propertiesCommand(paths, validated(PropertiesOptions, raw), speaking(raw));
      } else {
        const { testCommand, TestOptions } = await import("./test.js");
        code = await testCommand(paths, validated(TestOptions, raw), speaking(raw));
      }
    });

  program
    .command("init")
    .description("create a policy, a unit registry, data and a test to start from")
    .argument("[dir]", "where to create them", ".")
    .option("--lang <lang>", "keywords in en or vi (default: from LANG)")
    .addHelpText("after", "\nExample:\n  chitieu init my-policy --lang vi && chitieu test my-policy")
    .action(async (dir: string, raw: unknown) => {
      const { initCommand, InitOptions } = await import("./init.js");
      code = initCommand(dir, validated(InitOptions, raw, langOf(keywordsOnly)), speaking(keywordsOnly));
    });

  function validated<T>(schema: z.ZodType<T>, raw: unknown, lang = langOf(raw)): T {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    throw new UsageError(usageMessage(parsed.error.issues[0]!, raw, lang));
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
