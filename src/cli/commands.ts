/**
 * Every command as data: its argument, options, help, how `--lang` applies to it, and what runs
 * it. `main.ts` turns the list into a parser; adding a command is adding an entry. This file
 * imports no command: each `run` imports its module when the command runs, so a command costs
 * nothing at start-up until it is used, and `chitieu check` in an editor or a hook starts fast
 * (test/cli/process.test.ts holds start-up to the parser and check's own code).
 */
import type { z } from "zod";
import type { Output } from "./output.js";

/** `[flags, description, default?]`, as commander takes them; `required` ones must be given. */
export type OptionSpec = readonly [flags: string, description: string, fallback?: string | boolean] | { readonly required: readonly [string, string] };

export interface Context {
  /** Standard streams, speaking the command's language. */
  readonly io: Output;
  /** The options checked against a schema; a usage error, in the command's language, when they do not fit. */
  readonly validate: <T>(schema: z.ZodType<T>) => T;
  /** The options as given, before any schema. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface CommandSpec {
  readonly name: string;
  readonly description: string;
  /** Absent for a command that takes none. */
  readonly argument?: readonly [name: string, description: string, fallback?: string];
  readonly options: readonly OptionSpec[];
  /**
   * What `--lang` does: words the messages (`messages`), also the reports and tables when only
   * `chitieu --lang` is given (`reports`), or picks the keywords written (`keywords`, for fmt and init,
   * whose messages follow `chitieu --lang` or the environment).
   */
  readonly lang: "messages" | "reports" | "keywords";
  readonly help: string;
  readonly run: (argument: never, ctx: Context) => Promise<number> | number;
}

const LANG_MESSAGES: OptionSpec = ["--lang <lang>", "messages in en or vi (default: from LANG)"];

/** Where the data is and which date: what `eval`, `report` and `explain` share. */
const DATA_OPTIONS: readonly OptionSpec[] = [
  { required: ["--units <files...>", "the unit registry (.csv, .json or .xlsx; files, folders or patterns), - for stdin"] },
  { required: ["--data <files...>", "the reported counts (.csv, .json, .ndjson or .xlsx; files, folders or patterns), - for stdin"] },
  { required: ["--as-of <date>", "the date to evaluate on, 2022-11-30 or 30/11/2022"] },
  ["--merges <files...>", "merge records id,successor,date (.csv, .json or .xlsx)"],
  ["--successors", "count merged units' history under their successors", false],
  ["--numbers <style>", "plain, or vi for 1.373 and 48,6 (in .xlsx: text cells)", "plain"],
  ["--delimiter <d>", "the CSV delimiter: comma, semicolon or tab (default: found from each file's header)"],
  ["--sheet <name>", "the worksheet of .xlsx --data files (default: the first)"],
  ["--allow-empty", "exit 0 even when a file, or the whole run, has no usable row (default: exit 3)", false],
  ["--lang <lang>", "en or vi (default: from LANG)"],
];

