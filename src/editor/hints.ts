/**
 * Inlay hints: after each step of a ramp, the milestones it implies (`-> 31/10/2022 65%`), which
 * the author would otherwise work out by hand; dates written as the target writes its own.
 */
import { InlayHintKind, type InlayHint, type Range } from "vscode-languageserver";
import type { Milestone } from "../model/policy.js";
import type * as A from "../syntax/ast.js";
import { formatDate } from "../time/calendar.js";
import type { Analysis } from "./analysis.js";
import { percentText } from "./hover.js";

/** Milestones listed after one step; a weekly ramp over a year has 52. */
const MAX_LISTED = 6;

export function inlayHints(analysis: Analysis, range?: Range): InlayHint[] {
  const ast = analysis.ast;
  const facts = analysis.facts;
  if (!ast || !facts) return [];
  const hints: InlayHint[] = [];
  for (const target of ast.statements) {
    if (target.kind !== "target") continue;
    const stepped = facts.schedule(target).schedule.milestones.filter((m) => m.origin === "step");
    const style = target.schedule.some((c) => c.kind === "milestone" && analysis.map.source.slice(c.date.span.start.offset, c.date.span.end.offset).includes("/")) ? "vi" : "iso";
    target.schedule.forEach((clause, i) => {
      if (clause.kind !== "step") return;
      const [after, before] = [dateOf(target.schedule[i - 1]), dateOf(target.schedule[i + 1])];
      const implied = stepped.filter((m) => (after === undefined || m.date > after) && (before === undefined || m.date < before));
      if (implied.length === 0) return;
      const position = analysis.map.rangeOf(clause.span.end.offset, clause.span.end.offset).start;
      if (range && (position.line < range.start.line || position.line > range.end.line)) return;
      hints.push({ position, label: label(implied, style, analysis.lang), kind: InlayHintKind.Parameter, paddingLeft: true });
    });
  }
  return hints;
}

const dateOf = (clause: A.ScheduleClause | undefined): string | undefined => (clause?.kind === "milestone" ? (clause.date.date ?? undefined) : undefined);

function label(milestones: readonly Milestone[], style: "iso" | "vi", lang: "en" | "vi"): string {
  const shown = milestones.slice(0, MAX_LISTED).map((m) => `${formatDate(m.date, style)} ${percentText(m.threshold, lang)}`);
  const more = milestones.length > MAX_LISTED ? `, … +${milestones.length - MAX_LISTED}` : "";
  return `-> ${shown.join(", ")}${more}`;
}
