/**
 * The typed syntax tree of one policy file. Every node carries its span; equality of two trees is
 * meant to ignore spans (see `withoutSpans`), so English and Vietnamese spellings, or a file and its
 * formatted copy, compare equal.
 */
import type { Rational } from "../number/rational.js";
import type { IsoDate } from "../time/calendar.js";
import type { Span } from "../text/span.js";

interface Node {
  readonly span: Span;
}

/** An id as written at one place: a definition or a reference. */
export interface Name extends Node {
  readonly text: string;
}

export interface Text extends Node {
  readonly value: string;
}

/** A calendar date; `date` is null when the text names no real day (reported when parsed). */
export interface DateValue extends Node {
  readonly date: IsoDate | null;
}

/** A percentage in percentage points: `48,6%` is 48.6. */
export interface Percent extends Node {
  readonly points: Rational;
}

export type Comparison = ">=" | ">" | "<=" | "<";

export interface ComparisonNode extends Node {
  readonly op: Comparison;
}

export interface PolicyFile extends Node {
  readonly kind: "file";
  readonly header: Header | undefined;
  readonly statements: readonly Statement[];
}

export interface Header extends Node {
  readonly id: Name;
  readonly title: Text | undefined;
  readonly decision: LegalBasis | undefined;
  readonly effective: EffectivePeriod | undefined;
  readonly supersedes: Name | undefined;
}

export interface LegalBasis extends Node {
  readonly number: Text;
  readonly date: DateValue | undefined;
  readonly issuer: Text | undefined;
}

export interface EffectivePeriod extends Node {
  readonly from: DateValue;
  readonly until: DateValue | undefined;
}

export type Statement =
  | ImportFile
  | TierDeclaration
  | TagDeclaration
  | UnitDeclaration
  | FieldDeclaration
  | MetricDeclaration
  | TargetDeclaration
  | ScoreDeclaration
  | IndexDeclaration
  | DataCheck;

export interface ImportFile extends Node {
  readonly kind: "import";
  readonly path: Text;
}

interface Declaration extends Node {
  readonly id: Name;
  readonly title: Text | undefined;
}

export interface TierDeclaration extends Declaration {
  readonly kind: "tier";
}

export interface TagDeclaration extends Declaration {
  readonly kind: "tag";
}

export interface UnitDeclaration extends Declaration {
  readonly kind: "unit";
  readonly tier: Name;
  readonly tags: readonly Name[];
}

export interface FieldDeclaration extends Declaration {
  readonly kind: "field";
  /** Other headings a data file may give the field's column, as units' workbooks head it. */
  readonly columns: readonly Text[];
}

export interface MetricDeclaration extends Declaration {
  readonly kind: "metric";
  readonly numerator: Name;
  readonly denominator: Name;
  readonly window: Window;
  /** `complete`: a window that lacks a month the unit should have reported is not judged. */
  readonly complete: boolean;
}

/** The months whose counts are summed for a milestone. */
export type Window =
  | { readonly kind: "month" }
  | { readonly kind: "quarter" }
  | { readonly kind: "year-to-date" }
  | { readonly kind: "since-start" }
  | { readonly kind: "rolling"; readonly months: number };

export interface TargetDeclaration extends Declaration {
  readonly kind: "target";
  readonly selector: Selector;
  readonly schedule: readonly ScheduleClause[];
  /** Points the target gives, computed from its metric: `score = if rate >= 80% then 2 else 1.6`. */
  readonly points: Points | undefined;
}

export interface Selector extends Node {
  readonly include: readonly SelectorItem[];
  readonly exclude: readonly SelectorItem[];
}

export type SelectorItem =
  | (Node & { readonly kind: "all" })
  | (Node & { readonly kind: "tier" | "tag" | "unit"; readonly id: Name });

export type ScheduleClause = MilestoneClause | StepClause;

/** `from`, `by` and `in` all set a threshold on a date; they differ only in how they read. */
export interface MilestoneClause extends Node {
  readonly kind: "milestone";
  readonly anchor: "from" | "by" | "in";
  /** For `in 2024`, the last day of that year. */
  readonly date: DateValue;
  readonly metric: Name | undefined;
  readonly comparison: ComparisonNode;
  readonly value: Percent;
}

export interface StepClause extends Node {
  readonly kind: "step";
  readonly period: Period;
  /** Signed percentage points added at each step; absent for a target held every period. */
  readonly increment: Percent | undefined;
}

export interface Period {
  readonly unit: "month" | "week";
  readonly count: number;
}

export interface ScoreDeclaration extends Declaration {
  readonly kind: "score";
  readonly selector: Selector;
  /** The months summed, ending with the last complete one; absent: each metric's own window. */
  readonly window: ScoreWindow | undefined;
  /** The most points it gives (`out of 20`), as an index adds its components up to its own. */
  readonly maximum: Maximum | undefined;
  readonly points: Points;
}

export interface ScoreWindow extends Node {
  readonly kind: "month" | "quarter" | "year-to-date";
}

export interface Maximum extends Node {
  readonly value: Rational;
}

/** Scores summed into a total out of `maximum`, ranked per tier: Decision 766's index. */
export interface IndexDeclaration extends Declaration {
  readonly kind: "index";
  readonly selector: Selector;
  readonly maximum: Maximum;
  readonly components: readonly Name[];
}

export interface Points extends Node {
  readonly formula: Expression;
  /** The points when a metric in the formula has no denominator; 0 when not said. */
  readonly whenEmpty: Expression | undefined;
  readonly rounding: Rounding | undefined;
}

export interface Rounding extends Node {
  readonly decimals: number;
  readonly mode: Name | undefined;
}

export interface DataCheck extends Node {
  readonly kind: "check";
  readonly left: Expression;
  readonly op: "=" | Comparison;
  readonly right: Expression;
}

export type Expression =
  | (Node & { readonly kind: "number"; readonly value: Rational })
  /** `written` keeps a decimal comma's spelling (`2,80%`), which a call's arguments make ambiguous. */
  | (Node & { readonly kind: "percent"; readonly points: Rational; readonly written?: string })
  | (Node & { readonly kind: "ref"; readonly name: Name })
  | (Node & { readonly kind: "negate"; readonly operand: Expression })
  | (Node & {
      readonly kind: "binary";
      readonly op: "+" | "-" | "*" | "/";
      readonly left: Expression;
      readonly right: Expression;
    })
  | (Node & { readonly kind: "call"; readonly function: Name; readonly arguments: readonly Expression[] })
  /** `(term when empty value)`: the term's own value when it divides by zero (a metric without a denominator). */
  | (Node & { readonly kind: "when-empty"; readonly term: Expression; readonly value: Expression })
  | (Node & {
      readonly kind: "if";
      readonly left: Expression;
      readonly comparison: Comparison;
      readonly right: Expression;
      readonly then: Expression;
      readonly else: Expression;
    });

/** The tree with every span and spelling (`written`) removed, for comparing trees by meaning. */
export function withoutSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSpans);
  if (node === null || typeof node !== "object") return node;
  if (isRational(node)) return node;
  // fromEntries defines each key: assigning would make a `__proto__` key (JSON given to the API) the prototype.
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== "span" && key !== "written").map(([key, value]) => [key, withoutSpans(value)]));
}

const isRational = (value: object): boolean => "num" in value && "den" in value;
