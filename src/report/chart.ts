/**
 * A target's chart as inline SVG, drawn here rather than by a chart library in the page: the report
 * must open with no network, stay small, and print sharply (vectors, no script needed to draw).
 * Time runs left to right from the first result (or milestone) to the as-of date or the next
 * milestone; the schedule is a step line through its milestones, the side that misses it is
 * shaded, each unit is a thin line coloured by its status on the as-of date, and each tier's
 * total (from summed counts) is a thick line.
 */
import { rises } from "../model/expression.js";
import type { Status } from "../evaluate/result.js";
import type { Comparison } from "../model/policy.js";
import type { IsoDate } from "../time/calendar.js";
import { formatMonth } from "../data/period.js";
import { dateText, monthText } from "../i18n/dates.js";
import { percentText, shortPercent } from "../i18n/numbers.js";
import { html, type Markup } from "./markup.js";
import type { Lang } from "../i18n/lang.js";

export interface ChartPoint {
  readonly date: IsoDate;
  /** Percent (65 means 65%); null when there was no result with a value on that date. */
  readonly value: number | null;
}

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly points: readonly ChartPoint[];
}

export interface UnitSeries extends ChartSeries {
  /** On the as-of date: the line's colour. */
  readonly status: Status;
  /** Lower-case text the page's filter matches against. */
  readonly search: string;
}

export interface ChartInput {
  readonly lang: Lang;
  readonly title: string;
  readonly op: Comparison;
  /** Milestones up to the right edge, thresholds in percent. */
  readonly milestones: readonly { readonly date: IsoDate; readonly threshold: number }[];
  readonly asOf: IsoDate;
  readonly units: readonly UnitSeries[];
  readonly aggregates: readonly ChartSeries[];
  readonly labels: {
    readonly ramp: string;
    readonly unitsMet: string;
    readonly unitsMissed: string;
    readonly unitsOther: string;
  };
}

