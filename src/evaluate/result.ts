/**
 * The evaluation's JSON contract, which other services rely on. The schema is the single source of
 * the types: services can validate what they receive with it, and the tests hold every output to it.
 * Percentages are numbers in percent (65 means 65%), unrounded; dates are ISO.
 */
import "../text/jitless.js";
import { z } from "zod";
import type { IssueArgs } from "../data/issue-words.js";
import type { Reason, ScoreReason } from "./reasons.js";

/** `incomplete`: the metric requires complete windows and this unit's window lacks reported months. */
export const Status = z.enum(["met", "missed", "no-data", "no-denominator", "not-due", "excluded", "incomplete"]);
export type Status = z.infer<typeof Status>;

const Op = z.enum([">=", ">", "<=", "<"]);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Month = z.string().regex(/^\d{4}-\d{2}$/);

export const RuleRef = z.object({ file: z.string(), line: z.number().int().positive() });
export type RuleRef = z.infer<typeof RuleRef>;

export const NextMilestone = z.object({
  date: IsoDate,
  threshold: z.number(),
  /** Percentage points a month the actual must rise (or fall, for `<=`) from now to meet it. */
  risePerMonth: z.number().nullable(),
});

export const Explanation = z.object({
  /**
   * The months whose counts were summed; `months` of them the unit should have reported (those it
   * existed in: all of them for a unit without validity dates), and how many it did.
   */
  window: z.object({ from: Month, to: Month, months: z.number().int(), monthsWithData: z.number().int() }).nullable(),
  /** More general targets for the same metric that this unit's target replaced. */
  overrides: z.array(z.object({ target: z.string(), rule: RuleRef })),
  /** Why a unit has no threshold: excluded by a rule, not existing on the date, merged; in English. */
  reason: z.string().nullable(),
  /** The same reason as a value (`kind` and its ids and dates), to word it in another language (`reasonText`). */
  because: z
    .custom<Reason>((value) => typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string")
    .nullable()
    .optional(),
});

export const Result = z.object({
  unit: z.string(),
  tier: z.string(),
  metric: z.string(),
  target: z.string(),
  milestone: IsoDate.nullable(),
  op: Op,
  threshold: z.number().nullable(),
  actual: z.number().nullable(),
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  status: Status,
  /** Percentage points short of the threshold: positive when short, zero or negative when at or past it; null unless met or missed. */
  gapPoints: z.number().nullable(),
  /** The fewest cases to add (`>=`, `>`) or remove (`<=`, `<`) at the same denominator to meet the threshold; null when that cannot meet it. */
  needed: z.number().int().nonnegative().nullable(),
  score: z.number().nullable(),
  /** 1 for the best actual among the units of the tier for this target; ties share a rank. */
  rank: z.number().int().positive().nullable(),
  next: NextMilestone.nullable(),
  rule: RuleRef,
  explanation: Explanation,
  /** The policy that decided the result: present only when policies over time were evaluated together (`compileEvaluatorOverTime`). */
  policy: z.string().optional(),
});
export type Result = z.infer<typeof Result>;

export const ScoreResult = z.object({
  unit: z.string(),
  tier: z.string(),
  score: z.string(),
  points: z.number().nullable(),
  /** Among the units of the tier, by points; ties share a rank. */
  rank: z.number().int().positive().nullable(),
  rule: RuleRef,
  /** Why `points` is null, in English: a metric without data, or a zero divisor with no `when empty`; null when there are points. */
  reason: z.string().nullable(),
  /** The same reason as a value (`kind` and its metrics), to word it in another language (`scoreReasonText`). */
  because: z
    .custom<ScoreReason>((value) => typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string")
    .nullable()
    .optional(),
  /** The months summed, when the score states its window (`over quarter`); otherwise each metric's own window ending with the last complete month. */
  window: z.object({ from: Month, to: Month }).optional(),
});
export type ScoreResult = z.infer<typeof ScoreResult>;

const ScoreBecause = z
  .custom<ScoreReason>((value) => typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string")
  .nullable();

/**
 * A score for a group of the units it selects: all of them, a tier, or a parent unit's children.
 * The formula on each metric's counts summed over the group, never an average of units' points,
 * rounded as a unit's points are (2 decimals, half up, unless the score says otherwise).
 */
export const ScoreGroup = z.object({
  kind: z.enum(["all", "tier", "parent"]),
  id: z.string(),
  score: z.string(),
  points: z.number().nullable(),
  /** The units of the group the score selects. */
  units: z.number().int(),
  /** Per metric of the formula, its counts summed over the `units` of those that reported both. */
  metrics: z.array(z.object({ metric: z.string(), numerator: z.number().int(), denominator: z.number().int(), units: z.number().int() })),
  reason: z.string().nullable(),
  because: ScoreBecause,
  window: z.object({ from: Month, to: Month }).optional(),
});
export type ScoreGroup = z.infer<typeof ScoreGroup>;

const Component = z.object({ score: z.string(), points: z.number().nullable() });

/** A unit's index: its components' points as each is rounded, and their exact sum. */
export const IndexResult = z.object({
  unit: z.string(),
  tier: z.string(),
  index: z.string(),
  /** The sum of the components' points; null when one gives the unit none. */
  total: z.number().nullable(),
  maximum: z.number(),
  /** Among the units of the tier with a total, by total compared exactly; ties share a rank. */
  rank: z.number().int().positive().nullable(),
  /** How many units of the tier have a total: rank 21 of 63. */
  ranked: z.number().int().nonnegative(),
  components: z.array(Component),
  rule: RuleRef,
  reason: z.string().nullable(),
  because: ScoreBecause,
});
export type IndexResult = z.infer<typeof IndexResult>;

/** An index for a group: the sum of its components' group scores. */
export const IndexGroup = z.object({
  kind: z.enum(["all", "tier", "parent"]),
  id: z.string(),
  index: z.string(),
  total: z.number().nullable(),
  maximum: z.number(),
  components: z.array(Component),
});
export type IndexGroup = z.infer<typeof IndexGroup>;

export const Group = z.object({
  kind: z.enum(["all", "tier", "parent"]),
  id: z.string(),
  metric: z.string(),
  /** Summed over the units with data: group rates come from summed counts, never from averaging rates. */
  numerator: z.number().int(),
  denominator: z.number().int(),
  rate: z.number().nullable(),
  units: z.number().int(),
  met: z.number().int(),
  missed: z.number().int(),
  noData: z.number().int(),
  noDenominator: z.number().int(),
  notDue: z.number().int(),
  excluded: z.number().int(),
  incomplete: z.number().int(),
});
export type Group = z.infer<typeof Group>;

export const DataIssue = z.object({
  code: z.string(),
  file: z.string(),
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
  rejected: z.boolean(),
  /** What the message is made of (names, values, the suggestion), for wording it in another language. */
  args: z.custom<IssueArgs>((value) => typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string").optional(),
});

export const FileRows = z.object({
  file: z.string(),
  role: z.enum(["units", "merges", "data"]),
  read: z.number().int(),
  used: z.number().int(),
  rejected: z.number().int(),
});

export const Evaluation = z.object({
  policy: z.string(),
  asOf: IsoDate,
  results: z.array(Result),
  scores: z.array(ScoreResult),
  /** Present when the policy has scores. */
  scoreGroups: z.array(ScoreGroup).optional(),
  /** Present when the policy has an index. */
  indexes: z.array(IndexResult).optional(),
  indexGroups: z.array(IndexGroup).optional(),
  groups: z.array(Group),
  dataIssues: z.array(DataIssue),
  rows: z.object({ read: z.number().int(), used: z.number().int(), rejected: z.number().int() }),
  /** Each input file's rows; empty when the data did not come from files (see `readData`). */
  files: z.array(FileRows),
  /** Policies over time only: each policy of the line and the dates it decides (`until` null: open-ended). */
  timeline: z.array(z.object({ policy: z.string(), from: IsoDate, until: IsoDate.nullable() })).optional(),
});
export type Evaluation = z.infer<typeof Evaluation>;
