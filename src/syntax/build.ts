/**
 * Concrete syntax tree -> typed AST. Runs only on trees without syntax errors, so every child the
 * grammar makes mandatory is present. What the grammar cannot say (a date that does not exist, a
 * count that is not whole) is checked here, once, and reported with its span.
 */
import type { CstNode, IToken } from "chevrotain";
import type { CodeName } from "../diagnostics/codes.js";
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { MessageArgs, WholeNumber } from "../diagnostics/messages.js";
import { neg, parseDecimal, type Rational } from "../number/rational.js";
import { endOfYear, parseDate } from "../time/calendar.js";
import type { Span } from "../text/span.js";
import type * as A from "./ast.js";
import type * as C from "./cst.js";

export function buildFile(cst: C.FileCstNode, file: string): { ast: A.PolicyFile; diagnostics: Diagnostic[] } {
  const b = new Builder(file);
  const ast: A.PolicyFile = {
    kind: "file",
    header: cst.children.header ? b.header(cst.children.header[0]!) : undefined,
    statements: (cst.children.statement ?? []).map((s) => b.statement(s)),
    span: b.nodeSpan(cst),
  };
  return { ast, diagnostics: b.diagnostics };
}

const first = <T>(items: readonly T[] | undefined): T | undefined => items?.[0];

function tokenSpan(token: IToken): Span {
  return {
    start: { offset: token.startOffset, line: token.startLine!, column: token.startColumn! },
    end: { offset: token.endOffset! + 1, line: token.endLine!, column: token.endColumn! + 1 },
  };
}

const unquote = (image: string): string => image.slice(1, -1).replace(/\\(.)/g, "$1");

const COMPARISONS: Record<string, A.Comparison> = {
  AtLeast: ">=",
  Above: ">",
  AtMost: "<=",
  Below: "<",
};

