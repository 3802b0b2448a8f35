/**
 * The office's page: for one month, every unit's report state (who has not sent, whose counts are
 * to be checked), narrowed by tier and parent; the list of units to remind as a workbook; the
 * results of those units; and the HTML report and results workbook through the page's session.
 */
import type { RegistryUnit } from "../../data/types.js";
import { monthText } from "../../i18n/dates.js";
import type { Lang } from "../../i18n/lang.js";
import { percentText, pointsText, countText } from "../../i18n/numbers.js";
import { html, type Markup } from "../../report/markup.js";
import { REPORT_WORDS } from "../../report/report-words.js";
import { searchKey } from "../../report/report-script.js";
import { inert } from "../../report/rows.js";
import type { ServiceContext } from "../context.js";
import { link } from "./layout.js";
import { reportOf, type PeriodReport, type Standing } from "./standing.js";
import { PAGE_WORDS } from "./words.js";

export interface OfficeFilter {
  readonly period: string | undefined;
  readonly tier: string | undefined;
  readonly parent: string | undefined;
  /** A unit's name or id, typed with or without diacritics ("chau duc" finds Châu Đức), as the report's filter. */
  readonly search?: string | undefined;
  /** The results table's order: a column and `desc`, as the report's column headings sort. */
  readonly sort?: string | undefined;
  readonly dir?: string | undefined;
}

export interface UnitReport {
  readonly unit: RegistryUnit;
  readonly report: PeriodReport;
}

/** The registry's units the filter keeps, with their report for the month. */
export function unitReports(ctx: ServiceContext, standing: Standing, filter: OfficeFilter): { period: string | undefined; rows: UnitReport[] } {
  const period = filter.period && standing.periods.includes(filter.period) ? filter.period : standing.periods[0];
  const wanted = searchKey(filter.search ?? "");
  const found = (u: RegistryUnit): boolean => wanted === "" || searchKey(`${u.name} ${u.id}`).includes(wanted);
  const units = ctx.deployment.registry.units.filter((u) => (!filter.tier || u.tier === filter.tier) && (!filter.parent || u.parent === filter.parent) && found(u));
  return { period, rows: period === undefined ? [] : units.map((unit) => ({ unit, report: reportOf(standing, unit.id, period) })) };
}

export function officeBody(ctx: ServiceContext, standing: Standing, filter: OfficeFilter, lang: Lang): Markup {
  const w = PAGE_WORDS[lang];
  const { period, rows } = unitReports(ctx, standing, filter);
  const query = { policy: standing.served.id, asOf: standing.asOf, period, tier: filter.tier, parent: filter.parent, q: filter.search };
  const missing = rows.filter((r) => r.report.state === "missing").length;
  const flagged = rows.filter((r) => r.report.state === "flagged").length;
  return html`${filterForm(ctx, standing, filter, period, lang)}
<section class="card" id="submissions"><h2>${w.units} · ${w.period} ${period ? monthText(period, lang) : ""}</h2>
<p><strong id="not-sent">${w.notSent(missing)}</strong> · <span id="to-check">${w.withIssues(flagged)}</span></p>
<ul class="links"><li><a id="reminders" href="${link("/pages/office/reminders.xlsx", lang, query)}">${w.reminders}</a></li>
<li><a id="report-html" href="${link("/pages/office/report.html", lang, query)}">${w.reportHtml}</a></li>
<li><a id="results-xlsx" href="${link("/pages/office/results.xlsx", lang, query)}">${w.resultsXlsx}</a></li></ul>
${submissionsTable(rows, lang)}
</section>
${resultsTable(ctx, standing, new Set(rows.map((r) => r.unit.id)), { lang, query, sort: filter.sort, dir: filter.dir })}`;
}

function filterForm(ctx: ServiceContext, standing: Standing, filter: OfficeFilter, period: string | undefined, lang: Lang): Markup {
  const w = PAGE_WORDS[lang];
  const units = ctx.deployment.registry.units;
  const tiers = [...new Set(units.map((u) => u.tier))];
  const parents = [...new Set(units.flatMap((u) => (u.parent ? [u.parent] : [])))];
  const nameOf = (id: string): string => ctx.deployment.units.get(id)?.name ?? id;
  const option = (value: string, label: string, chosen: string | undefined): Markup => html`<option value="${value}"${value === (chosen ?? "") ? html` selected` : ""}>${label}</option>`;
  return html`<form class="inline no-print" method="get" action="/pages/office">
${lang === "en" ? html`<input type="hidden" name="lang" value="en">` : ""}
<input type="hidden" name="policy" value="${standing.served.id}">
<label>${w.asOf}<input type="date" name="asOf" value="${standing.asOf}"></label>
<label>${w.period}<select name="period">${standing.periods.map((p) => option(p, monthText(p, lang), period))}</select></label>
<label>${w.tier}<select name="tier">${option("", w.any, filter.tier)}${tiers.map((t) => option(t, standing.served.policy.tiers.get(t)?.name ?? t, filter.tier))}</select></label>
<label>${w.parent}<select name="parent">${option("", w.any, filter.parent)}${parents.map((p) => option(p, nameOf(p), filter.parent))}</select></label>
<label>${w.find}<input type="search" name="q" value="${filter.search ?? ""}"></label>
<button type="submit">${w.filter}</button>
</form>
<p class="meta">${w.policy}: ${standing.served.title ?? standing.served.id}</p>`;
}

