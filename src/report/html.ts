/**
 * The report people read: one self-contained HTML file (style, script and charts inline, no font or
 * library to fetch) that opens from a USB stick or an e-mail on an office computer with no
 * network. The policy and its legal basis, the as-of date and the next milestone; per tier the
 * units that met, missed or sent nothing and the rate from summed counts; per target a chart of
 * the schedule with every unit's monthly results and a table to sort and filter; the data issues
 * with file and row. Every text from the data is escaped (see markup.ts), and a Content Security
 * Policy lets only the report's own script run and nothing load.
 */
import { localizeIssue } from "../data/issue-words.js";
import type { RegistryUnit } from "../data/types.js";
import type { Evaluation, Group, Result, Status } from "../evaluate/result.js";
import type { Policy, Selector, Target } from "../model/policy.js";
import { toNumber } from "../number/rational.js";
import { milestonesThrough, nextMilestone } from "../schedule/schedule.js";
import { endOfMonth, type IsoDate } from "../time/calendar.js";
import { rampChart, type ChartSeries, type UnitSeries } from "./chart.js";
import { dateText } from "../i18n/dates.js";
import { countsRate, countText, percentText, pointsText, shortPercent } from "../i18n/numbers.js";
import { html, pageHead, trusted, type Markup } from "./markup.js";
import { REPORT_JS, searchKey } from "./report-script.js";
import { REPORT_CSS } from "./report-style.js";
import { capital, REPORT_WORDS, type ReportWords } from "./report-words.js";
import { missingMonths, reasonIn, scoreReasonIn } from "./words.js";
import { scoreReasonText } from "../evaluate/reasons.js";
import type { Lang } from "../i18n/lang.js";

export interface ReportOptions {
  /** Vietnamese unless said. */
  readonly lang?: Lang;
  /** The registry's units, for their names; ids are shown where a name is not known. */
  readonly units?: readonly RegistryUnit[];
}

/** Statuses in the order a sort by status lists them: the ones to act on first. */
const STATUS_ORDER: readonly Status[] = ["missed", "no-data", "incomplete", "no-denominator", "met", "not-due", "excluded"];

interface Context {
  readonly lang: Lang;
  readonly w: ReportWords;
  readonly policy: Policy;
  readonly evaluation: Evaluation;
  readonly unitName: (id: string) => string;
  readonly tierName: (id: string) => string;
  readonly metricName: (id: string) => string;
  /** What the filter matches a unit by: its name and id, its parent's, its tier's. */
  readonly searchOf: (unit: string, tier: string) => string;
}

/**
 * `history` holds the evaluations the charts draw, oldest first (see history.ts); the evaluation
 * itself is the one on the as-of date and is added when missing.
 */
export function reportHtml(evaluation: Evaluation, policy: Policy, history: readonly Evaluation[], options: ReportOptions = {}): string {
  const lang = options.lang ?? "vi";
  const w = REPORT_WORDS[lang];
  const script = REPORT_JS;
  const page = html`${pageHead(lang, `${policy.title} · ${w.asOf} ${dateText(evaluation.asOf, lang)}`, REPORT_CSS, script)}
<body>
${reportBody(evaluation, policy, history, options)}
<script>${trusted(script)}</script>
</body>
</html>
`;
  return page.text;
}

/** The report without its page: the header and the sections, as the playground shows them too. */
export function reportBody(evaluation: Evaluation, policy: Policy, history: readonly Evaluation[], options: ReportOptions = {}): Markup {
  const ctx = contextOf(evaluation, policy, options);
  const { w } = ctx;
  const past = history.some((h) => h.asOf === evaluation.asOf) ? history : [...history, evaluation];
  return html`${header(ctx)}
<main>
${summary(ctx)}
${toolbar(ctx)}
<h2 id="targets-heading">${w.targets}</h2>
${policy.targets.filter((t) => evaluation.results.some((r) => r.target === t.id)).map((t) => targetSection(ctx, t, past))}
${scoresSection(ctx)}
${scoreGroupsSection(ctx)}
${indexSections(ctx)}
${issuesSection(ctx)}
<section class="notes"><ul>${w.notes.map((n) => html`<li>${n}</li>`)}</ul></section>
<footer>${w.generated(dateText(evaluation.asOf, ctx.lang))}</footer>
</main>`;
}

