/**
 * The policy test file, `NAME.test.json` next to `NAME.ct`: a small data set, an as-of date and the
 * outcomes expected per unit. The zod schema is the single source of the format's types. Units and
 * rows written inline are validated here only for their shape; their values go through the same
 * readers as `--units` and `--data` (`readUnits`, `readObservations`), so the same rules apply.
 */
import "../text/jitless.js";
import { z } from "zod";
import type { DataIssueCode } from "../data/types.js";
import { Status } from "../evaluate/result.js";
import { parseDate, type IsoDate } from "../time/calendar.js";
import { testText, type TestText } from "./words.js";

/**
 * A problem with the file's format, in English for zod's message, with its arguments in `params`
 * so the runner can word it in Vietnamese too.
 */
function fault(ctx: z.RefinementCtx, path: PropertyKey[], text: TestText): void {
  ctx.addIssue({ code: "custom", path, message: testText("en", text), params: { text } });
}

/** `2022-10-31` or `31/10/2022`, as on the command line. */
const DateText = z.string().transform((text, ctx): IsoDate => parseDate(text) ?? (fault(ctx, [], { kind: "not-a-date", text }), z.NEVER));

const EMPTY = testText("en", { kind: "empty" });
const Id = z.string().min(1, { error: EMPTY });
const Path = z.string().min(1, { error: EMPTY });
const Paths = z.union([Path, z.array(Path).min(1)]);

/** A unit as in a registry file (`name` defaults to the id; `tags` a list or `a;b`). */
export const TestUnit = z.strictObject({
  id: Id,
  name: z.string().optional(),
  tier: Id,
  parent: z.string().optional(),
  tags: z.union([z.array(z.string()), z.string()]).optional(),
  valid_from: z.string().optional(),
  valid_to: z.string().optional(),
});
export type TestUnit = z.infer<typeof TestUnit>;

/** A row of reported counts: `unit`, `period` and one count per field, as in a JSON data file. */
const TestRowShape = z.object({ unit: Id, period: z.union([z.string(), z.number()]) }).catchall(z.union([z.number(), z.string(), z.null()]));
export type TestRow = z.infer<typeof TestRowShape>;

/**
 * The row checked against that shape but kept as written: a zod object rebuilds its output by
 * assigning keys, which would make a field called `__proto__` (legal in a policy) the row's
 * prototype instead of one of its counts.
 */
export const TestRow = z.custom<TestRow>().superRefine((row, ctx) => {
  const checked = TestRowShape.safeParse(row);
  if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue });
});

export const TestMerge = z.strictObject({ id: Id, successor: Id, date: z.string() });
export type TestMerge = z.infer<typeof TestMerge>;

/** The fields of a result an expectation may pin; `unit`, `metric` and `target` pick the result. */
export const RESULT_FIELDS = ["status", "milestone", "threshold", "actual", "numerator", "denominator", "gapPoints", "needed", "score", "rank"] as const;

/** Compared after rounding both sides to 2 decimals (half away from zero); every other number exactly. */
export const ROUNDED_FIELDS: ReadonlySet<string> = new Set(["actual", "gapPoints", "score", "points"]);

export const ResultExpectation = z
  .strictObject({
    unit: Id,
    metric: Id.optional(),
    target: Id.optional(),
    status: Status.optional(),
    milestone: DateText.nullable().optional(),
    threshold: z.number().nullable().optional(),
    actual: z.number().nullable().optional(),
    numerator: z.number().int().nullable().optional(),
    denominator: z.number().int().nullable().optional(),
    gapPoints: z.number().nullable().optional(),
    needed: z.number().int().nonnegative().nullable().optional(),
    score: z.number().nullable().optional(),
    rank: z.number().int().positive().nullable().optional(),
    /** `true`: no target of the policy selects the unit (for this metric or target): no result at all. */
    absent: z.literal(true).optional(),
  })
  .superRefine((e, ctx) => {
    const fields = RESULT_FIELDS.filter((f) => e[f] !== undefined);
    if (e.absent && fields.length > 0) fault(ctx, ["absent"], { kind: "absent-with-fields", fields });
    if (!e.absent && fields.length === 0 && (e.metric === undefined || e.target === undefined)) fault(ctx, [], { kind: "checks-nothing", fields: RESULT_FIELDS });
  });
export type ResultExpectation = z.infer<typeof ResultExpectation>;

/**
 * A unit's points under a score, or its total under an index (`score` names either); or, instead of
 * `unit`, a group's: `tier`, `parent` (the units whose parent it is) or `all: true`.
 */
