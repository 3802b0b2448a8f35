/** Checks on the entry file as a whole: what no single statement shows on its own. */
import { normalize } from "node:path";
import { problem } from "../../diagnostics/diagnostic.js";
import type { Name, PolicyFile, Statement } from "../../syntax/ast.js";
import type { Span } from "../../text/span.js";
import { findConflicts, type MeasuredTarget } from "../conflicts.js";
import type { Check } from "../context.js";
import { selectorOf } from "../facts.js";
import { findLaterStarts, type StartingTarget } from "../later-start.js";
import type { LoadedFile } from "../load.js";

const isRule = (s: Statement): boolean => s.kind === "target" || s.kind === "score" || s.kind === "index" || s.kind === "check";

/** Imports bring definitions only; rules in an imported file would apply silently otherwise. */
export const importsOnlyDefine: Check<PolicyFile> = (_file, context) => {
  const imports = importsIn(context.files);
  for (const { file, ast } of context.files.slice(1)) {
    const rule = ast.header ?? ast.statements.find(isRule);
    const importer = rule && imports.find((i) => file.endsWith(i.path));
    if (rule && importer) context.accept(problem("import-has-rules", importer.file, importer.span, { file }, [{ file, span: rule.span }]));
  }
};

interface ImportPlace {
  readonly path: string;
  readonly file: string;
  readonly span: Span;
}

/** Every import statement, in file order, gathered once: looking each imported file up by scanning every statement was files x statements. */
const importsIn = (files: readonly LoadedFile[]): ImportPlace[] =>
  files.flatMap((f) => f.ast.statements.flatMap((s) => (s.kind === "import" ? [{ path: normalize(s.path.value), file: f.file, span: s.span }] : [])));

/** Targets, scores and indexes share one namespace of rule ids; targets take theirs first, then scores. */
export const ruleIdsUnique: Check<PolicyFile> = (ast, context) => {
  const rules = new Map<string, Name>();
  const ids = (["target", "score", "index"] as const).flatMap((kind) => ast.statements.flatMap((s) => (s.kind === kind ? [s.id] : [])));
  for (const id of ids) {
    const earlier = rules.get(id.text);
    if (!earlier) rules.set(id.text, id);
    else context.accept(problem("duplicate-id", context.file, id.span, { kind: "rule", id: id.text }, [{ file: context.file, span: earlier.span }]));
  }
};

export const targetsDoNotConflict: Check<PolicyFile> = (ast, context) => {
  const measured = ast.statements.flatMap((s): MeasuredTarget[] => {
    const metric = s.kind === "target" ? context.facts.measuredMetric(s) : undefined;
    return s.kind === "target" && metric ? [{ declaration: s, metric: metric.text, file: context.file }] : [];
  });
  const units = [...context.symbols.unit.values()].map(({ declaration: d }) => ({ id: d.id.text, tier: d.tier.text, tags: d.tags.map((t) => t.text) }));
  for (const found of findConflicts(measured, units)) context.accept(found);
};

/** A more specific target that starts after the general one it replaces leaves its units without a threshold in between. */
export const overridesStartInTime: Check<PolicyFile> = (ast, context) => {
  const starting = ast.statements.flatMap((s): StartingTarget[] => {
    if (s.kind !== "target") return [];
    const metric = context.facts.measuredMetric(s);
    const start = context.facts.schedule(s).schedule.milestones[0]?.date;
    return metric && start ? [{ declaration: s, metric: metric.text, selector: selectorOf(s.selector), start, file: context.file }] : [];
  });
  const units = [...context.symbols.unit.values()].map(({ declaration: d }) => ({ id: d.id.text, tier: d.tier.text, tags: d.tags.map((t) => t.text) }));
  for (const found of findLaterStarts(starting, { tiers: [...context.symbols.tier.keys()], units })) context.accept(found);
};

/** A file of definitions only is a library; one with rules must say which policy it is. */
export const headerPresent: Check<PolicyFile> = (ast, context) => {
  const [first] = ast.statements;
  if (ast.header || !first || !ast.statements.some(isRule)) return;
  context.accept(problem("missing-header", context.file, first.span, {}));
};
