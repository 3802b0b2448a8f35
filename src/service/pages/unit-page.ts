/**
 * A unit's page: the months it owes and what it sent for each (a correction with the value it
 * replaced), the template to download, the upload form and what the last upload read, and the
 * unit's results with its charts as the HTML report draws them.
 */
import { localizeIssue } from "../../data/issue-words.js";
import type { Evaluation, Result } from "../../evaluate/result.js";
import { evaluationHistory } from "../../evaluate/history.js";
import { dateText, monthText } from "../../i18n/dates.js";
import type { Lang } from "../../i18n/lang.js";
import { countText, percentText, pointsText } from "../../i18n/numbers.js";
import { unitChart } from "../../report/html.js";
import { html, type Markup } from "../../report/markup.js";
import { REPORT_WORDS } from "../../report/report-words.js";
import type { RegistryUnit } from "../../data/types.js";
import type { ServiceContext } from "../context.js";
import type { Counts } from "../store/store.js";
import { link } from "./layout.js";
import { reportOf, type PeriodReport, type Standing } from "./standing.js";
import type { UploadAnswer } from "./upload.js";
import { PAGE_WORDS } from "./words.js";

export interface UnitView {
  readonly lang: Lang;
  readonly unit: RegistryUnit;
  readonly standing: Standing;
  readonly csrf: string;
  readonly answer: UploadAnswer | undefined;
}

export async function unitBody(ctx: ServiceContext, view: UnitView): Promise<Markup> {
  const { lang, unit, standing } = view;
  const w = PAGE_WORDS[lang];
  const base = `/pages/unit/${encodeURIComponent(unit.id)}`;
  const reports = standing.periods.map((p) => reportOf(standing, unit.id, p));
  const previous = await previousCounts(ctx, unit.id, reports);
  // The evaluations the charts draw, month by month, made for this page alone.
  const history = evaluationHistory(standing.served.evaluator, await ctx.results.preparedFor(standing.served), standing.asOf);
  const firstMissing = reports.find((r) => r.state === "missing")?.period ?? standing.periods[0];
  return html`${asOfForm(view, base)}
<section class="card" id="upload"><h2>${w.upload}</h2>
<p><a class="button" id="template" href="${link(`${base}/template.xlsx`, lang, { policy: standing.served.id, period: firstMissing })}">${firstMissing ? w.templateFor(monthText(firstMissing, lang)) : w.template}</a></p>
<form class="stack" method="post" enctype="multipart/form-data" action="${link(`${base}/upload`, lang, { policy: standing.served.id, asOf: standing.asOf })}">
<input type="hidden" name="csrf" value="${view.csrf}">
<label for="file">${w.file}</label>
<input id="file" name="file" type="file" accept=".xlsx,.csv,text/csv" required aria-describedby="file-help">
<span id="file-help" class="meta">${w.uploadHelp}</span>
<div><button type="submit">${w.send}</button></div>
</form>
${view.answer ? answerSection(ctx, view.answer, lang) : ""}
</section>
${periodsSection(view, reports, previous, base)}
${resultsSection(view, history)}`;
}

function asOfForm(view: UnitView, base: string): Markup {
  const w = PAGE_WORDS[view.lang];
  return html`<form class="inline no-print" method="get" action="${base}">
${view.lang === "en" ? html`<input type="hidden" name="lang" value="en">` : ""}
<input type="hidden" name="policy" value="${view.standing.served.id}">
<label>${w.asOf}<input type="date" name="asOf" value="${view.standing.asOf}"></label>
<button type="submit">${w.show}</button>
</form>
<p class="meta">${w.policy}: ${view.standing.served.title ?? view.standing.served.id}</p>`;
}

