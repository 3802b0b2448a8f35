/**
 * Scores such as Decision 766's index: points per unit from its metrics over the last complete
 * window on or before the as-of date (a month in progress has not been reported yet), and per
 * tier, parent unit and all units from the counts they sum, through the same formula.
 */
import { formatMonth, monthOfDate } from "../data/period.js";
import type { MonthIndex } from "../data/types.js";
import type { Policy, Score } from "../model/policy.js";
import { references } from "../model/expression.js";
import { select } from "../model/selector.js";
import { rational, type Rational } from "../number/rational.js";
import { addDays, type IsoDate } from "../time/calendar.js";
import { sumWindow, type DataSet, type Sum } from "./dataset.js";
import type { UnitGroups } from "./groups.js";
import { rankScores } from "./ranks.js";
import { scorePoints, type MetricValue, type Scored } from "./points.js";
import { scoreReasonText } from "./reasons.js";
import type { ScoreGroup, ScoreResult } from "./result.js";
import { windowMonths, type MonthRange } from "./window.js";

/** Every unit's points under every score that selects it, and the exact points an index adds. */
export interface ScoreTable {
  readonly results: ScoreResult[];
  /** exact[s][u]: unit u's points under policy.scores[s], as rounded; undefined when none or not selected. */
  readonly exact: readonly (readonly (Rational | undefined)[])[];
  readonly groups: ScoreGroup[];
  /** groupExact[i]: groups[i]'s points, exactly as rounded. */
  readonly groupExact: readonly (Rational | undefined)[];
}

export function evaluateScores(policy: Policy, data: DataSet, unitGroups: UnitGroups, asOf: IsoDate): ScoreTable {
  if (policy.scores.length === 0) return { results: [], exact: [], groups: [], groupExact: [] };
  // The day after a month's last day is in the next month; otherwise the month is still running.
  const month = monthOfDate(addDays(asOf, 1)) - 1;
  const results: ScoreResult[] = [];
  const exact = policy.scores.map(() => new Array<Rational | undefined>(data.units.length));
  const plans = policy.scores.map((score) => planScore(policy, data, score, month));
  const selected = policy.scores.map((score) => data.units.map((unit) => select(score.selector, unit).kind === "selected"));
  data.units.forEach((unit, u) => {
    policy.scores.forEach((score, s) => {
      if (!selected[s]![u]) return;
      const plan = plans[s]!;
      const scored = scorePoints(score.points, (metric) => valueOf(metricSum(data, [u], plan.metrics.get(metric)!)), plan.noDataWindow);
      exact[s]![u] = scored.exact;
      results.push({ unit: unit.id, tier: unit.tier, score: score.id, ...pointsOf(scored), rank: null, rule: { file: score.rule.file, line: score.rule.line }, ...reasonOf(scored), ...plan.window });
    });
  });
  rankScores(results);
  const groups = policy.scores.flatMap((score, s) => scoreGroups(score, plans[s]!, data, unitGroups, selected[s]!));
  return { results, exact, groups: groups.map((g) => g.group), groupExact: groups.map((g) => g.exact) };
}

const pointsOf = (scored: Scored) => ({ points: scored.points });
const reasonOf = (scored: Scored) => ({ reason: scored.reason ? scoreReasonText(scored.reason, "en") : null, because: scored.reason ?? null });

/** Per score, what to sum for each of its metrics, worked out once, not per unit. */
interface ScorePlan {
  readonly metrics: ReadonlyMap<string, MetricSum>;
  /** The months scored, for the contract, when the score states its window. */
  readonly window: { readonly window: { readonly from: string; readonly to: string } } | Record<string, never>;
  readonly noDataWindow: "quarter" | "year-to-date" | undefined;
}

interface MetricSum {
  readonly numerator: number;
  readonly denominator: number;
  readonly window: MonthRange;
}

