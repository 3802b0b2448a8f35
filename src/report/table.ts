/**
 * Results as a plain-text table for a terminal or a scheduled job's log: per tier, one line per
 * unit and target, then the tier totals from summed counts, then the data issues.
 */
import type { Evaluation, Group, Result } from "../evaluate/result.js";
import { rational, round, toDecimalString, type Rational } from "../number/rational.js";

/** Half up, always two decimals (78.38, 77.50): the way monitoring offices print figures. */
function fixed2(value: Rational): string {
  const text = toDecimalString(round(value, 2, "half-up"), 2);
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

/** A rate from the counts themselves, never from a float. */
export function rateText(numerator: number | null, denominator: number | null): string {
  if (numerator === null || denominator === null || denominator === 0) return "";
  return `${fixed2(rational(100 * numerator, denominator))}%`;
}

/** Points and gaps arrive as numbers; shown half up to 2 decimals (micro-units absorb float noise). */
const twoDecimals = (value: number | null): string => (value === null ? "" : fixed2(rational(Math.round(value * 1e6), 1e6)));

const COLUMNS = ["unit", "target", "milestone", "threshold", "actual", "status", "gap", "needed", "score", "rank"] as const;

function row(r: Result): string[] {
  return [
    r.unit,
    r.target,
    r.milestone ?? "",
    r.threshold === null ? "" : `${r.op} ${twoDecimals(r.threshold)}%`,
    rateText(r.numerator, r.denominator),
    r.status,
    r.gapPoints === null ? "" : twoDecimals(r.gapPoints),
    r.needed === null ? "" : String(r.needed),
    twoDecimals(r.score),
    r.rank === null ? "" : String(r.rank),
  ];
}

function align(lines: readonly (readonly string[])[]): string[] {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => [...l[i]!].length)));
  return lines.map((l) => l.map((cell, i) => cell + " ".repeat(widths[i]! - [...cell].length)).join("  ").trimEnd());
}

function groupLine(g: Group): string {
  const rate = rateText(g.numerator, g.denominator);
  return `  ${g.metric}: ${rate || "no rate"} from ${g.numerator}/${g.denominator}; met ${g.met}, missed ${g.missed}, no data ${g.noData}, no denominator ${g.noDenominator}, not due ${g.notDue}, excluded ${g.excluded}`;
}

export function resultsTable(evaluation: Evaluation): string {
  const out = [`${evaluation.policy} as of ${evaluation.asOf}`];
  const tiers = [...new Set(evaluation.results.map((r) => r.tier))];
  for (const tier of tiers) {
    const results = evaluation.results.filter((r) => r.tier === tier);
    out.push("", `tier ${tier}`, ...align([COLUMNS, ...results.map(row)]).map((l) => `  ${l}`));
    out.push(...evaluation.groups.filter((g) => g.kind === "tier" && g.id === tier).map(groupLine));
  }
  if (evaluation.scores.length > 0) {
    out.push("", "scores", ...align([["unit", "score", "points", "rank"], ...evaluation.scores.map((s) => [s.unit, s.score, twoDecimals(s.points), s.rank === null ? "" : String(s.rank)])]).map((l) => `  ${l}`));
  }
  out.push("", `all units:`, ...evaluation.groups.filter((g) => g.kind === "all").map(groupLine));
  const { read, used, rejected } = evaluation.rows;
  out.push("", `rows: ${read} read, ${used} used, ${rejected} rejected; ${evaluation.dataIssues.length} data issue${evaluation.dataIssues.length === 1 ? "" : "s"}`);
  for (const issue of evaluation.dataIssues) {
    out.push(`  ${issue.file}:${issue.line}${issue.column ? ` [${issue.column}]` : ""} ${issue.rejected ? "rejected" : "flagged"}: ${issue.message}`);
  }
  return `${out.join("\n")}\n`;
}
