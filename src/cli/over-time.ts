/**
 * `chitieu eval` given several policies, or a folder of them: a line of amendments, each milestone
 * date decided by the policy in force on it (src/evaluate/over-time.ts).
 */
import { renderDiagnostics } from "../diagnostics/render.js";
import { compileEvaluatorOverTime, readingPolicy } from "../evaluate/over-time.js";
import type { Evaluation } from "../evaluate/result.js";
import { findFiles, statOf } from "../files/find.js";
import { compileFile } from "../files/policy.js";
import type { Lang } from "../i18n/lang.js";
import type { Policy } from "../model/policy.js";
import { timelineOf, type TimelineProblem } from "../model/timeline.js";
import type { RegistryUnit } from "../data/types.js";
import { dataFiles, evaluationOf, langOf, readFiles, type DataOptions } from "./data.js";
import { EXIT, type Output } from "./output.js";

/** Whether the paths are meant as policies over time: several paths, or a folder. */
export const severalPolicies = (paths: readonly string[]): boolean => paths.length > 1 || statOf(paths[0] ?? "")?.isDirectory() === true;

export async function evaluationOverTimeOf(paths: readonly string[], options: DataOptions, io: Output): Promise<{ evaluation: Evaluation; policy: Policy; units: readonly RegistryUnit[] } | number> {
  const lang = langOf(options, io);
  const found = findFiles(paths, ".ct");
  const files = dataFiles(found.unreadable, options, io);
  if (typeof files === "number") return files;
  const policies: Policy[] = [];
  for (const file of found.files) {
    const compiled = compileFile(file);
    // A file of shared definitions only (no header, no error) is an import, not a policy of the line.
    if (!compiled.policy && compiled.diagnostics.length === 0) continue;
    if (!compiled.policy) {
      io.err(`${renderDiagnostics(compiled.diagnostics, compiled.sources, { lang })}\n`);
      return EXIT.problems;
    }
    policies.push(compiled.policy);
  }
  // A folder of one policy is that policy, evaluated as ever.
  if (policies.length === 1) return evaluationOf(policies[0]?.file ?? "", options, io);
  const timeline = timelineOf(policies);
  if (!timeline.ok || policies.length === 0) {
    io.err(`chitieu: ${timeline.ok ? NO_POLICY[lang](paths) : problemText(timeline.problem, lang)}\n`);
    return EXIT.usage;
  }
  const reading = readingPolicy(timeline.periods);
  const read = await readFiles(reading, files, options, io);
  if (typeof read === "number") return read;
  const evaluator = compileEvaluatorOverTime(timeline.periods);
  const evaluation = evaluator.evaluate(evaluator.prepare(read, { successors: options.successors }), { asOf: options.asOf });
  return { evaluation, policy: reading, units: read.registry.units };
}

const NO_POLICY: Readonly<Record<Lang, (paths: readonly string[]) => string>> = {
  en: (paths) => `no policy file (with a \`policy\` header) in ${paths.join(", ")}`,
  vi: (paths) => `không có tệp chính sách nào (có dòng \`policy\`) trong ${paths.join(", ")}`,
};

function problemText(problem: TimelineProblem, lang: Lang): string {
  if (lang === "vi") {
    switch (problem.kind) {
      case "undated":
        return `\`${problem.policy}\` không có ngày \`effective\`: các văn bản đánh giá cùng nhau phải có ngày hiệu lực để biết văn bản nào quyết định mốc nào`;
      case "unrelated":
        return `\`${problem.policy}\` không thay thế (\`supersedes\`) văn bản nào được cho cùng: các văn bản đánh giá cùng nhau phải nối tiếp nhau từ \`${problem.first}\``;
      case "same-id":
        return `hai tệp cùng khai báo văn bản \`${problem.policy}\``;
    }
  }
  switch (problem.kind) {
    case "undated":
      return `\`${problem.policy}\` has no \`effective\` date: policies evaluated together need one, to know which decides each milestone`;
    case "unrelated":
      return `\`${problem.policy}\` supersedes none of the other policies given: policies evaluated together must follow one another from \`${problem.first}\``;
    case "same-id":
      return `two files declare the policy \`${problem.policy}\``;
  }
}

/** Under a table of results over time: how many results each policy decided. */
export function decidedBy(evaluation: Evaluation, lang: Lang): string {
  const counts = new Map((evaluation.timeline ?? []).map((p) => [p.policy, 0]));
  for (const r of evaluation.results) if (r.policy !== undefined) counts.set(r.policy, (counts.get(r.policy) ?? 0) + 1);
  const list = [...counts].map(([policy, n]) => `${policy} ${n}`).join(", ");
  return lang === "vi" ? `kết quả theo văn bản quyết định: ${list}\n` : `results decided by each policy: ${list}\n`;
}
