/**
 * The functions of `chitieu`, each behind a check of its arguments (see src/data/guard.ts). A wrong
 * argument gets the function's own kind of error where it has one (diagnostics from compile and
 * parse, issues from the readers), and otherwise an empty answer of its type: "" for text, [] for
 * lists, undefined where undefined already means "none".
 */
import { compile as compileText, compileFile as compileAt, type CompileResult } from "../files/policy.js";
import { parse as parseText, type ParseResult } from "../syntax/parse.js";
import { problem, localize as localizeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostic as renderOne, renderDiagnostics as renderAll, summary as summaryOf } from "../diagnostics/render.js";
import { resolveTarget as resolve } from "../model/selector.js";
import { dueMilestone as due, milestonesThrough as through, nextMilestone as next } from "../schedule/schedule.js";
import { schedulesByTier as byTier } from "../schedule/by-tier.js";
import { parseDate as parseDateText, formatDate as formatIso, type IsoDate } from "../time/calendar.js";
import { toNumber as asNumber, toDecimalString as asDecimal, formatPercent as asPercent } from "../number/rational.js";
import { readUnits as units, readMerges as merges } from "../data/registry.js";
import { readObservations as observations } from "../data/observations.js";
import { readData as read, formatOfPath as formatOf, type DataRead } from "../data/load.js";
import { readSheet as sheet } from "../data/xlsx.js";
import { streamObservations as stream, readObservationStream as readStream, observationsOf as batchObservations } from "../data/stream.js";
import { localizeIssue as wordIssue } from "../data/issue-words.js";
import * as is from "../data/guard.js";
import type { DataIssue } from "../data/types.js";
import { evaluationHistory as history, historyDates as dates } from "../evaluate/history.js";
import { reasonText as reason, scoreReasonText as scoreReason } from "../evaluate/reasons.js";
import { resultsTable as table } from "../report/table.js";
import { reportHtml as html } from "../report/html.js";
import { resultsWorkbook as workbook } from "../report/workbook.js";
import { checkTimeline as checkInTime } from "../check/timeline.js";
import { diffPolicies as diff, type PolicyDiff } from "../schedule/diff.js";
import { timelineOf as timeline, type Timeline } from "../model/timeline.js";
import { compileEvaluatorOverTime as overTime, type TimelineEvaluator } from "../evaluate/over-time.js";

const AT = { offset: 0, line: 1, column: 1 };
const NO_ROWS = { read: 0, used: 0, rejected: 0 };
const sourcesArg = is.arg("object", (v) => v instanceof Map);
const readOptions = is.arg("options", (v) => is.isObject(v) && typeof v.file === "string" && typeof v.format === "string");
const recordInput = is.arg("text", (v) => typeof v === "string" || (is.isObject(v) && v.kind === "sheet" && Array.isArray(v.rows)));
const observationOptions = is.arg("options", (v) => readOptions.check(v) && is.isObject(v) && v.fields instanceof Set && v.units instanceof Set);
const source = is.arg("object", (v) => is.isObject(v) && typeof v.role === "string" && typeof v.file === "string" && v.content !== null && v.content !== undefined);
const unitFacts = is.arg("object", (v) => is.isObject(v) && typeof v.id === "string" && typeof v.tier === "string" && Array.isArray(v.tags));
const target = is.arg("object", (v) => is.isObject(v) && typeof v.metric === "string" && is.isObject(v.selector) && is.schedule.check(v.schedule));
const evaluator = is.arg("object", (v) => is.isObject(v) && typeof v.evaluate === "function");

/** A bad-argument issue, for readers whose problems are data issues. */
const issue = (bad: is.BadArgument): DataIssue => ({ code: "bad-argument", file: "", line: 0, column: undefined, message: bad.message, rejected: true, args: bad.args });

function diagnosticOf(bad: is.BadArgument, file: string): Diagnostic {
  const { function: name, position, expected } = bad.args;
  return problem("bad-argument", file, { start: AT, end: AT }, { function: name, position, expected: name === "localize" ? "diagnostic" : expected === "options" ? "options" : "text" });
}

