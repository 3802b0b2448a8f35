/**
 * A policy's schedules as its readers look them up: for each tier, and for each unit the policy
 * singles out, the target that applies to each metric and its milestones.
 */
import type { Milestone, Policy, Target } from "../model/policy.js";
import { resolveTarget, type UnitFacts } from "../model/selector.js";
import { toNumber } from "../number/rational.js";
import { addMonths, type IsoDate } from "../time/calendar.js";
import { milestonesThrough } from "./schedule.js";

export interface ScheduleRow {
  /** Whose schedule this is: a tier, or a unit the policy declares. */
  readonly subject: { readonly kind: "tier" | "unit"; readonly id: string; readonly name: string };
  readonly metric: string;
  readonly status: "applies" | "excluded" | "conflict";
  /** The deciding target; for a conflict, every target in it; for an exclusion, those that exclude. */
  readonly targets: readonly Target[];
  readonly milestones: readonly Milestone[];
  /** For an ongoing target: repeats continue after the last milestone listed. */
  readonly ongoing: boolean;
}

export interface ScheduleQuery {
  /** Show repeats of ongoing targets up to this date; default: the policy's end, or a year past the last milestone. */
  readonly through?: IsoDate;
  readonly target?: string;
  readonly tier?: string;
}

export function schedulesByTier(policy: Policy, query: ScheduleQuery = {}): ScheduleRow[] {
  const metrics = [...new Set(policy.targets.map((t) => t.metric))];
  const subjects = [
    ...[...policy.tiers.values()].map((tier) => ({ facts: { id: "", tier: tier.id, tags: [] }, subject: { kind: "tier" as const, ...tier } })),
    ...[...policy.units.values()].map((unit) => ({ facts: unit, subject: { kind: "unit" as const, id: unit.id, name: unit.name } })),
  ].filter(({ facts }) => query.tier === undefined || facts.tier === query.tier);
  const tierRows = new Map<string, string>();
  const rows: ScheduleRow[] = [];
  for (const { facts, subject } of subjects) {
    for (const metric of metrics) {
      const row = rowFor(policy, facts, metric, query);
      if (!row) continue;
      // A unit is listed only where it departs from its tier: an exception or an override.
      const decided = `${row.status}:${row.targets.map((t) => t.id).join(",")}`;
      if (subject.kind === "tier") tierRows.set(`${subject.id}|${metric}`, decided);
      else if (tierRows.get(`${facts.tier}|${metric}`) === decided) continue;
      if (query.target === undefined || row.targets.some((t) => t.id === query.target)) rows.push({ subject, metric, ...row });
    }
  }
  return rows;
}

function rowFor(policy: Policy, unit: UnitFacts, metric: string, query: ScheduleQuery) {
  const resolution = resolveTarget(policy.targets.filter((t) => t.metric === metric), unit);
  switch (resolution.kind) {
    case "none":
      return undefined;
    case "excluded":
      return { status: "excluded" as const, targets: resolution.by, milestones: [], ongoing: false };
    case "conflict":
      return { status: "conflict" as const, targets: resolution.targets, milestones: [], ongoing: false };
    case "applies": {
      const { schedule } = resolution.target;
      const last = schedule.milestones.at(-1)!.date;
      const through = query.through ?? policy.effective?.until ?? addMonths(last, 12);
      return {
        status: "applies" as const,
        targets: [resolution.target],
        milestones: milestonesThrough(schedule, through),
        ongoing: schedule.repeat !== undefined && (schedule.repeat.until === undefined || schedule.repeat.until > through),
      };
    }
  }
}

/** The schedules as JSON: thresholds as numbers of percent, as `chitieu schedule --format json` and the service write them. */
export function schedulesJson(policy: Policy, rows: readonly ScheduleRow[]) {
  return {
    policy: policy.id,
    title: policy.title,
    schedules: rows.map((row) => ({
      subject: row.subject,
      metric: row.metric,
      status: row.status,
      targets: row.targets.map((t) => ({ id: t.id, rule: t.rule })),
      comparison: row.targets[0]?.comparison,
      milestones: row.milestones.map((m) => ({ date: m.date, threshold: toNumber(m.threshold), origin: m.origin })),
      ongoing: row.ongoing,
    })),
  };
}
