/**
 * Ready properties: each runs against a compiled policy (and, where it matters, a registry of
 * units) and returns a report instead of throwing, so a test suite can assert on it and a command
 * can print it. Properties over generated data run under `fc.check` with the given seed and number
 * of runs; a failure comes back shrunk, as a data or policy fragment, with the seed to replay it.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import fc from "fast-check";
import type { Registry } from "../data/types.js";
import { compileEvaluator } from "../evaluate/evaluate.js";
import type { Policy } from "../model/policy.js";
import { parse } from "../syntax/parse.js";
import { coverageProblems } from "./coverage.js";
import { evaluationCase, policyEnd, registryFor, type EvaluationCase } from "./data.js";
import { caseFragment, mergesCsv, scheduleFragment, unitsCsv } from "./fragments.js";
import * as invariants from "./invariants.js";
import { roundTripProblems } from "./round-trip.js";
import { scheduleProblems } from "./schedule-check.js";

export interface PropertyReport {
  readonly name: string;
  readonly ok: boolean;
  /** What is wrong, a sentence per problem. */
  readonly message?: string;
  /** The smallest failing case found: a policy fragment, or data as CSV rows `unit,period,field...`. */
  readonly counterexample?: string;
  /** The seed the generated cases came from: run again with it to get the same counterexample. */
  readonly seed: number;
  /** fast-check's path to the counterexample, to replay it without the search (`{ seed, path }`). */
  readonly path?: string;
  /** Generated cases run; 0 for a deterministic check over the policy or the registry as given. */
  readonly runs: number;
  /** Why the property could not run (nothing to check it on), when it did not. */
  readonly skipped?: string;
}

export interface PropertyOptions {
  /** Generated cases per property; 100 unless said. */
  readonly runs?: number;
  /** A fixed seed, to replay a failure; a random one unless said. */
  readonly seed?: number;
}

export interface ReportOptions extends PropertyOptions {
  /** Policy texts by file name (`CompileResult.sources`); read from disk when left out. */
  readonly sources?: ReadonlyMap<string, string>;
}

const randomSeed = (): number => Math.floor(Math.random() * 0x7fffffff);

/** Runs a property under fc.check; the failure's message and fragment are worked out from the shrunk value. */
function checked<T>(name: string, arbitrary: fc.Arbitrary<T>, find: (value: T) => string | undefined, show: (value: T) => string, options: PropertyOptions): PropertyReport {
  const seed = options.seed ?? randomSeed();
  const details = fc.check(fc.property(arbitrary, (value) => find(value) === undefined), { seed, numRuns: options.runs ?? 100 });
  if (!details.failed) return { name, ok: true, seed, runs: details.numRuns };
  const value = details.counterexample?.[0];
  const message = value === undefined ? errorText(details.errorInstance) : again(find, value, details.errorInstance);
  return { name, ok: false, message, ...(value === undefined ? {} : { counterexample: show(value) }), seed, path: details.counterexamplePath ?? undefined, runs: details.numRuns };
}

function again<T>(find: (value: T) => string | undefined, value: T, error: unknown): string {
  try {
    return find(value) ?? errorText(error);
  } catch (thrown) {
    return errorText(thrown);
  }
}

const errorText = (error: unknown): string => `threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;

/** A property that must not throw either: an exception becomes a failed report. */
function guarded(name: string, options: PropertyOptions, body: (seed: number) => PropertyReport): PropertyReport {
  const seed = options.seed ?? randomSeed();
  try {
    return body(seed);
  } catch (error) {
    return { name, ok: false, message: errorText(error), seed, runs: 0 };
  }
}

/** A registry given with no units leaves the properties over units nothing to run on; passing would claim too much. */
const NO_UNITS = "the registry has no units";
const noUnits = (registry: Registry | undefined): boolean => registry !== undefined && registry.units.length === 0;

const listed = (messages: readonly string[]): string =>
  [...messages.slice(0, 5), ...(messages.length > 5 ? [`... and ${messages.length - 5} more`] : [])].join("\n");

/**
 * Every target's schedule is consistent: dates strictly increase, ramps step evenly from their
 * anchor (month ends stay month ends), land on their deadline and reach its value, thresholds stay
 * within 0-100% and only tighten in the comparison's direction, ongoing repeats keep the rule.
 */
export function scheduleConsistency(policy: Policy, options: PropertyOptions = {}): PropertyReport {
  const name = "schedule-consistency";
  return guarded(name, options, (seed) => {
    const problems = policy.targets.flatMap((t) => scheduleProblems(t, policyEnd(policy)));
    if (problems.length === 0) return { name, ok: true, seed, runs: 0 };
    const message = listed(problems.map((p) => `target \`${p.target.id}\` (${p.target.rule.file}:${p.target.rule.line}): ${p.message}`));
    return { name, ok: false, message, counterexample: scheduleFragment(problems[0]!), seed, runs: 0 };
  });
}

