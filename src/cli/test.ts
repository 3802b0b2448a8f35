/** `chitieu test [PATHS...]`: run policy test files (`*.test.json`) and report each case, for CI. */
import { z } from "zod";
import { findTestFiles, runTestFiles, TEST_FILE_SUFFIX } from "../policy-test/run.js";
import { hasUsageProblems, type Mismatch, type Problem, type TestReport } from "../policy-test/report.js";
import { EXIT, type Output } from "./output.js";

export const TestOptions = z.object({
  format: z.enum(["text", "json"]),
});
export type TestOptions = z.infer<typeof TestOptions>;

/** Where the bundled policies and their tests are. */
export const DEFAULT_TEST_PATHS = ["policies"];

export function testCommand(paths: readonly string[], options: TestOptions, io: Output): number {
  const given = paths.length > 0 ? paths : DEFAULT_TEST_PATHS;
  const { files, unreadable } = findTestFiles(given);
  for (const { path, reason } of unreadable) io.err(`chitieu: cannot read ${path}: ${reason}\n`);
  if (unreadable.length > 0) return EXIT.usage;
  if (files.length === 0) {
    io.err(`chitieu: no ${TEST_FILE_SUFFIX} files in ${given.join(", ")}\n`);
    return EXIT.usage;
  }
  const report = runTestFiles(files);
  if (options.format === "json") io.out(`${JSON.stringify(report, null, 2)}\n`);
  else printText(report, io);
  if (hasUsageProblems(report)) return EXIT.usage;
  return report.failed > 0 ? EXIT.problems : EXIT.ok;
}

function printText(report: TestReport, io: Output): void {
  for (const file of report.files) {
    // A file that cannot run is one failure: a line on stdout, the details where errors go.
    const [first] = file.problems;
    if (first?.kind === "policy-errors") io.out(`FAIL ${file.file}: the policy ${first.file} does not compile\n${indent(first.message)}\n`);
    else if (first) {
      io.out(`FAIL ${file.file}: ${first.kind === "invalid-test-file" ? "not a valid test file" : "cannot run"}\n`);
      for (const p of file.problems) io.err(`chitieu: ${describeProblem(p)}\n`);
    }
    for (const c of file.cases) {
      io.out(`${c.passed ? "PASS" : "FAIL"} ${file.file}: ${c.name}\n`);
      for (const p of c.problems) {
        io.out(`  ${describeProblem(p)}\n`);
        io.err(`chitieu: ${describeProblem(p)}\n`);
      }
      for (const m of c.mismatches) io.out(`  ${describeMismatch(m)}\n`);
    }
  }
  io.out(`${report.passed} passed, ${report.failed} failed\n`);
}

function describeProblem(p: Problem): string {
  const where = [p.file, ...(p.path !== null && p.kind === "invalid-test-file" ? [p.path] : [])];
  return p.kind === "invalid-test-file" ? `${where.join(": ")}: ${p.message}` : p.message;
}

/** `so-y-te online_share: expected status met, got missed`. */
export function describeMismatch(m: Mismatch): string {
  const subject = m.kind === "issue" ? "data issues" : `${m.unit} ${m.metric ?? ""}`.trimEnd();
  const show = (v: Mismatch["expected"]): string => (v === null ? "null" : String(v));
  if (m.field === "result" || m.field === "score" || m.field === "issue") return `${subject}: expected ${show(m.expected)}, got ${show(m.actual)}`;
  return `${subject}: expected ${m.field} ${show(m.expected)}, got ${show(m.actual)}`;
}

const indent = (text: string): string =>
  text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