function planScore(policy: Policy, data: DataSet, score: Score, month: MonthIndex): ScorePlan {
  const stated = score.window && scoreWindow(score.window, month);
  const named = [score.points.formula, ...(score.points.whenEmpty ? [score.points.whenEmpty] : [])].flatMap(references);
  const metrics = new Map(
    [...new Set(named)].flatMap((id) => policy.metrics.get(id) ?? []).map((m) => [
      m.id,
      { numerator: data.fields.indexOf(m.numerator), denominator: data.fields.indexOf(m.denominator), window: stated ?? windowMonths(m.window, month, month) },
    ]),
  );
  return {
    metrics,
    window: stated ? { window: { from: formatMonth(stated.from), to: formatMonth(stated.to) } } : {},
    noDataWindow: score.window === "quarter" || score.window === "year-to-date" ? score.window : undefined,
  };
}

/**
 * The last complete window that ended with `month` or before: that month; the last quarter that
 * ended by then; January of its year to it (a year in progress is year to date).
 */
export function scoreWindow(kind: NonNullable<Score["window"]>, month: MonthIndex): MonthRange {
  switch (kind) {
    case "month":
      return { from: month, to: month };
    case "quarter": {
      const end = month - (((month % 3) + 1) % 3);
      return { from: end - 2, to: end };
    }
    case "year-to-date":
      return { from: month - (month % 12), to: month };
  }
}

const num: Sum = { value: 0, monthsWithData: 0 };
const den: Sum = { value: 0, monthsWithData: 0 };

/** A metric's counts summed over units, from those that reported both; `units` 0 when none did. */
interface Summed {
  numerator: number;
  denominator: number;
  units: number;
}

function metricSum(data: DataSet, units: Iterable<number>, metric: MetricSum): Summed {
  const out: Summed = { numerator: 0, denominator: 0, units: 0 };
  for (const u of units) {
    sumWindow(data, u, metric.numerator, metric.window, num);
    sumWindow(data, u, metric.denominator, metric.window, den);
    if (num.monthsWithData === 0 || den.monthsWithData === 0) continue;
    out.numerator += num.value;
    out.denominator += den.value;
    out.units++;
  }
  return out;
}

function valueOf(sum: Summed): MetricValue {
  if (sum.units === 0) return "no-data";
  if (sum.denominator === 0) return "no-denominator";
  return rational(sum.numerator, sum.denominator);
}

/**
 * All units, each tier, each parent unit, among those the score selects: the formula on each
 * metric's summed counts, never an average of units' points, rounded as a unit's points are.
 */
function scoreGroups(score: Score, plan: ScorePlan, data: DataSet, groups: UnitGroups, selected: readonly boolean[]): { group: ScoreGroup; exact: Rational | undefined }[] {
  const members = new Map<string, number[]>();
  const join = (key: string, u: number) => {
    const list = members.get(key);
    if (list) list.push(u);
    else members.set(key, [u]);
  };
  selected.forEach((yes, u) => {
    if (!yes) return;
    join("all\u0000all", u);
    join(`tier\u0000${groups.tiers[groups.tierOf[u]!]}`, u);
    const parent = groups.parentOf[u]!;
    if (parent >= 0) join(`parent\u0000${groups.parents[parent]}`, u);
  });
  const order = (key: string) => ["all", "tier", "parent"].indexOf(key.slice(0, key.indexOf("\u0000")));
  return [...members.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([key, units]) => {
      const [kind, id] = key.split("\u0000") as [ScoreGroup["kind"], string];
      const sums = new Map([...plan.metrics].map(([metric, sum]) => [metric, metricSum(data, units, sum)]));
      const scored = scorePoints(score.points, (metric) => valueOf(sums.get(metric)!), plan.noDataWindow);
      const metrics = [...sums].map(([metric, s]) => ({ metric, numerator: s.numerator, denominator: s.denominator, units: s.units }));
      return { group: { kind, id, score: score.id, ...pointsOf(scored), units: units.length, metrics, ...reasonOf(scored), ...plan.window }, exact: scored.exact };
    });
}