function contextOf(evaluation: Evaluation, policy: Policy, options: ReportOptions): Context {
  const lang = options.lang ?? "vi";
  const w = REPORT_WORDS[lang];
  const names = new Map((options.units ?? []).map((u) => [u.id, u.name]));
  const parents = new Map((options.units ?? []).map((u) => [u.id, u.parent]));
  const unitName = (id: string): string => names.get(id) ?? policy.units.get(id)?.name ?? id;
  const tierName = (id: string): string => policy.tiers.get(id)?.name ?? id;
  return {
    lang,
    w,
    policy,
    evaluation,
    unitName,
    tierName,
    metricName: (id) => policy.metrics.get(id)?.name ?? id,
    searchOf: (unit, tier) => {
      const parent = parents.get(unit);
      return searchKey(`${unitName(unit)} ${unit} ${parent ? `${unitName(parent)} ${parent}` : ""} ${tierName(tier)} ${tier}`);
    },
  };
}

function header(ctx: Context): Markup {
  const { policy, evaluation, w, lang } = ctx;
  const basis = policy.basis ? w.basis(policy.basis.number, policy.basis.date && dateText(policy.basis.date, lang), policy.basis.issuer) : "";
  const effective = policy.effective ? w.effective(dateText(policy.effective.from, lang), policy.effective.until && dateText(policy.effective.until, lang)) : "";
  const next = nextMilestones(ctx);
  const units = new Set(evaluation.results.map((r) => r.unit)).size;
  return html`<header class="report"><div class="inner">
<p class="kicker">${w.heading} · <span class="policy-id">${policy.id}</span></p>
<h1>${policy.title}</h1>
${basis ? html`<p class="basis">${basis}</p>` : ""}
${effective ? html`<p>${effective}</p>` : ""}
<div class="facts">
<div class="fact"><span class="k">${w.asOf}</span><span class="v" id="as-of">${dateText(evaluation.asOf, lang)}</span></div>
<div class="fact"><span class="k">${w.nextMilestone}</span>${
    next
      ? html`<span class="v" id="next-milestone">${dateText(next.date, lang)}</span><ul>${next.targets.map((t) => html`<li>${t.name}: ${w.comparison[t.op]} ${shortPercent(t.threshold, lang)}</li>`)}</ul>`
      : html`<span class="v" id="next-milestone">${w.noNextMilestone}</span>`
  }</div>
<div class="fact"><span class="k">${w.units}</span><span class="v">${countText(units, lang)}</span></div>
<div class="fact"><span class="k">${w.rows}</span><span class="v">${countText(evaluation.rows.used, lang)} / ${countText(evaluation.rows.read, lang)}</span></div>
</div>
</div></header>`;
}

/** The earliest milestone after the as-of date, and every target that has one then. */
function nextMilestones(ctx: Context): { date: IsoDate; targets: { name: string; op: Target["comparison"]; threshold: number }[] } | undefined {
  const asOf = ctx.evaluation.asOf as IsoDate;
  const used = ctx.policy.targets.filter((t) => ctx.evaluation.results.some((r) => r.target === t.id));
  const next = used.flatMap((t) => {
    const m = nextMilestone(t.schedule, asOf);
    return m ? [{ target: t, date: m.date, threshold: toNumber(m.threshold) }] : [];
  });
  const first = next.map((n) => n.date).sort()[0];
  if (!first) return undefined;
  return { date: first, targets: next.filter((n) => n.date === first).map((n) => ({ name: n.target.name || n.target.id, op: n.target.comparison, threshold: n.threshold })) };
}

