/**
 * `chitieu/testing`'s exports behind a check of their arguments (see src/data/guard.ts), for
 * callers without types. A builder given a wrong argument builds from its defaults (`calendarDate`
 * its own years, `countPair` ROUND_SHARES) or, where nothing sensible can be built, the empty value
 * of its type: an arbitrary of the empty registry, no observations, `""`, `[]`. A property given
 * something that is not a policy reports a failure whose message says which argument was wrong.
 */
import fc from "fast-check";
import * as is from "../data/guard.js";
import type { Schedule } from "../model/policy.js";
import { parseDate, type IsoDate } from "../time/calendar.js";
import * as a from "./arbitraries.js";
import * as d from "./data.js";
import { scheduleProblems as scheduleProblemsOf } from "./schedule-check.js";
import { coverageProblems as coverageProblemsOf } from "./coverage.js";
import { roundTripProblems as roundTripProblemsOf } from "./round-trip.js";
import * as f from "./fragments.js";
import * as p from "./properties.js";
import { renderPropertyReport as render } from "./render.js";

const int = (min: number, max: number) => is.arg("number", (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max);
const date = is.arg("date", (v) => typeof v === "string" && parseDate(v) === v);
const shaped = (keys: Readonly<Record<string, string>>) => is.arg("object", (v) => is.isObject(v) && Object.entries(keys).every(([k, kind]) => (kind === "array" ? Array.isArray(v[k]) : typeof v[k] === kind)));
const rampCase = is.arg("object", (v) => shaped({ start: "string", period: "object", steps: "number", startTenths: "number", incrementTenths: "number" }).check(v) && date.check((v as { start: unknown }).start) && period.check((v as { period: unknown }).period));
const period = shaped({ unit: "string", count: "number" });
const spec = is.arg("object", (v) => is.isObject(v) && ["ramp", "milestones", "years", "ongoing"].includes(v.kind as string));
const policySpecArg = shaped({ tiers: "number", tags: "number", fields: "number", units: "array", targets: "array" });
const comparison = is.arg("text", (v) => v === ">=" || v === ">" || v === "<=" || v === "<");
const target = shaped({ id: "string", metric: "string", selector: "object", schedule: "object" });
const units = is.listOf(shaped({ id: "string", tier: "string", tags: "array" }));
const observations = is.listOf(shaped({ unit: "string", period: "object", counts: "object", source: "object" }));
const propertyOptions = is.arg("options", (v) => v === undefined || (is.isObject(v) && int(1, 10_000).check(v.runs ?? 1) && int(0, 0x7fffffff).check(v.seed ?? 0)));
const givenRegistry = is.optional(is.arg("object", (v) => is.isObject(v) && units.check(v.units) && Array.isArray(v.merges)));
const NO_REGISTRY = { units: [], merges: [] };

/** A failed report naming the wrong argument, where a property returns reports. */
const refused = (name: string) => (bad: is.BadArgument): p.PropertyReport => ({ name, ok: false, message: bad.message, seed: 0, runs: 0 });
const noSchedule = (): Schedule => ({ milestones: [], repeat: undefined });

export const calendarDate = is.guard("calendarDate", [is.optional(is.arg("object", (v) => is.isObject(v) && int(1, 9999).check(v.min) && int(v.min as number, 9999).check(v.max)))], a.calendarDate, () => a.calendarDate());
export const daysAround = is.guard("daysAround", [date, int(0, 36_500), int(0, 36_500)], a.daysAround, () => a.calendarDate());
export const percent = is.guard("percent", [int(-1e12, 1e12)], a.percent, () => "");
export const rampDeadline = is.guard("rampDeadline", [rampCase], a.rampDeadline, () => "" as IsoDate);
export const rampReaches = is.guard("rampReaches", [rampCase], a.rampReaches, () => Number.NaN);
export const stepWords = is.guard("stepWords", [period], a.stepWords, () => "");
export const rampPolicy = is.guard("rampPolicy", [rampCase, date, int(-1e6, 1e6)], a.rampPolicy, () => "");
export const scheduleClauses = is.guard("scheduleClauses", [spec, is.text, comparison], a.scheduleClauses, () => "");
export const expectedSchedule = is.guard("expectedSchedule", [spec, comparison, is.optional(date)], a.expectedSchedule, noSchedule);
export const policyText = is.guard("policyText", [policySpecArg], a.policyText, () => "");
export const registry = is.guard("registry", [shaped({ tiers: "array" })], d.registry, () => fc.constant(NO_REGISTRY));
export const registryFor = is.guard("registryFor", [is.policy, is.options], d.registryFor, () => fc.constant(NO_REGISTRY));
export const countPair = is.guard("countPair", [is.optional(is.arg("list", (v) => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === "number" && s >= 0 && s <= 1)))], d.countPair, () => d.countPair());
export const observationsFor = is.guard("observationsFor", [is.policy, units, is.options], d.observationsFor, () => fc.constant([]));
export const evaluationCase = is.guard("evaluationCase", [is.policy, givenRegistry, is.options], d.evaluationCase, () =>
  fc.constant({ registry: NO_REGISTRY, observations: [], asOf: "2000-01-01" as IsoDate, successors: false }),
);
export const policyEnd = is.guard("policyEnd", [is.policy], d.policyEnd, () => "" as IsoDate);
export const policyDates = is.guard("policyDates", [is.policy], d.policyDates, () => []);
export const policyMonths = is.guard("policyMonths", [is.policy], d.policyMonths, () => ({ from: 0, to: -1 }));
export const scheduleProblems = is.guard("scheduleProblems", [target, is.optional(date)], scheduleProblemsOf, () => []);
export const coverageProblems = is.guard("coverageProblems", [is.policy, shaped({ units: "array", merges: "array" })], coverageProblemsOf, () => []);
export const roundTripProblems = is.guard("roundTripProblems", [is.text, is.text], roundTripProblemsOf, () => []);
export const unitsCsv = is.guard("unitsCsv", [units], f.unitsCsv, () => "");
export const mergesCsv = is.guard("mergesCsv", [is.listOf(shaped({ id: "string", successor: "string", date: "string" }))], f.mergesCsv, () => "");
export const dataCsv = is.guard("dataCsv", [is.policy, observations], f.dataCsv, () => "");
export const caseFragment = is.guard("caseFragment", [is.policy, shaped({ asOf: "string", successors: "boolean", observations: "array" })], f.caseFragment, () => "");
export const clausesOf = is.guard("clausesOf", [target, is.listOf(shaped({ date: "string", threshold: "object" }))], f.clausesOf, () => "");
export const scheduleFragment = is.guard("scheduleFragment", [shaped({ target: "object", kind: "string", milestones: "array" })], f.scheduleFragment, () => "");
export const scheduleConsistency = is.guard("scheduleConsistency", [is.policy, propertyOptions], p.scheduleConsistency, refused("scheduleConsistency"));
export const coverage = is.guard("coverage", [is.policy, givenRegistry, propertyOptions], p.coverage, refused("coverage"));
export const formatRoundTrip = is.guard("formatRoundTrip", [is.policy, propertyOptions], p.formatRoundTrip, refused("formatRoundTrip"));
export const groupRatesSum = is.guard("groupRatesSum", [is.policy, givenRegistry, propertyOptions], p.groupRatesSum, refused("groupRatesSum"));
export const metIffNeededZero = is.guard("metIffNeededZero", [is.policy, givenRegistry, propertyOptions], p.metIffNeededZero, refused("metIffNeededZero"));
export const neededIsExact = is.guard("neededIsExact", [is.policy, givenRegistry, propertyOptions], p.neededIsExact, refused("neededIsExact"));
export const rowOrderIndependent = is.guard("rowOrderIndependent", [is.policy, givenRegistry, propertyOptions], p.rowOrderIndependent, refused("rowOrderIndependent"));
export const propertiesReport = is.guard("propertiesReport", [is.policy, givenRegistry, propertyOptions], p.propertiesReport, (bad) => [refused("propertiesReport")(bad)]);
export const renderPropertyReport = is.guard("renderPropertyReport", [is.listOf(shaped({ name: "string", ok: "boolean" }))], render, () => "");
