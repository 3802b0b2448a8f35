/**
 * Two targets for one metric that are equally specific for some unit leave that unit with two
 * thresholds. Found without a registry when both name the same tier, tag, unit or `all`, or when
 * a unit the policy declares falls under both; the evaluator reports the rest per unit.
 *
 * Each target is reported once, against the first target before it that it clashes with, and says
 * how many more before it name the same item: a thousand targets `for all` read as 999 findings,
 * not half a million. Found by grouping targets per item and per declared unit, never by pairs,
 * so the work grows with the policy, not with its square.
 */
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Overlap as Shared } from "../diagnostics/messages.js";
import { itemMatches, selectWhere, type UnitFacts } from "../model/selector.js";
import type * as M from "../model/policy.js";
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
  for (const t of targets) {
    const group = byMetric.get(t.metric);
    if (group) group.push(t);
    else byMetric.set(t.metric, [t]);
  }
  const found: Diagnostic[] = [];
  for (const group of byMetric.values()) for (const d of conflictsOfMetric(group, units)) found.push(d);
  return found;
}

/** Where a target clashes with the first one before it that it clashes with. */
interface Clash {
  readonly earlier: number;
  readonly what: Shared;
  readonly span: Span;
  /** Further targets before it naming the same item; not counted for a clash found in a unit. */
  readonly others?: number;
}

function conflictsOfMetric(targets: readonly MeasuredTarget[], units: readonly UnitFacts[]): Diagnostic[] {
  const throughItems = clashesOnItems(targets);
  const throughUnits = clashesInUnits(targets, units, throughItems);
  const found: Diagnostic[] = [];
  targets.forEach((later, i) => {
    const [onItem, inUnit] = [throughItems[i], throughUnits[i]];
    // A shared item is named in both targets, so it is the clearer reason when it involves the same earlier target.
    const clash = onItem && (!inUnit || onItem.earlier <= inUnit.earlier) ? onItem : inUnit;
    const earlier = clash && targets[clash.earlier];
    if (clash && earlier) found.push(conflict(earlier, later, clash));
  });
  return found;
}

const keyOf = (item: SelectorItem): string => (item.kind === "all" ? "all" : `${item.kind} ${item.id.text}`);

const describeItem = (item: SelectorItem): Shared => (item.kind === "all" ? { kind: "all" } : { kind: item.kind, id: item.id.text });

/**
 * Per target, the first earlier target including one of its items, in one pass over the targets
 * with, per item, the targets seen so far that include it.
 */
function clashesOnItems(targets: readonly MeasuredTarget[]): (Clash | undefined)[] {
  const holders = new Map<string, number[]>();
  return targets.map((target, later) => {
    const items = target.declaration.selector.include;
    const clash = firstOnItems(items, holders);
    for (const item of items) remember(holders, keyOf(item), later);
    return clash;
  });
}

function firstOnItems(items: readonly SelectorItem[], holders: ReadonlyMap<string, readonly number[]>): Clash | undefined {
  const before = items.map((item) => holders.get(keyOf(item)) ?? []);
  const earlier = smallest(before.flatMap((list) => list.slice(0, 1)));
  // The first item of this target that the earlier one includes, as comparing the two would show it.
  const at = before.findIndex((list) => list[0] === earlier);
  const [item, list] = [items[at], before[at]];
  return earlier === undefined || !item || !list ? undefined : { earlier, what: describeItem(item), span: item.span, others: list.length - 1 };
}

/** Without spreading into Math.min, which a selector of a million items would overflow. */
const smallest = (numbers: readonly number[]): number | undefined =>
  numbers.reduce<number | undefined>((least, n) => (least === undefined || n < least ? n : least), undefined);

/** Adds `index` once, however often a selector repeats the item. */
function remember<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (!list) lists.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

interface Selecting {
  readonly index: number;
  readonly selector: M.Selector;
}

/** A declared unit and the first target selecting it through one of its tags. */
interface UnitFirst {
  readonly index: number;
  readonly unit: Tagged;
  readonly first: number;
}

/**
 * Targets that share no item can still be equally specific for a declared unit, and only through
 * two different tags of it: equally specific through `all`, its tier or its id means both name
 * that item. So per unit, the first target selecting it through a tag; per target, among the units
 * it selects through a tag, the one whose first such target is earliest.
 */