const WIDTH = 760;
const HEIGHT = 300;
const MARGIN = { left: 44, right: 58, top: 18, bottom: 30 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** Colours of the tier totals, in order; chosen apart from the units' green and red. */
export const AGGREGATE_COLOURS = ["#1d4ed8", "#7c3aed", "#b45309", "#0e7490", "#be185d"] as const;

const day = (date: IsoDate): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const fixed = (n: number): string => String(Math.round(n * 10) / 10);

export function rampChart(input: ChartInput): Markup {
  // Loops rather than Math.min(...all): a province-wide chart may have hundreds of thousands of points.
  const series = [...input.units, ...input.aggregates];
  let start = day(input.asOf);
  let end = day(input.asOf);
  let highest = 0;
  for (const s of series) {
    for (const p of s.points) {
      if (p.value === null) continue;
      start = Math.min(start, day(p.date));
      highest = Math.max(highest, p.value);
    }
  }
  for (const m of input.milestones) {
    start = Math.min(start, day(m.date));
    end = Math.max(end, day(m.date));
    highest = Math.max(highest, m.threshold);
  }
  // Half a month either side, so the first and last points do not sit on the frame.
  const x0 = start - 15;
  const x1 = Math.max(end + 15, x0 + 45);
  const top = Math.max(100, Math.ceil(highest / 10) * 10);
  const x = (d: number): number => MARGIN.left + ((d - x0) / (x1 - x0)) * PLOT_W;
  const y = (v: number): number => MARGIN.top + PLOT_H - (v / top) * PLOT_H;
  const xd = (date: IsoDate): number => x(day(date));

  const grid = [];
  for (let v = 0; v <= top; v += top > 100 ? 25 : 20) {
    grid.push(html`<line class="grid" x1="${MARGIN.left}" x2="${MARGIN.left + PLOT_W}" y1="${fixed(y(v))}" y2="${fixed(y(v))}"/><text class="tick" x="${MARGIN.left - 6}" y="${fixed(y(v) + 4)}" text-anchor="end">${shortPercent(v, input.lang)}</text>`);
  }
  const months = monthTicks(x0, x1);
  const every = Math.max(1, Math.ceil(months.length / 12));
  const xTicks = months
    .filter((_, i) => i % every === 0)
    .map((m) => html`<line class="grid faint" x1="${fixed(x(m.day))}" x2="${fixed(x(m.day))}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_H}"/><text class="tick" x="${fixed(x(m.day))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${monthText(formatMonth(m.month), input.lang)}</text>`);

  const ramp = stepPath(input.milestones, xd, y, x(x1));
  const rising = rises(input.op);
  const shade = ramp.length > 0 ? html`<path class="miss-zone" d="${`${ramp} V${fixed(y(rising ? 0 : top))} H${fixed(xd(input.milestones[0]!.date))} Z`}"/>` : "";
  const milestoneMarks = input.milestones.map(
    (m) => html`<circle class="ramp-point" cx="${fixed(xd(m.date))}" cy="${fixed(y(m.threshold))}" r="3.5"><title>${dateText(m.date, input.lang)}: ${input.op} ${percentText(m.threshold, input.lang)}</title></circle>`,
  );
  // Above the unit lines and the totals, each threshold just left of its step, on a white halo.
  const labelled = input.milestones.filter((_, i) => input.milestones.length <= 8 || i === input.milestones.length - 1);
  const milestoneLabels = labelled.map((m) => tag(xd(m.date) - 5, y(m.threshold) - 7, shortPercent(m.threshold, input.lang), "ramp-label", "end"));

  const unitLines = input.units.map(
    (s) =>
      html`<g class="${`unit-line status-${s.status}`}" data-unit="${s.id}" data-search="${s.search}"><title>${s.label}: ${pointsTitle(s, input.lang)}</title>${linePaths(s.points, xd, y)}${dots(s.points, xd, y, 2)}</g>`,
  );
  const ends = endLabels(input.aggregates, xd, y);
  const aggregateLines = input.aggregates.map((s, i) => {
    const colour = AGGREGATE_COLOURS[i % AGGREGATE_COLOURS.length]!;
    const end = ends[i];
    const label = end ? tag(end.x + 7, end.y + 4, percentText(end.value, input.lang), "aggregate-label", "start", colour) : "";
    return html`<g class="aggregate" data-tier="${s.id}" style="${`--c:${colour}`}"><title>${s.label}: ${pointsTitle(s, input.lang)}</title>${linePaths(s.points, xd, y)}${dots(s.points, xd, y, 3.5)}${label}</g>`;
  });
  const asOfX = fixed(xd(input.asOf));
  const asOfLine = html`<line class="as-of" x1="${asOfX}" x2="${asOfX}" y1="${MARGIN.top - 6}" y2="${MARGIN.top + PLOT_H}"/><text class="as-of-label" x="${asOfX}" y="${MARGIN.top - 8}" text-anchor="middle">${dateText(input.asOf, input.lang)}</text>`;

  const legend = html`<ul class="legend">
<li><span class="key key-ramp"></span>${input.labels.ramp}</li>
${input.aggregates.map((s, i) => html`<li><span class="key key-aggregate" style="${`--c:${AGGREGATE_COLOURS[i % AGGREGATE_COLOURS.length]!}`}"></span>${s.label}</li>`)}
<li><span class="key key-met"></span>${input.labels.unitsMet}</li>
<li><span class="key key-missed"></span>${input.labels.unitsMissed}</li>
${input.units.some((s) => s.status !== "met" && s.status !== "missed") ? html`<li><span class="key key-other"></span>${input.labels.unitsOther}</li>` : ""}
</ul>`;

  return html`<figure class="chart"><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${input.title}"><title>${input.title}</title>
<g class="axes">${grid}${xTicks}</g>
${shade}
<g class="units">${unitLines}</g>
<path class="ramp" d="${ramp}"/>${milestoneMarks}
${aggregateLines}
${asOfLine}
${milestoneLabels}
</svg>${legend}</figure>`;
}

/** The threshold in force over time: flat from each milestone to the next, then to the right edge. */
function stepPath(milestones: ChartInput["milestones"], xd: (d: IsoDate) => number, y: (v: number) => number, right: number): string {
  if (milestones.length === 0) return "";
  const parts = milestones.map((m, i) => `${i === 0 ? "M" : "V"}${i === 0 ? `${fixed(xd(m.date))},${fixed(y(m.threshold))}` : fixed(y(m.threshold))} H${fixed(milestones[i + 1] ? xd(milestones[i + 1]!.date) : right)}`);
  return parts.join(" ");
}

/** A short label on a white plate, so no line drawn under it cuts through its digits. */
function tag(x: number, baseline: number, text: string, cls: string, anchor: "start" | "end", colour?: string): Markup {
  // Digits and the percent sign at these sizes are about 0.6 em wide; the plate need not be exact.
  const width = text.length * 6.9 + 4;
  const left = anchor === "start" ? x - 2 : x - width + 2;
  return html`<rect class="plate" x="${fixed(left)}" y="${fixed(baseline - 11)}" width="${fixed(width)}" height="14" rx="2"/><text class="${cls}" x="${fixed(x)}" y="${fixed(baseline)}" text-anchor="${anchor}"${colour ? html` fill="${colour}"` : ""}>${text}</text>`;
}

/**
 * Where each total's last value is written: at its last point, moved apart vertically so that
 * totals ending close together (84.76%, 81.82%, 79.02%) do not print over one another.
 */
function endLabels(series: readonly ChartSeries[], xd: (d: IsoDate) => number, y: (v: number) => number): ({ x: number; y: number; value: number } | undefined)[] {
  const ends = series.map((s) => {
    const last = [...s.points].reverse().find((p) => p.value !== null);
    return last && last.value !== null ? { x: xd(last.date), y: y(last.value), value: last.value } : undefined;
  });
  const GAP = 13;
  const placed = ends.flatMap((e, i) => (e ? [{ i, y: e.y }] : [])).sort((a, b) => a.y - b.y);
  for (let k = 1; k < placed.length; k++) placed[k]!.y = Math.max(placed[k]!.y, placed[k - 1]!.y + GAP);
  // Pushed below the plot: move the stack back up.
  const overflow = (placed.at(-1)?.y ?? 0) - (MARGIN.top + PLOT_H);
  if (overflow > 0) placed.forEach((p) => (p.y -= overflow));
  return ends.map((e, i) => e && { ...e, y: placed.find((p) => p.i === i)!.y });
}

/** A line through the points with values, broken where a date has none. */
function linePaths(points: readonly ChartPoint[], xd: (d: IsoDate) => number, y: (v: number) => number): Markup {
  const runs: string[] = [];
  let run: string[] = [];
  for (const p of points) {
    if (p.value === null) {
      if (run.length > 1) runs.push(run.join(" "));
      run = [];
      continue;
    }
    run.push(`${run.length === 0 ? "M" : "L"}${fixed(xd(p.date))},${fixed(y(p.value))}`);
  }
  if (run.length > 1) runs.push(run.join(" "));
  return html`${runs.map((d) => html`<path d="${d}"/>`)}`;
}

function dots(points: readonly ChartPoint[], xd: (d: IsoDate) => number, y: (v: number) => number, r: number): Markup {
  return html`${points.filter((p) => p.value !== null).map((p) => html`<circle cx="${fixed(xd(p.date))}" cy="${fixed(y(p.value!))}" r="${r}"/>`)}`;
}

function pointsTitle(s: ChartSeries, lang: Lang): string {
  return s.points.map((p) => `${dateText(p.date, lang)} ${p.value === null ? "–" : percentText(p.value, lang)}`).join("; ");
}

/** The last day of every month that ends inside the range: results are dated at month ends, so each sits on its month's label. */
function monthTicks(x0: number, x1: number): { day: number; month: number }[] {
  const ticks: { day: number; month: number }[] = [];
  const first = new Date(x0 * 86_400_000);
  for (let index = first.getUTCFullYear() * 12 + first.getUTCMonth(); ; index++) {
    // Day 0 of the next month is the last of this one.
    const d = Date.UTC(Math.floor((index + 1) / 12), (index + 1) % 12, 0) / 86_400_000;
    if (d > x1) break;
    if (d >= x0) ticks.push({ day: d, month: index });
  }
  return ticks;
}
