/**
 * Two targets for one metric that are equally specific for some unit leave that unit with two
 * thresholds. Found without a registry when both name the same tier, tag, unit or `all`, or when
 * a unit the policy declares falls under both; the evaluator reports the rest per unit.
 */
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Overlap as Shared } from "../diagnostics/messages.js";
import type { SelectorItem, Target, Unit } from "../model/policy.js";
import { resolveTarget } from "../model/selector.js";
import type { TargetDeclaration } from "../syntax/ast.js";
import type { Span } from "../text/span.js";

export interface CheckedTarget {
  readonly target: Target;
  readonly declaration: TargetDeclaration;
  readonly file: string;
}

export function findConflicts(targets: readonly CheckedTarget[], units: readonly Unit[], diagnostics: Diagnostic[]): void {
  const byMetric = new Map<string, CheckedTarget[]>();
  for (const t of targets) byMetric.set(t.target.metric, [...(byMetric.get(t.target.metric) ?? []), t]);
  for (const group of byMetric.values()) {
    group.forEach((later, i) => {
      for (const earlier of group.slice(0, i)) {
        const where = sharedItem(earlier, later) ?? sharedUnit(earlier, later, units);
        if (where) diagnostics.push(conflict(earlier, later, where));
      }
    });
  }
}

const describeItem = (item: SelectorItem): Shared => (item.kind === "all" ? { kind: "all" } : { kind: item.kind, id: item.id });

interface Overlap {
  readonly what: Shared;
  readonly span: Span;
}

/** Both include the same item: the overlap is shown on the later target's copy of it. */
function sharedItem(a: CheckedTarget, b: CheckedTarget): Overlap | undefined {
  const index = b.target.selector.include.findIndex((y) => a.target.selector.include.some((x) => sameItem(x, y)));
  if (index < 0) return undefined;
  return { what: describeItem(b.target.selector.include[index]!), span: b.declaration.selector.include[index]!.span };
}

const sameItem = (x: SelectorItem, y: SelectorItem): boolean =>
  x.kind === y.kind && (x.kind === "all" || (y.kind !== "all" && x.id === y.id));

function sharedUnit(a: CheckedTarget, b: CheckedTarget, units: readonly Unit[]): Overlap | undefined {
  const unit = units.find((u) => resolveTarget([a.target, b.target], u).kind === "conflict");
  return unit && { what: { kind: "unit", id: unit.id }, span: b.declaration.selector.span };
}

function conflict(earlier: CheckedTarget, later: CheckedTarget, where: Overlap): Diagnostic {
  const metric = later.target.metric;
  return problem(
    "conflicting-rules",
    later.file,
    where.span,
    { earlier: earlier.target.id, later: later.target.id, metric, overlap: where.what },
    [{ file: earlier.file, span: earlier.declaration.id.span }],
  );
}
