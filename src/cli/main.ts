/**
 * The command line: a thin layer that parses arguments, calls the public API and turns the outcome
 * into text and an exit code. Usage errors exit 2, problems in policies 1.
 */
import { Command, CommanderError } from "commander";
import { createRequire } from "node:module";
import { z } from "zod";
import { readFileSync } from "node:fs";
import { check, CheckOptions } from "./check.js";
import { evaluateCommand, EvalOptions } from "./eval.js";
import { EXIT, type Output } from "./output.js";
import { schedule, ScheduleOptions } from "./schedule.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

export async function main(argv: readonly string[], io: Output): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("chitieu")
    .description("Check target policies, show their schedules and score reported data.")
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command("check")
    .description("check policy files (folders are searched for .ct files)")
    .argument("<paths...>", "policy files or folders")
    .option("--format <format>", "text or json", "text")
    .option("--strict", "fail on warnings too", false)
    .addHelpText("after", "\nExample:\n  chitieu check policies/\n\nExit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O error.")
    .action((paths: string[], raw: unknown) => {
      code = check(paths, validated(CheckOptions, raw), io);
    });

  program
    .command("schedule")
    .description("print every target's milestones per tier")
    .argument("<file>", "a policy file")
    .option("--format <format>", "text or json", "text")
    .option("--target <id>", "only this target")
    .option("--tier <id>", "only this tier")
    .addHelpText("after", "\nExample:\n  chitieu schedule policies/brvt-2139-2022.ct --tier province")
    .action((file: string, raw: unknown) => {
      code = schedule(file, validated(ScheduleOptions, raw), io);
    });

  program
    .command("eval")
    .description("score reported data against a policy as of a date")
    .argument("<policy>", "a policy file")
    .requiredOption("--units <file>", "the unit registry (.csv or .json), - for stdin")
    .requiredOption("--data <file>", "the reported counts (.csv, .json or .ndjson), - for stdin")
    .requiredOption("--as-of <date>", "the date to evaluate on, 2022-11-30 or 30/11/2022")
    .option("--merges <file>", "merge records id,successor,date (.csv or .json)")
    .option("--successors", "count merged units' history under their successors", false)
    .option("--numbers <style>", "plain, or vi for 1.373 and 48,6", "plain")
    .option("--format <format>", "table or json", "table")
    .addHelpText(
      "after",
      "\nExample:\n  chitieu eval policies/brvt-2139-2022.ct --units examples/brvt-2022/units.csv \\\n    --data examples/brvt-2022/data.csv --as-of 2022-11-30",
    )
    .action((policy: string, raw: unknown) => {
      code = evaluateCommand(policy, validated(EvalOptions, raw), io, () => readFileSync(0, "utf8"));
    });

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

function validated<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  // Options are camelCase inside (asOf) and kebab-case on the command line (--as-of).
  const option = issue.path.join(".").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  throw new UsageError(`--${option}: ${issue.message}`);
}
