/**
 * `chitieu/testing`: property testing for policy authors and services that embed chitieu. fast-check
 * arbitraries for schedules, policies, registries and reported counts, and ready properties that
 * run against a compiled policy and a registry and return reports. fast-check is a peer dependency:
 * the arbitraries must come from the same fast-check the caller's tests use.
 */
export {
  anchorDate,
  calendarDate,
  daysAround,
  expectedSchedule,
  milestoneList,
  ongoingSchedule,
  percent,
  policySource,
  policySpec,
  policyText,
  policyTree,
  rampCase,
  rampDeadline,
  rampPolicy,
  rampReaches,
  scheduleClauses,
  scheduleSpec,
  stepPeriod,
  stepWords,
  yearSchedule,
  type PolicySpec,
  type RampCase,
  type ScheduleSpec,
  type SelectorItemSpec,
  type TargetSpec,
} from "./arbitraries.js";
export {
  countPair,
  evaluationCase,
  observationsFor,
  policyDates,
  policyEnd,
  policyMonths,
  registry,
  registryFor,
  ROUND_SHARES,
  totalCount,
  type EvaluationCase,
  type ObservationOptions,
  type RegistryOptions,
} from "./data.js";
export { scheduleProblems, type ScheduleProblem, type ScheduleProblemKind } from "./schedule-check.js";
export { coverageProblems, type CoverageProblem } from "./coverage.js";
export { roundTripProblems, type RoundTripProblem } from "./round-trip.js";
export { caseFragment, clausesOf, dataCsv, mergesCsv, scheduleFragment, unitsCsv } from "./fragments.js";
export {
  coverage,
  formatRoundTrip,
  groupRatesSum,
  metIffNeededZero,
  neededIsExact,
  propertiesReport,
  rowOrderIndependent,
  scheduleConsistency,
  type PropertyOptions,
  type PropertyReport,
  type ReportOptions,
} from "./properties.js";
export { renderPropertyReport } from "./render.js";
