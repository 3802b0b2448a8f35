/**
 * chitieu's public API: parse and compile policy files, read their schedules, score reported data,
 * and render diagnostics. Nothing here prints, exits or throws on bad input: problems come back as values.
 */
export { compile, compileFile, type CompileOptions, type CompileResult } from "./files/policy.js";
export { parse, type ParseResult } from "./syntax/parse.js";
export { withoutSpans } from "./syntax/ast.js";
export type * as Syntax from "./syntax/ast.js";
export { localize, type Diagnostic, type Related } from "./diagnostics/diagnostic.js";
export { codes, type CodeName, type Severity } from "./diagnostics/codes.js";
export type { MessageArgs } from "./diagnostics/messages.js";
export { renderDiagnostic, renderDiagnostics, summary, type RenderOptions } from "./diagnostics/render.js";
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
export { resolveTarget, type Resolution, type UnitFacts } from "./model/selector.js";
export { dueMilestone, milestonesThrough, nextMilestone } from "./schedule/schedule.js";
export { schedulesByTier, type ScheduleQuery, type ScheduleRow } from "./schedule/by-tier.js";
export { parseDate, formatDate, type IsoDate } from "./time/calendar.js";
export { toNumber, toDecimalString, formatPercent, type Rational } from "./number/rational.js";
export {
  compileEvaluator,
  type Evaluator,
  type EvaluationInput,
  type PreparedData,
  type PrepareOptions,
} from "./evaluate/evaluate.js";
export { Evaluation, Result, ScoreResult, Group, Status } from "./evaluate/result.js";
export { readUnits, readMerges, type UnitsRead, type MergesRead, type RegistryReadOptions } from "./data/registry.js";
export { readObservations, type ObservationsRead, type ObservationReadOptions } from "./data/observations.js";
export { readData, formatOfPath, type Source, type SourceRole, type DataRead, type DataReadOptions, type FileRows } from "./data/load.js";
export { readSheet, type SheetRead, type SheetReadOptions } from "./data/xlsx.js";
export type { Sheet, SheetRow } from "./data/records.js";
export type { DataIssue, Merge, Observation, Period, Registry, RegistryUnit, RowCounts } from "./data/types.js";
export { resultsTable } from "./report/table.js";
export { reportHtml, type ReportOptions } from "./report/html.js";
export { evaluationHistory, historyDates } from "./evaluate/history.js";
export { resultsWorkbook, type WorkbookOptions } from "./report/workbook.js";
export { streamObservations, readObservationStream, observationsOf, type ObservationBatch, type ObservationChunks, type ObservationStreamOptions } from "./data/stream.js";
export { reasonText, scoreReasonText, type Reason, type ScoreReason } from "./evaluate/reasons.js";
export { localizeIssue, type IssueArgs } from "./data/issue-words.js";
