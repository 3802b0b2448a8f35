/**
 * Which checks run on which kind of node, as Langium's validation registry has it: each kind maps
 * to a list of small checks, run in order. The entry file gets every check; an imported file lends
 * only its definitions, so only they are checked there (its rules are reported as `import-has-rules`).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type * as A from "../syntax/ast.js";
import { definedOnce, metricFieldsDefined, metricFieldsDiffer, unitTagsDefined, unitTierDefined } from "./checks/definitions.js";
import { headerPresent, importsOnlyDefine, overridesStartInTime, ruleIdsUnique, targetsDoNotConflict } from "./checks/file.js";
import {
  dataCheckDividesByNonZero,
  dataCheckFunctionsKnown,
  dataCheckReadsFields,
  pointsDivideByNonZero,
  pointsFunctionsKnown,
  pointsReadMetrics,
  pointsSayWhenEmpty,
  roundingModeKnown,
} from "./checks/formulas.js";
import { componentsAreScores, componentsShareWindow, maximumAddsUp } from "./checks/indexes.js";
import { effectivePeriodInOrder } from "./checks/header.js";
import { excludesNotEverything, selectorNamesDefined } from "./checks/selectors.js";
import { metricDefined, scheduleExpands } from "./checks/targets.js";
import { on, type Check, type CheckContext } from "./context.js";
import type { Analysis } from "./facts.js";
import { isDefinition } from "./symbols.js";

/** The node each key of the registry is checked on. */
type NodeOfKind = { readonly file: A.PolicyFile; readonly header: A.Header } & {
  readonly [K in A.Statement["kind"]]: Extract<A.Statement, { kind: K }>;
};

export type Registry = { readonly [K in keyof NodeOfKind]: readonly Check<NodeOfKind[K]>[] };

const scorePoints = (score: A.ScoreDeclaration): A.Points => score.points;

// Points are read against the target's metric: without a defined one they are left unchecked.
const measuredPoints = (target: A.TargetDeclaration, context: CheckContext): A.Points | undefined =>
  context.facts.measuredMetric(target) ? target.points : undefined;

export const registry: Registry = {
  file: [importsOnlyDefine, ruleIdsUnique, targetsDoNotConflict, overridesStartInTime, headerPresent],
  header: [effectivePeriodInOrder],
  // Imports are followed, and their problems reported, as the files are loaded (load.ts).
  import: [],
  tier: [definedOnce],
  tag: [definedOnce],
  field: [definedOnce],
  unit: [definedOnce, unitTierDefined, unitTagsDefined],
  metric: [definedOnce, metricFieldsDefined, metricFieldsDiffer],
  target: [
    selectorNamesDefined,
    excludesNotEverything,
    scheduleExpands,
    metricDefined,
    on(measuredPoints, pointsReadMetrics),
    on(measuredPoints, pointsFunctionsKnown),
    on(measuredPoints, roundingModeKnown),
    on(measuredPoints, pointsDivideByNonZero),
  ],
  score: [selectorNamesDefined, excludesNotEverything, on(scorePoints, pointsReadMetrics), on(scorePoints, pointsFunctionsKnown), on(scorePoints, roundingModeKnown), on(scorePoints, pointsDivideByNonZero), on(scorePoints, pointsSayWhenEmpty)],
  index: [selectorNamesDefined, excludesNotEverything, componentsAreScores, maximumAddsUp, componentsShareWindow],
  check: [dataCheckReadsFields, dataCheckFunctionsKnown, dataCheckDividesByNonZero],
};

export function runChecks(analysis: Analysis, accept: (diagnostic: Diagnostic) => void): void {
  const [entry] = analysis.files;
  for (const loaded of analysis.files) {
    const context: CheckContext = { ...analysis, file: loaded.file, accept };
    const isEntry = loaded === entry;
    if (isEntry && loaded.ast.header) runAll(registry.header, loaded.ast.header, context);
    for (const statement of loaded.ast.statements) {
      if (isEntry || isDefinition(statement)) runAll(registry[statement.kind] as readonly Check<A.Statement>[], statement, context);
    }
    if (isEntry) runAll(registry.file, loaded.ast, context);
  }
}

const runAll = <N>(checks: readonly Check<N>[], node: N, context: CheckContext): void => {
  for (const check of checks) check(node, context);
};
