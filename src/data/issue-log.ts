/**
 * Issues kept up to a cap per file and kind, the rest counted. A file of a million rejected rows
 * would otherwise hold a million issue objects and print hundreds of megabytes that nobody reads;
 * past the cap one issue says how many more there are like it and where the first of them is, and
 * the rows stay in every tally.
 */
import type { DataIssue } from "./types.js";
import { issueText, type IssueText } from "./issue-words.js";

/** Issues listed per file and code before the rest are only counted. */
export const ISSUES_LISTED = 1000;

interface Overflow {
  count: number;
  first: DataIssue;
  rejected: boolean;
}

export class IssueLog {
  private readonly kept: DataIssue[] = [];
  private readonly listed = new Map<string, number>();
  private readonly overflow = new Map<string, Overflow>();

  constructor(private readonly cap: number = ISSUES_LISTED) {}

  add(issue: DataIssue): void {
    const key = `${issue.file}\u0000${issue.code}`;
    const more = issue.args?.kind === "more-like-this" ? issue.args.count : 0;
    const listed = this.listed.get(key) ?? 0;
    if (more === 0 && listed < this.cap) {
      this.listed.set(key, listed + 1);
      this.kept.push(issue);
      return;
    }
    const seen = this.overflow.get(key);
    const count = more === 0 ? 1 : more;
    if (seen) {
      seen.count += count;
      seen.rejected ||= issue.rejected;
      if (issue.line < seen.first.line) seen.first = issue;
    } else this.overflow.set(key, { count, first: issue, rejected: issue.rejected });
  }

  addAll(issues: Iterable<DataIssue>): void {
    for (const issue of issues) this.add(issue);
  }

  /** The kept issues in the order given, then one for each file and code past the cap. */
  issues(): DataIssue[] {
    return [...this.kept, ...[...this.overflow.values()].map(summary)];
  }
}

function summary({ count, first, rejected }: Overflow): DataIssue {
  const text: IssueText = { kind: "more-like-this", count, code: first.code, from: first.args?.item ?? { where: "line", line: first.line } };
  return { code: first.code, file: first.file, line: first.line, column: undefined, message: issueText("en", text), rejected, args: text };
}

/** `issues` with at most `cap` per file and code, and a count of the rest. */
export function capped(issues: Iterable<DataIssue>, cap: number = ISSUES_LISTED): DataIssue[] {
  const log = new IssueLog(cap);
  log.addAll(issues);
  return log.issues();
}
