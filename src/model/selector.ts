/**
 * Which targets apply to a unit. The most specific selector wins: a unit named by id over a tag,
 * a tag over a tier, a tier over `all`. Two targets equally specific for one unit and metric are
 * a conflict the policy must resolve.
 */
import type { Selector, SelectorItem, Target } from "./policy.js";

/** What a selector needs to know of a unit. */
export interface UnitFacts {
  readonly id: string;
  readonly tier: string;
  readonly tags: readonly string[];
}

const SPECIFICITY = { all: 0, tier: 1, tag: 2, unit: 3 } as const;

export function itemMatches(item: SelectorItem, unit: UnitFacts): boolean {
  switch (item.kind) {
    case "all":
      return true;
    case "tier":
      return unit.tier === item.id;
    case "tag":
      return unit.tags.includes(item.id);
    case "unit":
      return unit.id === item.id;
  }
}

export type Selection =
  | { readonly kind: "selected"; readonly specificity: number }
  | { readonly kind: "excluded" }
  | { readonly kind: "not-selected" };

export const select = (selector: Selector, unit: UnitFacts): Selection => selectWhere(selector, (item) => itemMatches(item, unit));

/** `select` for a caller that knows faster which items a unit matches, such as by a set of its tags. */
export function selectWhere(selector: Selector, matches: (item: SelectorItem) => boolean): Selection {
  const matched = selector.include.filter(matches);
  if (matched.length === 0) return { kind: "not-selected" };
  if (selector.exclude.some(matches)) return { kind: "excluded" };
  return { kind: "selected", specificity: Math.max(...matched.map((item) => SPECIFICITY[item.kind])) };
}

export type Resolution =
  | { readonly kind: "applies"; readonly target: Target; readonly overrides: readonly Target[] }
  | { readonly kind: "conflict"; readonly targets: readonly Target[] }
  | { readonly kind: "excluded"; readonly by: readonly Target[] }
  | { readonly kind: "none" };

/** The target for one unit among the targets of one metric. */
export function resolveTarget(targets: readonly Target[], unit: UnitFacts): Resolution {
  const selected: { target: Target; specificity: number }[] = [];
  const excludedBy: Target[] = [];
  for (const target of targets) {
    const selection = select(target.selector, unit);
    if (selection.kind === "selected") selected.push({ target, specificity: selection.specificity });
    else if (selection.kind === "excluded") excludedBy.push(target);
  }
  if (selected.length === 0) return excludedBy.length > 0 ? { kind: "excluded", by: excludedBy } : { kind: "none" };
  const top = Math.max(...selected.map((s) => s.specificity));
  const winners = selected.filter((s) => s.specificity === top).map((s) => s.target);
  const [winner, ...others] = winners;
  if (winner === undefined || others.length > 0) return { kind: "conflict", targets: winners };
  return { kind: "applies", target: winner, overrides: selected.filter((s) => s.specificity < top).map((s) => s.target) };
}
