/**
 * What running policy tests gives back: per test file and per case, passed or not, with every
 * mismatch between what the case expects and what the evaluator says, and every problem that kept
 * a file or a case from running. The schema is the source of the types and of `--format json`.
 */
import { z } from "zod";
import type { TestText } from "./words.js";

/** The arguments a text was worded from, so it can be worded in another language (`localizeTestText`). */
const Args = z.custom<TestText>((value) => typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string");

const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One expected value the evaluation does not give. */
export const Mismatch = z.object({
  /** `result` (an `expect` entry), `score` (`expectScores`) or `issue` (`expectIssues`). */
  kind: z.enum(["result", "score", "issue"]),
  /** The unit; null for data issues. */
  unit: z.string().nullable(),
  /** The metric of a result, the id of a score; null for data issues. */
  metric: z.string().nullable(),
  /** The field compared: `status`, `needed`, ..., `points`; `result` or `score` when there is none to compare, `issue` for data issues. */
  field: z.string(),
  expected: Value,
  actual: Value,
  /** For an `expected` or `actual` that is words rather than a value of the result. */
  args: z.object({ expected: Args.optional(), actual: Args.optional() }).optional(),
});
export type Mismatch = z.infer<typeof Mismatch>;

/**
 * Why a file or a case could not run: a path that cannot be read (`unreadable`), a test file that is
 * not valid JSON or not of the format (`invalid-test-file`), a policy with errors (`policy-errors`).
 */
export const Problem = z.object({
  kind: z.enum(["unreadable", "invalid-test-file", "policy-errors"]),
  /** The file at fault: the test file, the policy, or a units, merges or data file. */
  file: z.string(),
  /** Where in the test file, as a JSON path such as `cases[0].expect[2].status`; null for the whole file. */
  path: z.string().nullable(),
  /** The line in `file`, when known (JSON syntax errors). */
  line: z.number().int().nullable(),
  /** In English; `localizeTestText` words it in another language from `args`. */
  message: z.string(),
  args: Args.optional(),
});
export type Problem = z.infer<typeof Problem>;

export const CaseReport = z.object({
  name: z.string(),
  asOf: z.string(),
  passed: z.boolean(),
  mismatches: z.array(Mismatch),
  problems: z.array(Problem),
});
export type CaseReport = z.infer<typeof CaseReport>;

export const FileReport = z.object({
  file: z.string(),
  /** The policy file the tests run against, as resolved from the test file; null if the test file could not say. */
  policy: z.string().nullable(),
  /** Problems that kept every case of the file from running; the file then has no cases. */
  problems: z.array(Problem),
  cases: z.array(CaseReport),
});
export type FileReport = z.infer<typeof FileReport>;

export const TestReport = z.object({
  files: z.array(FileReport),
  /** Cases that passed. */
  passed: z.number().int(),
  /** Cases that failed or could not run, plus test files that could not run at all (one each). */
  failed: z.number().int(),
});
export type TestReport = z.infer<typeof TestReport>;

/** A report holds an I/O error or an invalid test file (the command exits 2 for these). */
export function hasUsageProblems(report: TestReport): boolean {
  const usage = (p: Problem) => p.kind !== "policy-errors";
  return report.files.some((f) => f.problems.some(usage) || f.cases.some((c) => c.problems.some(usage)));
}
