/**
 * The result table read back as the JSON contract's `Result` objects. Nothing is computed here
 * that the table does not already hold: this is a change of shape, paid for only by callers that
 * read `evaluation.results`.
 */
import { reasonText, type Reason } from "./reasons.js";
import type { Target } from "../model/policy.js";
import type { Result } from "./result.js";
import { EXCLUDED, nullable, STATUS, type ResultTable } from "./table.js";
import type { TargetPlan } from "./target.js";

export interface TableContext {
  readonly table: ResultTable;
  readonly units: readonly { readonly id: string; readonly tier: string }[];
  readonly targets: readonly Target[];
  readonly plans: readonly TargetPlan[];
  /** The overridden targets each row cites. */
  readonly overrides: (row: number) => Result["explanation"]["overrides"];
}

/** Results `from` to `to` (exclusive): all of them at once, or a page at a time for a writer. */
export function resultSlice(context: TableContext, from: number, to: number): Result[] {
  const results = new Array<Result>(to - from);
  for (let i = from; i < to; i++) results[i - from] = resultAt(context, i);
  return results;
}

function resultAt({ table, units, targets, plans, overrides }: TableContext, i: number): Result {
  const unit = units[table.unit[i]!]!;
  const target = targets[table.target[i]!]!;
  const plan = plans[table.target[i]!]!;
  const excluded = table.status[i] === EXCLUDED;
  const due = excluded ? undefined : plan.due;
  const actual = nullable(table.actual[i]!);
  const text = excluded ? undefined : plan.windowText;
  const rank = table.rank[i]!;
  return {
    unit: unit.id,
    tier: unit.tier,
    metric: target.metric,
    target: target.id,
    milestone: due ? due.date : null,
    op: target.comparison,
    threshold: due ? due.threshold.percent : null,
    actual,
    numerator: nullable(table.numerator[i]!),
    denominator: nullable(table.denominator[i]!),
    status: STATUS[table.status[i]!]!,
    gapPoints: nullable(table.gapPoints[i]!),
    needed: nullable(table.needed[i]!),
    score: nullable(table.score[i]!),
    rank: rank === 0 ? null : rank,
    next: excluded ? null : nextOf(plan, actual),
    rule: plan.rule,
    explanation: {
      window: text ? { from: text.from, to: text.to, months: table.months[i]!, monthsWithData: table.monthsWithData[i]! } : null,
      overrides: excluded ? [] : overrides(i),
      ...because(table.reasons.get(i)),
    },
  };
}

/** The reason in English for tools, as the contract has always had it, and as a value to word in any language. */
const because = (reason: Reason | undefined): Pick<Result["explanation"], "reason" | "because"> =>
  reason === undefined ? { reason: null, because: null } : { reason: reasonText(reason, "en"), because: reason };

/** The next milestone, and the rise a month from the current one that would meet it. */
function nextOf(plan: TargetPlan, actual: number | null): Result["next"] {
  const next = plan.next;
  if (!next) return null;
  if (actual === null || next.months <= 0) return { date: next.date, threshold: next.threshold, risePerMonth: null };
  const rise = (next.threshold - actual) / next.months;
  return { date: next.date, threshold: next.threshold, risePerMonth: plan.rises ? Math.max(0, rise) : Math.min(0, rise) };
}
