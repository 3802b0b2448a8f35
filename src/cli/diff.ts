/** `chitieu diff OLD NEW`: what an amendment changes, schedule by schedule, milestone by milestone. */
import "../text/jitless.js";
import { z } from "zod";
import { renderDiagnostics } from "../diagnostics/render.js";
import { statOf } from "../files/find.js";
import { compileFile } from "../files/policy.js";
import type { Policy } from "../model/policy.js";
import { diffPolicies, type PolicyDiff, type ScheduleChange } from "../schedule/diff.js";
import { printable } from "../text/printable.js";
import { DIFF_WORDS, type DiffWords } from "./diff-words.js";
import { EXIT, type Output } from "./output.js";
import { cliWords } from "./words.js";

export const DiffOptions = z.object({
  format: z.enum(["text", "json"]),
  exitCode: z.boolean(),
  lang: z.enum(["en", "vi"]).optional(),
});
export type DiffOptions = z.infer<typeof DiffOptions>;

export function diffCommand(files: readonly string[], options: DiffOptions, io: Output): number {
  const lang = options.lang ?? io.lang ?? "en";
  if (files.length !== 2) {
    io.err(`chitieu: ${DIFF_WORDS[lang].twoFiles(files.length)}\n`);
    return EXIT.usage;
  }
  const policies: Policy[] = [];
  for (const file of files) {
    const stat = statOf(file);
    if (!stat?.isFile()) {
      io.err(`chitieu: ${cliWords(lang).cannotRead(file, stat ? "a-folder" : "no-such-file")}\n`);
      return EXIT.usage;
    }
    const result = compileFile(file);
    if (!result.policy) {
      io.err(`${renderDiagnostics(result.diagnostics, result.sources, { lang }) || `chitieu: ${cliWords(lang).noHeader(file)}`}\n`);
      return EXIT.problems;
    }
    policies.push(result.policy);
  }
  const [old, amended] = policies;
  if (!old || !amended) return EXIT.usage;
  const diff = diffPolicies(old, amended);
  io.out(options.format === "json" ? `${JSON.stringify(diff, null, 2)}\n` : printable(asText(diff, DIFF_WORDS[lang])));
  return options.exitCode && diff.changes.length > 0 ? EXIT.problems : EXIT.ok;
}

function asText(diff: PolicyDiff, words: DiffWords): string {
  const lines = [words.heading(diff.old.policy, diff.new.policy, diff.since)];
  for (const entry of diff.changes) {
    lines.push("", `${words.subject(entry.metric, entry.subject.kind, entry.subject.id)}: ${words.targets(entry.old.targets, entry.new.targets)}`);
    for (const change of entry.changes) lines.push(`  ${changeLine(change, entry.old.comparison ?? "", entry.new.comparison ?? "", words)}`);
  }
  lines.push("", words.summary(diff.changes.length));
  return `${lines.join("\n")}\n`;
}

function changeLine(change: ScheduleChange, before: string, after: string, words: DiffWords): string {
  const at = (op: string, value: number) => `${op} ${words.percent(value)}`.trim();
  const label = (word: string) => word.padEnd(Math.max(words.threshold.length, words.moved.length, words.added.length, words.removed.length));
  switch (change.kind) {
    case "added":
      return `${label(words.added)}  ${words.date(change.date)}  ${at(after, change.threshold)}`;
    case "removed":
      return `${label(words.removed)}  ${words.date(change.date)}  ${at(before, change.threshold)}`;
    case "moved":
      return `${label(words.moved)}  ${words.date(change.from)} -> ${words.date(change.to)}  ${at(after, change.threshold)}`;
    case "threshold":
      return `${label(words.threshold)}  ${words.date(change.date)}  ${at(before, change.from)} -> ${at(after, change.to)}`;
    case "comparison":
      return `${words.comparison}  ${change.from} -> ${change.to}`;
    case "status":
      return words.status(change.from, change.to);
  }
}
