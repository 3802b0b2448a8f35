/**
 * Every problem chitieu reports has a stable code. Tools and tests match on the code; people read
 * the message. The table in grammar/REFERENCE.md is generated from this list.
 */
export type Severity = "error" | "warning";

interface CodeEntry {
  readonly code: string;
  readonly severity: Severity;
  readonly summary: string;
}

const entry = (code: string, severity: Severity, summary: string): CodeEntry => ({ code, severity, summary });

export const codes = {
  "unexpected-character": entry("CT001", "error", "a character that cannot start any word of the language"),
  "unterminated-string": entry("CT002", "error", "a quoted name with no closing quote on its line"),
  "syntax": entry("CT003", "error", "the words are not in an order the grammar allows"),
  "invalid-date": entry("CT004", "error", "a date that does not exist in the calendar"),
  "invalid-number": entry("CT005", "error", "a count, year or number of decimals that is not a whole number in range"),
  "duplicate-clause": entry("CT006", "error", "a header clause given twice"),
  "decimal-comma": entry("CT007", "error", "a number with a decimal comma (`10,5`), which a formula would read as two numbers"),
  "keyword-spelling": entry("CT008", "error", "a Vietnamese keyword typed without its accents, or in telex or VNI with the input method off (`chi tieu`, `chir tieeu`)"),
  "non-ascii-id": entry("CT009", "error", "an id with letters outside ASCII (`tỷ_lệ`)"),
  "import-not-found": entry("CT010", "error", "an imported file that cannot be read"),
  "import-cycle": entry("CT011", "error", "files that import each other"),
  "import-has-rules": entry("CT012", "warning", "an imported file with a header, targets, scores or checks, which are not imported"),
  "bad-argument": entry("CT013", "error", "a caller of the library passed something that is not policy text or a file path"),
  "missing-header": entry("CT020", "error", "a policy file without `policy` header"),
  "effective-period": entry("CT021", "error", "an effective period that ends before it starts"),
  "duplicate-id": entry("CT100", "error", "two definitions with one id"),
  "unknown-tier": entry("CT101", "error", "a tier that is not declared"),
  "unknown-tag": entry("CT102", "error", "a tag that is not declared"),
  "unknown-unit": entry("CT103", "error", "a unit that is not declared"),
  "unknown-field": entry("CT104", "error", "a field that is not declared"),
  "unknown-metric": entry("CT105", "error", "a metric that is not declared"),
  "unknown-function": entry("CT106", "error", "a function other than `min` and `max`, or called with fewer than two arguments (`min(2,80%)` is `min(2.80%)`)"),
  "unknown-rounding": entry("CT107", "error", "a rounding mode other than half-up, half-even, down, up"),
  "same-fields": entry("CT108", "warning", "a metric whose numerator and denominator are the same field"),
  "divides-by-zero": entry("CT109", "error", "a formula that divides by a constant zero"),
  "may-be-empty": entry("CT110", "warning", "a score formula that can divide by zero (a metric with no denominator) with no `when empty`, for the formula or the term"),
  "missing-metric": entry("CT200", "error", "a target whose first milestone does not name its metric"),
  "metric-changes": entry("CT201", "error", "a schedule that names two different metrics"),
  "comparison-changes": entry("CT202", "error", "a schedule whose milestones compare in different directions"),
  "ramp-mismatch": entry("CT203", "error", "a ramp whose steps reach a value other than its deadline's"),
  "ramp-off-deadline": entry("CT204", "error", "a ramp whose steps never land on its deadline"),
  "step-without-start": entry("CT205", "error", "a step with no milestone before it"),
  "ramp-without-deadline": entry("CT206", "error", "a rising or falling step after the last milestone"),
  "dates-not-increasing": entry("CT207", "error", "milestones out of date order"),
  "non-monotone": entry("CT208", "warning", "a threshold that falls on an `at least` target or rises on an `at most` one"),
  "rising-on-at-most": entry("CT209", "error", "an `at most` target whose steps raise the ceiling"),
  "falling-on-at-least": entry("CT210", "error", "an `at least` target whose steps lower the floor"),
  "percent-range": entry("CT211", "error", "a percentage outside 0% to 100%, or a ramp that leaves that range"),
  "outside-effective-period": entry("CT212", "error", "a milestone before the policy takes effect or after it ends"),
  "consecutive-steps": entry("CT213", "error", "two steps with no milestone between them"),
  "conflicting-rules": entry("CT300", "error", "two equally specific targets for one unit and metric"),
  "excluded-everything": entry("CT301", "warning", "a selector that excludes what it includes"),
  "check-fields": entry("CT302", "error", "a data check that names something other than fields"),
  "score-refs": entry("CT303", "error", "a score formula that names something other than metrics"),
  "later-start": entry("CT310", "warning", "a more specific target that starts later than the general one it replaces, leaving its units with no threshold in between"),
  "timeline-gap": entry("CT400", "warning", "a superseding policy that takes effect only some days after the one it supersedes ends"),
  "timeline-overlap": entry("CT401", "warning", "policies of one line of amendments in force on the same dates"),
  "timeline-undated": entry("CT402", "warning", "a superseding policy with no `effective` date"),
  "unknown-score": entry("CT410", "error", "an index component that is not a score of the policy"),
  "index-component-twice": entry("CT411", "error", "an index that adds one score twice"),
  "index-maximum": entry("CT412", "error", "an index whose maximum is not the sum of its components' maxima"),
  "index-windows": entry("CT413", "warning", "an index whose components are scored over different windows"),
} as const satisfies Record<string, CodeEntry>;

export type CodeName = keyof typeof codes;
