/**
 * What an amendment changes: two policies' schedules compared per tier (and per unit a policy
 * singles out) and metric, milestone by milestone. Compared as expanded, so a ramp rewritten as
 * the list of milestones it reaches is no change; target ids are reported, never compared. An
 * amendment (a policy that supersedes the other) changes only the dates from when it takes effect.
 */
import { z } from "zod";
import type { Comparison, Milestone, Policy } from "../model/policy.js";
import { compare, toNumber, type Rational } from "../number/rational.js";
import { addMonths, type IsoDate } from "../time/calendar.js";
import { schedulesByTier, type ScheduleRow } from "./by-tier.js";

const Threshold = z.number();
const Day = z.string();
const Status = z.enum(["applies", "excluded", "conflict", "none"]);

/** One change to one schedule; thresholds in percent (65 means 65%). */
export const ScheduleChange = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("added"), date: Day, threshold: Threshold }),
  z.object({ kind: z.literal("removed"), date: Day, threshold: Threshold }),
  /** The same threshold on another date. */
  z.object({ kind: z.literal("moved"), from: Day, to: Day, threshold: Threshold }),
  z.object({ kind: z.literal("threshold"), date: Day, from: Threshold, to: Threshold }),
  z.object({ kind: z.literal("comparison"), from: z.string(), to: z.string() }),
  /** The subject is now excluded, in conflict, or has no target for the metric, or the reverse. */
  z.object({ kind: z.literal("status"), from: Status, to: Status }),
]);
export type ScheduleChange = z.infer<typeof ScheduleChange>;

const Side = z.object({ status: Status, targets: z.array(z.string()), comparison: z.string().nullable() });

export const PolicyDiff = z.object({
  old: z.object({ policy: z.string(), file: z.string() }),
  new: z.object({ policy: z.string(), file: z.string() }),
  /** When the new policy supersedes the old: the date it takes effect. Milestones before it stay the old policy's and are not compared. */
  since: z.string().nullable(),
  /** Schedules that change, by metric, then tiers before units, then id. */
  changes: z.array(
    z.object({
      metric: z.string(),
      subject: z.object({ kind: z.enum(["tier", "unit"]), id: z.string() }),
      old: Side,
      new: Side,
      changes: z.array(ScheduleChange),
    }),
  ),
});
export type PolicyDiff = z.infer<typeof PolicyDiff>;
type Entry = PolicyDiff["changes"][number];
type Status = z.infer<typeof Status>;

/** The changes from `old` to `amended`; none when they set the same thresholds on the same dates for the same units. */
export function diffPolicies(old: Policy, amended: Policy): PolicyDiff {
  // Ongoing targets repeat up to the later of the two ends, so that both are read as far.
  const through = [endOf(old), endOf(amended)].sort().at(-1)!;
  const since = amended.supersedes === old.id ? amended.effective?.from : undefined;
  const before = rowsByKey(old, through, since);
  const after = rowsByKey(amended, through, since);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const changes = keys.flatMap((key): Entry[] => {
    const [a, b] = [before.get(key), after.get(key)];
    const row = (a ?? b)!;
    const found = changesOf(a, b);
    return found.length === 0 ? [] : [{ metric: row.metric, subject: { kind: row.subject.kind, id: row.subject.id }, old: sideOf(a), new: sideOf(b), changes: found }];
  });
  changes.sort((x, y) => order(x.metric, y.metric) || order(x.subject.kind, y.subject.kind) || order(x.subject.id, y.subject.id));
  return { old: { policy: old.id, file: old.file }, new: { policy: amended.id, file: amended.file }, since: since ?? null, changes };
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function endOf(policy: Policy): IsoDate {
  const last = policy.targets.map((t) => t.schedule.milestones.at(-1)!.date).sort().at(-1);
  return policy.effective?.until ?? (last ? addMonths(last, 12) : (policy.effective?.from ?? ("2000-01-01" as IsoDate)));
}

function rowsByKey(policy: Policy, through: IsoDate, since: IsoDate | undefined): Map<string, ScheduleRow> {
  const rows = schedulesByTier(policy, { through }).map((row) => (since === undefined ? row : { ...row, milestones: row.milestones.filter((m) => m.date >= since) }));
  return new Map(rows.map((row) => [`${row.metric}\u0000${row.subject.kind}\u0000${row.subject.id}`, row]));
}

function sideOf(row: ScheduleRow | undefined): Entry["old"] {
  if (!row) return { status: "none", targets: [], comparison: null };
  return { status: row.status, targets: row.targets.map((t) => t.id), comparison: row.status === "applies" ? (row.targets[0]?.comparison ?? null) : null };
}

function changesOf(a: ScheduleRow | undefined, b: ScheduleRow | undefined): ScheduleChange[] {
  const [from, to] = [statusOf(a), statusOf(b)];
  const status: ScheduleChange[] = from === to ? [] : [{ kind: "status", from, to }];
  const [ca, cb] = [comparisonOf(a), comparisonOf(b)];
  const comparison: ScheduleChange[] = ca !== undefined && cb !== undefined && ca !== cb ? [{ kind: "comparison", from: ca, to: cb }] : [];
  return [...status, ...comparison, ...milestoneChanges(milestonesOf(a), milestonesOf(b))];
}

const statusOf = (row: ScheduleRow | undefined): Status => row?.status ?? "none";
const comparisonOf = (row: ScheduleRow | undefined): Comparison | undefined => (row?.status === "applies" ? row.targets[0]?.comparison : undefined);
const milestonesOf = (row: ScheduleRow | undefined): readonly Milestone[] => (row?.status === "applies" ? row.milestones : []);

/**
 * Same date: unchanged, or a new threshold. What is left on each side is paired where a threshold
 * stayed and only its date changed (moved), in date order; the rest is added or removed.
 */
function milestoneChanges(old: readonly Milestone[], amended: readonly Milestone[]): ScheduleChange[] {
  const byDate = new Map(amended.map((m) => [m.date, m]));
  const changes: ScheduleChange[] = [];
  const removed: Milestone[] = [];
  for (const m of old) {
    const same = byDate.get(m.date);
    if (!same) removed.push(m);
    else if (compare(same.threshold, m.threshold) !== 0) changes.push({ kind: "threshold", date: m.date, from: percent(m.threshold), to: percent(same.threshold) });
  }
  const oldDates = new Set(old.map((m) => m.date));
  const added = amended.filter((m) => !oldDates.has(m.date));
  for (const m of removed) {
    const at = added.findIndex((n) => compare(n.threshold, m.threshold) === 0);
    if (at < 0) changes.push({ kind: "removed", date: m.date, threshold: percent(m.threshold) });
    else changes.push({ kind: "moved", from: m.date, to: added.splice(at, 1)[0]!.date, threshold: percent(m.threshold) });
  }
  for (const m of added) changes.push({ kind: "added", date: m.date, threshold: percent(m.threshold) });
  return changes.sort((x, y) => order(dateOf(x), dateOf(y)));
}

const percent = (value: Rational): number => toNumber(value);

const dateOf = (change: ScheduleChange): string => ("date" in change ? change.date : "from" in change && change.kind === "moved" ? change.from : "");