export const ScoreExpectation = z
  .strictObject({
    unit: Id.optional(),
    tier: Id.optional(),
    parent: Id.optional(),
    all: z.literal(true).optional(),
    score: Id,
    points: z.number().nullable().optional(),
    rank: z.number().int().positive().nullable().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.points === undefined && e.rank === undefined) fault(ctx, [], { kind: "checks-no-score" });
    const whose = (["unit", "tier", "parent", "all"] as const).filter((key) => e[key] !== undefined);
    if (whose.length !== 1) fault(ctx, [], { kind: "score-of-whom", given: whose });
    else if (whose[0] !== "unit" && e.rank !== undefined) fault(ctx, ["rank"], { kind: "group-rank" });
  });
export type ScoreExpectation = z.infer<typeof ScoreExpectation>;

const DATA_ISSUE_CODES = [
  "bad-row",
  "unknown-unit",
  "unknown-field",
  "unknown-column",
  "bad-period",
  "bad-count",
  "empty-count",
  "missing-column",
  "unknown-tier",
  "outside-validity",
  "no-usable-row",
  "duplicate-row",
  "numerator-above-denominator",
  "failed-check",
  "sum-too-large",
  "merge-unknown-unit",
  "bad-argument",
] as const satisfies readonly DataIssueCode[];
// Fails to compile when types.ts gains a code this list lacks: the list is the zod enum of test files.
type MissingCode = Exclude<DataIssueCode, (typeof DATA_ISSUE_CODES)[number]>;
const everyCode = (listed: [MissingCode] extends [never] ? readonly DataIssueCode[] : MissingCode): readonly DataIssueCode[] => listed;

/** Where an issue is: the line of a file, or the 1-based position of an item in an inline list. */
export const IssueExpectation = z.strictObject({
  line: z.number().int().positive(),
  code: z.enum(everyCode(DATA_ISSUE_CODES) as typeof DATA_ISSUE_CODES),
  /** Which input the issue is in; any when left out. */
  in: z.enum(["units", "merges", "data"]).optional(),
  column: z.string().optional(),
});
export type IssueExpectation = z.infer<typeof IssueExpectation>;

export const TestCase = z
  .strictObject({
    name: z.string().trim().min(1, { error: EMPTY }),
    /** The arithmetic behind the expected figures, done by hand, for the reader; not checked. */
    working: z.array(z.string()).optional(),
    asOf: DateText,
    units: z.array(TestUnit).optional(),
    unitsFile: Paths.optional(),
    merges: z.array(TestMerge).optional(),
    mergesFile: Paths.optional(),
    successors: z.boolean().optional(),
    data: z.array(TestRow).optional(),
    /** One file or a list, read together as `--data a b` reads them. */
    dataFile: Paths.optional(),
    numbers: z.enum(["plain", "vi"]).optional(),
    expect: z.array(ResultExpectation).optional(),
    expectScores: z.array(ScoreExpectation).optional(),
    /** When left out, the case expects no data issue at all. */
    expectIssues: z.array(IssueExpectation).optional(),
  })
  .superRefine((c, ctx) => {
    const oneOf = (inline: string, file: string, required: boolean) => {
      const given = [inline, file].filter((key) => (c as Record<string, unknown>)[key] !== undefined);
      if (given.length === 2) fault(ctx, [file], { kind: "both-given", inline, file });
      else if (given.length === 0 && required) fault(ctx, [], { kind: "neither-given", inline, file });
    };
    oneOf("units", "unitsFile", true);
    oneOf("data", "dataFile", true);
    oneOf("merges", "mergesFile", false);
    if ((c.expect?.length ?? 0) + (c.expectScores?.length ?? 0) === 0 && c.expectIssues === undefined) {
      fault(ctx, [], { kind: "expects-nothing" });
    }
  });
export type TestCase = z.infer<typeof TestCase>;

export const PolicyTestFile = z
  .strictObject({
    $schema: z.string().optional(),
    /** The policy file, relative to the test file. */
    policy: Path,
    description: z.string().optional(),
    cases: z.array(TestCase).min(1, { error: testText("en", { kind: "no-cases" }) }),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.cases.forEach((c, i) => {
      const earlier = seen.get(c.name);
      if (earlier !== undefined) fault(ctx, ["cases", i, "name"], { kind: "duplicate-case", name: c.name, earlier });
      else seen.set(c.name, i);
    });
  });
/** A test file as written (dates as text). */
export type PolicyTestFileInput = z.input<typeof PolicyTestFile>;
/** A test file once validated (dates as ISO dates). */
export type PolicyTestFile = z.output<typeof PolicyTestFile>;
