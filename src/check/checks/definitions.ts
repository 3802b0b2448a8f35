/** Checks on tiers, tags, units, fields and metrics, in the entry file and every file it imports. */
import { problem } from "../../diagnostics/diagnostic.js";
import type { MetricDeclaration, UnitDeclaration } from "../../syntax/ast.js";
import { requireDefined, type Check, type CheckContext } from "../context.js";
import { definitionOf, type Definition } from "../symbols.js";

/** A second definition of an id, pointing back at the first. */
export const definedOnce: Check<Definition> = (declaration, context) => {
  const first = definitionOf(context.symbols, declaration);
  if (!first || first.declaration === declaration) return;
  context.accept(
    problem("duplicate-id", context.file, declaration.id.span, { kind: declaration.kind, id: declaration.id.text }, [
      { file: first.file, span: first.declaration.id.span },
    ]),
  );
};

// A second definition is already an error of its own; only the one in force is looked into.
const inForce = (declaration: Definition, context: CheckContext): boolean =>
  definitionOf(context.symbols, declaration)?.declaration === declaration;

export const unitTierDefined: Check<UnitDeclaration> = (unit, context) => {
  if (inForce(unit, context)) requireDefined("tier", unit.tier, context);
};

export const unitTagsDefined: Check<UnitDeclaration> = (unit, context) => {
  if (inForce(unit, context)) for (const tag of unit.tags) requireDefined("tag", tag, context);
};

export const metricFieldsDefined: Check<MetricDeclaration> = (metric, context) => {
  if (!inForce(metric, context)) return;
  requireDefined("field", metric.numerator, context);
  requireDefined("field", metric.denominator, context);
};

/** A rate of a field over itself is always 100%. */
export const metricFieldsDiffer: Check<MetricDeclaration> = (metric, context) => {
  if (!inForce(metric, context) || metric.numerator.text !== metric.denominator.text) return;
  context.accept(problem("same-fields", context.file, metric.denominator.span, { metric: metric.id.text, field: metric.numerator.text }));
};