const refusedCompile = (bad: is.BadArgument): CompileResult => ({ policy: undefined, definitions: undefined, diagnostics: [diagnosticOf(bad, "<input>")], sources: new Map() });
// The options are called into (readFile) and put into paths (file), so their members are checked too.
const compileOptions = is.arg("options", (v) => v === undefined || (is.isObject(v) && ["undefined", "function"].includes(typeof v.readFile) && ["undefined", "string"].includes(typeof v.file)));
export const compile = is.guard("compile", [is.text, compileOptions], compileText, refusedCompile);
export const compileFile = is.guard("compileFile", [is.text, compileOptions], compileAt, refusedCompile);
export const parse = is.guard("parse", [is.text, is.optional(is.text)], parseText, (bad): ParseResult => ({ ast: undefined, diagnostics: [diagnosticOf(bad, "<input>")], source: "", comments: [] }));
/** A diagnostic in a language that is not `en` or `vi` stays in English; something that is not a diagnostic is answered with one. */
export const localize = is.guard("localize", [is.diagnostic, is.lang], localizeDiagnostic, (bad, given): Diagnostic =>
  bad.args.position === 1 ? localizeDiagnostic(diagnosticOf(bad, "<input>"), given[1] === "vi" ? "vi" : "en") : (given[0] as Diagnostic));
