/**
 * Results as a text table for a terminal or a scheduled job's log: per tier, one line per unit and
 * target, then the tier totals from summed counts, then the data issues. Colour only on request
 * (the CLI asks for it on a terminal), so logs and pipes get plain text.
 */
import Table from "cli-table3";
import { createColors } from "picocolors";
import { localizeIssue } from "../data/issue-words.js";
import type { Evaluation, Group, Result, Status } from "../evaluate/result.js";
import { rateText, twoDecimals } from "../i18n/numbers.js";
import { missingMonths, WORDS, type Words } from "./words.js";
import type { Lang } from "../i18n/lang.js";

export interface TableOptions {
  readonly lang?: Lang;
  readonly colour?: boolean;
}

// No borders: the table must read the same in a log file, an e-mail and a terminal.
const PLAIN = {
  top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "",
  left: "  ", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: "  ",
};

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const t = new Table({ head: [...head], chars: PLAIN, style: { head: [], border: [], "padding-left": 0, "padding-right": 0 } });
  t.push(...rows.map((r) => [...r]));
  return t.toString().split("\n").map((line) => line.trimEnd()).filter((line) => line.length > 0);
}

export function resultsTable(evaluation: Evaluation, options: TableOptions = {}): string {
  const lang = options.lang ?? "en";
  const words = WORDS[lang];
  const paint = statusPainter(options.colour ?? false);
  const c = words.columns;
  const out = [`${evaluation.policy} ${words.asOf} ${evaluation.asOf}`];
  for (const tier of [...new Set(evaluation.results.map((r) => r.tier))]) {
    const rows = evaluation.results.filter((r) => r.tier === tier).map((r) => resultRow(r, words, paint));
    out.push("", `${words.tier} ${tier}`, ...table([c.unit, c.target, c.milestone, c.threshold, c.actual, c.status, c.gap, c.needed, c.score, c.rank], rows));
    out.push(...evaluation.groups.filter((g) => g.kind === "tier" && g.id === tier).map((g) => groupLine(g, words)));
  }
  if (evaluation.scores.length > 0) {
    const rows = evaluation.scores.map((s) => [s.unit, s.score, twoDecimals(s.points), s.rank === null ? "" : String(s.rank)]);
    out.push("", words.scores, ...table([c.unit, c.score, c.points, c.rank], rows));
  }
  out.push("", `${words.allUnits}:`, ...evaluation.groups.filter((g) => g.kind === "all").map((g) => groupLine(g, words)));
  const { read, used, rejected } = evaluation.rows;
  out.push("", words.rows(read, used, rejected, evaluation.dataIssues.length));
  for (const issue of evaluation.dataIssues) {
    out.push(`  ${issue.file}:${issue.line}${issue.column ? ` [${issue.column}]` : ""} ${issue.rejected ? words.rejected : words.flagged}: ${localizeIssue(issue, lang)}`);
  }
  return `${out.join("\n")}\n`;
}

function resultRow(r: Result, words: Words, paint: (status: Status, text: string) => string): string[] {
  return [
    r.unit,
    r.target,
    r.milestone ?? "",
    r.threshold === null ? "" : `${r.op} ${twoDecimals(r.threshold)}%`,
    rateText(r.numerator, r.denominator),
    statusText(r, words, paint),
    twoDecimals(r.gapPoints),
    r.needed === null ? "" : String(r.needed),
    twoDecimals(r.score),
    r.rank === null ? "" : String(r.rank),
  ];
}

/** The status, and the months the window lacks when it lacks some: "met (2 of 11 months)". */
function statusText(r: Result, words: Words, paint: (status: Status, text: string) => string): string {
  const missing = missingMonths(r, words);
  return paint(r.status, missing ? `${words.status[r.status]} (${missing})` : words.status[r.status]);
}

function groupLine(g: Group, words: Words): string {
  return `  ${g.metric}: ${rateText(g.numerator, g.denominator) || words.noRate} (${g.numerator}/${g.denominator}); ${words.group(g)}`;
}

function statusPainter(enabled: boolean): (status: Status, text: string) => string {
  const colours = createColors(enabled);
  const byStatus: Record<Status, (text: string) => string> = {
    met: colours.green,
    missed: colours.red,
    "no-data": colours.yellow,
    "no-denominator": colours.yellow,
    "not-due": colours.dim,
    excluded: colours.dim,
    incomplete: colours.yellow,
  };
  return (status, text) => byStatus[status](text);
}
