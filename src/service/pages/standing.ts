/**
 * Where reporting stands on a date under one policy: the months a unit owes a report for, each
 * report's state, and the evaluation. A month is owed once it has ended, from the month the policy
 * took effect; a policy without a start date owes the months of the as-of date's year.
 */
import { formatMonth, monthOfDate } from "../../data/period.js";
import type { Evaluation } from "../../evaluate/result.js";
import { isMonthEnd, parseDate, todayIn, type IsoDate } from "../../time/calendar.js";
import type { ServiceContext } from "../context.js";
import type { ServedPolicy } from "../deployment.js";
import type { ReportVersion } from "../store/store.js";
import type { PeriodState } from "./words.js";

export interface Standing {
  readonly served: ServedPolicy;
  readonly asOf: IsoDate;
  /** Owed months, newest first. */
  readonly periods: readonly string[];
  readonly evaluation: Evaluation;
  /** The latest version of every report, by `unit/period`. */
  readonly latest: ReadonlyMap<string, ReportVersion>;
}

export interface PeriodReport {
  readonly period: string;
  readonly state: PeriodState;
  readonly version: ReportVersion | undefined;
}

/** The policy asked for, or the first served. */
export function policyOf(ctx: ServiceContext, id: string | undefined): ServedPolicy | undefined {
  return id === undefined || id === "" ? ctx.deployment.policies.values().next().value : ctx.deployment.policies.get(id);
}

/** The date asked for; else today, or the policy's last day when it has ended. */
export function asOfOf(served: ServedPolicy, text: string | undefined): IsoDate {
  const asked = text === undefined || text === "" ? undefined : parseDate(text);
  if (asked) return asked;
  const today = todayIn();
  const until = served.policy.effective?.until;
  return until !== undefined && until < today ? until : today;
}

export async function standingOf(ctx: ServiceContext, served: ServedPolicy, asOf: IsoDate): Promise<Standing> {
  const prepared = await ctx.results.preparedFor(served);
  const evaluation = served.evaluator.evaluate(prepared, { asOf });
  const latest = new Map((await ctx.store.latest()).map((v) => [`${v.unit}/${v.period}`, v]));
  return { served, asOf, periods: owed(served, asOf), evaluation, latest };
}

function owed(served: ServedPolicy, asOf: IsoDate): string[] {
  const last = monthOfDate(asOf) - (isMonthEnd(asOf) ? 0 : 1);
  const from = served.policy.effective?.from;
  const first = from === undefined ? monthOfDate(`${asOf.slice(0, 4)}-01-01` as IsoDate) : monthOfDate(from);
  const months: string[] = [];
  for (let m = last; m >= first; m--) months.push(formatMonth(m));
  return months;
}

export function reportOf(standing: Standing, unit: string, period: string): PeriodReport {
  const version = standing.latest.get(`${unit}/${period}`);
  // A stored report the policy's checks flag (without rejecting it) is to be checked.
  const flagged = standing.evaluation.dataIssues.some((i) => i.file === `${unit}/${period}`);
  const state: PeriodState = version === undefined ? "missing" : flagged ? "flagged" : version.version > 1 ? "corrected" : "sent";
  return { period, state, version };
}