function clashesInUnits(targets: readonly MeasuredTarget[], units: readonly UnitFacts[], onItems: readonly (Clash | undefined)[]): (Clash | undefined)[] {
  if (units.length === 0) return [];
  const selecting = targets.map((t, index): Selecting => ({ index, selector: selectorOf(t.declaration.selector) }));
  const byTag = new Map<string, Selecting[]>();
  for (const s of selecting) for (const tag of tagsOf(s.selector)) remember(byTag, tag, s);
  const firstByTag = unitsByFirstTarget(units, byTag);
  return selecting.map(({ index, selector }) => {
    // A clash on an item with an earlier target is reported instead, so only units whose first target comes before it matter.
    const found = earliestUnit(selector, onItems[index]?.earlier ?? index, firstByTag);
    const target = targets[index];
    return found && target && { earlier: found.first, what: { kind: "unit", id: found.unit.facts.id }, span: target.declaration.selector.span };
  });
}

const tagsOf = (selector: M.Selector): Set<string> => new Set(selector.include.flatMap((item) => (item.kind === "tag" ? [item.id] : [])));

const SPECIFICITY_OF_TAG = 2;

/** A declared unit with its tags in a set: a unit may have thousands, and each is looked up per target. */
interface Tagged {
  readonly facts: UnitFacts;
  readonly tags: ReadonlySet<string>;
}

const matches = (item: M.SelectorItem, { facts, tags }: Tagged): boolean => (item.kind === "tag" ? tags.has(item.id) : itemMatches(item, facts));

function throughTag(selector: M.Selector, unit: Tagged): boolean {
  const selection = selectWhere(selector, (item) => matches(item, unit));
  return selection.kind === "selected" && selection.specificity === SPECIFICITY_OF_TAG;
}

/** Per tag, the declared units having it that some target selects through a tag, earliest first target first. */
function unitsByFirstTarget(units: readonly UnitFacts[], byTag: ReadonlyMap<string, readonly Selecting[]>): Map<string, UnitFirst[]> {
  const firstByTag = new Map<string, UnitFirst[]>();
  units.forEach((facts, index) => {
    const unit: Tagged = { facts, tags: new Set(facts.tags) };
    const first = smallest([...unit.tags].flatMap((tag) => byTag.get(tag)?.find((s) => throughTag(s.selector, unit))?.index ?? []));
    if (first === undefined) return;
    for (const tag of unit.tags) remember(firstByTag, tag, { index, unit, first });
  });
  for (const list of firstByTag.values()) list.sort((a, b) => a.first - b.first || a.index - b.index);
  return firstByTag;
}

/**
 * The unit this target clashes in with the earliest target before `before`, the first declared of
 * those. Each tag's list is in that order, so the first unit the target selects in it is that
 * tag's best, and the walk stops at units whose first target is too late to matter.
 */
function earliestUnit(selector: M.Selector, before: number, firstByTag: ReadonlyMap<string, readonly UnitFirst[]>): UnitFirst | undefined {
  let best: UnitFirst | undefined;
  for (const tag of tagsOf(selector)) {
    const hit = firstSelected(selector, firstByTag.get(tag) ?? [], best ? best.first + 1 : before);
    if (hit && (!best || comesBefore(hit, best))) best = hit;
  }
  return best;
}

function firstSelected(selector: M.Selector, units: readonly UnitFirst[], before: number): UnitFirst | undefined {
  for (const u of units) {
    if (u.first >= before) return undefined;
    if (throughTag(selector, u.unit)) return u;
  }
  return undefined;
}

const comesBefore = (a: UnitFirst, b: UnitFirst): boolean => a.first < b.first || (a.first === b.first && a.index < b.index);

function conflict(earlier: MeasuredTarget, later: MeasuredTarget, clash: Clash): Diagnostic {
  const others = clash.others ? { others: clash.others } : {};
  return problem(
    "conflicting-rules",
    later.file,
    clash.span,
    { earlier: earlier.declaration.id.text, later: later.declaration.id.text, metric: later.metric, overlap: clash.what, ...others },
    [{ file: earlier.file, span: earlier.declaration.id.span }],
  );
}