class Builder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly file: string) {}

  nodeSpan(node: CstNode): Span {
    const l = node.location!;
    if (l.endOffset === undefined || Number.isNaN(l.endOffset)) {
      const at = { offset: l.startOffset, line: 1, column: 1 };
      return { start: at, end: at };
    }
    return {
      start: { offset: l.startOffset, line: l.startLine!, column: l.startColumn! },
      end: { offset: l.endOffset + 1, line: l.endLine!, column: l.endColumn! + 1 },
    };
  }

  name(token: IToken): A.Name {
    return { text: token.image, span: tokenSpan(token) };
  }

  text(token: IToken): A.Text {
    return { value: unquote(token.image), span: tokenSpan(token) };
  }

  optionalText(tokens: IToken[] | undefined): A.Text | undefined {
    const token = first(tokens);
    return token && this.text(token);
  }

  date(token: IToken): A.DateValue {
    const date = parseDate(padIsoDate(token.image)) ?? null;
    if (date === null) {
      this.report("invalid-date", tokenSpan(token), { date: token.image });
    }
    return { date, span: tokenSpan(token) };
  }

  percent(token: IToken): A.Percent {
    return { points: this.rationalOf(parseDecimal(token.image.slice(0, -1)), token), span: tokenSpan(token) };
  }

  private rationalOf(value: Rational | undefined, token: IToken): Rational {
    if (value === undefined) throw new Error(`lexer accepted a malformed number: ${token.image}`);
    return value;
  }

  /** A whole number within bounds, such as `every 2 months` or `round 2`; reported otherwise. */
  wholeNumber(token: IToken, min: number, max: number, what: WholeNumber): number {
    const value = Number(token.image);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.report("invalid-number", tokenSpan(token), { what, min, max, found: token.image });
      return Math.min(Math.max(Math.trunc(value), min), max);
    }
    return value;
  }

  report<N extends CodeName>(name: N, span: Span, args: MessageArgs[N]): void {
    this.diagnostics.push(problem(name, this.file, span, args));
  }

  header(node: C.HeaderCstNode): A.Header {
    const c = node.children;
    return {
      id: this.name(c.Identifier[0]!),
      title: this.optionalText(c.StringLiteral),
      decision: this.single(c.decision, "decision", (d) => this.decision(d)),
      effective: this.single(c.effective, "effective", (e) => this.effective(e)),
      supersedes: this.single(c.supersedes, "supersedes", (s) => this.name(s.children.Identifier[0]!)),
      span: this.nodeSpan(node),
    };
  }

  private single<N extends CstNode, T>(nodes: N[] | undefined, what: string, build: (node: N) => T): T | undefined {
    for (const extra of (nodes ?? []).slice(1)) {
      this.report("duplicate-clause", this.nodeSpan(extra), { clause: what });
    }
    const node = first(nodes);
    return node && build(node);
  }

  decision(node: C.DecisionCstNode): A.LegalBasis {
    const c = node.children;
    const dated = first(c.DateLiteral);
    return {
      number: this.text(c.number[0]!),
      date: dated && this.date(dated),
      issuer: this.optionalText(c.issuer),
      span: this.nodeSpan(node),
    };
  }

  effective(node: C.EffectiveCstNode): A.EffectivePeriod {
    const c = node.children;
    const until = first(c.until);
    return { from: this.date(c.from[0]!), until: until && this.date(until), span: this.nodeSpan(node) };
  }

  statement(node: C.StatementCstNode): A.Statement {
    const c = node.children;
    if (c.importFile) return { kind: "import", path: this.text(c.importFile[0]!.children.StringLiteral[0]!), span: this.nodeSpan(node) };
    if (c.tierDeclaration) return { kind: "tier", ...this.declaration(c.tierDeclaration[0]!) };
    if (c.tagDeclaration) return { kind: "tag", ...this.declaration(c.tagDeclaration[0]!) };
    if (c.fieldDeclaration) return this.field(c.fieldDeclaration[0]!);
    if (c.unitDeclaration) return this.unit(c.unitDeclaration[0]!);
    if (c.metricDeclaration) return this.metric(c.metricDeclaration[0]!);
    if (c.targetDeclaration) return this.target(c.targetDeclaration[0]!);
    if (c.scoreDeclaration) return this.score(c.scoreDeclaration[0]!);
    if (c.indexDeclaration) return this.index(c.indexDeclaration[0]!);
    return this.dataCheck(c.dataCheck![0]!);
  }

  declaration(node: CstNode & { children: { Identifier: IToken[]; StringLiteral?: IToken[] } }) {
    return {
      id: this.name(node.children.Identifier[0]!),
      title: this.optionalText(node.children.StringLiteral),
      span: this.nodeSpan(node),
    };
  }

  field(node: C.FieldDeclarationCstNode): A.FieldDeclaration {
    return { kind: "field", ...this.declaration(node), columns: (node.children.columns ?? []).map((column) => this.text(column)) };
  }

  unit(node: C.UnitDeclarationCstNode): A.UnitDeclaration {
    const c = node.children;
    return {
      kind: "unit",
      ...this.declaration(node),
      tier: this.name(c.tier[0]!),
      tags: (c.tags ?? []).map((t) => this.name(t)),
    };
  }

  metric(node: C.MetricDeclarationCstNode): A.MetricDeclaration {
    const c = node.children;
    const window = first(c.window);
    return {
      kind: "metric",
      ...this.declaration(node),
      numerator: this.name(c.numerator[0]!),
      denominator: this.name(c.denominator[0]!),
      window: window ? this.window(window) : { kind: "month" },
      complete: c.Complete !== undefined,
    };
  }

  window(node: C.WindowCstNode): A.Window {
    const c = node.children;
    if (c.Quarter) return { kind: "quarter" };
    if (c.YearToDate) return { kind: "year-to-date" };
    if (c.SinceStart) return { kind: "since-start" };
    if (c.rolling) return { kind: "rolling", months: this.wholeNumber(c.rolling[0]!, 1, 120, "rolling") };
    return { kind: "month" };
  }

  target(node: C.TargetDeclarationCstNode): A.TargetDeclaration {
    const c = node.children;
    const points = first(c.points);
    return {
      kind: "target",
      ...this.declaration(node),
      selector: this.selector(c.selector[0]!),
      schedule: this.schedule(c.schedule[0]!),
      points: points && this.points(points),
    };
  }

  selector(node: C.SelectorCstNode): A.Selector {
    const c = node.children;
    return {
      include: c.include.map((i) => this.selectorItem(i)),
      exclude: (c.exclude ?? []).map((i) => this.selectorItem(i)),
      span: this.nodeSpan(node),
    };
  }

  selectorItem(node: C.SelectorItemCstNode): A.SelectorItem {
    const c = node.children;
    const span = this.nodeSpan(node);
    if (c.All) return { kind: "all", span };
    const kind = c.Tier ? "tier" : c.Tag ? "tag" : "unit";
    return { kind, id: this.name(c.Identifier![0]!), span };
  }

  schedule(node: C.ScheduleCstNode): A.ScheduleClause[] {
    const clauses: CstNode[] = [...(node.children.milestone ?? []), ...(node.children.step ?? [])];
    clauses.sort((a, b) => a.location!.startOffset - b.location!.startOffset);
    return clauses.map((clause) =>
      clause.name === "milestone"
        ? this.milestone(clause as C.MilestoneCstNode)
        : this.step(clause as C.StepCstNode),
    );
  }

  milestone(node: C.MilestoneCstNode): A.MilestoneClause {
    const c = node.children;
    const metric = first(c.metric);
    return {
      kind: "milestone",
      anchor: c.From ? "from" : c.By ? "by" : "in",
      date: c.year ? this.year(c.year[0]!) : this.date(c.DateLiteral![0]!),
      metric: metric && this.name(metric),
      comparison: this.comparison(c.comparison[0]!),
      value: this.percent(c.PercentLiteral[0]!),
      span: this.nodeSpan(node),
    };
  }

  private year(token: IToken): A.DateValue {
    return { date: endOfYear(this.wholeNumber(token, 1900, 2999, "year")), span: tokenSpan(token) };
  }

  comparison(node: C.ComparisonCstNode): A.ComparisonNode {
    const [name] = Object.keys(node.children);
    return { op: COMPARISONS[name!]!, span: this.nodeSpan(node) };
  }

  step(node: C.StepCstNode): A.StepClause {
    const c = node.children;
    const increment = first(c.increment);
    return {
      kind: "step",
      period: this.period(c),
      increment: increment && this.signed(this.percent(increment), c.Minus !== undefined),
      span: this.nodeSpan(node),
    };
  }

  private period(c: C.StepCstChildren): A.Period {
    if (c.Quarterly) return { unit: "month", count: 3 };
    if (c.Yearly) return { unit: "month", count: 12 };
    if (c.Weekly) return { unit: "week", count: 1 };
    if (c.count) return { unit: c.Weeks ? "week" : "month", count: this.wholeNumber(c.count[0]!, 1, 120, "step") };
    return { unit: "month", count: 1 };
  }

  private signed(percent: A.Percent, negative: boolean): A.Percent {
    return negative ? { ...percent, points: neg(percent.points) } : percent;
  }

  score(node: C.ScoreDeclarationCstNode): A.ScoreDeclaration {
    const c = node.children;
    const window = first(c.scoreWindow);
    const maximum = first(c.maximum);
    return {
      kind: "score",
      ...this.declaration(node),
      selector: this.selector(c.selector[0]!),
      window: window && this.scoreWindow(window),
      maximum: maximum && this.maximum(maximum),
      points: this.points(c.points[0]!),
    };
  }

  scoreWindow(node: C.ScoreWindowCstNode): A.ScoreWindow {
    const c = node.children;
    return { kind: c.Quarter ? "quarter" : c.YearToDate ? "year-to-date" : "month", span: this.nodeSpan(node) };
  }

  maximum(node: C.MaximumCstNode): A.Maximum {
    const token = node.children.NumberLiteral[0]!;
    return { value: this.rationalOf(parseDecimal(token.image), token), span: this.nodeSpan(node) };
  }

  index(node: C.IndexDeclarationCstNode): A.IndexDeclaration {
    const c = node.children;
    return {
      kind: "index",
      ...this.declaration(node),
      selector: this.selector(c.selector[0]!),
      maximum: this.maximum(c.maximum[0]!),
      components: c.components.map((n) => this.name(n)),
    };
  }

  points(node: C.PointsCstNode): A.Points {
    const c = node.children;
    const whenEmpty = first(c.whenEmpty);
    const decimals = first(c.decimals);
    const mode = first(c.mode);
    return {
      formula: this.expression(c.formula[0]!),
      whenEmpty: whenEmpty && this.expression(whenEmpty),
      rounding: decimals && {
        decimals: this.wholeNumber(decimals, 0, 10, "decimals"),
        mode: mode && this.name(mode),
        span: spanBetween(c.Round![0]!, mode ?? decimals),
      },
      span: this.nodeSpan(node),
    };
  }

  dataCheck(node: C.DataCheckCstNode): A.DataCheck {
    const c = node.children;
    return {
      kind: "check",
      left: this.expression(c.left[0]!),
      op: c.Equals ? "=" : this.comparison(c.comparison![0]!).op,
      right: this.expression(c.right[0]!),
      span: this.nodeSpan(node),
    };
  }

  expression(node: C.ExpressionCstNode): A.Expression {
    const operators = [...(node.children.Plus ?? []), ...(node.children.Minus ?? [])];
    return this.leftAssociative(node.children.operands.map((p) => this.product(p)), operators);
  }

  product(node: C.ProductCstNode): A.Expression {
    const operators = [...(node.children.Star ?? []), ...(node.children.Slash ?? [])];
    return this.leftAssociative(node.children.operands.map((f) => this.factor(f)), operators);
  }

  /** Operators of one precedence level come back from the CST grouped by kind; order them by position. */
  private leftAssociative(operands: A.Expression[], operators: IToken[]): A.Expression {
    const ordered = [...operators].sort((a, b) => a.startOffset - b.startOffset);
    return ordered.reduce<A.Expression>(
      (left, op, i) => {
        const right = operands[i + 1]!;
        return {
          kind: "binary",
          op: op.image as "+" | "-" | "*" | "/",
          left,
          right,
          span: { start: left.span.start, end: right.span.end },
        };
      },
      operands[0]!,
    );
  }

  factor(node: C.FactorCstNode): A.Expression {
    const c = node.children;
    const span = this.nodeSpan(node);
    if (c.NumberLiteral) {
      const token = c.NumberLiteral[0]!;
      return { kind: "number", value: this.rationalOf(parseDecimal(token.image), token), span };
    }
    if (c.PercentLiteral) {
      const image = c.PercentLiteral[0]!.image;
      return { kind: "percent", points: this.percent(c.PercentLiteral[0]!).points, span, ...(image.includes(",") ? { written: image } : {}) };
    }
    if (c.Identifier) return { kind: "ref", name: this.name(c.Identifier[0]!), span };
    if (c.negation) return { kind: "negate", operand: this.factor(c.negation[0]!.children.factor[0]!), span };
    if (c.parenthesised) return this.parenthesised(c.parenthesised[0]!, span);
    if (c.call) return this.call(c.call[0]!);
    return this.conditional(c.conditional![0]!);
  }

  parenthesised(node: C.ParenthesisedCstNode, span: Span): A.Expression {
    const c = node.children;
    const term = { ...this.expression(c.expression[0]!), span };
    const whenEmpty = first(c.whenEmpty);
    return whenEmpty ? { kind: "when-empty", term, value: this.expression(whenEmpty), span } : term;
  }

  call(node: C.CallCstNode): A.Expression {
    const c = node.children;
    return {
      kind: "call",
      function: this.name(c.function[0]!),
      arguments: (c.arguments ?? []).map((a) => this.expression(a)),
      span: this.nodeSpan(node),
    };
  }

  conditional(node: C.ConditionalCstNode): A.Expression {
    const c = node.children;
    return {
      kind: "if",
      left: this.expression(c.left[0]!),
      comparison: this.comparison(c.comparison[0]!).op,
      right: this.expression(c.right[0]!),
      then: this.expression(c.then[0]!),
      else: this.expression(c.else[0]!),
      span: this.nodeSpan(node),
    };
  }
}

function spanBetween(from: IToken, to: IToken): Span {
  return { start: tokenSpan(from).start, end: tokenSpan(to).end };
}

/** `2022-9-30` is how people type it; the calendar wants `2022-09-30`. */
function padIsoDate(text: string): string {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  return iso ? `${iso[1]}-${iso[2]!.padStart(2, "0")}-${iso[3]!.padStart(2, "0")}` : text;
}
