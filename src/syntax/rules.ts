/**
 * What each grammar rule is for, in words, with an example. Parse errors quote the example of the
 * rule they happened in ("a milestone looks like ..."), and grammar/REFERENCE.md lists them all.
 * A test parses every example with its own rule, so none of them can go stale.
 */
export interface RuleDoc {
  readonly title: string;
  readonly summary: string;
  readonly example: string;
}

export const ruleDocs: Record<string, RuleDoc> = {
  file: {
    title: "Policy file",
    summary:
      "An optional policy header, then definitions and rules in any order. A file without a header is a library of shared definitions for `import`.",
    example: 'policy demo "Demo" effective 2022-08-03\ntier commune "UBND cấp xã"',
  },
  header: {
    title: "Policy header",
    summary: "The policy's id and title, its legal basis, when it takes effect and ends, and the policy it replaces.",
    example:
      'policy brvt-2139-2022 "Giao chỉ tiêu DVCTT năm 2022"\n  decision "2139/QĐ-UBND" dated 2022-08-03 issued by "UBND tỉnh Bà Rịa - Vũng Tàu"\n  effective 2022-08-03 until 2022-12-31\n  supersedes brvt-2021',
  },
  decision: {
    title: "Legal basis",
    summary: "The decision's number, date and issuer, as printed on it.",
    example: 'decision "2139/QĐ-UBND" dated 03/08/2022 issued by "UBND tỉnh Bà Rịa - Vũng Tàu"',
  },
  effective: {
    title: "Effective period",
    summary:
      "The first day the policy applies and, optionally, its last. Every milestone must fall inside it. Written as decisions write it, `hiệu lực từ 20/03/2023 đến 31/12/2023` (`effective from ... by ...`) is the same period as `hiệu lực 20/03/2023 đến hết 31/12/2023`.",
    example: "effective 2022-08-03 until 2022-12-31",
  },
  supersedes: {
    title: "Supersedes",
    summary:
      "The id of the policy this one replaces (an amendment), from this one's `effective` date. Given together (`chitieu eval OLD.ct NEW.ct ...`, or their folder), policies that supersede one another are a line in time: each milestone date is decided by the policy in force on it, the latest to have taken effect, until it ends or the next one takes over; milestones of the old policy from the new one's `effective` date on are no longer in force, and each result names the policy that decided it. `chitieu check` on them warns when the new one takes effect only some days after the old one ends (CT400, a gap), while the old one is still in force or before it starts, or when two policies supersede the same one (CT401, an overlap), and when a superseding policy has no `effective` date (CT402). `chitieu diff OLD.ct NEW.ct` lists what the amendment changes.",
    example: "supersedes brvt-2021",
  },
  statement: {
    title: "Statement",
    summary: "One definition or rule; each starts with its keyword.",
    example: 'field dossiers "Tổng số hồ sơ"',
  },
  importFile: {
    title: "Import",
    summary:
      "Reads the tiers, tags, units, fields and metrics of another file, by a path relative to this one.",
    example: 'import "shared/vn-tiers.ct"',
  },
  tierDeclaration: {
    title: "Tier",
    summary: "A level of administration whose units share targets.",
    example: 'tier district "UBND cấp huyện"',
  },
  tagDeclaration: {
    title: "Tag",
    summary: "A group of units across tiers, such as the units in a pilot.",
    example: 'tag pilot "Đơn vị thí điểm"',
  },
  unitDeclaration: {
    title: "Unit",
    summary: "A unit the policy names itself, to single it out for an exception or override.",
    example: 'unit thanh-tra-tinh "Thanh tra tỉnh" tier province tagged pilot',
  },
  fieldDeclaration: {
    title: "Field",
    summary:
      "A count that units report each period. A data file's column for it may be headed by its id or its title, ignoring case, diacritics and spacing, or by a heading named after `column`, as the units' own workbooks head it.",
    example: 'field dossiers "Số hồ sơ tiếp nhận" column "Tổng số hồ sơ", "Tổng số hồ sơ tiếp nhận"',
  },
  metricDeclaration: {
    title: "Metric",
    summary:
      "A ratio of two fields. Counts are summed over the window before dividing: the milestone's month by default. With `complete` (`đủ tháng`), a unit is judged only when it reported every month of the window it existed in; one that reported some but not all is `incomplete`, neither met nor missed.",
    example: 'metric online_share "Tỷ lệ hồ sơ trực tuyến" = online_dossiers / dossiers over year-to-date complete',
  },
  window: {
    title: "Window",
    summary:
      "The months whose counts are summed: `month` (the milestone's own), `quarter`, `year-to-date`, `since-start` (of the schedule), or `N months` (rolling).",
    example: "over 3 months",
  },
  targetDeclaration: {
    title: "Target",
    summary:
      "Which units must bring which metric to what threshold by when. For one unit and metric the most specific target applies: unit over tag over tier over all, and alone: from its first milestone, not before. A more specific target that starts later than the general one it replaces leaves its units with no threshold in between, which the checker warns of (CT310), naming both targets.",
    example:
      'target usage "DVCTT có phát sinh hồ sơ" for all except unit thanh-tra-tinh:\n  from 2022-09-30 service_usage >= 50%, monthly +15%, by 2022-11-30 >= 80%',
  },
  selector: {
    title: "Selector",
    summary: "The units a target or score applies to, and those it leaves out.",
    example: "tier province, tier district except unit thanh-tra-tinh",
  },
  selectorItem: {
    title: "Selector item",
    summary: "`all`, or one tier, tag or unit by id.",
    example: "tier commune",
  },
  schedule: {
    title: "Schedule",
    summary:
      "Milestones and the steps between them, separated by commas. The first milestone names the metric; the threshold on any date is that of the latest milestone on or before it.",
    example: "in 2024 full_process_share >= 70%, in 2025 >= 85%",
  },
  milestone: {
    title: "Milestone",
    summary:
      "A threshold on a date. `from`, `by` and `in YEAR` (31 December of that year) differ only in how they read.",
    example: "by 2022-11-30 >= 80%",
  },
  comparison: {
    title: "Comparison",
    summary: "`>=` (at least), `>` (above), `<=` (at most) or `<` (below). `>=` passes at equality, `>` does not.",
    example: "at least",
  },
  step: {
    title: "Step",
    summary:
      "Repeats the previous milestone every period, adding percentage points each time, until the next milestone, which it must land on and reach exactly. With no increment after the last milestone, it holds the target every period from then on. A ramp anchored on a month end stays on month ends.",
    example: "monthly +15%",
  },
  scoreDeclaration: {
    title: "Score",
    summary:
      "Points for the units it selects, computed from metrics, as in Decision 766's index; and for each tier, each parent unit and all units together, from the counts they sum (never an average of units' points), rounded as a unit's. `over` sums the last complete month (the default), quarter or the year to date for every metric in it; without it each metric sums its own window, ending with the last complete month. `out of` states the most it gives, which an index adds up.",
    example: 'score progress "Tiến độ giải quyết" for all over quarter out of 20 = 20 * on_time_share when empty 20 round 2 half-up',
  },
  scoreWindow: {
    title: "Score window",
    summary:
      "The months a score sums, ending on the as-of date's last complete one: `month` (the last month that ended), `quarter` (the last quarter that ended) or `year-to-date` (January to the last month that ended: a year in progress is year to date).",
    example: "over year-to-date",
  },
  maximum: {
    title: "Maximum",
    summary: "The most points a score or an index gives. An index's must be the sum of its components' when they all say theirs.",
    example: "out of 20",
  },
  indexDeclaration: {
    title: "Index",
    summary:
      "Scores added into a total out of a maximum, for the units it selects, with each unit's rank on the total among its tier (ties share a rank, compared exactly). A unit has a total when every component gives it points; each component is added as rounded, so the total is what the components show.",
    example: 'index service_index "Bộ chỉ số phục vụ người dân, doanh nghiệp" for all out of 100 = transparency + progress + digitisation + online_provision + satisfaction',
  },
  points: {
    title: "Points",
    summary:
      "A formula over metrics (a metric's value is a ratio: 80% is 0.8), the points when a metric in it has no denominator or it divides by a value that is zero for the unit (`when empty`; if not said, the unit gets no points, with the reason), and the rounding (`round 2 half-up` if not said; modes half-up, half-even, down, up). A target may give points too: `target ...: by 2022-12-31 m >= 80% score = if m >= 80% then 2 else 1.6`.",
    example: "20 * on_time_share when empty 20 round 2 half-up",
  },
  dataCheck: {
    title: "Data check",
    summary: "A relation between fields that every report must satisfy.",
    example: "check resolved = resolved_on_time + resolved_late",
  },
  expression: {
    title: "Expression",
    summary: "Sums and differences of products.",
    example: "min(2, 2 * provision / 80%) + 4 * usage",
  },
  product: {
    title: "Product",
    summary: "Products and quotients of factors.",
    example: "6 * online_share / 50%",
  },
  factor: {
    title: "Factor",
    summary: "A number, a percentage, a metric or field id, a call, a negation, a bracketed expression or a conditional.",
    example: "80%",
  },
  negation: { title: "Negation", summary: "The opposite of a factor.", example: "-1" },
  call: {
    title: "Call",
    summary: "`min(...)` or `max(...)` of one or more expressions.",
    example: "min(6, 6 * online_share / 50%)",
  },
  parenthesised: {
    title: "Brackets",
    summary:
      "Groups an expression, and may give it its own value when it divides by zero (a metric in it has no denominator): `(4 * usage when empty 4)` gives 4 points for that term alone, where `when empty` after the whole formula replaces all of it.",
    example: "(4 * online_service_usage when empty 0)",
  },
  conditional: {
    title: "Conditional",
    summary: "One row of a step table; nest them for more rows.",
    example: "if provision >= 80% then 2 else 1.6",
  },
};