const EXAMPLE_DATA = "--units examples/brvt-2022/units.csv \\\n    --data examples/brvt-2022/data.csv";

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "check",
    description: "check policy files (folders are searched for .ct files)",
    argument: ["<paths...>", "policy files or folders"],
    options: [["--format <format>", "text or json", "text"], ["--strict", "fail on warnings too", false], LANG_MESSAGES],
    lang: "messages",
    help: "\nExample:\n  chitieu check policies/\n\nExit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O error.",
    run: async (paths: string[], { io, validate, raw }) => {
      const { check, plainCheckOptions } = await import("./check.js");
      const options = plainCheckOptions(raw) ?? validate((await import("./check-options.js")).CheckOptions);
      return check(paths, options, io);
    },
  },
  {
    name: "schedule",
    description: "print every target's milestones per tier",
    argument: ["<file>", "a policy file"],
    options: [["--format <format>", "text or json", "text"], ["--target <id>", "only this target"], ["--tier <id>", "only this tier"], LANG_MESSAGES],
    lang: "messages",
    help: "\nExample:\n  chitieu schedule policies/brvt-2139-2022.ct --tier province",
    run: async (file: string, { io, validate }) => {
      const { schedule, ScheduleOptions } = await import("./schedule.js");
      return schedule(file, validate(ScheduleOptions), io);
    },
  },
  {
    name: "diff",
    description: "list what an amendment changes: milestones added, removed, moved, thresholds changed, per tier and metric",
    argument: ["<files...>", "the old policy file, then the new one"],
    options: [["--format <format>", "text or json", "text"], ["--exit-code", "exit 1 when the schedules differ", false], LANG_MESSAGES],
    lang: "messages",
    help: "\nExample:\n  chitieu diff examples/amendment/qd-100-2022.ct examples/amendment/qd-200-2022.ct\n\nExit codes: 0 (with --exit-code: 0 no change, 1 changes), 1 a policy has errors, 2 usage or I/O error.",
    run: async (files: string[], { io, validate }) => {
      const { diffCommand, DiffOptions } = await import("./diff.js");
      return diffCommand(files, validate(DiffOptions), io);
    },
  },
  {
    name: "eval",
    description: "score reported data against a policy as of a date",
    argument: ["<policies...>", "a policy file; or several, or a folder: policies over time, each date decided by the one in force"],
    options: [
      ...DATA_OPTIONS,
      ["--format <format>", "table, json, csv, ndjson or xlsx (default: from --out's extension, else table)"],
      ["--out <file>", "write to this file instead of standard output"],
      ["--fail-on-miss", "exit 1 when any unit missed a target (for scheduled jobs)", false],
    ],
    lang: "reports",
    help: `\nExamples:\n  chitieu eval policies/brvt-2139-2022.ct ${EXAMPLE_DATA} --as-of 2022-11-30\n  chitieu eval policies/brvt-2139-2022.ct ${EXAMPLE_DATA} --as-of 2022-11-30 --out results.xlsx`,
    run: async (policies: string[], { io, validate }) => {
      const { evaluateCommand, EvalOptions } = await import("./eval.js");
      return evaluateCommand(policies, validate(EvalOptions), io);
    },
  },
  {
    name: "report",
    description: "write a self-contained HTML report: summary per tier, a chart and a table per target, data issues",
    argument: ["<policy>", "a policy file"],
    options: [...DATA_OPTIONS, ["--out <file>", "the HTML file to write (default: standard output)"]],
    lang: "reports",
    help: `\nThe report is in Vietnamese unless --lang en.\n\nExample:\n  chitieu report policies/brvt-2139-2022.ct ${EXAMPLE_DATA} --as-of 2022-11-30 --out brvt-report.html`,
    run: async (policy: string, { io, validate }) => {
      const { reportCommand, ReportOptions } = await import("./report.js");
      return reportCommand(policy, validate(ReportOptions), io);
    },
  },
  {
    name: "explain",
    description: "explain one unit's result in sentences",
    argument: ["<policy>", "a policy file"],
    options: [...DATA_OPTIONS, { required: ["--unit <id>", "the unit"] }, ["--metric <id>", "one metric (default: every metric with a target for the unit)"]],
    lang: "reports",
    help: `\nExample:\n  chitieu explain policies/brvt-2139-2022.ct --unit so-y-te --metric online_share \\\n    ${EXAMPLE_DATA.replace("\\\n    ", "")} --as-of 2022-10-31 --lang vi`,
    run: async (policy: string, { io, validate }) => {
      const { explainCommand, ExplainOptions } = await import("./explain.js");
      return explainCommand(policy, validate(ExplainOptions), io);
    },
  },
  {
    name: "fmt",
    description: "rewrite policy files in the canonical format",
    argument: ["<paths...>", "policy files or folders; - formats standard input to standard output"],
    options: [["--check", "change nothing; exit 1 when a file is not formatted", false], ["--lang <lang>", "keywords, dates and decimal marks in en or vi (default: as the file is written)"]],
    lang: "keywords",
    help: "\nExamples:\n  chitieu fmt policies/\n  chitieu fmt --check policies/\n  chitieu fmt --lang vi - < policy.ct",
    run: async (paths: string[], { io, validate }) => {
      const { formatCommand, FormatOptions } = await import("./fmt.js");
      return formatCommand(paths, validate(FormatOptions), io);
    },
  },
  {
    name: "test",
    description: "run policy tests (*.test.json): a small data set, a date, the outcomes expected",
    argument: ["[paths...]", "test files or folders (default: policies/)"],
    options: [
      ["--format <format>", "text or json", "text"],
      ["--properties", "run chitieu/testing's ready properties on policy files instead", false],
      ["--units <file>", "with --properties: the unit registry to check coverage and evaluation on"],
      ["--runs <n>", "with --properties: generated cases per property (default 100)"],
      ["--seed <n>", "with --properties: replay a failure's seed"],
      LANG_MESSAGES,
    ],
    lang: "messages",
    help: [
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
    run: async (paths: string[], { io, validate, raw }) => {
      if (raw["properties"] === true) {
        const { propertiesCommand, PropertiesOptions } = await import("./properties.js");
        return propertiesCommand(paths, validate(PropertiesOptions), io);
      }
      const { testCommand, TestOptions } = await import("./test.js");
      return testCommand(paths, validate(TestOptions), io);
    },
  },
  {
    name: "playground",
    description: "write the playground: one page that checks a policy as you type, draws its schedule and scores data, offline",
    argument: ["[policy]", "the policy the page opens on (default: the BR-VT example)"],
    options: [["--out <file>", "the page to write (.html; default: standard output)"], ["--lang <lang>", "the page's words in vi or en (default: vi)"]],
    lang: "reports",
    help: "\nThe page needs no network and no installation: open it in a browser, or put it on any web server.\n\nExample:\n  chitieu playground --out playground.html",
    run: async (policy: string | undefined, { io, validate }) => {
      const { playgroundCommand, PlaygroundOptions } = await import("./playground.js");
      return playgroundCommand(policy, validate(PlaygroundOptions), io);
    },
  },
  {
    name: "template",
    description: "write the workbook units fill in, with the columns the policy reads",
    argument: ["<policy>", "a policy file"],
    options: [
      { required: ["--out <file>", "the workbook to write (.xlsx)"] },
      ["--units <file>", "the unit registry: a row for each unit, with its id and name"],
      ["--period <period>", "the period written on every row, such as 2022-11"],
      ["--lang <lang>", "the workbook's words in vi or en (default: vi)"],
    ],
    lang: "messages",
    help: "\nExample:\n  chitieu template policies/brvt-2139-2022.ct --units examples/brvt-2022/units.csv --period 2022-11 --out template.xlsx",
    run: async (policy: string, { io, validate }) => {
      const { templateCommand, TemplateOptions } = await import("./template.js");
      return templateCommand(policy, validate(TemplateOptions), io);
    },
  },
  {
    name: "serve",
    description: "serve submissions and results over HTTP from a deployment folder",
    argument: ["[dir]", "the deployment folder (policies/*.ct, units.csv; the store is made there)", "."],
    options: [
      ["--port <port>", "the port to listen on", "8080"],
      ["--host <host>", "the address to listen on", "127.0.0.1"],
      ["--database <url>", "a PostgreSQL URL (default: the SQLite file chitieu.db in the folder)"],
      ["--init", "first make the folder a deployment from the BR-VT example", false],
      LANG_MESSAGES,
    ],
    lang: "messages",
    help: "\nExample:\n  chitieu serve deploy --init\n  chitieu token create --dir deploy --office",
    run: async (dir: string, { io, validate }) => {
      const { serveCommand, ServeOptions } = await import("./serve.js");
      return serveCommand({ ...validate(ServeOptions.omit({ dir: true })), dir }, io);
    },
  },
  {
    name: "token",
    description: "make, list or revoke the service's API tokens (create | list | revoke ID)",
    argument: ["<action...>", "create, list, or revoke and the token's id"],
    options: [
      { required: ["--dir <dir>", "the deployment folder"] },
      ["--unit <id>", "a token for this unit: it submits and reads this unit only"],
      ["--office", "a token for a monitoring office: reads every unit, submits for any", false],
      ["--admin", "a token for an administrator: also manages tokens, policies and the audit log", false],
      ["--note <text>", "who the token is for"],
      ["--database <url>", "a PostgreSQL URL (default: the folder's chitieu.db)"],
      LANG_MESSAGES,
    ],
    lang: "messages",
    help: "\nExample:\n  chitieu token create --dir deploy --unit so-y-te --note \"Sở Y tế\"",
    run: async (args: string[], { io, validate }) => {
      const { tokenCommand, TokenOptions } = await import("./serve.js");
      return tokenCommand(args[0] ?? "", args[1], validate(TokenOptions), io);
    },
  },
  {
    name: "audit",
    description: "verify the service's audit log: every entry chained to the one before",
    argument: ["<action>", "verify"],
    options: [{ required: ["--dir <dir>", "the deployment folder"] }, ["--database <url>", "a PostgreSQL URL (default: the folder's chitieu.db)"], LANG_MESSAGES],
    lang: "messages",
    help: "\nExample:\n  chitieu audit verify --dir deploy",
    run: async (action: string, { io, validate }) => {
      const { auditCommand, AuditOptions } = await import("./serve.js");
      if (action !== "verify") {
        io.err(`chitieu: \`${action}\` is not an audit action; the one there is: verify\n`);
        return 2;
      }
      return auditCommand(validate(AuditOptions), io);
    },
  },
  {
    name: "lsp",
    description: "the language server for editors, over standard input and output",
    options: [["--stdio", "talk over standard input and output (the only transport; editors pass it)", false]],
    lang: "messages",
    help: "\nStarted by an editor, not by hand: see README, \"Editing policies\".",
    run: async () => {
      const { lspCommand } = await import("./lsp.js");
      return lspCommand();
    },
  },
  {
    name: "init",
    description: "create a policy, a unit registry, data and a test to start from",
    argument: ["[dir]", "where to create them", "."],
    options: [["--lang <lang>", "keywords in en or vi (default: from LANG)"]],
    lang: "keywords",
    help: "\nExample:\n  chitieu init my-policy --lang vi && chitieu test my-policy",
    run: async (dir: string, { io, validate }) => {
      const { initCommand, InitOptions } = await import("./init.js");
      return initCommand(dir, validate(InitOptions), io);
    },
  },
];
