/**
 * Policies over time: a decision amended mid-year is a new policy that `supersedes` the old one
 * from its `effective` date. Given together, such policies form one line, and each date is in the
 * force of one of them: the latest to have taken effect, until it ends or the next one takes over.
 */
import { addDays, type IsoDate } from "../time/calendar.js";
import type { Policy } from "./policy.js";

/** A policy and the dates it decides: from its `effective` date to the day before the next takes effect, or its own end. */
export interface InForce {
  readonly policy: Policy;
  readonly from: IsoDate;
  /** The last day in force, inclusive; undefined for the latest policy of an open-ended line. */
  readonly until: IsoDate | undefined;
}

/** Why policies given together are not one line of amendments. */
export type TimelineProblem =
  | { readonly kind: "undated"; readonly policy: string }
  | { readonly kind: "unrelated"; readonly policy: string; readonly first: string }
  | { readonly kind: "same-id"; readonly policy: string };

export type Timeline = { readonly ok: true; readonly periods: readonly InForce[] } | { readonly ok: false; readonly problem: TimelineProblem };

/**
 * The line the policies make, earliest first. Every policy needs an `effective` date, and every
 * one but the earliest must supersede one of the others, so that no date is decided by a policy
 * that does not say it replaces the one before.
 */
export function timelineOf(policies: readonly Policy[]): Timeline {
  const ids = new Set<string>();
  const dated: { policy: Policy; from: IsoDate; until: IsoDate | undefined }[] = [];
  for (const policy of policies) {
    if (ids.has(policy.id)) return { ok: false, problem: { kind: "same-id", policy: policy.id } };
    ids.add(policy.id);
    if (!policy.effective) return { ok: false, problem: { kind: "undated", policy: policy.id } };
    dated.push({ policy, ...policy.effective });
  }
  dated.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const [first, ...rest] = dated;
  const unrelated = rest.find(({ policy: p }) => p.supersedes === undefined || !ids.has(p.supersedes) || p.supersedes === p.id);
  if (first && unrelated) return { ok: false, problem: { kind: "unrelated", policy: unrelated.policy.id, first: first.policy.id } };
  const periods = dated.map(({ policy, from, until }, i): InForce => {
    const next = dated[i + 1]?.from;
    const before = next === undefined ? undefined : addDays(next, -1);
    return { policy, from, until: until === undefined || (before !== undefined && before < until) ? before : until };
  });
  return { ok: true, periods };
}
