/** Policy tests: `NAME.test.json` files that pin what a policy decides on a small data set. */
export {
  PolicyTestFile,
  type PolicyTestFileInput,
  TestCase,
  TestUnit,
  TestRow,
  TestMerge,
  ResultExpectation,
  ScoreExpectation,
  IssueExpectation,
  RESULT_FIELDS,
  ROUNDED_FIELDS,
} from "./format.js";
export { TestReport, FileReport, CaseReport, Mismatch, Problem, hasUsageProblems } from "./report.js";
export { findTestFiles, runTestFiles, runTestFile, runPolicyTest, TEST_FILE_SUFFIX, type RunOptions, type ReadText } from "./run.js";
export { round2 } from "./compare.js";
