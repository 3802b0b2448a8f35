/**
 * Runs policy test files: each file names a policy, each case a data set, an as-of date and the
 * outcomes expected. The policy is compiled once per file; each case's data is read with the same
 * readers as `chitieu eval` and scored with `compileEvaluator`. Nothing here prints or exits.
 */
import { readFileSync } from "node:fs";
import { syntaxErrorAt } from "../text/json.js";
import { dirname, isAbsolute, join } from "node:path";
import type { z } from "zod";
import { compile } from "../check/compile.js";
import { findFiles, readText, type FoundFiles } from "../files/find.js";
import { formatOfPath, readData, type Source } from "../data/load.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { compileEvaluator, type Evaluator } from "../evaluate/evaluate.js";
import { closest } from "../text/suggest.js";
import { compareEvaluation } from "./compare.js";
import {
  IssueExpectation,
  PolicyTestFile,
  ResultExpectation,
  ScoreExpectation,
  TestCase,
  TestMerge,
  TestUnit,
  type TestCase as Case,
} from "./format.js";
import type { CaseReport, FileReport, Problem, TestReport } from "./report.js";
import { testText, type Input, type TestText } from "./words.js";

/** Reads a file's text; undefined when it cannot be read. */
export type ReadText = (path: string) => string | undefined;

export interface RunOptions {
  /** How test files, policies and data files are read; from the file system unless said. */
  readonly readFile?: ReadText;
  /** How .xlsx data files are read; from the file system unless said. */
  readonly readBytes?: (path: string) => Uint8Array | undefined;
}

/** Test files end in `.test.json`. */
export const TEST_FILE_SUFFIX = ".test.json";

/** Files as given, folders searched (recursively) for `*.test.json`, in order; each file once. */
export function findTestFiles(paths: readonly string[]): FoundFiles {
  return findFiles(paths, TEST_FILE_SUFFIX);
}

/** Runs every test file; a file that cannot run counts as one failure. */
export async function runTestFiles(files: readonly string[], options: RunOptions = {}): Promise<TestReport> {
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await runTestFile(file, options));
  const cases = reports.flatMap((r) => r.cases);
  const passed = cases.filter((c) => c.passed).length;
  const unrunnable = reports.filter((r) => r.problems.length > 0).length;
  return { files: reports, passed, failed: cases.length - passed + unrunnable };
}

export async function runTestFile(file: string, options: RunOptions = {}): Promise<FileReport> {
  const read = options.readFile ?? readText;
  const text = read(file);
  if (text === undefined) return unrunnable(file, null, [problem("unreadable", file, null, { kind: "cannot-read", path: file })]);
  const json = parseJson(text.startsWith("\uFEFF") ? text.slice(1) : text);
  if (!json.ok) return unrunnable(file, null, [{ ...problem("invalid-test-file", file, null, json.text), line: json.text.line }]);
  const parsed = PolicyTestFile.safeParse(json.value);
  if (!parsed.success) return unrunnable(file, null, zodProblems(file, parsed.error));
  return runPolicyTest(parsed.data, file, options);
}

/** Runs a validated test file; `file` is where it is, since every path in it is relative to it. */
export async function runPolicyTest(test: PolicyTestFile, file: string, options: RunOptions = {}): Promise<FileReport> {
  const read = options.readFile ?? readText;
  const policyPath = relativeTo(file, test.policy);
  const source = read(policyPath);
  if (source === undefined) return unrunnable(file, policyPath, [problem("unreadable", policyPath, "policy", { kind: "cannot-read-policy", path: policyPath })]);
  const compiled = compile(source, { file: policyPath, readFile: read });
  if (!compiled.policy) {
    const message = renderDiagnostics(compiled.diagnostics, compiled.sources) || `${policyPath} has no policy header: it only defines shared names`;
    return unrunnable(file, policyPath, [{ kind: "policy-errors", file: policyPath, path: "policy", line: null, message }]);
  }
  const evaluator = compileEvaluator(compiled.policy);
  const cases: CaseReport[] = [];
  for (const [i, c] of test.cases.entries()) cases.push(await runCase(c, i, file, evaluator, options));
  return { file, policy: policyPath, problems: [], cases };
}

const unrunnable = (file: string, policy: string | null, problems: Problem[]): FileReport => ({ file, policy, problems, cases: [] });

/** A problem worded in English, with the arguments to word it again. */
const problem = (kind: Problem["kind"], file: string, path: string | null, args: TestText): Problem => ({ kind, file, path, line: null, message: testText("en", args), args });