/** For each corrected report, the counts of the version it replaced. */
async function previousCounts(ctx: ServiceContext, unit: string, reports: readonly PeriodReport[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  for (const r of reports) {
    if (!r.version || r.version.version < 2) continue;
    const versions = await ctx.store.history(unit, r.period);
    const before = versions.at(-2);
    if (before) out.set(r.period, before.counts);
  }
  return out;
}

const fieldName = (standing: Standing, id: string): string => standing.served.policy.fields.get(id)?.name ?? id;

function periodsSection(view: UnitView, reports: readonly PeriodReport[], previous: ReadonlyMap<string, Counts>, base: string): Markup {
  const { lang, standing } = view;
  const w = PAGE_WORDS[lang];
  const rows = reports.map((r) => {
    const before = previous.get(r.period);
    const counts = Object.entries(r.version?.counts ?? {}).map(
      ([field, value]) =>
        html`<li>${fieldName(standing, field)}: <strong>${countText(value, lang)}</strong>${before && before[field] !== value ? html`<span class="was">${w.was(before[field] === undefined ? "—" : countText(before[field] ?? null, lang))}</span>` : ""}</li>`,
    );
    return html`<tr data-period="${r.period}" data-state="${r.state}"><td>${monthText(r.period, lang)}</td>
<td><span class="${`status status-${r.state === "missing" ? "missed" : r.state === "flagged" ? "no-data" : "met"}`}">${w.states[r.state]}</span></td>
<td>${counts.length > 0 ? html`<ul>${counts}</ul>` : ""}</td>
<td><a href="${link(`${base}/template.xlsx`, lang, { policy: standing.served.id, period: r.period })}">${w.template}</a></td></tr>`;
  });
  return html`<section class="card" id="periods"><h2>${w.periods}</h2><div class="table-wrap"><table>
<thead><tr><th scope="col">${w.period}</th><th scope="col">${w.state}</th><th scope="col">${REPORT_WORDS[lang].counts}</th><th scope="col">${w.template}</th></tr></thead>
<tbody>${rows}</tbody></table></div></section>`;
}

export function answerSection(ctx: ServiceContext, answer: UploadAnswer, lang: Lang): Markup {
  const w = PAGE_WORDS[lang];
  const refused = answer.refused;
  const refusal = refused === undefined ? "" : refused.kind === "bad-file" ? w.badFile : refused.kind === "not-yours" ? w.notYours(refused.unit) : w.tooManyRows(ctx.limits.uploadRows);
  const title = (column: string | null | undefined): string | null => (column === null || column === undefined ? null : [...ctx.deployment.policies.values()].map((p) => p.policy.fields.get(column)?.name).find((n) => n !== undefined) ?? column);
  const issues = answer.issues.map(
    (i) => html`<li data-issue="${i.rejected ? "rejected" : "flagged"}" data-line="${i.line}"><strong>${w.at(i.line, title(i.column))}</strong> (${i.rejected ? w.rejected : w.flagged}): ${localizeIssue(i, lang)}</li>`,
  );
  const clean = refusal === "" && answer.issues.length === 0;
  return html`<div id="answer" class="${clean ? "ok" : "notice"}" role="status"><h3>${w.answer}: ${answer.file}</h3>
${refusal ? html`<p>${refusal}</p>` : html`<p>${w.rowsRead(answer.rows.read, answer.rows.used, answer.rows.rejected)} ${w.stored(answer.stored, answer.unchanged)}</p>`}
${issues.length > 0 ? html`<ul class="issues">${issues}</ul>` : html`<p>${w.noIssues}</p>`}</div>`;
}

function resultsSection(view: UnitView, history: readonly Evaluation[]): Markup {
  const { lang, standing, unit } = view;
  const w = PAGE_WORDS[lang];
  const rw = REPORT_WORDS[lang];
  const mine = standing.evaluation.results.filter((r) => r.unit === unit.id);
  if (mine.length === 0) return html`<section class="card" id="results"><h2>${w.results}</h2><p class="empty">${w.noResults}</p></section>`;
  const targets = standing.served.policy.targets.filter((t) => mine.some((r) => r.target === t.id));
  return html`<section class="card" id="results"><h2>${w.results} · ${rw.asOf} ${dateText(standing.asOf, lang)}</h2>
<div class="table-wrap"><table class="units">
<thead><tr><th scope="col">${w.target}</th><th scope="col">${rw.base.columns.status}</th><th scope="col" class="num">${rw.base.columns.threshold}</th><th scope="col" class="num">${rw.base.columns.actual}</th><th scope="col" class="num">${rw.base.columns.gap}</th><th scope="col" class="num">${w.gapDossiers}</th><th scope="col">${w.next}</th><th scope="col" class="num">${w.risePerMonth}</th></tr></thead>
<tbody>${mine.map((r) => resultRow(view, r))}</tbody></table></div>
${targets.map((t) => unitChart(standing.evaluation, standing.served.policy, history, t, unit.id, { lang, units: [unit] }))}
</section>`;
}

function resultRow(view: UnitView, r: Result): Markup {
  const { lang, standing } = view;
  const rw = REPORT_WORDS[lang];
  const name = standing.served.policy.targets.find((t) => t.id === r.target)?.name || r.target;
  const next = r.next ? `${dateText(r.next.date, lang)} ${rw.comparison[r.op]} ${percentText(r.next.threshold, lang)}` : "";
  return html`<tr data-target="${r.target}" data-status="${r.status}"><td>${name}</td><td><span class="${`status status-${r.status}`}">${rw.base.status[r.status]}</span></td>
<td class="num">${r.threshold === null ? "" : `${rw.comparison[r.op]} ${percentText(r.threshold, lang)}`}</td><td class="num" data-col="actual">${percentText(r.actual, lang)}</td>
<td class="num" data-col="gap">${pointsText(r.gapPoints, lang)}</td><td class="num" data-col="needed">${countText(r.needed, lang)}</td>
<td>${next}</td><td class="num">${r.next?.risePerMonth == null ? "" : pointsText(r.next.risePerMonth, lang)}</td></tr>`;
}

