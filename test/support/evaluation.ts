/** Evaluating a policy written inline against units and rows written inline. */
import { compile } from "../../src/files/policy.js";
import { parsePeriod } from "../../src/data/period.js";
import type { Observation, Registry, RegistryUnit } from "../../src/data/types.js";
import { compileEvaluator, type PrepareOptions } from "../../src/evaluate/evaluate.js";
import type { Evaluation } from "../../src/evaluate/result.js";
import type { IsoDate } from "../../src/time/calendar.js";

export type UnitSpec = Partial<RegistryUnit> & { id: string; tier: string };
export type RowSpec = { unit: string; period: string } & Record<string, number | string>;

export function unit(spec: UnitSpec): RegistryUnit {
  return { name: spec.id, parent: undefined, tags: [], validFrom: undefined, validTo: undefined, ...spec };
}

export function observation(row: RowSpec, line = 2): Observation {
  const counts = new Map<string, number>();
  for (const [key, value] of Object.entries(row)) {
    if (key !== "unit" && key !== "period") counts.set(key, value as number);
  }
  return { unit: row.unit, period: parsePeriod(row.period)!, counts, source: { file: "data.csv", line } };
}

export function evaluatePolicy(
  policyText: string,
  units: readonly UnitSpec[],
  rows: readonly RowSpec[],
  asOf: string,
  options: PrepareOptions & { merges?: Registry["merges"]; file?: string } = {},
): Evaluation {
  const compiled = compile(policyText, { file: options.file ?? "policy.ct" });
  if (!compiled.policy) throw new Error(compiled.diagnostics.map((d) => d.message).join("\n"));
  const evaluator = compileEvaluator(compiled.policy);
  const registry: Registry = { units: units.map(unit), merges: options.merges ?? [] };
  const prepared = evaluator.prepare({ registry, observations: rows.map((r, i) => observation(r, i + 2)) }, options);
  return evaluator.evaluate(prepared, { asOf: asOf as IsoDate });
}

export const resultOf = (evaluation: Evaluation, unitId: string, metric?: string) =>
  evaluation.results.find((r) => r.unit === unitId && (metric === undefined || r.metric === metric));
