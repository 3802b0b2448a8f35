/**
 * Roll-ups and ranks. A group's rate comes from its units' summed counts, never from the mean of
 * their rates; ranks are shared by ties ("1, 2, 2, 4").
 */
import type { RegistryUnit } from "../data/types.js";
import type { Policy } from "../model/policy.js";
import type { Group, Result, ScoreResult } from "./result.js";

/** Gives each met or missed result its rank among the units of its tier under the same target. */
export function rankResults(results: Result[], policy: Policy): void {
  const byPoints = new Set(policy.targets.filter((t) => t.points).map((t) => t.id));
  const groups = new Map<string, Map<string, Result[]>>();
  for (const r of results) {
    if (r.status !== "met" && r.status !== "missed") continue;
    const byTier = groups.get(r.target) ?? new Map<string, Result[]>();
    groups.set(r.target, byTier);
    const list = byTier.get(r.tier);
    if (list) list.push(r);
    else byTier.set(r.tier, [r]);
  }
  for (const byTier of groups.values()) {
    for (const group of byTier.values()) {
      const first = group[0]!;
      if (byPoints.has(first.target)) assignRanks(group, (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity));
      else assignRanks(group, (a, b) => (first.op === ">=" || first.op === ">" ? -1 : 1) * compareRates(a, b));
    }
  }
}

/** Ranks units by points within each score and tier. */
export function rankScores(scores: ScoreResult[]): void {
  const groups = groupBy(scores.filter((s) => s.points !== null), (s) => `${s.score}\u0000${s.tier}`);
  for (const group of groups.values()) assignRanks(group, (a, b) => b.points! - a.points!);
}

/** Exactly, by cross-multiplying counts: two rates that print alike but differ do not tie. */
function compareRates(a: Result, b: Result): number {
  const left = a.numerator! * b.denominator!;
  const right = b.numerator! * a.denominator!;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left - right;
  const diff = BigInt(a.numerator!) * BigInt(b.denominator!) - BigInt(b.numerator!) * BigInt(a.denominator!);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

function assignRanks<T extends { rank: number | null }>(items: T[], order: (a: T, b: T) => number): void {
  items.sort(order);
  items.forEach((item, i) => {
    const previous = items[i - 1];
    item.rank = previous && order(previous, item) === 0 ? previous.rank : i + 1;
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Per metric: all units, each tier, each parent unit; counted in place, in the order first seen. */
export function rollUp(results: readonly Result[], units: readonly RegistryUnit[]): Group[] {
  const parentOf = new Map(units.map((u) => [u.id, u.parent]));
  const groups: Group[] = [];
  const index = new Map<Group["kind"], Map<string, Map<string, Group>>>();
  const add = (kind: Group["kind"], id: string, r: Result): void => {
    const byId = index.get(kind) ?? new Map<string, Map<string, Group>>();
    index.set(kind, byId);
    const byMetric = byId.get(id) ?? new Map<string, Group>();
    byId.set(id, byMetric);
    let group = byMetric.get(r.metric);
    if (!group) {
      group = emptyGroup(kind, id, r.metric);
      byMetric.set(r.metric, group);
      groups.push(group);
    }
    count(group, r);
  };
  for (const r of results) {
    add("all", "all", r);
    add("tier", r.tier, r);
    const parent = parentOf.get(r.unit);
    if (parent) add("parent", parent, r);
  }
  for (const g of groups) g.rate = g.denominator > 0 ? (100 * g.numerator) / g.denominator : null;
  return groups;
}

function emptyGroup(kind: Group["kind"], id: string, metric: string): Group {
  return { kind, id, metric, numerator: 0, denominator: 0, rate: null, units: 0, met: 0, missed: 0, noData: 0, noDenominator: 0, notDue: 0, excluded: 0 };
}

const STATUS_COUNT = {
  met: "met",
  missed: "missed",
  "no-data": "noData",
  "no-denominator": "noDenominator",
  "not-due": "notDue",
  excluded: "excluded",
} as const;

function count(group: Group, r: Result): void {
  group.units++;
  group[STATUS_COUNT[r.status]]++;
  group.numerator += r.numerator ?? 0;
  group.denominator += r.denominator ?? 0;
}
