/**
 * Every sum chitieu takes of a field (a unit's window, a running sum, a group's total) adds some of
 * the data set's rows of that field, and counts are never negative: so while each field's total
 * over all the rows used stays a safe integer, every one of those sums is exact in doubles. A row
 * that would carry a total past it is refused here, once, instead of rounding somewhere later.
 */
import { issueText, type IssueText } from "./issue-words.js";
import type { DataIssue, Observation } from "./types.js";

/** Per field, what the rows used so far add up to; `admit` says whether one more row keeps every total exact. */
export class FieldTotals {
  private readonly totals: Float64Array;
  constructor(private readonly fields: readonly string[]) {
    this.totals = new Float64Array(fields.length);
  }

  /**
   * Adds the row's counts (by field, NaN where not reported), or leaves the totals as they were and
   * returns why the row is refused; `observation` words the refusal.
   */
  admit(row: Float64Array, observation: () => Observation): DataIssue | undefined {
    const { fields, totals } = this;
    for (let f = 0; f < fields.length; f++) {
      if (totals[f]! + (row[f]! || 0) > Number.MAX_SAFE_INTEGER) return refusal(observation(), fields[f]!);
    }
    // Both sides are safe integers and their sum is at most the limit, so each addition is exact.
    for (let f = 0; f < fields.length; f++) totals[f]! += row[f]! || 0;
    return undefined;
  }
}

// The comparison above is right though the sum may round: a sum past the limit is at least 2^53,
// which doubles hold, so it cannot round down to the limit or below.

function refusal(observation: Observation, field: string): DataIssue {
  const text: IssueText = { kind: "sum-too-large", field, limit: Number.MAX_SAFE_INTEGER };
  return { code: "sum-too-large", file: observation.source.file, line: observation.source.line, column: field, message: issueText("en", text), rejected: true, args: text };
}
