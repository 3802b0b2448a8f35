/**
 * chitieu's public API: parse and compile policy files, read their schedules, score reported data,
 * and render diagnostics. Nothing here prints, exits or throws on bad input: problems come back as values.
 */
export {
  compile,
  compileFile,
  parse,
  localize,
  renderDiagnostic,
  renderDiagnostics,
  summary,
  resolveTarget,
  dueMilestone,
  milestonesThrough,
  nextMilestone,
  schedulesByTier,
  parseDate,
  formatDate,
  toNumber,
  toDecimalString,
  formatPercent,
  readUnits,
  readMerges,
  readObservations,
  readData,
  formatOfPath,
  readSheet,
  resultsTable,
  reportHtml,
  resultsWorkbook,
  evaluationHistory,
  historyDates,
  streamObservations,
  readObservationStream,
  observationsOf,
  reasonText,
  scoreReasonText,
  localizeIssue,
  checkTimeline,
  diffPolicies,
  timelineOf,
  compileEvaluatorOverTime,
} from "./api/exports.js";
export { PolicyDiff, ScheduleChange } from "./schedule/diff.js";
export type { InForce, Timeline, TimelineProblem } from "./model/timeline.js";
export type { TimelineEvaluator, PreparedTimeline } from "./evaluate/over-time.js";
export type { CheckedPolicy } from "./check/timeline.js";
export type { BadArgument } from "./data/guard.js";
export type { CompileOptions, CompileResult } from "./files/policy.js";
export type { ParseResult } from "./syntax/parse.js";
export { withoutSpans } from "./syntax/ast.js";
export type * as Syntax from "./syntax/ast.js";
export type { Diagnostic, Related } from "./diagnostics/diagnostic.js";
export { codes, type CodeName, type Severity } from "./diagnostics/codes.js";
export type { MessageArgs } from "./diagnostics/messages.js";
export type { RenderOptions } from "./diagnostics/render.js";
export type {
  Comparison,
  DataCheck,
  Definitions,
  Field,
  LegalBasis,
  Metric,
  Milestone,
  Policy,
  RuleLocation,
  Schedule,
  Score,
  Selector,
  SelectorItem,
  Tag,
  Target,
  Tier,
  Unit,
  Window,
} from "./model/policy.js";
export type { Resolution, UnitFacts } from "./model/selector.js";
export type { ScheduleQuery, ScheduleRow } from "./schedule/by-tier.js";
export type { IsoDate } from "./time/calendar.js";
export type { Rational } from "./number/rational.js";
export {
  compileEvaluator,
  type Evaluator,
  type EvaluationInput,
  type PreparedData,
  type PrepareOptions,
} from "./evaluate/evaluate.js";
export { Evaluation, Result, ScoreResult, Group, Status } from "./evaluate/result.js";
export type { UnitsRead, MergesRead, RegistryReadOptions } from "./data/registry.js";
export type { ObservationsRead, ObservationReadOptions } from "./data/observations.js";
export type { Source, SourceRole, DataRead, DataReadOptions, FileRows } from "./data/load.js";
export type { SheetRead, SheetReadOptions } from "./data/xlsx.js";
export type { Sheet, SheetRow } from "./data/records.js";
export type { DataIssue, Merge, Observation, Period, Registry, RegistryUnit, RowCounts } from "./data/types.js";
export type { ReportOptions } from "./report/html.js";
export type { WorkbookOptions } from "./report/workbook.js";
export type { ObservationBatch, ObservationChunks, ObservationStreamOptions } from "./data/stream.js";
export type { Reason, ScoreReason } from "./evaluate/reasons.js";
export type { IssueArgs } from "./data/issue-words.js";
