/**
 * What the checks and the builder both read off the tree, worked out once: the period the policy
 * is in effect, each target's expanded schedule, selectors and rounding modes as the model has them.
 */
import type * as M from "../model/policy.js";
import type { RoundingMode } from "../number/rational.js";
import { expandSchedule, type EffectivePeriod, type ExpandedSchedule } from "../schedule/expand.js";
import type * as A from "../syntax/ast.js";
import type { LoadedFile } from "./load.js";
import { collectSymbols, type Symbols } from "./symbols.js";

/** The files (entry first), their symbols and the facts derived from them. */
export interface Analysis {
  readonly files: readonly LoadedFile[];
  readonly symbols: Symbols;
  readonly facts: Facts;
}

export function analyse(entry: LoadedFile, files: readonly LoadedFile[]): Analysis {
  const symbols = collectSymbols(files);
  return { files, symbols, facts: new Facts(symbols, entry) };
}

export class Facts {
  readonly effective: EffectivePeriod | undefined;
  // Expanding a schedule can take a thousand steps; checks and builder share one expansion.
  private readonly expansions = new Map<A.TargetDeclaration, ExpandedSchedule>();

  constructor(
    private readonly symbols: Symbols,
    private readonly entry: LoadedFile,
  ) {
    this.effective = effectivePeriod(entry.ast.header);
  }

  schedule(target: A.TargetDeclaration): ExpandedSchedule {
    const known = this.expansions.get(target);
    if (known) return known;
    const expanded = expandSchedule(target, this.entry.file, this.effective);
    this.expansions.set(target, expanded);
    return expanded;
  }

  /** The metric a target measures, when its first milestone names one that is defined. */
  measuredMetric(target: A.TargetDeclaration): A.Name | undefined {
    const metric = this.schedule(target).metric;
    return metric && this.symbols.metric.has(metric.text) ? metric : undefined;
  }
}

/** A period that ends before it starts is reported; schedules then read it as open-ended. */
function effectivePeriod(header: A.Header | undefined): EffectivePeriod | undefined {
  const from = header?.effective?.from.date;
  if (!from) return undefined;
  const until = header?.effective?.until?.date ?? undefined;
  return { from, until: until !== undefined && until < from ? undefined : until };
}

export const selectorOf = (selector: A.Selector): M.Selector => ({ include: selector.include.map(itemOf), exclude: selector.exclude.map(itemOf) });

const itemOf = (item: A.SelectorItem): M.SelectorItem => (item.kind === "all" ? { kind: "all" } : { kind: item.kind, id: item.id.text });

export const ROUNDING_MODES: readonly RoundingMode[] = ["half-up", "half-even", "down", "up"];

export const roundingModeOf = (mode: A.Name): RoundingMode | undefined => ROUNDING_MODES.find((m) => m === mode.text);
