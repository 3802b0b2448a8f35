/**
 * Indexes: named scores added into a total, as Decision 766 adds its five groups into 100 points.
 * Each component is added as it is rounded, so a total is what its components show; totals are
 * added and ranked exactly (rationals), never as floating point.
 */
import type { Index, Policy } from "../model/policy.js";
import { select } from "../model/selector.js";
import * as R from "../number/rational.js";
import type { DataSet } from "./dataset.js";
import { scoreReasonText, type ScoreReason } from "./reasons.js";
import type { IndexGroup, IndexResult, ScoreGroup } from "./result.js";
import type { ScoreTable } from "./scores.js";

export function evaluateIndexes(policy: Policy, data: DataSet, scores: ScoreTable): { indexes: IndexResult[]; groups: IndexGroup[] } {
  const position = new Map(policy.scores.map((s, i) => [s.id, i]));
  const indexes: IndexResult[] = [];
  const totals: (R.Rational | undefined)[] = [];
  for (const index of policy.indexes) {
    data.units.forEach((unit, u) => {
      if (select(index.selector, unit).kind !== "selected") return;
      const parts = index.components.map((id) => ({ score: id, exact: scores.exact[position.get(id)!]?.[u] }));
      const missing = parts.filter((p) => p.exact === undefined).map((p) => p.score);
      const total = missing.length === 0 ? parts.reduce((sum, p) => R.add(sum, p.exact!), R.ZERO) : undefined;
      const because: ScoreReason | null = missing.length > 0 ? { kind: "no-points", scores: missing } : null;
      totals.push(total);
      indexes.push({
        unit: unit.id,
        tier: unit.tier,
        index: index.id,
        total: total === undefined ? null : R.toNumber(total),
        maximum: R.toNumber(index.maximum),
        rank: null,
        ranked: 0,
        components: parts.map((p) => ({ score: p.score, points: p.exact === undefined ? null : R.toNumber(p.exact) })),
        rule: { file: index.rule.file, line: index.rule.line },
        reason: because && scoreReasonText(because, "en"),
        because,
      });
    });
  }
  rankTotals(indexes, totals);
  return { indexes, groups: policy.indexes.flatMap((index) => indexGroups(index, scores)) };
}

/** Per index and tier, by total, highest first, compared exactly; equal totals share a rank ("1, 2, 2, 4"). */
function rankTotals(indexes: IndexResult[], totals: readonly (R.Rational | undefined)[]): void {
  const runs = new Map<string, number[]>();
  indexes.forEach((result, i) => {
    if (totals[i] === undefined) return;
    const key = `${result.index}\u0000${result.tier}`;
    const list = runs.get(key);
    if (list) list.push(i);
    else runs.set(key, [i]);
  });
  for (const rows of runs.values()) {
    const order = (a: number, b: number) => R.compare(totals[b]!, totals[a]!);
    rows.sort(order);
    rows.forEach((row, k) => {
      const previous = rows[k - 1];
      indexes[row]!.rank = previous !== undefined && order(previous, row) === 0 ? indexes[previous]!.rank : k + 1;
      indexes[row]!.ranked = rows.length;
    });
  }
}

/** A group's total: its components' group scores added, for the groups every component scores. */
function indexGroups(index: Index, scores: ScoreTable): IndexGroup[] {
  const byGroup = new Map<string, Map<string, R.Rational | undefined>>();
  scores.groups.forEach((g: ScoreGroup, i) => {
    const key = `${g.kind}\u0000${g.id}`;
    const found = byGroup.get(key) ?? new Map<string, R.Rational | undefined>();
    found.set(g.score, scores.groupExact[i]);
    byGroup.set(key, found);
  });
  return [...byGroup].flatMap(([key, found]) => {
    if (!index.components.some((c) => found.has(c))) return [];
    const [kind, id] = key.split("\u0000");
    const exact = index.components.map((score) => found.get(score));
    const total = exact.every((x) => x !== undefined) ? exact.reduce<R.Rational>((sum, x) => R.add(sum, x), R.ZERO) : undefined;
    const components = index.components.map((score, i) => ({ score, points: exact[i] === undefined ? null : R.toNumber(exact[i]) }));
    return [{ kind: kind as IndexGroup["kind"], id: id!, index: index.id, total: total === undefined ? null : R.toNumber(total), maximum: R.toNumber(index.maximum), components }];
  });
}