function summary(ctx: Context): Markup {
  const { w, lang, evaluation } = ctx;
  const tiers = [...new Set(evaluation.groups.filter((g) => g.kind === "tier").map((g) => g.id))];
  const ordered = [...[...ctx.policy.tiers.keys()].filter((t) => tiers.includes(t)), ...tiers.filter((t) => !ctx.policy.tiers.has(t))];
  const block = (groups: readonly Group[], label: string, cls: string): Markup[] => groups.map((g, i) => groupRow(ctx, g, i === 0 ? { label, span: groups.length } : undefined, cls));
  const rows = ordered.flatMap((tier) => block(evaluation.groups.filter((g) => g.kind === "tier" && g.id === tier), ctx.tierName(tier), ""));
  const totals = block(evaluation.groups.filter((g) => g.kind === "all"), w.allUnits, "total");
  return html`<section class="card" id="summary"><h2>${w.summary}</h2>
<div class="table-wrap"><table class="summary">
<thead><tr><th>${w.tier}</th><th>${w.metric}</th><th class="num">${w.units}</th><th class="num">${w.met}</th><th class="num">${w.missed}</th><th class="num">${w.noData}</th><th>${w.compliance}</th><th class="num">${w.rate}</th></tr></thead>
<tbody>${rows}${totals}</tbody>
</table></div>
<p class="meta">${lang === "vi" ? "Tỷ lệ chung: tổng tử số / tổng mẫu số." : "Rate: summed numerators / summed denominators."}</p>
</section>`;
}

/** A group's row; the first of its tier carries the tier's name over the tier's rows. */
function groupRow(ctx: Context, g: Group, first: { label: string; span: number } | undefined, cls: string): Markup {
  const { w, lang } = ctx;
  const due = g.met + g.missed + g.noData + g.noDenominator + g.incomplete;
  const share = (n: number): string => (due === 0 ? "0" : String(Math.round((1000 * n) / due) / 10));
  const compliance = due === 0 ? null : (100 * g.met) / due;
  const others = [g.excluded > 0 ? `${countText(g.excluded, lang)} ${w.excluded.toLowerCase()}` : "", g.notDue > 0 ? `${countText(g.notDue, lang)} ${w.base.status["not-due"]}` : ""].filter(Boolean).join(", ");
  return html`<tr class="${cls}" data-group="${`${g.kind}:${g.id}:${g.metric}`}">
${first ? html`<th scope="rowgroup" rowspan="${first.span}">${first.label}</th>` : ""}<td>${ctx.metricName(g.metric)}<span class="sub">${g.metric}</span></td>
<td class="num">${countText(g.units, lang)}${others ? html`<span class="sub">${others}</span>` : ""}</td>
<td class="num" data-col="met">${countText(g.met, lang)}</td>
<td class="num" data-col="missed">${countText(g.missed, lang)}</td>
<td class="num" data-col="no-data">${countText(g.noData, lang)}${subCount(g.noDenominator, w.noDenominator, "no-denominator", lang)}${subCount(g.incomplete, w.incomplete, "incomplete", lang)}</td>
<td data-col="compliance">${compliance === null ? "" : percentText(compliance, lang)}<div class="bar" aria-hidden="true"><span class="b-met" style="${`width:${share(g.met)}%`}"></span><span class="b-missed" style="${`width:${share(g.missed)}%`}"></span><span class="b-nodata" style="${`width:${share(g.noData + g.noDenominator + g.incomplete)}%`}"></span></div></td>
<td class="num" data-col="rate">${countsRate(g.numerator, g.denominator, lang)}<span class="sub">${countText(g.numerator, lang)} / ${countText(g.denominator, lang)}</span></td>
</tr>`;
}

/** A count that shares the no-data column, shown only when there is one: "+2 incomplete". */
function subCount(count: number, label: string, key: string, lang: Lang): Markup | "" {
  return count > 0 ? html`<span class="sub" data-col="${key}">+${countText(count, lang)} ${label.toLowerCase()}</span>` : "";
}

function toolbar(ctx: Context): Markup {
  const { w } = ctx;
  const statuses = STATUS_ORDER.filter((s) => ctx.evaluation.results.some((r) => r.status === s));
  return html`<div class="toolbar no-print" role="search">
<label for="filter">${w.filter}</label>
<input type="search" id="filter" placeholder="${w.filterPlaceholder}" autocomplete="off">
<select id="status-filter" aria-label="${w.base.columns.status}"><option value="">${w.anyStatus}</option>${statuses.map((s) => html`<option value="${s}">${w.base.status[s]}</option>`)}</select>
<span class="count"><span id="shown"></span> ${w.shown} · ${w.sortHint}</span>
</div>`;
}

