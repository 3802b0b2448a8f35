/**
 * Two targets for one metric that are equally specific for some unit leave that unit with two
 * thresholds. Found without a registry when both name the same tier, tag, unit or `all`, or when
 * a unit the policy declares falls under both; the evaluator reports the rest per unit.
 */
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Overlap as Shared } from "../diagnostics/messages.js";
import { select, type UnitFacts } from "../model/selector.js";
import type { SelectorItem, TargetDeclaration } from "../syntax/ast.js";
import type { Span } from "../text/span.js";
import { selectorOf } from "./facts.js";

/** A target whose metric is known, in the file it is written in. */
export interface MeasuredTarget {
  readonly declaration: TargetDeclaration;
  readonly metric: string;
  readonly file: string;
}

export function findConflicts(targets: readonly MeasuredTarget[], units: readonly UnitFacts[]): Diagnostic[] {
  const byMetric = new Map<string, MeasuredTarget[]>();
  for (const t of targets) byMetric.set(t.metric, [...(byMetric.get(t.metric) ?? []), t]);
  const found: Diagnostic[] = [];
  for (const group of byMetric.values()) {
    group.forEach((later, i) => {
      for (const earlier of group.slice(0, i)) {
        const where = sharedItem(earlier, later) ?? sharedUnit(earlier, later, units);
        if (where) found.push(conflict(earlier, later, where));
      }
    });
  }
  return found;
}

const describeItem = (item: SelectorItem): Shared => (item.kind === "all" ? { kind: "all" } : { kind: item.kind, id: item.id.text });

interface Overlap {
  readonly what: Shared;
  readonly span: Span;
}

/** Both include the same item: the overlap is shown on the later target's copy of it. */
function sharedItem(a: MeasuredTarget, b: MeasuredTarget): Overlap | undefined {
  const item = b.declaration.selector.include.find((y) => a.declaration.selector.include.some((x) => sameItem(x, y)));
  return item && { what: describeItem(item), span: item.span };
}

const sameItem = (x: SelectorItem, y: SelectorItem): boolean =>
  x.kind === y.kind && (x.kind === "all" || (y.kind !== "all" && x.id.text === y.id.text));

function sharedUnit(a: MeasuredTarget, b: MeasuredTarget, units: readonly UnitFacts[]): Overlap | undefined {
  const [selectorA, selectorB] = [selectorOf(a.declaration.selector), selectorOf(b.declaration.selector)];
  const unit = units.find((u) => {
    const [x, y] = [select(selectorA, u), select(selectorB, u)];
    return x.kind === "selected" && y.kind === "selected" && x.specificity === y.specificity;
  });
  return unit && { what: { kind: "unit", id: unit.id }, span: b.declaration.selector.span };
}

function conflict(earlier: MeasuredTarget, later: MeasuredTarget, where: Overlap): Diagnostic {
  return problem(
    "conflicting-rules",
    later.file,
    where.span,
    { earlier: earlier.declaration.id.text, later: later.declaration.id.text, metric: later.metric, overlap: where.what },
    [{ file: earlier.file, span: earlier.declaration.id.span }],
  );
}