/**
 * Every unit a target of a metric selects has exactly one threshold for it on every milestone date
 * while it exists, and every unit's tier is one the policy knows. On the registry given; without
 * one, on registries generated from the policy's tiers, tags and units.
 */
export function coverage(policy: Policy, registry?: Registry, options: PropertyOptions = {}): PropertyReport {
  const name = "coverage";
  return guarded(name, options, (seed) => {
    if (noUnits(registry)) return { name, ok: true, seed, runs: 0, skipped: NO_UNITS };
    if (!registry) {
      const find = (r: Registry) => coverageProblems(policy, r)[0]?.message;
      const show = (r: Registry) => [unitsCsv(r.units), ...(r.merges.length > 0 ? ["# merges.csv", mergesCsv(r.merges)] : [])].join("\n");
      return checked(name, registryFor(policy), find, show, { ...options, seed });
    }
    const problems = coverageProblems(policy, registry);
    if (problems.length === 0) return { name, ok: true, seed, runs: 0 };
    const units = [...new Set(problems.map((p) => p.unit))];
    return { name, ok: false, message: listed(problems.map((p) => p.message)), counterexample: unitsCsv(units.slice(0, 10)), seed, runs: 0 };
  });
}

function invariant(name: string, check: invariants.Invariant) {
  return (policy: Policy, registry?: Registry, options: PropertyOptions = {}): PropertyReport =>
    guarded(name, options, (seed) => {
      if (noUnits(registry)) return { name, ok: true, seed, runs: 0, skipped: NO_UNITS };
      const evaluator = compileEvaluator(policy);
      const find = (c: EvaluationCase) => check(evaluator, c);
      return checked(name, evaluationCase(policy, registry), find, (c) => caseFragment(policy, c), { ...options, seed });
    });
}

/** On generated data: a result is `met` exactly when its `needed` is 0. */
export const metIffNeededZero = invariant("met-iff-needed-zero", invariants.metIffNeededZero);

/** On generated data: adding `needed` cases to the numerator (removing, for `<=`) meets the threshold, one fewer does not. */
export const neededIsExact = invariant("needed-is-exact", invariants.neededIsExact);

/** On generated data: group counts are the sums of their units' counts, and rates come from them. */
export const groupRatesSum = invariant("group-rates-sum", invariants.groupRatesSum);

/** On generated data: results, scores and groups do not depend on the order of the input rows. */
export const rowOrderIndependent = invariant("row-order", invariants.rowOrder);

/**
 * The policy file and the files it imports format, in English and in Vietnamese, to text that parses
 * back to the same syntax tree, and formatting is idempotent.
 */
export function formatRoundTrip(policy: Policy, options: ReportOptions = {}): PropertyReport {
  const name = "format-round-trip";
  return guarded(name, options, (seed) => {
    const files = options.sources ?? readWithImports(policy.file);
    if (files.size === 0) return { name, ok: true, seed, runs: 0, skipped: `cannot read ${policy.file}` };
    const problems = [...files].flatMap(([file, text]) => roundTripProblems(file, text));
    if (problems.length === 0) return { name, ok: true, seed, runs: 0 };
    const first = problems[0]!;
    return { name, ok: false, message: listed(problems.map((p) => `${p.file}: ${p.message}`)), counterexample: first.fragment, seed, runs: 0 };
  });
}

/** The policy file and, transitively, its imports, read from disk; those that cannot be read are left out. */
function readWithImports(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    const text = readText(file);
    if (text === undefined) return;
    files.set(file, text);
    for (const s of parse(text, file).ast?.statements ?? []) if (s.kind === "import") visit(join(dirname(file), s.path.value));
  };
  visit(entry);
  return files;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Every ready property, in order, with one seed: what `chitieu test --properties` prints. */
export function propertiesReport(policy: Policy, registry?: Registry, options: ReportOptions = {}): PropertyReport[] {
  const fixed = { ...options, seed: options.seed ?? randomSeed() };
  return [
    scheduleConsistency(policy, fixed),
    coverage(policy, registry, fixed),
    metIffNeededZero(policy, registry, fixed),
    neededIsExact(policy, registry, fixed),
    groupRatesSum(policy, registry, fixed),
    rowOrderIndependent(policy, registry, fixed),
    formatRoundTrip(policy, fixed),
  ];
}