export const renderDiagnostic = is.guard("renderDiagnostic", [is.diagnostic, sourcesArg, is.options], renderOne, () => "");
export const renderDiagnostics = is.guard("renderDiagnostics", [is.listOf(is.diagnostic), sourcesArg, is.options], renderAll, () => "");
export const summary = is.guard("summary", [is.listOf(is.diagnostic), is.options], summaryOf, () => "");
export const resolveTarget = is.guard("resolveTarget", [is.listOf(target), unitFacts], resolve, () => ({ kind: "none" }) as const);
export const dueMilestone = is.guard("dueMilestone", [is.schedule, is.text], due, () => undefined);
export const nextMilestone = is.guard("nextMilestone", [is.schedule, is.text], next, () => undefined);
export const milestonesThrough = is.guard("milestonesThrough", [is.schedule, is.text], through, () => []);
export const schedulesByTier = is.guard("schedulesByTier", [is.policy, is.options], byTier, () => []);
export const parseDate = is.guard("parseDate", [is.text], parseDateText, () => undefined);
/** Takes a date as parseDate reads it (so `30/11/2022` too); "" for anything else. */
export const formatDate = is.guard("formatDate", [is.text, is.arg("text", (v) => v === "iso" || v === "vi")], (d: IsoDate | string, style: "iso" | "vi"): string => {
  const date = parseDateText(d);
  return date === undefined ? "" : formatIso(date, style);
}, () => "");
const digits = is.optional(is.arg("number", (v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 100));
export const toNumber = is.guard("toNumber", [is.rational], asNumber, () => Number.NaN);
export const toDecimalString = is.guard("toDecimalString", [is.rational, digits], asDecimal, () => "");
export const formatPercent = is.guard("formatPercent", [is.rational, digits], asPercent, () => "");
export const readUnits = is.guard("readUnits", [recordInput, readOptions], units, (bad) => ({ registry: { units: [], merges: [] }, issues: [issue(bad)], rows: NO_ROWS }));
export const readMerges = is.guard("readMerges", [recordInput, readOptions], merges, (bad) => ({ merges: [], issues: [issue(bad)], rows: NO_ROWS }));
export const readObservations = is.guard("readObservations", [recordInput, observationOptions], observations, (bad) => ({ observations: [], issues: [issue(bad)], rows: NO_ROWS }));
const refusedData = (bad: is.BadArgument): Promise<DataRead> => Promise.resolve({ registry: { units: [], merges: [] }, observations: [], dataIssues: [issue(bad)], rows: NO_ROWS, files: [] });
export const readData = is.guard("readData", [is.policy, is.listOf(source), is.options], read, refusedData);
export const formatOfPath = is.guard("formatOfPath", [is.text], formatOf, () => "csv" as const);
export const readSheet = is.guard("readSheet", [is.bytes, is.options], sheet, (bad) => Promise.resolve({ ok: false, message: bad.message } as const));
export const resultsTable = is.guard("resultsTable", [is.evaluation, is.options], table, () => "");
export const reportHtml = is.guard("reportHtml", [is.evaluation, is.policy, is.listOf(is.evaluation), is.options], html, () => "");
export const resultsWorkbook = is.guard("resultsWorkbook", [is.evaluation, is.policy, is.options], workbook, () => Promise.resolve(new Uint8Array(0)));
// A month index (year * 12 + month - 1) in the years dates are read in (1900-2999, see parseDate).
const month = is.optional(is.arg("number", (v) => Number.isSafeInteger(v) && (v as number) >= 1900 * 12 && (v as number) < 3000 * 12));
// The history walks the months of the prepared data before any evaluation can refuse it.
const preparedData = is.arg("prepared", (v) => is.isObject(v) && is.isObject(v.data) && Number.isSafeInteger(v.data.months) && (v.data.months === 0 || month.check(v.data.first)));
/** Dates as parseDate reads them; data the evaluator did not prepare, which it refuses, gives no history. */
export const evaluationHistory = is.guard("evaluationHistory", [evaluator, preparedData, is.text], (e: Parameters<typeof history>[0], prepared: Parameters<typeof history>[1], asOf: IsoDate | string) => {
  const date = parseDateText(asOf);
  const evaluations = date === undefined ? [] : history(e, prepared, date);
  return evaluations.some(is.isBadArgument) ? [] : evaluations;
}, () => []);
export const historyDates = is.guard("historyDates", [month, is.text], (first: number | undefined, asOf: IsoDate | string) => {
  const date = parseDateText(asOf);
  return date === undefined ? [] : dates(first, date);
}, () => []);
const streamOptions = is.arg("options", (v) => is.isObject(v) && typeof v.file === "string" && v.fields instanceof Set && v.units instanceof Set);
export const streamObservations = is.guard("streamObservations", [is.chunks, streamOptions], stream, async function* () {});
export const readObservationStream = is.guard("readObservationStream", [is.chunks, streamOptions], readStream, (bad) => Promise.resolve({ observations: [], issues: [issue(bad)], rows: NO_ROWS }));
const batch = is.arg("object", (v) => is.isObject(v) && Array.isArray(v.units) && Array.isArray(v.periods) && Array.isArray(v.fields) && Array.isArray(v.counts) && v.lines instanceof Float64Array);
export const observationsOf = is.guard("observationsOf", [batch, is.text], batchObservations, () => []);
export const reasonText = is.guard("reasonText", [is.arg("object", (v) => is.isObject(v) && typeof v.kind === "string"), is.lang], reason, () => "");
export const scoreReasonText = is.guard("scoreReasonText", [is.arg("object", (v) => is.isObject(v) && typeof v.kind === "string"), is.lang], scoreReason, () => "");
export const localizeIssue = is.guard("localizeIssue", [is.arg("object", (v) => is.isObject(v) && typeof v.message === "string"), is.lang], wordIssue, () => "");

const compiled = is.arg("object", (v) => is.isObject(v) && v.sources instanceof Map);
export const checkTimeline = is.guard("checkTimeline", [is.listOf(compiled)], checkInTime, () => []);
const NO_DIFF: PolicyDiff = { old: { policy: "", file: "" }, new: { policy: "", file: "" }, since: null, changes: [] };
export const diffPolicies = is.guard("diffPolicies", [is.policy, is.policy], diff, () => NO_DIFF);
/** Something that is not a list of policies makes an empty line. */
export const timelineOf = is.guard("timelineOf", [is.listOf(is.policy)], timeline, (): Timeline => ({ ok: true, periods: [] }));
const period = is.arg("object", (v) => is.isObject(v) && is.policy.check(v.policy) && typeof v.from === "string");
/** Periods that are not a timeline's give an evaluator that prepares nothing and whose every evaluation is empty, carrying why. */
export const compileEvaluatorOverTime = is.guard("compileEvaluatorOverTime", [is.arg("list", (v) => Array.isArray(v) && v.length > 0 && v.every((p) => period.check(p)))], overTime, (bad): TimelineEvaluator => ({
  periods: [],
  prepare: () => ({ prepared: [] }),
  evaluate: (_prepared, { asOf }) => ({ policy: "", asOf, results: [], scores: [], groups: [], dataIssues: [{ ...issue(bad), column: null }], rows: NO_ROWS, files: [] }),
}));
