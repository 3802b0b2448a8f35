/**
 * Roll-ups. A group's rate comes from its units' summed counts, never from the mean of their rates.
 * They work on the result table's columns and on units as numbers (their tier and parent numbered
 * once per data set), not on strings.
 */
import type { Group } from "./result.js";
import { EXCLUDED, MET, MISSED, NO_DATA, NO_DENOMINATOR, NOT_DUE, type ResultTable } from "./table.js";

/** Units' tiers and parents as small numbers, for grouping without string keys. */
export interface UnitGroups {
  readonly tiers: readonly string[];
  readonly tierOf: Int32Array;
  readonly parents: readonly string[];
  /** -1 for a unit without a parent. */
  readonly parentOf: Int32Array;
}

export function unitGroups(units: readonly { readonly tier: string; readonly parent: string | undefined }[]): UnitGroups {
  const tiers = numbering(units.map((u) => u.tier));
  const parents = numbering(units.map((u) => u.parent).filter((p): p is string => p !== undefined));
  return {
    tiers: [...tiers.keys()],
    tierOf: Int32Array.from(units, (u) => tiers.get(u.tier)!),
    parents: [...parents.keys()],
    parentOf: Int32Array.from(units, (u) => (u.parent === undefined ? -1 : parents.get(u.parent)!)),
  };
}

function numbering(ids: readonly string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const id of ids) if (!numbers.has(id)) numbers.set(id, numbers.size);
  return numbers;
}

/** Per metric: all units, each tier, each parent unit; counted in place, in the order first seen. */
export function rollUp(table: ResultTable, groups: UnitGroups, metrics: readonly string[]): Group[] {
  const tiers = groups.tiers.length;
  const parents = groups.parents.length;
  const all = new Int32Array(metrics.length).fill(-1);
  const byTier = new Int32Array(metrics.length * tiers).fill(-1);
  const byParent = new Int32Array(metrics.length * parents).fill(-1);
  const out: Group[] = [];
  const at = (slots: Int32Array, slot: number, kind: Group["kind"], id: string, metric: string): Group => {
    if (slots[slot] === -1) {
      slots[slot] = out.length;
      out.push(emptyGroup(kind, id, metric));
    }
    return out[slots[slot]!]!;
  };
  for (let i = 0; i < table.size; i++) {
    const m = table.metric[i]!;
    const u = table.unit[i]!;
    const tier = groups.tierOf[u]!;
    const parent = groups.parentOf[u]!;
    count(at(all, m, "all", "all", metrics[m]!), table, i);
    count(at(byTier, m * tiers + tier, "tier", groups.tiers[tier]!, metrics[m]!), table, i);
    if (parent >= 0) count(at(byParent, m * parents + parent, "parent", groups.parents[parent]!, metrics[m]!), table, i);
  }
  for (const g of out) g.rate = g.denominator > 0 ? (100 * g.numerator) / g.denominator : null;
  return out;
}

function emptyGroup(kind: Group["kind"], id: string, metric: string): Group {
  return { kind, id, metric, numerator: 0, denominator: 0, rate: null, units: 0, met: 0, missed: 0, noData: 0, noDenominator: 0, notDue: 0, excluded: 0 };
}

function count(group: Group, table: ResultTable, i: number): void {
  group.units++;
  switch (table.status[i]) {
    case MET:
      group.met++;
      break;
    case MISSED:
      group.missed++;
      break;
    case NO_DATA:
      group.noData++;
      break;
    case NO_DENOMINATOR:
      group.noDenominator++;
      break;
    case NOT_DUE:
      group.notDue++;
      break;
    case EXCLUDED:
      group.excluded++;
  }
  const num = table.numerator[i]!;
  const den = table.denominator[i]!;
  if (num === num) group.numerator += num;
  if (den === den) group.denominator += den;
}
