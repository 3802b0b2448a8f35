/**
 * Hover: on a target, its milestones for each tier (and each unit the policy singles out) as a
 * table; on a metric, its formula and window; on any other id, its title and where it is defined;
 * on a date, whether it is a month end, which decides where a monthly ramp from it steps.
 */
import { basename, dirname, relative } from "node:path";
import type { Hover, Position } from "vscode-languageserver";
import type { Lang } from "../i18n/lang.js";
import { dateText } from "../i18n/dates.js";
import type { Comparison, Milestone } from "../model/policy.js";
import { toDecimalString, type Rational } from "../number/rational.js";
import { schedulesByTier } from "../schedule/by-tier.js";
import type * as A from "../syntax/ast.js";
import { spell } from "../syntax/spelling.js";
import { AtLeast, AtMost, Above, Below, DateLiteral } from "../syntax/tokens.js";
import { endOfMonth, isMonthEnd, parseDate } from "../time/calendar.js";
import { endOf, tokenAt, type Analysis } from "./analysis.js";
import { nameAt, type Found } from "./lookup.js";
import { onDisk } from "./uris.js";
import { editorWords, type EditorWords } from "./words.js";

/** Rows of a schedule table before it is cut: a monthly target held for years has hundreds. */
const MAX_ROWS = 40;

export function hover(analysis: Analysis, position: Position, lastParsed?: Analysis): Hover | null {
  const offset = analysis.map.sourceOffset(position);
  const words = editorWords(analysis.lang);
  const found = nameAt(analysis, offset, lastParsed);
  if (found) {
    const text = describe(found, analysis, words);
    return text === undefined ? null : { contents: { kind: "markdown", value: text }, range: found.range };
  }
  const token = tokenAt(analysis.tokens, offset);
  if (token?.tokenType !== DateLiteral) return null;
  return { contents: { kind: "markdown", value: dateHover(token.image, analysis.lang, words) }, range: analysis.map.rangeOf(token.startOffset, endOf(token)) };
}

function dateHover(written: string, lang: Lang, words: EditorWords): string {
  const date = parseDate(written);
  if (date === undefined) return words.notADate(written);
  return isMonthEnd(date) ? words.monthEnd(dateText(date, lang)) : words.notMonthEnd(dateText(date, lang), dateText(endOfMonth(date), lang));
}

function describe(found: Found, analysis: Analysis, words: EditorWords): string | undefined {
  const { known, kind, id } = found;
  const heading = (title: string | undefined): string => `**${words.kind(kind)}** \`${id}\`${title && title !== id ? ` — ${title}` : ""}`;
  const where = found.definition && words.definedAt(place(analysis.file, found.definition.file, found.definition.span.start.line));
  const lines = (title: string | undefined, ...more: (string | undefined)[]): string => [heading(title), ...more.filter((l) => l !== undefined && l !== "")].join("\n\n");
  switch (kind) {
    case "target": {
      const declaration = ruleDeclaration(known, "target", id);
      return declaration && lines(declaration.title?.value, where, targetTable(declaration, known, words));
    }
    case "score":
      return lines(ruleDeclaration(known, "score", id)?.title?.value, where);
    default: {
      const defined = known.symbols?.[kind].get(id);
      if (!defined) return undefined;
      const d = defined.declaration;
      return lines(d.title?.value, ...details(d, words), where);
    }
  }
}

function details(d: A.TierDeclaration | A.TagDeclaration | A.UnitDeclaration | A.FieldDeclaration | A.MetricDeclaration, words: EditorWords): string[] {
  switch (d.kind) {
    case "unit":
      return [[words.tierOf(d.tier.text), d.tags.length > 0 ? words.taggedWith(d.tags.map((t) => `\`${t.text}\``).join(", ")) : ""].filter(Boolean).join(", ")];
    case "field":
      return d.columns.length > 0 ? [words.columns(d.columns.map((c) => `"${c.value}"`).join(", "))] : [];
    case "metric":
      return [`\`${d.id.text} = ${d.numerator.text} / ${d.denominator.text}\``, words.window(d.window), d.complete ? words.complete : ""];
    default:
      return [];
  }
}

function ruleDeclaration<K extends "target" | "score">(analysis: Analysis, kind: K, id: string): Extract<A.Statement, { kind: K }> | undefined {
  return analysis.files[0]?.ast.statements.find((s): s is Extract<A.Statement, { kind: K }> => s.kind === kind && s.id.text === id);
}

/** `shared/vn-tiers.ct:17`, from the document's folder; the name alone for the document itself. */
function place(from: string, file: string, line: number): string {
  if (file === from || !onDisk(file)) return `${file === from ? basename(file) : file}:${line}`;
  return `${relative(dirname(from), file).split("\\").join("/")}:${line}`;
}

/** The milestones of the target for each tier and declared unit it decides, from the checked policy; else for the units it selects. */
function targetTable(declaration: A.TargetDeclaration, analysis: Analysis, words: EditorWords): string | undefined {
  const expanded = analysis.facts?.schedule(declaration);
  if (!expanded) return undefined;
  const lang = analysis.lang;
  const op = comparisonText(expanded.comparison, lang);
  const rows: string[][] = [];
  const add = (subject: string, milestones: readonly Milestone[], note?: string): void => {
    if (note !== undefined) rows.push([subject, "", "", note]);
    milestones.forEach((m, i) => rows.push([i === 0 ? subject : "", dateText(m.date, lang), op, `${percentText(m.threshold, lang)}${m.origin === "step" ? ` ${words.fromStep}` : ""}`]));
  };
  if (analysis.policy) {
    for (const row of schedulesByTier(analysis.policy, { target: declaration.id.text })) {
      const subject = `${row.subject.kind === "tier" ? words.kind("tier") : words.kind("unit")} \`${row.subject.id}\``;
      const others = row.targets.filter((t) => t.id !== declaration.id.text).map((t) => `\`${t.id}\``).join(", ");
      if (row.status === "applies") add(subject, row.targets[0]?.id === declaration.id.text ? row.milestones : [], row.targets[0]?.id === declaration.id.text ? undefined : words.notApplied);
      else add(subject, [], row.status === "excluded" ? words.excludedBy(others || `\`${declaration.id.text}\``) : words.conflictWith(others));
    }
  }
  if (rows.length === 0) add(words.selectedUnits, expanded.schedule.milestones);
  const shown = rows.slice(0, MAX_ROWS);
  if (rows.length > MAX_ROWS) shown.push(["…", "", "", `+${rows.length - MAX_ROWS}`]);
  const repeat = expanded.schedule.repeat;
  const ongoing = repeat ? `\n\n${words.ongoing(repeat.period.count, repeat.period.unit)}` : "";
  return `${table([...words.scheduleHeadings], shown)}${ongoing}`;
}

const table = (headings: readonly string[], rows: readonly string[][]): string =>
  [`| ${headings.join(" | ")} |`, `|${headings.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`)].join("\n");

export function comparisonText(op: Comparison, lang: Lang): string {
  if (lang === "en") return op;
  return spell(op === ">=" ? AtLeast : op === ">" ? Above : op === "<=" ? AtMost : Below, lang);
}

/** `65%`, or `48,6%` in Vietnamese as its policies write it. */
export function percentText(points: Rational, lang: Lang): string {
  const text = `${toDecimalString(points)}%`;
  return lang === "vi" ? text.replace(".", ",") : text;
}
