/**
 * Results as a text table for a terminal or a scheduled job's log: per tier, one line per unit and
 * target, then the tier totals from summed counts, then the data issues. Colour only on request
 * (the CLI asks for it on a terminal), so logs and pipes get plain text.
 */
import { columns } from "../text/columns.js";
import { printable } from "../text/printable.js";
import { createColors } from "picocolors";
import { localizeIssue } from "../data/issue-words.js";
import type { Evaluation, Group, Result, ScoreGroup, ScoreResult, Status } from "../evaluate/result.js";
import { scoreReasonText } from "../evaluate/reasons.js";
import { dateText } from "../i18n/dates.js";
import { countsRate, countText, grouped, rateText, twoDecimals } from "../i18n/numbers.js";
import type { Policy } from "../model/policy.js";
import { missingMonths, scoreReasonIn, WORDS, type Words } from "./words.js";
import type { Lang } from "../i18n/lang.js";

export interface TableOptions {
  readonly lang?: Lang;
  readonly colour?: boolean;
  /** In Vietnamese, tiers go by their titles from the policy and units by their names from the registry. */
  readonly policy?: Pick<Policy, "tiers">;
  readonly units?: readonly { readonly id: string; readonly name: string }[];
}

/** How one language writes the table's figures; English keeps the plain forms logs and scripts read. */
interface Figures {
  readonly date: (iso: string) => string;
  readonly points: (value: number | null) => string;
  readonly rate: (num: number | null, den: number | null) => string;
  readonly count: (n: number | null) => string;
  /** A tier's heading: `tier province`, or in Vietnamese its title with the id beside it. */
  readonly tier: (id: string) => string;
  /** The unit column, and the id beside it where names are shown. */
  readonly unit: (id: string) => readonly string[];
}

function figuresFor(lang: Lang, options: TableOptions): Figures {
  if (lang === "en") {
    return { date: (d) => d, points: twoDecimals, rate: rateText, count: (n) => (n === null ? "" : String(n)), tier: (id) => `${WORDS.en.tier} ${id}`, unit: (id) => [id] };
  }
  const names = new Map((options.units ?? []).map((u) => [u.id, u.name]));
  const tierName = (id: string): string | undefined => options.policy?.tiers.get(id)?.name;
  return {
    date: (d) => dateText(d, lang),
    points: (value) => grouped(twoDecimals(value), lang),
    rate: (num, den) => countsRate(num, den, lang),
    count: (n) => countText(n, lang),
    tier: (id) => (tierName(id) ? `${tierName(id)} (${id})` : `${WORDS[lang].tier} ${id}`),
    unit: (id) => [names.get(id) ?? id, id],
  };
}

export function resultsTable(evaluation: Evaluation, options: TableOptions = {}): string {
  const lang = options.lang ?? "en";
  const words = WORDS[lang];
  const paint = statusPainter(options.colour ?? false);
  const f = figuresFor(lang, options);
  const c = words.columns;
  const unitColumns = f.unit("").length === 2 ? [c.unit, c.id] : [c.unit];
  const out = [`${evaluation.policy} ${words.asOf} ${f.date(evaluation.asOf)}`];
  for (const tier of [...new Set(evaluation.results.map((r) => r.tier))]) {
    const rows = evaluation.results.filter((r) => r.tier === tier).map((r) => resultRow(r, words, f, paint));
    out.push("", printable(f.tier(tier)), ...columns([...unitColumns, c.target, c.milestone, c.threshold, c.actual, c.status, c.gap, c.needed, c.score, c.rank], rows));
    out.push(...evaluation.groups.filter((g) => g.kind === "tier" && g.id === tier).map((g) => groupLine(g, words, f)));
  }
  if (evaluation.scores.length > 0) {
    // A score without points says why where its points would be.
    const points = (s: ScoreResult) => (s.points === null ? printable(scoreReasonIn(s, lang) ?? "") : f.points(s.points));
    const rows = evaluation.scores.map((s) => [...f.unit(s.unit).map(printable), printable(s.score), points(s), s.rank === null ? "" : String(s.rank)]);
    out.push("", words.scores, ...columns([...unitColumns, c.score, c.points, c.rank], rows));
  }
  out.push(...scoreGroupLines(evaluation, words, f, lang), ...indexLines(evaluation, words, f, unitColumns));
  out.push("", `${words.allUnits}:`, ...evaluation.groups.filter((g) => g.kind === "all").map((g) => groupLine(g, words, f)));
  const { read, used, rejected } = evaluation.rows;
  out.push("", words.rows(read, used, rejected, evaluation.dataIssues.length));
  for (const issue of evaluation.dataIssues) {
    out.push(printable(`  ${issue.file}:${issue.line}${issue.column ? ` [${issue.column}]` : ""} ${issue.rejected ? words.rejected : words.flagged}: ${localizeIssue(issue, lang)}`));
  }
  return `${out.join("\n")}\n`;
}

