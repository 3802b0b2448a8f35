/**
 * Counterexamples as people read them: data as the CSV files `chitieu eval` reads (so a failure can
 * be replayed by hand), schedules as the clauses a policy would write and the milestones they give.
 */
import type { Merge, Observation, RegistryUnit } from "../data/types.js";
import type { Milestone, Policy, Target } from "../model/policy.js";
import { compare, rational, sub, toDecimalString } from "../number/rational.js";
import { stepWords } from "./arbitraries.js";
import type { EvaluationCase } from "./data.js";
import { periodsBetween, type ScheduleProblem } from "./schedule-check.js";

const cell = (value: string | number | undefined): string => {
  const text = value === undefined ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const line = (cells: readonly (string | number | undefined)[]): string => cells.map(cell).join(",");

export function unitsCsv(units: readonly RegistryUnit[]): string {
  const rows = units.map((u) => line([u.id, u.name, u.tier, u.parent, u.tags.join(";"), u.validFrom, u.validTo]));
  return ["id,name,tier,parent,tags,valid_from,valid_to", ...rows].join("\n");
}

export function mergesCsv(merges: readonly Merge[]): string {
  return ["id,successor,date", ...merges.map((m) => line([m.id, m.successor, m.date]))].join("\n");
}

/** Rows as `unit,period,<field>...`, with the policy's fields in their order, those the rows report. */
export function dataCsv(policy: Policy, observations: readonly Observation[]): string {
  const fields = [...policy.fields.keys()].filter((f) => observations.some((o) => o.counts.has(f)));
  const rows = observations.map((o) => line([o.unit, o.period.text, ...fields.map((f) => o.counts.get(f))]));
  return [line(["unit", "period", ...fields]), ...rows].join("\n");
}

/** A whole evaluation case: the date, the units, their merges and their rows. */
export function caseFragment(policy: Policy, c: EvaluationCase): string {
  return [
    `as of ${c.asOf}${c.successors ? ", with --successors" : ""}`,
    "# units.csv",
    unitsCsv(c.registry.units),
    ...(c.registry.merges.length > 0 ? ["# merges.csv", mergesCsv(c.registry.merges)] : []),
    "# data.csv",
    dataCsv(policy, c.observations),
  ].join("\n");
}

const pct = (m: Milestone): string => `${toDecimalString(m.threshold)}%`;

/** The target's clauses that give these milestones, as its author would write them. */
export function clausesOf(target: Target, milestones: readonly Milestone[]): string {
  const clauses: string[] = [];
  milestones.forEach((m, i) => {
    const before = milestones[i - 1];
    if (m.origin === "step" && before) {
      if (before.origin !== "step") clauses.push(stepClause(before, m));
      return;
    }
    const anchor = milestones[i + 1]?.origin === "step" ? "from" : "by";
    clauses.push(`${anchor} ${m.date} ${i === 0 ? `${target.metric} ` : ""}${target.comparison} ${pct(m)}`);
  });
  return clauses.join(", ");
}

function stepClause(from: Milestone, to: Milestone): string {
  const period = periodsBetween(from.date, to.date)[0] ?? { unit: "month" as const, count: 1 };
  const increment = sub(to.threshold, from.threshold);
  if (compare(increment, rational(0)) === 0) return stepWords(period);
  return `${stepWords(period)} ${compare(increment, rational(0)) < 0 ? "" : "+"}${toDecimalString(increment)}%`;
}

/** The target, the clauses of the fragment at fault, and its milestones with the one at fault marked. */
export function scheduleFragment(problem: ScheduleProblem): string {
  const { target, milestones, at, expected } = problem;
  const rows = milestones.map((m) => {
    const mark = m === at ? `  <- ${expected ?? "here"}` : "";
    return `  ${m.date}  ${target.comparison} ${pct(m).padEnd(7)} ${m.origin}${mark}`;
  });
  return [`target ${target.id} (${target.rule.file}:${target.rule.line}):`, `  ${clausesOf(target, milestones)}`, "milestones:", ...rows].join("\n");
}
