/**
 * A more specific target replaces a general one for its units from its first milestone on, not
 * before: when it starts later, its units have no threshold between the two starts (the coverage
 * property finds them on a registry; this finds them in the policy alone).
 *
 * Which units a pair of targets shares is worked out on representative units, not on pairs of
 * selectors: every unit the policy declares, and for each tier a unit with no tag and a unit with
 * each one tag the metric's targets name. The fewest tags match the fewest exclusions and the
 * fewest more specific targets, so a gap that some unit has, one of these has.
 */
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Subjects } from "../diagnostics/messages.js";
import type * as M from "../model/policy.js";
import { select, type UnitFacts } from "../model/selector.js";
import type { TargetDeclaration } from "../syntax/ast.js";
import { addDays, type IsoDate } from "../time/calendar.js";

/** A target whose metric and first milestone are known. */
export interface StartingTarget {
  readonly declaration: TargetDeclaration;
  readonly metric: string;
  readonly selector: M.Selector;
  readonly start: IsoDate;
  readonly file: string;
}

export interface KnownUnits {
  readonly tiers: readonly string[];
  /** Units the policy declares: a target may name them, and their tags come together. */
  readonly units: readonly UnitFacts[];
}

/** No declared tier or unit has this id: a unit of no particular tier, or not declared. */
const ANY = "\u0000";

export function findLaterStarts(targets: readonly StartingTarget[], known: KnownUnits): Diagnostic[] {
  const byMetric = new Map<string, StartingTarget[]>();
  for (const t of targets) byMetric.set(t.metric, [...(byMetric.get(t.metric) ?? []), t]);
  const found: Diagnostic[] = [];
  for (const group of byMetric.values()) {
    // Targets that all start together leave no gap: the common case costs one pass.
    if (new Set(group.map((t) => t.start)).size > 1) found.push(...laterStartsOfMetric(group, known));
  }
  return found;
}

interface Gap {
  readonly later: StartingTarget;
  readonly earlier: StartingTarget;
  readonly unit: Candidate;
}

interface Candidate {
  readonly facts: UnitFacts;
  readonly subjects: Subjects;
}

function laterStartsOfMetric(targets: readonly StartingTarget[], known: KnownUnits): Diagnostic[] {
  const gaps = new Map<StartingTarget, Gap>();
  for (const unit of candidates(targets, known)) {
    const gap = gapFor(targets, unit);
    const before = gap && gaps.get(gap.later);
    // Per later target, the overridden target that starts first: the longest gap, the clearest fix.
    if (gap && (!before || gap.earlier.start < before.earlier.start)) gaps.set(gap.later, gap);
  }
  return targets.flatMap((t) => {
    const gap = gaps.get(t);
    return gap ? [diagnosticOf(gap)] : [];
  });
}

function candidates(targets: readonly StartingTarget[], known: KnownUnits): Candidate[] {
  const tags = [...new Set(targets.flatMap((t) => t.selector.include.flatMap((i) => (i.kind === "tag" ? [i.id] : []))))].sort();
  const tiers = known.tiers.length > 0 ? known.tiers : [ANY];
  const generic = tiers.flatMap((tier) =>
    [undefined, ...tags].map((tag): Candidate => ({
      facts: { id: ANY, tier, tags: tag === undefined ? [] : [tag] },
      subjects: { ...(tier === ANY ? {} : { tier }), ...(tag === undefined ? {} : { tag }) },
    })),
  );
  return [...known.units.map((facts): Candidate => ({ facts, subjects: { unit: facts.id } })), ...generic];
}

/** The target that decides for the unit, and the first-starting target it overrides that starts before it. */
function gapFor(targets: readonly StartingTarget[], unit: Candidate): Gap | undefined {
  let top = -1;
  let winners: StartingTarget[] = [];
  const selected: { target: StartingTarget; specificity: number }[] = [];
  for (const target of targets) {
    const selection = select(target.selector, unit.facts);
    if (selection.kind !== "selected") continue;
    selected.push({ target, specificity: selection.specificity });
    if (selection.specificity > top) [top, winners] = [selection.specificity, [target]];
    else if (selection.specificity === top) winners.push(target);
  }
  const [later] = winners;
  // Two equally specific targets are a conflict, reported as one.
  if (!later || winners.length > 1) return undefined;
  const earlier = selected
    .filter((s) => s.specificity < top && s.target.start < later.start)
    .map((s) => s.target)
    .reduce<StartingTarget | undefined>((first, t) => (first === undefined || t.start < first.start ? t : first), undefined);
  return earlier && { later, earlier, unit };
}

function diagnosticOf({ later, earlier, unit }: Gap): Diagnostic {
  const first = later.declaration.schedule.find((c) => c.kind === "milestone");
  return problem(
    "later-start",
    later.file,
    first?.date.span ?? later.declaration.id.span,
    { later: later.declaration.id.text, earlier: earlier.declaration.id.text, metric: later.metric, starts: later.start, from: earlier.start, until: addDays(later.start, -1), units: unit.subjects },
    [{ file: earlier.file, span: earlier.declaration.id.span }],
  );
}
