/**
 * The report's style sheet, inline. System fonts only (no font file to fetch; every one of them
 * has Vietnamese diacritics), status colours that print, and an A4 landscape print layout without
 * the page's controls.
 */
export const REPORT_CSS = `
:root {
  --ink: #111827; --muted: #4b5563; --line: #d1d5db; --bg: #f8fafc; --card: #ffffff;
  --met: #15803d; --met-bg: #dcfce7; --missed: #b91c1c; --missed-bg: #fee2e2;
  --nodata: #92400e; --nodata-bg: #fef3c7; --other: #4b5563; --other-bg: #f3f4f6;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 "Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 40px; }
header.report { background: #0f2f57; color: #fff; padding: 22px 24px 18px; }
header.report .inner { max-width: 1180px; margin: 0 auto; }
header.report .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: 12px; opacity: .8; margin: 0; }
header.report h1 { font-size: 22px; line-height: 1.25; margin: 4px 0 8px; }
header.report p { margin: 2px 0; font-size: 13.5px; opacity: .95; }
.facts { display: flex; flex-wrap: wrap; gap: 10px 28px; margin-top: 12px; }
.fact { border-left: 3px solid #60a5fa; padding-left: 10px; }
.fact .k { display: block; font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; opacity: .8; }
.fact .v { font-size: 16px; font-weight: 600; }
.fact ul { margin: 2px 0 0; padding-left: 16px; font-size: 13px; }
h2 { font-size: 18px; margin: 28px 0 10px; }
.card > h2:first-child { margin-top: 0; }
h3 { font-size: 16px; margin: 0 0 4px; }
section.card, article.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; margin: 14px 0; }
.meta { color: var(--muted); font-size: 12.5px; margin: 0 0 8px; }
.meta code, td code { font-size: 12px; background: #eef2f7; padding: 0 4px; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #e5e7eb; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f1f5f9; font-weight: 600; font-size: 12.5px; white-space: nowrap; }
td.num, th.num { text-align: right; }
tr.total td, tr.total th { font-weight: 600; background: #f8fafc; }
tbody th[scope=rowgroup] { background: #fff; font-weight: 600; white-space: normal; max-width: 260px; border-right: 1px solid #e5e7eb; }
table.summary tbody tr:not(.total) + tr:has(th[scope=rowgroup]) > * { border-top: 2px solid #cbd5e1; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.status-met { color: var(--met); background: var(--met-bg); }
.status-missed { color: var(--missed); background: var(--missed-bg); }
.status-no-data, .status-no-denominator, .status-incomplete { color: var(--nodata); background: var(--nodata-bg); }
.status-not-due, .status-excluded { color: var(--other); background: var(--other-bg); }
tr[data-status=missed] td:first-child, tr[data-issue=rejected] td:first-child { box-shadow: inset 3px 0 0 var(--missed); }
tr[data-status=met] td:first-child { box-shadow: inset 3px 0 0 var(--met); }
tr[data-status=no-data] td:first-child, tr[data-status=no-denominator] td:first-child, tr[data-status=incomplete] td:first-child, tr[data-issue=flagged] td:first-child { box-shadow: inset 3px 0 0 #d97706; }
.unit-name { font-weight: 600; }
.unit-id { display: block; color: var(--muted); font-size: .88em; }
.sub { display: block; color: var(--muted); font-size: .88em; white-space: nowrap; }
.bar { display: flex; height: 10px; width: 160px; border-radius: 5px; overflow: hidden; background: var(--other-bg); margin-top: 3px; }
.bar span { display: block; height: 100%; }
.bar .b-met { background: var(--met); } .bar .b-missed { background: var(--missed); } .bar .b-nodata { background: #f59e0b; }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; background: #fffffff2; border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; margin: 16px 0 6px; }
.toolbar label { font-weight: 600; }
.toolbar input[type=search] { flex: 1 1 260px; min-width: 200px; padding: 6px 10px; border: 1px solid #9ca3af; border-radius: 6px; font: inherit; }
.toolbar select { padding: 5px 8px; border: 1px solid #9ca3af; border-radius: 6px; font: inherit; background: #fff; }
.toolbar .count { color: var(--muted); font-size: 12.5px; }
th button.sort { all: unset; cursor: pointer; display: inline-flex; gap: 4px; align-items: center; }
th button.sort:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
th button.sort::after { content: "↕"; color: #9ca3af; font-size: 11px; }
th[aria-sort=ascending] button.sort::after { content: "▲"; color: var(--ink); }
th[aria-sort=descending] button.sort::after { content: "▼"; color: var(--ink); }
.table-wrap { overflow-x: auto; }
figure.chart { margin: 6px 0 10px; }
figure.chart svg { width: 100%; height: auto; display: block; max-height: 360px; }
svg .grid { stroke: #e5e7eb; stroke-width: 1; }
svg .grid.faint { stroke: #f1f5f9; }
svg .tick { fill: #6b7280; font-size: 11px; }
svg .miss-zone { fill: #ef4444; fill-opacity: .06; stroke: none; }
svg .ramp { fill: none; stroke: #111827; stroke-width: 2.2; stroke-linejoin: miter; }
svg .ramp-point { fill: #111827; }
svg .ramp-label { fill: #111827; font-size: 11px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .unit-line path { fill: none; stroke-width: 1.2; stroke-opacity: .38; }
svg .unit-line circle { stroke: none; fill-opacity: .5; }
svg .unit-line.status-met path { stroke: var(--met); } svg .unit-line.status-met circle { fill: var(--met); }
svg .unit-line.status-missed path { stroke: #dc2626; stroke-opacity: .5; } svg .unit-line.status-missed circle { fill: #dc2626; }
svg .unit-line.status-no-data path, svg .unit-line.status-no-denominator path, svg .unit-line.status-not-due path, svg .unit-line.status-incomplete path { stroke: #6b7280; }
svg .unit-line.status-no-data circle, svg .unit-line.status-no-denominator circle, svg .unit-line.status-not-due circle, svg .unit-line.status-incomplete circle { fill: #6b7280; }
svg .unit-line:hover path { stroke-opacity: 1; stroke-width: 2.5; }
svg.filtered .unit-line { opacity: .15; }
svg.filtered .unit-line.match { opacity: 1; }
svg.filtered .unit-line.match path { stroke-opacity: 1; stroke-width: 2.5; }
svg .aggregate path { fill: none; stroke: var(--c); stroke-width: 3.2; stroke-linejoin: round; }
svg .aggregate circle { fill: var(--c); stroke: #fff; stroke-width: 1.2; }
svg .aggregate-label { font-size: 11.5px; font-weight: 700; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
svg .plate { fill: #fff; fill-opacity: .9; }
svg .as-of { stroke: #6b7280; stroke-dasharray: 4 3; }
svg .as-of-label { fill: #374151; font-size: 11px; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 4px 0 0; padding: 0; font-size: 12.5px; color: #374151; }
ul.legend li { display: inline-flex; align-items: center; gap: 6px; }
.key { display: inline-block; width: 22px; height: 0; border-top: 2px solid; }
.key-ramp { border-color: #111827; border-top-width: 2.5px; }
.key-aggregate { border-color: var(--c); border-top-width: 4px; }
.key-met { border-color: #15803d99; } .key-missed { border-color: #dc2626aa; } .key-other { border-color: #6b728099; }
.notes, .why { color: var(--muted); font-size: 12.5px; }
.notes li { margin: 2px 0; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { background: #fff; font-size: 10.5px; }
  main { max-width: none; padding: 0; }
  header.report { padding: 0 0 8px; background: #fff; color: var(--ink); border-bottom: 2px solid #0f2f57; }
  header.report .inner { max-width: none; }
  .fact { border-left-color: #0f2f57; }
  .toolbar, .no-print { display: none !important; }
  h2 { font-size: 14px; margin: 12px 0 6px; break-after: avoid; }
  section.card, article.card { border: none; padding: 0; margin: 8px 0; }
  article.card.target, #targets-heading { break-before: page; }
  #targets-heading + article.card.target { break-before: auto; }
  figure.chart { break-inside: avoid; }
  figure.chart svg { max-height: 95mm; }
  table { font-size: 9.5px; }
  th, td { padding: 2px 5px; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th button.sort::after { content: none; }
}
`;
