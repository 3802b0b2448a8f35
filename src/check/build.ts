/**
 * The checked model built from the tree. It relies on the checks having run: whatever they report
 * as an error leaves a placeholder here, and `compile` hands out no policy with errors.
 */
import type * as M from "../model/policy.js";
import type * as A from "../syntax/ast.js";
import type { Span } from "../text/span.js";
import { roundingModeOf, selectorOf, type Facts } from "./facts.js";
import type { LoadedFile } from "./load.js";
import type { Defined, Symbols } from "./symbols.js";

const location = (file: string, span: Span): M.RuleLocation => ({ file, line: span.start.line, column: span.start.column });
const title = (declaration: { id: A.Name; title: A.Text | undefined }): string => declaration.title?.value ?? declaration.id.text;

const table = <D, T>(entries: Map<string, Defined<D>>, build: (d: D) => T): Map<string, T> =>
  new Map([...entries].map(([id, { declaration }]) => [id, build(declaration)]));

export function buildDefinitions(symbols: Symbols): M.Definitions {
  return {
    tiers: table(symbols.tier, (d) => ({ id: d.id.text, name: title(d) })),
    tags: table(symbols.tag, (d) => ({ id: d.id.text, name: title(d) })),
    fields: table(symbols.field, (d) => ({ id: d.id.text, name: title(d), columns: d.columns.map((c) => c.value) })),
    units: table(symbols.unit, (d) => ({ id: d.id.text, name: title(d), tier: d.tier.text, tags: d.tags.map((t) => t.text) })),
    metrics: table(symbols.metric, (d) => ({
      id: d.id.text,
      name: title(d),
      numerator: d.numerator.text,
      denominator: d.denominator.text,
      window: d.window,
      complete: d.complete,
    })),
  };
}

/** The policy of the entry file; none for a file without a header, which only defines. */
export function buildPolicy({ file, ast }: LoadedFile, definitions: M.Definitions, facts: Facts): M.Policy | undefined {
  const header = ast.header;
  if (!header) return undefined;
  return {
    ...definitions,
    id: header.id.text,
    title: header.title?.value ?? header.id.text,
    file,
    basis: header.decision && {
      number: header.decision.number.value,
      date: header.decision.date?.date ?? undefined,
      issuer: header.decision.issuer?.value,
    },
    effective: facts.effective,
    supersedes: header.supersedes?.text,
    targets: ast.statements.flatMap((s) => (s.kind === "target" ? target(s, file, facts) : [])),
    scores: ast.statements.flatMap((s) => (s.kind === "score" ? [score(s, file)] : [])),
    indexes: ast.statements.flatMap((s) => (s.kind === "index" ? [index(s, file)] : [])),
    checks: ast.statements.flatMap((s) => (s.kind === "check" ? [{ left: s.left, op: s.op, right: s.right, rule: location(file, s.span) }] : [])),
  };
}

/** A target whose metric is not defined has no place in the model; the check reported it. */
function target(d: A.TargetDeclaration, file: string, facts: Facts): M.Target[] {
  const metric = facts.measuredMetric(d);
  if (!metric) return [];
  const expanded = facts.schedule(d);
  return [
    {
      id: d.id.text,
      name: title(d),
      metric: metric.text,
      selector: selectorOf(d.selector),
      comparison: expanded.comparison,
      schedule: expanded.schedule,
      points: d.points && points(d.points),
      rule: location(file, d.span),
    },
  ];
}

const score = (d: A.ScoreDeclaration, file: string): M.Score => ({
  id: d.id.text,
  name: title(d),
  selector: selectorOf(d.selector),
  window: d.window?.kind,
  maximum: d.maximum?.value,
  points: points(d.points),
  rule: location(file, d.span),
});

const index = (d: A.IndexDeclaration, file: string): M.Index => ({
  id: d.id.text,
  name: title(d),
  selector: selectorOf(d.selector),
  maximum: d.maximum.value,
  components: d.components.map((c) => c.text),
  rule: location(file, d.span),
});

const points = (d: A.Points): M.Points => ({
  formula: d.formula,
  whenEmpty: d.whenEmpty,
  decimals: d.rounding?.decimals ?? 2,
  rounding: (d.rounding?.mode && roundingModeOf(d.rounding.mode)) ?? "half-up",
});
