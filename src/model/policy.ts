/**
 * The checked model of a policy: what the checker hands to the evaluator. Names are resolved,
 * schedules expanded, and every rule remembers where it was written so results can cite it.
 */
import type { Rational, RoundingMode } from "../number/rational.js";
import type { Comparison, Expression, Period, Window } from "../syntax/ast.js";
import type { IsoDate } from "../time/calendar.js";

export type { Comparison, Expression, Period, Window };

/** A place in a policy file, as results and reports cite it. */
export interface RuleLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Tier {
  readonly id: string;
  readonly name: string;
}

export interface Tag {
  readonly id: string;
  readonly name: string;
}

export interface Unit {
  readonly id: string;
  readonly name: string;
  readonly tier: string;
  readonly tags: readonly string[];
}

export interface Field {
  readonly id: string;
  readonly name: string;
  /** Other headings a data file may give the field's column. */
  readonly columns: readonly string[];
}

export interface Metric {
  readonly id: string;
  readonly name: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly window: Window;
  /** Results over a window with unreported months are `incomplete`, not met or missed. */
  readonly complete: boolean;
}

export type SelectorItem =
  | { readonly kind: "all" }
  | { readonly kind: "tier" | "tag" | "unit"; readonly id: string };

export interface Selector {
  readonly include: readonly SelectorItem[];
  readonly exclude: readonly SelectorItem[];
}

export interface Milestone {
  readonly date: IsoDate;
  /** In percentage points: 45 means 45%. */
  readonly threshold: Rational;
  /** Written in the policy, or reached by a step from the milestone before. */
  readonly origin: "stated" | "step";
}

/**
 * Dated thresholds, strictly increasing in date. An ongoing target ("thường xuyên") also repeats
 * its last threshold every period after the last milestone, up to `until` when the policy ends.
 */
export interface Schedule {
  readonly milestones: readonly Milestone[];
  readonly repeat: { readonly period: Period; readonly until: IsoDate | undefined } | undefined;
}

export interface Target {
  readonly id: string;
  readonly name: string;
  readonly metric: string;
  readonly selector: Selector;
  readonly comparison: Comparison;
  readonly schedule: Schedule;
  /** Points the target gives, if it says. */
  readonly points: Points | undefined;
  readonly rule: RuleLocation;
}

export interface Points {
  readonly formula: Expression;
  readonly whenEmpty: Expression | undefined;
  readonly decimals: number;
  readonly rounding: RoundingMode;
}

export interface Score {
  readonly id: string;
  readonly name: string;
  readonly selector: Selector;
  /** The months summed, ending with the last complete one; undefined: each metric's own window ending with the last complete month. */
  readonly window: ScoreWindow | undefined;
  /** The most points it gives, if it says (`out of 20`). */
  readonly maximum: Rational | undefined;
  readonly points: Points;
  readonly rule: RuleLocation;
}

export type ScoreWindow = "month" | "quarter" | "year-to-date";

/** Scores summed into a total out of `maximum`, with a rank on the total per tier. */
export interface Index {
  readonly id: string;
  readonly name: string;
  readonly selector: Selector;
  readonly maximum: Rational;
  /** Score ids, in the order written. */
  readonly components: readonly string[];
  readonly rule: RuleLocation;
}

export interface DataCheck {
  readonly left: Expression;
  readonly op: "=" | Comparison;
  readonly right: Expression;
  readonly rule: RuleLocation;
}

/** What a file defines for others to import: tiers, tags, units, fields and metrics. */
export interface Definitions {
  readonly tiers: ReadonlyMap<string, Tier>;
  readonly tags: ReadonlyMap<string, Tag>;
  readonly units: ReadonlyMap<string, Unit>;
  readonly fields: ReadonlyMap<string, Field>;
  readonly metrics: ReadonlyMap<string, Metric>;
}

export interface LegalBasis {
  readonly number: string;
  readonly date: IsoDate | undefined;
  readonly issuer: string | undefined;
}

export interface Policy extends Definitions {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly basis: LegalBasis | undefined;
  readonly effective: { readonly from: IsoDate; readonly until: IsoDate | undefined } | undefined;
  readonly supersedes: string | undefined;
  readonly targets: readonly Target[];
  readonly scores: readonly Score[];
  readonly indexes: readonly Index[];
  readonly checks: readonly DataCheck[];
}
