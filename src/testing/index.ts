/**
 * `chitieu/testing`: property testing for policy authors and services that embed chitieu. fast-check
 * arbitraries for schedules, policies, registries and reported counts, and ready properties that
 * run against a compiled policy and a registry and return reports. fast-check is a peer dependency:
 * the arbitraries must come from the same fast-check the caller's tests use.
 */
export {
  anchorDate,
  milestoneList,
  ongoingSchedule,
  policySource,
  policySpec,
  policyTree,
  rampCase,
  scheduleSpec,
  stepPeriod,
  yearSchedule,
  type PolicySpec,
  type RampCase,
  type ScheduleSpec,
  type SelectorItemSpec,
  type TargetSpec,
} from "./arbitraries.js";
export {
  ROUND_SHARES,
  totalCount,
  type EvaluationCase,
  type ObservationOptions,
  type RegistryOptions,
} from "./data.js";
export type { ScheduleProblem, ScheduleProblemKind } from "./schedule-check.js";
export type { CoverageProblem } from "./coverage.js";
export type { RoundTripProblem } from "./round-trip.js";
export type { PropertyOptions, PropertyReport, ReportOptions } from "./properties.js";
export {
  calendarDate,
  daysAround,
  percent,
  rampDeadline,
  rampReaches,
  stepWords,
  rampPolicy,
  scheduleClauses,
  expectedSchedule,
  policyText,
  registry,
  registryFor,
  countPair,
  observationsFor,
  evaluationCase,
  policyEnd,
  policyDates,
  policyMonths,
  scheduleProblems,
  coverageProblems,
  roundTripProblems,
  unitsCsv,
  mergesCsv,
  dataCsv,
  caseFragment,
  clausesOf,
  scheduleFragment,
  scheduleConsistency,
  coverage,
  formatRoundTrip,
  groupRatesSum,
  metIffNeededZero,
  neededIsExact,
  rowOrderIndependent,
  propertiesReport,
  renderPropertyReport,
} from "./total.js";