function targetSection(ctx: Context, target: Target, history: readonly Evaluation[]): Markup {
  const { w, lang, evaluation } = ctx;
  const asOf = evaluation.asOf as IsoDate;
  const results = evaluation.results.filter((r) => r.target === target.id);
  const next = nextMilestone(target.schedule, asOf);
  const chart = targetChart(ctx, target, results, history, true);
  const stated = target.schedule.milestones.map((m) => `${dateText(m.date, lang)} ${w.comparison[target.comparison]} ${shortPercent(toNumber(m.threshold), lang)}`).join(" · ");
  // A milestone is due once any result has one, whether or not anything could be judged against it.
  const due = results.some((r) => r.milestone !== null);
  return html`<article class="card target" id="${`target-${target.id}`}" data-target="${target.id}">
<h3>${target.name || target.id}</h3>
<p class="meta"><code>${target.id}</code> · ${w.metric}: ${ctx.metricName(target.metric)} (<code>${target.metric}</code>) · ${w.appliesTo}: ${selectorText(ctx, target.selector)} · ${w.rule}: <code>${target.rule.file}:${target.rule.line}</code></p>
<p class="meta">${w.schedule}: ${stated}${target.schedule.repeat ? ` …` : ""}${next ? html` · ${w.nextMilestone}: <strong>${dateText(next.date, lang)} ${w.comparison[target.comparison]} ${shortPercent(toNumber(next.threshold), lang)}</strong>` : ""}</p>
${chart}
${due ? "" : html`<p class="empty">${w.noActualYet}</p>`}
${unitsTable(ctx, results)}
</article>`;
}

/**
 * One unit's chart of a target, as the report draws it, for the unit's own page: its line alone,
 * without the tier's total, which a unit is not shown.
 */
export function unitChart(evaluation: Evaluation, policy: Policy, history: readonly Evaluation[], target: Target, unit: string, options: ReportOptions = {}): Markup {
  const ctx = contextOf(evaluation, policy, options);
  const past = history.some((h) => h.asOf === evaluation.asOf) ? history : [...history, evaluation];
  const results = evaluation.results.filter((r) => r.target === target.id && r.unit === unit);
  return targetChart(ctx, target, results, past, false);
}

function targetChart(ctx: Context, target: Target, results: readonly Result[], history: readonly Evaluation[], totals: boolean): Markup {
  const { w, lang } = ctx;
  const asOf = ctx.evaluation.asOf as IsoDate;
  const next = nextMilestone(target.schedule, asOf);
  const edge = next && next.date > asOf ? next.date : asOf;
  const milestones = milestonesThrough(target.schedule, edge).map((m) => ({ date: m.date, threshold: toNumber(m.threshold) }));
  return rampChart({
    lang,
    title: w.chartTitle(ctx.metricName(target.metric)),
    op: target.comparison,
    milestones,
    asOf,
    units: unitSeries(ctx, target, results, history),
    aggregates: totals ? aggregateSeries(ctx, target, results, history) : [],
    labels: { ramp: w.ramp, unitsMet: w.unitsMet, unitsMissed: w.unitsMissed, unitsOther: w.unitsOther },
  });
}

function selectorText(ctx: Context, selector: Selector): string {
  const item = (i: Selector["include"][number]): string =>
    i.kind === "all" ? ctx.w.allUnits.toLowerCase() : i.kind === "tier" ? ctx.tierName(i.id) : i.kind === "unit" ? ctx.unitName(i.id) : `${ctx.lang === "vi" ? "nhóm" : "tag"} ${i.id}`;
  const include = selector.include.map(item).join("; ");
  if (selector.exclude.length === 0) return include;
  return `${include} ${ctx.lang === "vi" ? "trừ" : "except"} ${selector.exclude.map(item).join("; ")}`;
}

const keyOf = (unit: string, target: string): string => `${unit}\u0000${target}`;

function indexed(history: readonly Evaluation[], target: string): Map<string, Result>[] {
  return history.map((h) => new Map(h.results.filter((r) => r.target === target).map((r) => [keyOf(r.unit, r.target), r])));
}

/**
 * A result is drawn at the end of the last month its counts cover: on 15/10 the milestone due is
 * still 30/09's, judged on September's counts, so that point belongs to September. Two dates that
 * judge the same month give one point (the later evaluation's).
 */