function scoreGroupLines(evaluation: Evaluation, words: Words, f: Figures, lang: Lang): string[] {
  const groups = evaluation.scoreGroups ?? [];
  if (groups.length === 0) return [];
  const points = (g: ScoreGroup) => (g.points === null ? printable(g.because ? scoreReasonText(g.because, lang) : (g.reason ?? "")) : f.points(g.points));
  const rows = groups.map((g) => [printable(words.groupName(g.kind, g.id)), printable(g.score), points(g)]);
  return ["", words.scoreGroups, ...columns([words.groupHeading, words.columns.score, words.columns.points], rows)];
}

/** Per index, a row per unit with each component and the total, its rank "of" the tier's ranked units, then the groups' totals. */
function indexLines(evaluation: Evaluation, words: Words, f: Figures, unitColumns: readonly string[]): string[] {
  const indexes = evaluation.indexes ?? [];
  const out: string[] = [];
  for (const id of [...new Set(indexes.map((x) => x.index))]) {
    const mine = indexes.filter((x) => x.index === id);
    const [first] = mine;
    const components = first?.components.map((c) => printable(c.score)) ?? [];
    const parts = (list: readonly { points: number | null }[]) => list.map((c) => f.points(c.points));
    const rows = mine.map((x) => [...f.unit(x.unit).map(printable), printable(x.tier), ...parts(x.components), f.points(x.total), x.rank === null ? "" : `${x.rank}/${x.ranked}`]);
    const groupRows = (evaluation.indexGroups ?? []).filter((g) => g.index === id).map((g) => [printable(words.groupName(g.kind, g.id)), ...unitColumns.slice(1).map(() => ""), "", ...parts(g.components), f.points(g.total), ""]);
    out.push("", printable(words.index(id, String(first?.maximum ?? ""))), ...columns([...unitColumns, words.tier, ...components, words.total, words.columns.rank], [...rows, ...groupRows]));
  }
  return out;
}

function resultRow(r: Result, words: Words, f: Figures, paint: (status: Status, text: string) => string): string[] {
  // Ids and names come from the files: made printable, so a hostile one cannot drive the terminal.
  return [
    ...f.unit(r.unit).map(printable),
    printable(r.target),
    r.milestone === null ? "" : f.date(r.milestone),
    r.threshold === null ? "" : `${r.op} ${f.points(r.threshold)}%`,
    f.rate(r.numerator, r.denominator),
    statusText(r, words, paint),
    f.points(r.gapPoints),
    f.count(r.needed),
    f.points(r.score),
    r.rank === null ? "" : String(r.rank),
  ];
}

/** The status, and the months the window lacks when it lacks some: "met (2 of 11 months)". */
function statusText(r: Result, words: Words, paint: (status: Status, text: string) => string): string {
  const missing = missingMonths(r, words);
  return paint(r.status, missing ? `${words.status[r.status]} (${missing})` : words.status[r.status]);
}

function groupLine(g: Group, words: Words, f: Figures): string {
  return `  ${g.metric}: ${f.rate(g.numerator, g.denominator) || words.noRate} (${f.count(g.numerator)}/${f.count(g.denominator)}); ${words.group(g)}`;
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
