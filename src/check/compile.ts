/**
 * Parsed files -> checked policy. Runs every check it can, so one mistake does not hide the next,
 * and hands out a policy only when there is no error left.
 */
import { normalize } from "node:path";
import type { CodeName } from "../diagnostics/codes.js";
import { byPosition, hasErrors, problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { MessageArgs } from "../diagnostics/messages.js";
import type { RoundingMode } from "../number/rational.js";
import type * as M from "../model/policy.js";
import { expandSchedule, type EffectivePeriod } from "../schedule/expand.js";
import type * as A from "../syntax/ast.js";
import { closest } from "../text/suggest.js";
import type { Span } from "../text/span.js";
import { findConflicts, type CheckedTarget } from "./conflicts.js";
import { checkExpression } from "./expressions.js";
import { load, type LoadedFile, type ReadFile } from "./load.js";
import { collectSymbols, resolve, type Symbols } from "./symbols.js";

export interface CompileOptions {
  /** The file name diagnostics and results cite; imports are resolved relative to it. */
  readonly file?: string;
  /** How imports are read; none can be read unless given (files/policy.ts reads them from disk). Return undefined for a missing file. */
  readonly readFile?: ReadFile;
}

export interface CompileResult {
  /** The checked policy; absent when there are errors, or for a file of shared definitions only. */
  readonly policy: M.Policy | undefined;
  /** What the file and its imports define; present whenever the file parsed. */
  readonly definitions: M.Definitions | undefined;
  /** Errors and warnings, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The normalised text of every file read, by name, for rendering diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
}

const NO_FILES: ReadFile = () => undefined;

const ROUNDING_MODES: readonly RoundingMode[] = ["half-up", "half-even", "down", "up"];

export function compile(text: string, options: CompileOptions = {}): CompileResult {
  const file = normalize(options.file ?? "<input>");
  const loaded = load(file, text, options.readFile ?? NO_FILES);
  const diagnostics = [...loaded.diagnostics];
  const entry = loaded.files[0];
  if (!entry || entry.file !== file) {
    return { policy: undefined, definitions: undefined, diagnostics: diagnostics.sort(byPosition), sources: loaded.sources };
  }
  const checker = new Checker(entry, loaded.files, diagnostics);
  const policy = checker.policy();
  return {
    policy: hasErrors(diagnostics) ? undefined : policy,
    definitions: checker.definitions,
    diagnostics: diagnostics.sort(byPosition),
    sources: loaded.sources,
  };
}

const location = (file: string, span: Span): M.RuleLocation => ({ file, line: span.start.line, column: span.start.column });
const title = (declaration: { id: A.Name; title: A.Text | undefined }): string => declaration.title?.value ?? declaration.id.text;

class Checker {
  private readonly symbols: Symbols;
  readonly definitions: M.Definitions;

  constructor(
    private readonly entry: LoadedFile,
    private readonly files: readonly LoadedFile[],
    private readonly diagnostics: Diagnostic[],
  ) {
    this.symbols = collectSymbols(files, diagnostics);
    this.definitions = this.checkDefinitions();
    for (const imported of files.slice(1)) this.onlyDefinitions(imported);
  }

  private report<N extends CodeName>(name: N, file: string, span: Span, args: MessageArgs[N]): void {
    this.diagnostics.push(problem(name, file, span, args));
  }

  private checkDefinitions(): M.Definitions {
    const s = this.symbols;
    const table = <D, T>(entries: Map<string, { declaration: D; file: string }>, build: (d: D, file: string) => T) =>
      new Map([...entries].map(([id, { declaration, file }]) => [id, build(declaration, file)]));
    return {
      tiers: table(s.tier, (d) => ({ id: d.id.text, name: title(d) })),
      tags: table(s.tag, (d) => ({ id: d.id.text, name: title(d) })),
      fields: table(s.field, (d) => ({ id: d.id.text, name: title(d), columns: d.columns.map((c) => c.value) })),
      units: table(s.unit, (d, file) => this.unit(d, file)),
      metrics: table(s.metric, (d, file) => this.metric(d, file)),
    };
  }

  private unit(d: A.UnitDeclaration, file: string): M.Unit {
    resolve(this.symbols, "tier", d.tier, file, this.diagnostics);
    for (const tag of d.tags) resolve(this.symbols, "tag", tag, file, this.diagnostics);
    return { id: d.id.text, name: title(d), tier: d.tier.text, tags: d.tags.map((t) => t.text) };
  }

  private metric(d: A.MetricDeclaration, file: string): M.Metric {
    resolve(this.symbols, "field", d.numerator, file, this.diagnostics);
    resolve(this.symbols, "field", d.denominator, file, this.diagnostics);
    if (d.numerator.text === d.denominator.text) {
      this.diagnostics.push(
        problem("same-fields", file, d.denominator.span, { metric: d.id.text, field: d.numerator.text }),
      );
    }
    return { id: d.id.text, name: title(d), numerator: d.numerator.text, denominator: d.denominator.text, window: d.window, complete: d.complete };
  }

  /** Imports bring definitions only; rules in an imported file would apply silently otherwise. */
  private onlyDefinitions({ file, ast }: LoadedFile): void {
    const rule = ast.header ?? ast.statements.find((s) => s.kind === "target" || s.kind === "score" || s.kind === "check");
    if (!rule) return;
    const importer = this.importOf(file);
    if (!importer) return;
    this.diagnostics.push(
      problem("import-has-rules", importer.file, importer.span, { file }, [{ file, span: rule.span }]),
    );
  }

  private importOf(file: string): { file: string; span: Span } | undefined {
    for (const f of this.files) {
      const statement = f.ast.statements.find((s) => s.kind === "import" && file.endsWith(normalize(s.path.value)));
      if (statement) return { file: f.file, span: statement.span };
    }
    return undefined;
  }

  policy(): M.Policy | undefined {
    const { ast, file } = this.entry;
    const effective = this.effective(ast.header);
    const rules = new Map<string, A.Name>();
    const targets = ast.statements.flatMap((s) => (s.kind === "target" ? [this.target(s, file, effective, rules)] : []));
    findConflicts(targets.filter((t): t is CheckedTarget => t !== undefined), [...this.definitions.units.values()], this.diagnostics);
    const scores = ast.statements.flatMap((s) => (s.kind === "score" ? [this.score(s, file, rules)] : []));
    const checks = ast.statements.flatMap((s) => (s.kind === "check" ? [this.dataCheck(s, file)] : []));
    const header = ast.header;
    if (!header) {
      if (targets.length + scores.length + checks.length > 0) {
        this.report("missing-header", file, ast.statements[0]!.span, {});
      }
      return undefined;
    }
    return {
      ...this.definitions,
      id: header.id.text,
      title: header.title?.value ?? header.id.text,
      file,
      basis: header.decision && {
        number: header.decision.number.value,
        date: header.decision.date?.date ?? undefined,
        issuer: header.decision.issuer?.value,
      },
      effective,
      supersedes: header.supersedes?.text,
      targets: targets.flatMap((t) => (t ? [t.target] : [])),
      scores,
      checks,
    };
  }

  private effective(header: A.Header | undefined): EffectivePeriod | undefined {
    const period = header?.effective;
    const from = period?.from.date;
    if (!period || !from) return undefined;
    const until = period.until?.date ?? undefined;
    if (until !== undefined && until < from) {
      this.report("effective-period", this.entry.file, period.span, { from, until });
      return { from, until: undefined };
    }
    return { from, until };
  }

  private uniqueRule(id: A.Name, file: string, rules: Map<string, A.Name>): void {
    const earlier = rules.get(id.text);
    if (!earlier) {
      rules.set(id.text, id);
      return;
    }
    this.diagnostics.push(
      problem("duplicate-id", file, id.span, { kind: "rule", id: id.text }, [{ file, span: earlier.span }]),
    );
  }

  private selector(selector: A.Selector, file: string): M.Selector {
    const items = (list: readonly A.SelectorItem[]): M.SelectorItem[] =>
      list.map((item) => {
        if (item.kind === "all") return { kind: "all" };
        resolve(this.symbols, item.kind, item.id, file, this.diagnostics);
        return { kind: item.kind, id: item.id.text };
      });
    const include = items(selector.include);
    const exclude = items(selector.exclude);
    const both = selector.exclude.find((x) => x.kind !== "all" && selector.include.some((i) => i.kind === x.kind && i.id.text === x.id.text));
    if (both || selector.exclude.some((x) => x.kind === "all")) {
      this.diagnostics.push(
        problem("excluded-everything", file, (both ?? selector.exclude[0]!).span, {}),
      );
    }
    return { include, exclude };
  }

  private target(d: A.TargetDeclaration, file: string, effective: EffectivePeriod | undefined, rules: Map<string, A.Name>): CheckedTarget | undefined {
    this.uniqueRule(d.id, file, rules);
    const selector = this.selector(d.selector, file);
    const expanded = expandSchedule(d, file, effective);
    this.diagnostics.push(...expanded.diagnostics);
    if (!expanded.metric || !resolve(this.symbols, "metric", expanded.metric, file, this.diagnostics)) return undefined;
    const target: M.Target = {
      id: d.id.text,
      name: title(d),
      metric: expanded.metric.text,
      selector,
      comparison: expanded.comparison,
      schedule: expanded.schedule,
      points: d.points && this.points(d.points, file),
      rule: location(file, d.span),
    };
    return { target, declaration: d, file };
  }

  private score(d: A.ScoreDeclaration, file: string, rules: Map<string, A.Name>): M.Score {
    this.uniqueRule(d.id, file, rules);
    return { id: d.id.text, name: title(d), selector: this.selector(d.selector, file), points: this.points(d.points, file), rule: location(file, d.span) };
  }

  private points(d: A.Points, file: string): M.Points {
    checkExpression(d.formula, "metric", this.symbols, file, this.diagnostics);
    if (d.whenEmpty) checkExpression(d.whenEmpty, "metric", this.symbols, file, this.diagnostics);
    return {
      formula: d.formula,
      whenEmpty: d.whenEmpty,
      decimals: d.rounding?.decimals ?? 2,
      rounding: this.roundingMode(d.rounding?.mode, file),
    };
  }

  private roundingMode(mode: A.Name | undefined, file: string): RoundingMode {
    if (!mode) return "half-up";
    const known = ROUNDING_MODES.find((m) => m === mode.text);
    if (known) return known;
    const near = closest(mode.text, ROUNDING_MODES);
    this.report("unknown-rounding", file, mode.span, { mode: mode.text, ...(near ? { near } : {}), modes: ROUNDING_MODES });
    return "half-up";
  }

  private dataCheck(d: A.DataCheck, file: string): M.DataCheck {
    checkExpression(d.left, "field", this.symbols, file, this.diagnostics);
    checkExpression(d.right, "field", this.symbols, file, this.diagnostics);
    return { left: d.left, op: d.op, right: d.right, rule: location(file, d.span) };
  }
}
