/**
 * Scores such as Decision 766's index: points per unit from its metrics over the last month that
 * ended on or before the as-of date, since a month in progress has not been reported yet.
 */
import { monthOfDate } from "../data/period.js";
import type { Policy } from "../model/policy.js";
import { select } from "../model/selector.js";
import { rational } from "../number/rational.js";
import { addDays, type IsoDate } from "../time/calendar.js";
import { sumWindow, type DataSet, type Sum } from "./dataset.js";
import { rankScores } from "./ranks.js";
import { scorePoints, type MetricValue } from "./points.js";
import { scoreReasonText } from "./reasons.js";
import type { ScoreResult } from "./result.js";
import { windowMonths, type MonthRange } from "./window.js";

export function evaluateScores(policy: Policy, data: DataSet, asOf: IsoDate): ScoreResult[] {
  if (policy.scores.length === 0) return [];
  // The day after a month's last day is in the next month; otherwise the month is still running.
  const month = monthOfDate(addDays(asOf, 1)) - 1;
  const sums = metricSums(policy, data, month);
  const scores: ScoreResult[] = [];
  data.units.forEach((unit, u) => {
    for (const score of policy.scores) {
      if (select(score.selector, unit).kind !== "selected") continue;
      const { points, reason } = scorePoints(score.points, (metric) => metricValue(data, u, sums.get(metric)!));
      scores.push({
        unit: unit.id,
        tier: unit.tier,
        score: score.id,
        points,
        rank: null,
        rule: { file: score.rule.file, line: score.rule.line },
        reason: reason ? scoreReasonText(reason, "en") : null,
        because: reason ?? null,
      });
    }
  });
  rankScores(scores);
  return scores;
}

const num: Sum = { value: 0, monthsWithData: 0 };
const den: Sum = { value: 0, monthsWithData: 0 };

/** Per metric, what to sum for every unit: worked out once, not per unit. */
interface MetricSum {
  readonly numerator: number;
  readonly denominator: number;
  readonly window: MonthRange;
}

function metricSums(policy: Policy, data: DataSet, month: number): Map<string, MetricSum> {
  return new Map(
    [...policy.metrics.values()].map((m) => [
      m.id,
      { numerator: data.fields.indexOf(m.numerator), denominator: data.fields.indexOf(m.denominator), window: windowMonths(m.window, month, month) },
    ]),
  );
}

function metricValue(data: DataSet, u: number, metric: MetricSum): MetricValue {
  sumWindow(data, u, metric.numerator, metric.window, num);
  sumWindow(data, u, metric.denominator, metric.window, den);
  if (num.monthsWithData === 0 || den.monthsWithData === 0) return "no-data";
  if (den.value === 0) return "no-denominator";
  return rational(num.value, den.value);
}
