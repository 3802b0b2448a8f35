/**
 * Roll-ups. A group's rate comes from its units' summed counts, never from the mean of their rates.
 * They work on the result table's columns and on units as numbers (their tier and parent numbered
 * once per data set), not on strings.
 */
import type { Group } from "./result.js";
import { EXCLUDED, INCOMPLETE, MET, MISSED, NO_DATA, NO_DENOMINATOR, NOT_DUE, STATUS, type ResultTable } from "./table.js";

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

/**
 * Per metric: all units, each tier, each parent unit, in the order first seen. Counted into typed
 * arrays by slot (metric, then all / tier / parent), and made into Group objects once at the end.
 */
export function rollUp(table: ResultTable, groups: UnitGroups, metrics: readonly string[]): Group[] {
  const tiers = groups.tiers.length;
  const stride = 1 + tiers + groups.parents.length;
  const tally = new Tally(metrics.length * stride);
  for (let i = 0; i < table.size; i++) {
    const base = table.metric[i]! * stride;
    const u = table.unit[i]!;
    const parent = groups.parentOf[u]!;
    tally.add(base, table, i);
    tally.add(base + 1 + groups.tierOf[u]!, table, i);
    if (parent >= 0) tally.add(base + 1 + tiers + parent, table, i);
  }
  return tally.order.map((slot) => {
    const place = slot % stride;
    const metric = metrics[(slot - place) / stride]!;
    if (place === 0) return tally.group(slot, "all", "all", metric);
    if (place <= tiers) return tally.group(slot, "tier", groups.tiers[place - 1]!, metric);
    return tally.group(slot, "parent", groups.parents[place - 1 - tiers]!, metric);
  });
}

const STATUSES = STATUS.length;

class Tally {
  readonly order: number[] = [];
  private readonly seen: Uint8Array;
  private readonly units: Float64Array;
  private readonly statuses: Float64Array;
  private readonly numerator: Float64Array;
  private readonly denominator: Float64Array;

  constructor(slots: number) {
    this.seen = new Uint8Array(slots);
    this.units = new Float64Array(slots);
    this.statuses = new Float64Array(slots * STATUSES);
    this.numerator = new Float64Array(slots);
    this.denominator = new Float64Array(slots);
  }

  add(slot: number, table: ResultTable, i: number): void {
    if (this.seen[slot] === 0) {
      this.seen[slot] = 1;
      this.order.push(slot);
    }
    this.units[slot]!++;
    this.statuses[slot * STATUSES + table.status[i]!]!++;
    const num = table.numerator[i]!;
    const den = table.denominator[i]!;
    if (num === num) this.numerator[slot]! += num;
    if (den === den) this.denominator[slot]! += den;
  }

  group(slot: number, kind: Group["kind"], id: string, metric: string): Group {
    const count = (status: number) => this.statuses[slot * STATUSES + status]!;
    const numerator = this.numerator[slot]!;
    const denominator = this.denominator[slot]!;
    return {
      kind,
      id,
      metric,
      numerator,
      denominator,
      rate: denominator > 0 ? (100 * numerator) / denominator : null,
      units: this.units[slot]!,
      met: count(MET),
      missed: count(MISSED),
      noData: count(NO_DATA),
      noDenominator: count(NO_DENOMINATOR),
      notDue: count(NOT_DUE),
      excluded: count(EXCLUDED),
      incomplete: count(INCOMPLETE),
    };
  }
}