function pointDate(results: readonly (Result | undefined)[]): IsoDate | undefined {
  const to = results.find((r) => r?.explanation.window)?.explanation.window?.to;
  return to === undefined ? undefined : endOfMonth(`${to}-01` as IsoDate);
}

function byMonth(points: readonly { date: IsoDate | undefined; value: number | null }[]): { date: IsoDate; value: number | null }[] {
  const months = new Map<IsoDate, number | null>();
  for (const p of points) if (p.date !== undefined) months.set(p.date, p.value);
  return [...months].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, value]) => ({ date, value }));
}

function unitSeries(ctx: Context, target: Target, results: readonly Result[], history: readonly Evaluation[]): UnitSeries[] {
  const byDate = indexed(history, target.id);
  return results
    .filter((r) => r.status !== "excluded")
    .map((r) => ({
      id: r.unit,
      label: ctx.unitName(r.unit),
      status: r.status,
      search: ctx.searchOf(r.unit, r.tier),
      points: byMonth(
        byDate.map((results) => {
          const result = results.get(keyOf(r.unit, target.id));
          return { date: pointDate([result]), value: result?.actual ?? null };
        }),
      ),
    }));
}

/** Per tier under the target: summed numerators over summed denominators, month by month. */
function aggregateSeries(ctx: Context, target: Target, results: readonly Result[], history: readonly Evaluation[]): ChartSeries[] {
  const tiers = [...new Set(results.filter((r) => r.status !== "excluded").map((r) => r.tier))];
  return tiers.map((tier) => ({
    id: tier,
    label: ctx.w.aggregate(ctx.tierName(tier)),
    points: byMonth(
      history.map((h) => {
        const mine = h.results.filter((r) => r.target === target.id && r.tier === tier);
        let numerator = 0;
        let denominator = 0;
        for (const r of mine) {
          if (r.numerator === null || r.denominator === null) continue;
          numerator += r.numerator;
          denominator += r.denominator;
        }
        return { date: pointDate(mine), value: denominator > 0 ? (100 * numerator) / denominator : null };
      }),
    ),
  }));
}

/** A sortable column heading; `key` names the column for scripts and tests. */
function sortHead(key: string, label: string, type: "num" | "text", cls = ""): Markup {
  return html`<th class="${cls}" data-key="${key}" data-type="${type}"><button type="button" class="sort">${capital(label)}</button></th>`;
}

/** Sort keys of measured values: six decimals are finer than any figure shown. */
const sortKey = (value: number | null): string => (value === null ? "" : String(Math.round(value * 1e6) / 1e6));

/** Worst first: by tier as the policy lists them, then status (missed first), then the largest gap. */
function tableOrder(ctx: Context, results: readonly Result[]): Result[] {
  const tiers = [...ctx.policy.tiers.keys()];
  const tierIndex = (t: string): number => (tiers.includes(t) ? tiers.indexOf(t) : tiers.length);
  return [...results].sort(
    (a, b) =>
      tierIndex(a.tier) - tierIndex(b.tier) ||
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
      (a.gapPoints === null || b.gapPoints === null ? Number(a.gapPoints === null) - Number(b.gapPoints === null) : b.gapPoints - a.gapPoints),
  );
}

