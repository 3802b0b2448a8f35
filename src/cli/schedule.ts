/** `chitieu schedule FILE`: every target's milestones, per tier and per unit the policy singles out. */
import { printable } from "../text/printable.js";
import "../text/jitless.js";
import { z } from "zod";
import { compileFile } from "../files/policy.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import type { Policy, Target } from "../model/policy.js";
import { toDecimalString } from "../number/rational.js";
import { schedulesByTier, schedulesJson, type ScheduleRow } from "../schedule/by-tier.js";
import { statOf } from "../files/find.js";
import { EXIT, type Output } from "./output.js";
import { cliWords, type ScheduleWords } from "./words.js";

export const ScheduleOptions = z.object({
  format: z.enum(["text", "json"]),
  target: z.string().optional(),
  tier: z.string().optional(),
  lang: z.enum(["en", "vi"]).optional(),
});
export type ScheduleOptions = z.infer<typeof ScheduleOptions>;

export function schedule(file: string, options: ScheduleOptions, io: Output): number {
  const words = cliWords(io.lang);
  const stat = statOf(file);
  if (!stat?.isFile()) {
    io.err(`chitieu: ${words.cannotRead(file, stat ? "a-folder" : "no-such-file")}\n`);
    return EXIT.usage;
  }
  const result = compileFile(file);
  if (!result.policy) {
    if (result.diagnostics.length > 0) io.err(`${renderDiagnostics(result.diagnostics, result.sources, { lang: io.lang })}\n`);
    else io.err(`chitieu: ${words.noHeader(file)}\n`);
    return EXIT.problems;
  }
  const unknown = unknownFilter(result.policy, options, io);
  if (unknown) {
    io.err(`chitieu: ${unknown}\n`);
    return EXIT.usage;
  }
  const rows = schedulesByTier(result.policy, { target: options.target, tier: options.tier });
  io.out(options.format === "json" ? `${JSON.stringify(schedulesJson(result.policy, rows), null, 2)}\n` : printable(asText(result.policy, rows, words.schedule)));
  return EXIT.ok;
}

function unknownFilter(policy: Policy, options: ScheduleOptions, io: Output): string | undefined {
  const known = (kind: "tier" | "target", id: string | undefined, ids: readonly string[]): string | undefined =>
    id === undefined || ids.includes(id) ? undefined : cliWords(io.lang).noSuch(policy.id, kind, id, ids);
  return known("tier", options.tier, [...policy.tiers.keys()]) ?? known("target", options.target, policy.targets.map((t) => t.id));
}

const cite = (t: Target): string => `${t.id} (${t.rule.file}:${t.rule.line})`;

function asText(policy: Policy, rows: readonly ScheduleRow[], words: ScheduleWords): string {
  const lines = [`${policy.id}: ${policy.title}`];
  const basis = policy.basis;
  if (basis) lines.push(`  ${words.decision(basis.number, basis.date, basis.issuer)}`);
  if (policy.effective) lines.push(`  ${words.effective(policy.effective.from, policy.effective.until)}`);
  let subject = "";
  for (const row of rows) {
    const heading = words.subject(row.subject.kind, row.subject.id, row.subject.name);
    if (heading !== subject) lines.push("", heading);
    subject = heading;
    lines.push(...rowLines(row, words));
  }
  return `${lines.join("\n")}\n`;
}

function rowLines(row: ScheduleRow, words: ScheduleWords): string[] {
  if (row.status === "excluded") return [`  ${row.metric}: ${words.excludedBy} ${row.targets.map(cite).join(", ")}`];
  if (row.status === "conflict") return [`  ${row.metric}: ${words.conflict(row.targets.map(cite))}`];
  const [target] = row.targets;
  if (target === undefined) return [];
  return [
    `  ${row.metric}: ${words.target} ${cite(target)}`,
    ...row.milestones.map((m) => `    ${words.date(m.date)}  ${target.comparison.padEnd(2)} ${words.percent(toDecimalString(m.threshold))}${m.origin === "step" ? `  (${words.step})` : ""}`),
    ...(row.ongoing ? [`    ...       ${words.everyPeriodAfter}`] : []),
  ];
}

