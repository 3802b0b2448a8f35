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
import type { ScoreResult } from "./result.js";
import { windowMonths } from "./window.js";

export function evaluateScores(policy: Policy, data: DataSet, asOf: IsoDate): ScoreResult[] {
  if (policy.scores.length === 0) return [];
  // The day after a month's last day is in the next month; otherwise the month is still running.
  const month = monthOfDate(addDays(asOf, 1)) - 1;
  const scores: ScoreResult[] = [];
  data.units.forEach((unit, u) => {
    for (const score of policy.scores) {
      if (select(score.selector, unit).kind !== "selected") continue;
      scores.push({
        unit: unit.id,
        tier: unit.tier,
        score: score.id,
        points: scorePoints(score.points, (metric) => metricValue(policy, data, u, metric, month)),
        rank: null,
        rule: { file: score.rule.file, line: score.rule.line },
      });
    }
  });
  rankScores(scores);
  return scores;
}

const num: Sum = { value: 0, monthsWithData: 0 };
const den: Sum = { value: 0, monthsWithData: 0 };

function metricValue(policy: Policy, data: DataSet, u: number, id: string, month: number): MetricValue {
  const metric = policy.metrics.get(id)!;
  const window = windowMonths(metric.window, month, month);
  sumWindow(data, u, data.fields.indexOf(metric.numerator), window, num);
  sumWindow(data, u, data.fields.indexOf(metric.denominator), window, den);
  if (num.monthsWithData === 0 || den.monthsWithData === 0) return "no-data";
  if (den.value === 0) return "no-denominator";
  return rational(num.value, den.value);
}
