/**
 * The audit log's chain. Each entry's `chain` is the SHA-256 of the previous entry's chain and of the
 * entry itself, so changing, removing or reordering any entry breaks every chain after it, which
 * `verifyChain` finds. The first entry chains from the empty string.
 */
import { createHash } from "node:crypto";

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  /** The token's id (never the token), or `cli` for a command run on the server. */
  readonly actor: string;
  readonly action: string;
  /** What was changed: `so-y-te/2022-11` for a report, a token's id for a token. */
  readonly subject: string;
  /** The hash of the value before and after, null where there was none. */
  readonly previous: string | null;
  readonly next: string | null;
}

export interface ChainedEntry extends AuditEntry {
  readonly chain: string;
}

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

export function chainOf(before: string, e: AuditEntry): string {
  return sha256(`${before}\n${JSON.stringify([e.seq, e.at, e.actor, e.action, e.subject, e.previous, e.next])}`);
}

export type ChainProblem = { readonly kind: "changed"; readonly seq: number } | { readonly kind: "gap"; readonly after: number; readonly seq: number };

/** The first entry that does not follow from the ones before it, if any. */
export function verifyChain(entries: readonly ChainedEntry[]): ChainProblem | undefined {
  let before = "";
  let seq = 0;
  for (const e of entries) {
    if (e.seq !== seq + 1) return { kind: "gap", after: seq, seq: e.seq };
    if (chainOf(before, e) !== e.chain) return { kind: "changed", seq: e.seq };
    [before, seq] = [e.chain, e.seq];
  }
  return undefined;
}
