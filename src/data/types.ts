/**
 * What units report, once validated: the registry of units and their counts per period. Everything
 * here has passed the zod schemas at the edge; the evaluator trusts it and re-checks nothing.
 */
import type { IsoDate } from "../time/calendar.js";
import type { IssueArgs } from "./issue-words.js";

/** A month as a single number, `year * 12 + (month - 1)`, so windows are ranges of integers. */
export type MonthIndex = number;

/** A reporting period as the months it covers: `2022-10` is one month, `2022-Q3` three, `2022` twelve. */
export interface Period {
  readonly text: string;
  readonly from: MonthIndex;
  readonly to: MonthIndex;
}

export interface RegistryUnit {
  readonly id: string;
  readonly name: string;
  readonly tier: string;
  readonly parent: string | undefined;
  readonly tags: readonly string[];
  /** The unit exists from this date (inclusive); undefined: always has. */
  readonly validFrom: IsoDate | undefined;
  /** The unit exists until this date (inclusive); undefined: still does. */
  readonly validTo: IsoDate | undefined;
}

/** A unit merged into another on a date (Resolution 202/2025: districts abolished, communes merged). */
export interface Merge {
  readonly id: string;
  readonly successor: string;
  readonly date: IsoDate;
}

export interface Registry {
  readonly units: readonly RegistryUnit[];
  readonly merges: readonly Merge[];
}

/** Where a row came from, for every message about it. Lines are 1-based, counting the header. */
export interface RowSource {
  readonly file: string;
  readonly line: number;
}

export interface Observation {
  readonly unit: string;
  readonly period: Period;
  /** Whole non-negative counts by field id; a field the row leaves empty is absent. */
  readonly counts: ReadonlyMap<string, number>;
  readonly source: RowSource;
}

export type DataIssueCode =
  | "bad-row"
  | "unknown-unit"
  | "unknown-field"
  | "unknown-column"
  | "bad-period"
  | "bad-count"
  | "empty-count"
  | "missing-column"
  | "unknown-tier"
  | "outside-validity"
  | "no-usable-row"
  | "duplicate-row"
  | "numerator-above-denominator"
  | "failed-check"
  | "sum-too-large"
  | "merge-unknown-unit"
  /** A caller of the library passed something that is not of the argument's type. */
  | "bad-argument";

/** A problem with one input row: rejected rows are not used; others are used and flagged. */
export interface DataIssue {
  readonly code: DataIssueCode;
  readonly file: string;
  readonly line: number;
  /** The column (header name) at fault, when one is. */
  readonly column: string | undefined;
  /** In English; `localizeIssue` words it in another language from `args`. */
  readonly message: string;
  readonly rejected: boolean;
  /** The ids, values and places the message is made of (see src/data/issue-words.ts). */
  readonly args?: IssueArgs;
}

export interface RowCounts {
  readonly read: number;
  readonly used: number;
  readonly rejected: number;
}
