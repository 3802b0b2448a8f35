/** `chitieu test [PATHS...]`: run policy test files (`*.test.json`) and report each case, for CI. */
import "../text/jitless.js";
import { z } from "zod";
import { compileFile } from "../files/policy.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import type { Lang } from "../i18n/lang.js";
import { findTestFiles, runTestFiles, TEST_FILE_SUFFIX } from "../policy-test/run.js";
import { localizeTestText, type TestText } from "../policy-test/words.js";
import { hasUsageProblems, type Mismatch, type Problem, type TestReport } from "../policy-test/report.js";
import { EXIT, type Output } from "./output.js";
import { cliWords } from "./words.js";

export const TestOptions = z.object({
  format: z.enum(["text", "json"]),
  lang: z.enum(["en", "vi"]).optional(),
});
export type TestOptions = z.infer<typeof TestOptions>;

/** Where the bundled policies and their tests are. */
export const DEFAULT_TEST_PATHS = ["policies"];

export async function testCommand(paths: readonly string[], options: TestOptions, io: Output): Promise<number> {
  const given = paths.length > 0 ? paths : DEFAULT_TEST_PATHS;
  const words = cliWords(io.lang);
  const { files, unreadable } = findTestFiles(given);
  for (const { path, reason } of unreadable) io.err(`chitieu: ${words.cannotRead(path, reason)}\n`);
  if (unreadable.length > 0) return EXIT.usage;
  if (files.length === 0) {
    io.err(`chitieu: ${words.noFiles(TEST_FILE_SUFFIX, given)}\n`);
    return EXIT.usage;
  }
  const report = await runTestFiles(files);
  if (options.format === "json") io.out(`${JSON.stringify(report, null, 2)}\n`);
  else printText(report, io);
  if (hasUsageProblems(report)) return EXIT.usage;
  return report.failed > 0 ? EXIT.problems : EXIT.ok;
}

function printText(report: TestReport, io: Output): void {
  const lang = io.lang ?? "en";
  const words = cliWords(lang);
  for (const file of report.files) {
    // A file that cannot run is one failure: a line on stdout, the details where errors go.
    const [first] = file.problems;
    if (first?.kind === "policy-errors") io.out(`${words.fail} ${file.file}: ${words.policyDoesNotCompile(first.file)}\n${indent(policyErrors(first, io))}\n`);
    else if (first) {
      io.out(`${words.fail} ${file.file}: ${first.kind === "invalid-test-file" ? words.invalidTestFile : words.cannotRun}\n`);
      for (const p of file.problems) io.err(`chitieu: ${describeProblem(p, lang)}\n`);
    }
    for (const c of file.cases) {
      io.out(`${c.passed ? words.pass : words.fail} ${file.file}: ${c.name}\n`);
      for (const p of c.problems) {
        io.out(`  ${describeProblem(p, lang)}\n`);
        io.err(`chitieu: ${describeProblem(p, lang)}\n`);
      }
      for (const m of c.mismatches) io.out(`  ${describeMismatch(m, lang)}\n`);
    }
  }
  io.out(`${words.passedFailed(report.passed, report.failed)}\n`);
}

/** The runner words a policy's diagnostics in English; in another language they are rendered again. */
function policyErrors(problem: Problem, io: Output): string {
  if ((io.lang ?? "en") === "en") return problem.message;
  const compiled = compileFile(problem.file);
  if (compiled.diagnostics.length === 0) return cliWords(io.lang).noHeader(problem.file);
  return renderDiagnostics(compiled.diagnostics, compiled.sources, { lang: io.lang });
}

function describeProblem(p: Problem, lang: Lang): string {
  const where = [p.file, ...(p.path !== null && p.kind === "invalid-test-file" ? [p.path] : [])];
  const message = localizeTestText(p.message, p.args, lang);
  return p.kind === "invalid-test-file" ? `${where.join(": ")}: ${message}` : message;
}

/** `so-y-te online_share: expected status met, got missed`. */
export function describeMismatch(m: Mismatch, lang: Lang = "en"): string {
  const words = cliWords(lang);
  const subject = m.kind === "issue" ? words.dataIssues : `${m.unit} ${m.metric ?? ""}`.trimEnd();
  const show = (v: Mismatch["expected"], args: TestText | undefined): string =>
    v === null ? "null" : localizeTestText(String(v), args, lang);
  const field = m.field === "result" || m.field === "score" || m.field === "issue" ? "" : m.field;
  return `${subject}: ${words.expected(field, show(m.expected, m.args?.expected), show(m.actual, m.args?.actual))}`;
}

const indent = (text: string): string =>
  text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