function unitsTable(ctx: Context, results: readonly Result[]): Markup {
  const { w, lang } = ctx;
  const c = w.base.columns;
  const rows = tableOrder(ctx, results).map((r) => {
    const name = ctx.unitName(r.unit);
    const threshold = r.threshold === null ? "" : `${w.comparison[r.op]} ${percentText(r.threshold, lang)}`;
    return html`<tr data-unit="${r.unit}" data-status="${r.status}" data-search="${ctx.searchOf(r.unit, r.tier)}">
<td data-sort="${name}"><span class="unit-name">${name}</span><span class="unit-id">${r.unit}</span></td><td>${r.tier}</td>
<td data-sort="${r.milestone ?? ""}">${r.milestone ? dateText(r.milestone, lang) : ""}</td><td class="num" data-sort="${sortKey(r.threshold)}">${threshold}</td>
<td class="num" data-sort="${sortKey(r.actual)}">${r.actual === null ? "" : countsRate(r.numerator, r.denominator, lang)}</td><td class="num" data-sort="${sortKey(r.denominator)}">${r.numerator === null ? "" : `${countText(r.numerator, lang)} / ${countText(r.denominator, lang)}`}</td>
<td data-sort="${STATUS_ORDER.indexOf(r.status)}"><span class="${`status status-${r.status}`}"${reasonIn(r, lang) ? html` title="${reasonIn(r, lang)}"` : ""}>${w.base.status[r.status]}</span>${monthsNote(r, w)}</td>
<td class="num" data-sort="${sortKey(r.gapPoints)}">${pointsText(r.gapPoints, lang)}</td><td class="num" data-sort="${sortKey(r.needed)}">${countText(r.needed, lang)}</td>
<td class="num" data-sort="${sortKey(r.score)}">${pointsText(r.score, lang)}</td><td class="num" data-sort="${sortKey(r.rank)}">${r.rank === null ? "" : String(r.rank)}</td></tr>`;
  });
  const heads = [
    sortHead("unit", c.unit, "text"),
    sortHead("tier", w.tier, "text"),
    sortHead("milestone", c.milestone, "text"),
    sortHead("threshold", c.threshold, "num", "num"),
    sortHead("actual", c.actual, "num", "num"),
    sortHead("counts", w.counts, "num", "num"),
    sortHead("status", c.status, "num"),
    sortHead("gap", c.gap, "num", "num"),
    sortHead("needed", c.needed, "num", "num"),
    sortHead("score", c.score, "num", "num"),
    sortHead("rank", c.rank, "num", "num"),
  ];
  return html`<div class="table-wrap"><table class="units sortable">
<thead><tr>${heads}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

function monthsNote(r: Result, w: ReportWords): Markup | "" {
  const missing = missingMonths(r, w.base);
  return missing ? html`<span class="sub months">${missing}</span>` : "";
}

function scoresSection(ctx: Context): Markup | "" {
  const { w, lang, evaluation } = ctx;
  if (evaluation.scores.length === 0) return "";
  const rows = evaluation.scores.map((s) => {
    const name = ctx.unitName(s.unit);
    return html`<tr data-unit="${s.unit}" data-status="" data-search="${ctx.searchOf(s.unit, s.tier)}">
<td data-sort="${name}"><span class="unit-name">${name}</span><span class="unit-id">${s.unit}</span></td><td>${s.tier}</td><td><code>${s.score}</code></td>
<td class="num" data-sort="${sortKey(s.points)}">${s.points === null ? html`<span class="why">${scoreReasonIn(s, lang) ?? ""}</span>` : pointsText(s.points, lang)}</td>
<td class="num" data-sort="${sortKey(s.rank)}">${s.rank === null ? "" : String(s.rank)}</td></tr>`;
  });
  const c = w.base.columns;
  return html`<section class="card" id="scores"><h2>${w.scores}</h2><div class="table-wrap"><table class="scores sortable">
<thead><tr>${sortHead("unit", c.unit, "text")}${sortHead("tier", w.tier, "text")}${sortHead("score", c.score, "text")}${sortHead("points", c.points, "num", "num")}${sortHead("rank", c.rank, "num", "num")}</tr></thead>
<tbody>${rows}</tbody></table></div></section>`;
}

/** Groups' scores, from their summed counts: the provincial total a portal publishes beside its units. */
function scoreGroupsSection(ctx: Context): Markup | "" {
  const { w, lang, evaluation } = ctx;
  const groups = evaluation.scoreGroups ?? [];
  if (groups.length === 0) return "";
  const rows = groups.map(
    (g) => html`<tr><td>${w.base.groupName(g.kind, g.id)}</td><td><code>${g.score}</code></td>
<td class="num" data-sort="${sortKey(g.points)}">${g.points === null ? html`<span class="why">${g.because ? scoreReasonText(g.because, lang) : (g.reason ?? "")}</span>` : pointsText(g.points, lang)}</td></tr>`,
  );
  const c = w.base.columns;
  return html`<section class="card" id="score-groups"><h2>${capital(w.base.scoreGroups)}</h2><div class="table-wrap"><table class="score-groups sortable">
<thead><tr>${sortHead("group", capital(w.base.groupHeading), "text")}${sortHead("score", c.score, "text")}${sortHead("points", c.points, "num", "num")}</tr></thead>
<tbody>${rows}</tbody></table></div></section>`;
}

/** Per index, each unit's components and total with its rank of its tier's, then the groups' totals. */
function indexSections(ctx: Context): Markup[] {
  const { w, lang, evaluation } = ctx;
  const indexes = evaluation.indexes ?? [];
  return [...new Set(indexes.map((x) => x.index))].map((id) => {
    const mine = indexes.filter((x) => x.index === id);
    const [first] = mine;
    const components = first?.components.map((c) => c.score) ?? [];
    const cells = (list: readonly { points: number | null }[]) => list.map((c) => html`<td class="num" data-sort="${sortKey(c.points)}">${c.points === null ? "" : pointsText(c.points, lang)}</td>`);
    const rows = mine.map((x) => {
      const name = ctx.unitName(x.unit);
      const total = x.total === null ? html`<span class="why">${x.because ? scoreReasonText(x.because, lang) : (x.reason ?? "")}</span>` : pointsText(x.total, lang);
      return html`<tr data-unit="${x.unit}" data-status="" data-search="${ctx.searchOf(x.unit, x.tier)}">
<td data-sort="${name}"><span class="unit-name">${name}</span><span class="unit-id">${x.unit}</span></td><td>${x.tier}</td>${cells(x.components)}
<td class="num" data-sort="${sortKey(x.total)}"><strong>${total}</strong></td><td class="num" data-sort="${sortKey(x.rank)}">${x.rank === null ? "" : `${x.rank}/${x.ranked}`}</td></tr>`;
    });
    const groups = (evaluation.indexGroups ?? []).filter((g) => g.index === id);
    const groupRows = groups.map(
      (g) => html`<tr class="group-row"><td>${w.base.groupName(g.kind, g.id)}</td><td></td>${cells(g.components)}<td class="num"><strong>${g.total === null ? "" : pointsText(g.total, lang)}</strong></td><td></td></tr>`,
    );
    const c = w.base.columns;
    return html`<section class="card" id="${`index-${id}`}"><h2>${capital(w.base.index(id, String(first?.maximum ?? "")))}</h2><div class="table-wrap"><table class="index sortable">
<thead><tr>${sortHead("unit", c.unit, "text")}${sortHead("tier", w.tier, "text")}${components.map((s) => sortHead(s, s, "num", "num"))}${sortHead("total", capital(w.base.total), "num", "num")}${sortHead("rank", c.rank, "num", "num")}</tr></thead>
<tbody>${rows}</tbody>${groups.length > 0 ? html`<tfoot>${groupRows}</tfoot>` : ""}</table></div></section>`;
  });
}

function issuesSection(ctx: Context): Markup {
  const { w, lang, evaluation } = ctx;
  const { read, used, rejected } = evaluation.rows;
  const summaryLine = w.base.rows(read, used, rejected, evaluation.dataIssues.length);
  if (evaluation.dataIssues.length === 0) {
    return html`<section class="card" id="data-issues"><h2>${w.dataIssues}</h2><p>${summaryLine}</p><p class="empty">${w.noDataIssues}</p></section>`;
  }
  const rows = evaluation.dataIssues.map(
    (i) => html`<tr data-issue="${i.rejected ? "rejected" : "flagged"}"><td><code>${i.file}</code></td><td class="num">${i.line}</td><td>${i.column ?? ""}</td><td><code>${i.code}</code></td>
<td><span class="${`status ${i.rejected ? "status-missed" : "status-no-data"}`}">${i.rejected ? w.base.rejected : w.base.flagged}</span></td><td>${localizeIssue(i, lang)}</td></tr>`,
  );
  return html`<section class="card" id="data-issues"><h2>${w.dataIssues}</h2><p>${summaryLine}</p><div class="table-wrap"><table class="issues sortable">
<thead><tr>${sortHead("file", w.file, "text")}${sortHead("line", w.line, "num", "num")}${sortHead("column", w.column, "text")}${sortHead("code", w.code, "text")}${sortHead("action", w.action, "text")}<th>${w.message}</th></tr></thead>
<tbody>${rows}</tbody></table></div></section>`;
}
