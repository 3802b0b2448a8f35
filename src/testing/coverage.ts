/**
 * Coverage of a registry by a policy: every unit that some target of a metric selects (and that no
 * rule excludes) must have exactly one threshold for that metric on every milestone date of the
 * metric while it exists. A unit left without one, two targets fighting over it, or a unit of a tier
 * the policy does not know (a typo in the registry leaves it silently uncovered) is a problem.
 */
import type { Registry, RegistryUnit } from "../data/types.js";
import type { Policy, Target } from "../model/policy.js";
import { resolveTarget } from "../model/selector.js";
import { dueMilestone, milestonesThrough } from "../schedule/schedule.js";
import type { IsoDate } from "../time/calendar.js";
import { policyEnd } from "./data.js";

export interface CoverageProblem {
  readonly kind: "conflict" | "uncovered" | "unknown-tier";
  readonly unit: RegistryUnit;
  /** Undefined for an unknown tier, which concerns every metric. */
  readonly metric: string | undefined;
  readonly date: IsoDate | undefined;
  readonly targets: readonly Target[];
  readonly message: string;
}

const cite = (t: Target): string => `\`${t.id}\` (${t.rule.file}:${t.rule.line})`;

export function coverageProblems(policy: Policy, registry: Registry): CoverageProblem[] {
  const metrics = [...new Set(policy.targets.map((t) => t.metric))];
  const mergedOn = new Map(registry.merges.map((m) => [m.id, m.date]));
  return registry.units.flatMap((unit) => [
    ...unknownTier(policy, unit),
    ...metrics.flatMap((metric) => unitProblems(policy, unit, metric, mergedOn.get(unit.id))),
  ]);
}

function unknownTier(policy: Policy, unit: RegistryUnit): CoverageProblem[] {
  if (policy.tiers.size === 0 || policy.tiers.has(unit.tier)) return [];
  const tiers = [...policy.tiers.keys()].join(", ");
  const message = `unit \`${unit.id}\` has tier \`${unit.tier}\`, which the policy does not define (${tiers}), so no tier target can select it`;
  return [{ kind: "unknown-tier", unit, metric: undefined, date: undefined, targets: [], message }];
}

function unitProblems(policy: Policy, unit: RegistryUnit, metric: string, mergedOn: IsoDate | undefined): CoverageProblem[] {
  const targets = policy.targets.filter((t) => t.metric === metric);
  const resolution = resolveTarget(targets, unit);
  const base = { unit, metric };
  if (resolution.kind === "conflict") {
    const message = `unit \`${unit.id}\` has ${resolution.targets.length} equally specific targets for \`${metric}\`: ${resolution.targets.map(cite).join(" and ")}`;
    return [{ ...base, kind: "conflict", date: undefined, targets: resolution.targets, message }];
  }
  if (resolution.kind !== "applies") return [];
  const target = resolution.target;
  const date = metricDates(policy, targets).find((d) => exists(unit, d, mergedOn) && !dueMilestone(target.schedule, d));
  if (!date) return [];
  const overridden = resolution.overrides.length > 0 ? `; it overrides ${resolution.overrides.map(cite).join(", ")}` : "";
  const message = `unit \`${unit.id}\` has no threshold for \`${metric}\` on ${date}: its target ${cite(target)} starts on ${target.schedule.milestones[0]!.date}${overridden}`;
  return [{ ...base, kind: "uncovered", date, targets: [target, ...resolution.overrides], message }];
}

/** Every date a target of the metric sets a threshold on, repeats of ongoing targets included. */
function metricDates(policy: Policy, targets: readonly Target[]): IsoDate[] {
  const end = policyEnd(policy);
  return [...new Set(targets.flatMap((t) => milestonesThrough(t.schedule, end).map((m) => m.date)))].sort();
}

/** Whether the unit exists on the date: within its validity, and not yet merged into another. */
function exists(unit: RegistryUnit, date: IsoDate, mergedOn: IsoDate | undefined): boolean {
  if (unit.validFrom !== undefined && date < unit.validFrom) return false;
  if (unit.validTo !== undefined && date > unit.validTo) return false;
  return mergedOn === undefined || date < mergedOn;
}
