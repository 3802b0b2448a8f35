/**
 * Checks across the policies checked together: a policy that supersedes another must take over the
 * day after the old one ends, no sooner (both would be in force) and no later (none would be).
 * Policies that do not supersede one another are not compared: a folder holds many provinces'.
 */
import { problem, type Diagnostic, type Place } from "../diagnostics/diagnostic.js";
import type { TimeOverlap } from "../diagnostics/messages.js";
import type * as M from "../model/policy.js";
import type { Header } from "../syntax/ast.js";
import { parse } from "../syntax/parse.js";
import { addDays } from "../time/calendar.js";
import type { Span } from "../text/span.js";

/** A checked policy and the text of its file, as `compile` gives them. */
export interface CheckedPolicy {
  readonly policy: M.Policy | undefined;
  readonly sources: ReadonlyMap<string, string>;
}

interface Dated {
  readonly policy: M.Policy;
  readonly header: Header | undefined;
}

const AT = { offset: 0, line: 1, column: 1 };
const START: Span = { start: AT, end: AT };

export function checkTimeline(results: readonly CheckedPolicy[]): Diagnostic[] {
  const dated = results.flatMap((r): Dated[] => (r.policy ? [{ policy: r.policy, header: headerOf(r.policy.file, r.sources) }] : []));
  const byId = new Map<string, Dated>();
  for (const d of dated) if (!byId.has(d.policy.id)) byId.set(d.policy.id, d);
  const firstSuccessor = new Map<string, Dated>();
  const found: Diagnostic[] = [];
  for (const later of dated) {
    const earlier = later.policy.supersedes === undefined ? undefined : byId.get(later.policy.supersedes);
    if (!earlier || earlier === later) continue;
    const other = firstSuccessor.get(earlier.policy.id);
    if (other) found.push(overlap(earlier, later, { kind: "same-predecessor", other: other.policy.id }, other));
    else firstSuccessor.set(earlier.policy.id, later);
    const problem = other ? undefined : inTime(earlier, later);
    if (problem) found.push(problem);
  }
  return found;
}

/** The header as written, for the places diagnostics point at; the policy itself says what they mean. */
function headerOf(file: string, sources: ReadonlyMap<string, string>): Header | undefined {
  const text = sources.get(file);
  return text === undefined ? undefined : parse(text, file).ast?.header;
}

function inTime(earlier: Dated, later: Dated): Diagnostic | undefined {
  const [old, now] = [earlier.policy, later.policy];
  if (!now.effective) return problem("timeline-undated", now.file, supersedesSpan(later), { policy: now.id, supersedes: old.id });
  if (!old.effective) return undefined;
  const starts = now.effective.from;
  if (starts <= old.effective.from) return overlap(earlier, later, { kind: "before-start", from: starts, start: old.effective.from });
  const ends = old.effective.until;
  if (ends === undefined) return undefined;
  if (ends >= starts) return overlap(earlier, later, { kind: "still-in-force", from: starts, until: ends });
  if (addDays(ends, 1) < starts) {
    const args = { earlier: old.id, later: now.id, from: addDays(ends, 1), until: addDays(starts, -1) };
    return problem("timeline-gap", now.file, effectiveSpan(later), args, [periodOf(earlier)]);
  }
  return undefined;
}

function overlap(earlier: Dated, later: Dated, what: TimeOverlap, other?: Dated): Diagnostic {
  const at = what.kind === "same-predecessor" ? supersedesSpan(later) : effectiveSpan(later);
  const related = other ? { file: other.policy.file, span: supersedesSpan(other) } : periodOf(earlier);
  return problem("timeline-overlap", later.policy.file, at, { earlier: earlier.policy.id, later: later.policy.id, overlap: what }, [related]);
}

const supersedesSpan = (d: Dated): Span => d.header?.supersedes?.span ?? d.header?.id.span ?? START;
const effectiveSpan = (d: Dated): Span => d.header?.effective?.span ?? supersedesSpan(d);
const periodOf = (d: Dated): Place => ({ file: d.policy.file, span: d.header?.effective?.span ?? d.header?.id.span ?? START });
