/** Checks on a target's schedule and the metric it measures. */
import type { TargetDeclaration } from "../../syntax/ast.js";
import { requireDefined, type Check } from "../context.js";

/** Ramps, steps, thresholds and dates, as expanding the schedule finds them. */
export const scheduleExpands: Check<TargetDeclaration> = (target, context) => {
  for (const found of context.facts.schedule(target).diagnostics) context.accept(found);
};

export const metricDefined: Check<TargetDeclaration> = (target, context) => {
  const metric = context.facts.schedule(target).metric;
  if (metric) requireDefined("metric", metric, context);
};