function submissionsTable(rows: readonly UnitReport[], lang: Lang): Markup {
  const w = PAGE_WORDS[lang];
  const order = { missing: 0, flagged: 1, corrected: 2, sent: 3 } as const;
  const sorted = [...rows].sort((a, b) => order[a.report.state] - order[b.report.state]);
  const body = sorted.map(
    ({ unit, report }) => html`<tr data-unit="${unit.id}" data-state="${report.state}"><td><a href="${link(`/pages/unit/${encodeURIComponent(unit.id)}`, lang)}">${unit.name}</a><span class="unit-id">${unit.id}</span></td><td>${unit.tier}</td>
<td><span class="${`status status-${report.state === "missing" ? "missed" : report.state === "flagged" ? "no-data" : "met"}`}">${w.states[report.state]}</span></td></tr>`,
  );
  return html`<div class="table-wrap"><table class="submissions"><thead><tr><th scope="col">${w.unitName}</th><th scope="col">${w.tier}</th><th scope="col">${w.state}</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The results table's columns: how each sorts (text without diacritics, numbers empty last) and its heading. */
const COLUMNS = ["unit", "target", "status", "threshold", "actual", "gap", "needed"] as const;
type Column = (typeof COLUMNS)[number];
const STATUS_ORDER = ["missed", "no-data", "incomplete", "no-denominator", "met", "not-due", "excluded"];

function resultsTable(ctx: ServiceContext, standing: Standing, units: ReadonlySet<string>, view: { lang: Lang; query: Readonly<Record<string, string | undefined>>; sort: string | undefined; dir: string | undefined }): Markup {
  const { lang } = view;
  const w = PAGE_WORDS[lang];
  const rw = REPORT_WORDS[lang];
  const nameOf = (id: string): string => ctx.deployment.units.get(id)?.name ?? id;
  const targets = new Map(standing.served.policy.targets.map((t) => [t.id, t.name || t.id]));
  const column = COLUMNS.find((c) => c === view.sort);
  const descending = view.dir === "desc";
  const rows = sorted(
    standing.evaluation.results.filter((r) => units.has(r.unit) && r.status !== "excluded"),
    column,
    descending,
    (r) => nameOf(r.unit),
    (r) => targets.get(r.target) ?? r.target,
  );
  const body = rows.map(
    (r) => html`<tr data-unit="${r.unit}" data-target="${r.target}"><td>${nameOf(r.unit)}</td><td>${targets.get(r.target) ?? r.target}</td>
<td><span class="${`status status-${r.status}`}">${rw.base.status[r.status]}</span></td><td class="num">${r.threshold === null ? "" : `${rw.comparison[r.op]} ${percentText(r.threshold, lang)}`}</td>
<td class="num">${percentText(r.actual, lang)}</td><td class="num">${pointsText(r.gapPoints, lang)}</td><td class="num">${countText(r.needed, lang)}</td></tr>`,
  );
  const labels: Record<Column, string> = { unit: w.unitName, target: w.target, status: rw.base.columns.status, threshold: rw.base.columns.threshold, actual: rw.base.columns.actual, gap: rw.base.columns.gap, needed: w.gapDossiers };
  // Headings are links, so sorting works with scripts off: the same column again reverses it.
  const head = COLUMNS.map((c) => {
    const dir = c === column && !descending ? "desc" : "asc";
    const state = c === column ? (descending ? "descending" : "ascending") : undefined;
    const numeric = c !== "unit" && c !== "target" && c !== "status";
    return html`<th scope="col"${numeric ? html` class="num"` : ""}${state ? html` aria-sort="${state}"` : ""}><a class="sort" data-sort="${c}" href="${link("/pages/office", lang, { ...view.query, sort: c, dir })}#results">${labels[c]}</a></th>`;
  });
  return html`<section class="card" id="results"><h2>${w.results}</h2><div class="table-wrap"><table class="units">
<thead><tr>${head}</tr></thead>
<tbody>${body}</tbody></table></div></section>`;
}

type Row = Standing["evaluation"]["results"][number];

/** Rows in a column's order; empty values last either way, ties in the evaluation's order. */
function sorted(rows: readonly Row[], column: Column | undefined, descending: boolean, unitName: (r: Row) => string, targetName: (r: Row) => string): Row[] {
  if (column === undefined) return [...rows];
  const value = (r: Row): string | number | null => {
    switch (column) {
      case "unit": return searchKey(unitName(r));
      case "target": return searchKey(targetName(r));
      case "status": return STATUS_ORDER.indexOf(r.status);
      case "threshold": return r.threshold;
      case "actual": return r.actual;
      case "gap": return r.gapPoints;
      case "needed": return r.needed;
    }
  };
  const keyed = rows.map((row, i) => ({ row, i, v: value(row) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    const order = typeof a.v === "number" && typeof b.v === "number" ? a.v - b.v : String(a.v).localeCompare(String(b.v), "vi");
    return (descending ? -order : order) || a.i - b.i;
  });
  return keyed.map((k) => k.row);
}

/** The units to remind (not sent, or sent counts to check) as a workbook an office mails from. */
export async function remindersWorkbook(rows: readonly UnitReport[], period: string, lang: Lang): Promise<Uint8Array> {
  const w = PAGE_WORDS[lang];
  const { default: excel } = await import("exceljs");
  const book = new excel.Workbook();
  book.creator = "chitieu";
  const sheet = book.addWorksheet(w.units);
  sheet.addRow([w.unitId, w.unitName, w.tier, w.parent, w.period, w.state]).font = { bold: true };
  for (const { unit, report } of rows.filter((r) => r.report.state === "missing" || r.report.state === "flagged")) {
    // Names come from the registry anyone may have edited: a leading `=` must not become a formula.
    sheet.addRow([inert(unit.id), inert(unit.name), inert(unit.tier), inert(unit.parent ?? ""), period, w.states[report.state]]);
  }
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 40 : 16));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
