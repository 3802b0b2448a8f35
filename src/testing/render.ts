/**
 * The reports of `chitieu/testing`'s ready properties as plain text: a line per property, and under
 * a failure what is wrong, the counterexample, and the seed that replays it.
 */
import type { PropertyReport } from "./properties.js";

const indent = (text: string): string =>
  text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");

function renderOne(report: PropertyReport): string {
  if (report.skipped !== undefined) return `SKIP ${report.name}: ${report.skipped}`;
  if (report.ok) return `PASS ${report.name}`;
  return [
    `FAIL ${report.name}`,
    ...(report.message ? [indent(report.message)] : []),
    ...(report.counterexample ? [indent(report.counterexample)] : []),
    // A deterministic check finds the same failure every time; only generated cases need the seed.
    ...(report.runs > 0 ? [`  replay with --seed ${report.seed}`] : []),
  ].join("\n");
}

export function renderPropertyReport(reports: readonly PropertyReport[]): string {
  const failed = reports.filter((r) => !r.ok).length;
  const skipped = reports.filter((r) => r.ok && r.skipped !== undefined).length;
  const passed = reports.length - failed - skipped;
  const counts = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
  return `${[...reports.map(renderOne), counts].join("\n")}\n`;
}