async function runCase(c: Case, index: number, file: string, evaluator: Evaluator, options: RunOptions): Promise<CaseReport> {
  const at = `cases[${index}]`;
  const base = { name: c.name, asOf: c.asOf };
  const problems: Problem[] = [];
  const inputs = new Map<string, Input>();
  const sources: Source[] = [];
  const load = (role: Input, inline: readonly object[] | undefined, paths: string | readonly string[] | undefined, key: string): void => {
    if (inline !== undefined) {
      const label = `${file} ${at}.${role}`;
      inputs.set(label, role);
      sources.push({ role, file: label, content: JSON.stringify(inline), format: "json" });
      return;
    }
    for (const path of typeof paths === "string" ? [paths] : (paths ?? [])) {
      const resolved = relativeTo(file, path);
      const content = formatOfPath(resolved) === "xlsx" ? (options.readBytes ?? readBytes)(resolved) : (options.readFile ?? readText)(resolved);
      if (content === undefined) problems.push(problem("unreadable", resolved, `${at}.${key}`, { kind: "cannot-read", path: resolved }));
      else {
        inputs.set(resolved, role);
        sources.push({ role, file: resolved, content });
      }
    }
  };
  load("units", c.units?.map(registryRow), c.unitsFile, "unitsFile");
  load("merges", c.merges, c.mergesFile, "mergesFile");
  load("data", c.data, c.dataFile, "dataFile");
  if (problems.length > 0) return { ...base, passed: false, mismatches: [], problems };
  return scoreCase(c, base, evaluator, sources, inputs);
}

async function scoreCase(c: Case, base: Pick<CaseReport, "name" | "asOf">, evaluator: Evaluator, sources: readonly Source[], inputs: ReadonlyMap<string, Input>): Promise<CaseReport> {
  const read = await readData(evaluator.policy, sources, { numbers: c.numbers ?? "plain" });
  const prepared = evaluator.prepare(read, { successors: c.successors ?? false });
  const evaluation = evaluator.evaluate(prepared, { asOf: c.asOf });
  const ids = new Set(read.registry.units.map((u) => u.id));
  const mismatches = compareEvaluation(
    evaluation,
    { expect: c.expect ?? [], expectScores: c.expectScores ?? [], expectIssues: c.expectIssues },
    (label) => inputs.get(label),
    ids,
  );
  return { ...base, passed: mismatches.length === 0, mismatches, problems: [] };
}

/** A path written in a test file: relative to the test file's folder, unless absolute. */
const relativeTo = (file: string, path: string): string => (isAbsolute(path) ? path : join(dirname(file), path));

/** An inline unit as a registry row; the name defaults to the id. */
function registryRow(unit: TestUnit): object {
  return { ...unit, name: unit.name ?? unit.id };
}

function readBytes(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

// ---- the test file itself

type NotJson = Extract<TestText, { kind: "not-json" }>;
type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly text: NotJson };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = syntaxErrorAt(text);
    const before = text.slice(0, offset).split(/\r\n|\n|\r/);
    const line = before.length;
    const column = (before.at(-1) ?? "").length + 1;
    return { ok: false, text: { kind: "not-json", line, column, reason: withoutContext(reason) } };
  }
}

/** V8's reason without the copy of the text it quotes, or the position it gives in characters. */
function withoutContext(reason: string): string {
  return reason
    .replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, "")
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/( after JSON) at position \d+.*$/s, "$1")
    .replace(/ \(line \d+ column \d+\)$/, "");
}

/** The object keys allowed at a path, by the names on it (`cases.expect` for `cases[0].expect[1]`). */
// A Map, not an object: the path is made of the file's own keys, and `constructor` must find nothing.
const KEYS: ReadonlyMap<string, readonly string[]> = new Map([
  ["", Object.keys(PolicyTestFile.shape)],
  ["cases", Object.keys(TestCase.shape)],
  ["cases.units", Object.keys(TestUnit.shape)],
  ["cases.merges", Object.keys(TestMerge.shape)],
  ["cases.expect", Object.keys(ResultExpectation.shape)],
  ["cases.expectScores", Object.keys(ScoreExpectation.shape)],
  ["cases.expectIssues", Object.keys(IssueExpectation.shape)],
]);

/** Every zod issue as a problem at its JSON path, unknown keys with the likely one meant. */
export function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const path = jsonPath(issue.path);
    if (issue.code !== "unrecognized_keys") {
      const text = formatText(issue);
      return [text ? problem("invalid-test-file", file, path, text) : { kind: "invalid-test-file", file, path, line: null, message: issue.message }];
    }
    const known = KEYS.get(issue.path.filter((k) => typeof k === "string").join(".")) ?? [];
    return issue.keys.map((key) => {
      const near = closest(key, known);
      return problem("invalid-test-file", file, path, { kind: "unknown-key", key, known, ...(near ? { near } : {}) });
    });
  });
}

/** The arguments of a format problem chitieu words itself; zod's own (a wrong type, say) stay English. */
function formatText(issue: z.core.$ZodIssue): TestText | undefined {
  if (issue.code === "custom") return (issue.params as { text?: TestText } | undefined)?.text;
  if (issue.code === "too_small" && issue.minimum === 1) return issue.origin === "array" ? { kind: "no-cases" } : { kind: "empty" };
  return undefined;
}

/** `cases[0].expect[2].status`; `$` for the whole document. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === "" ? "$" : out;
}
