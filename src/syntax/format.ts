/**
 * The canonical text of a policy, with English or Vietnamese keywords. Formatting is a function of
 * the syntax tree and the comments only, so it is idempotent and parsing its output gives the same
 * tree. Comments stay with the statement they stand before (or after, on the same line).
 */
import { toDecimalString, type Rational } from "../number/rational.js";
import { formatDate, type IsoDate } from "../time/calendar.js";
import type * as A from "./ast.js";
import { parse, type Comment } from "./parse.js";
import type { TokenType } from "chevrotain";
import * as t from "./tokens.js";
import { keywords } from "./tokens.js";
import { keywordLanguage } from "./spelling.js";

export type Language = "en" | "vi";

export function formatPolicy(ast: A.PolicyFile, comments: readonly Comment[], lang: Language): string {
  return new Printer(lang).file(ast, comments);
}

type Node = { readonly span: A.Name["span"] };

class Printer {
  constructor(private readonly lang: Language) {}

  private word(token: TokenType): string {
    const keyword = keywords.find((k) => k.token === token)!;
    return this.lang === "vi" && keyword.vi.length > 0 ? keyword.vi[0]! : keyword.en[0]!;
  }

  file(ast: A.PolicyFile, comments: readonly Comment[]): string {
    const blocks: { node: Node; kind: string; text: string }[] = [];
    if (ast.header) blocks.push({ node: ast.header, kind: "header", text: this.header(ast.header) });
    for (const s of ast.statements) blocks.push({ node: s, kind: s.kind, text: this.statement(s) });
    const out: string[] = [];
    let pending = [...comments];
    blocks.forEach((block, i) => {
      const leading = pending.filter((c) => c.span.start.offset < block.node.span.end.offset);
      pending = pending.filter((c) => !leading.includes(c));
      const trailing = pending.filter((c) => c.span.start.line === block.node.span.end.line && isLast(blocks, i, c));
      pending = pending.filter((c) => !trailing.includes(c));
      const previous = blocks[i - 1];
      if (previous && (leading.length > 0 || !sameGroup(previous.kind, block.kind))) out.push("");
      out.push(...paragraphs(leading, block.node.span.start.line));
      const lines = block.text.split("\n");
      if (trailing.length > 0) lines[lines.length - 1] += ` ${trailing.map((c) => c.text.trimEnd()).join(" ")}`;
      out.push(...lines);
    });
    if (pending.length > 0) out.push(...(out.length > 0 ? [""] : []), ...paragraphs(pending, Infinity));
    return `${out.join("\n")}\n`;
  }

  private header(h: A.Header): string {
    const lines = [`${this.word(t.Policy)} ${h.id.text}${this.title(h.title)}`];
    const d = h.decision;
    if (d) {
      const dated = d.date?.date ? ` ${this.word(t.Dated)} ${this.date(d.date.date)}` : "";
      const issuer = d.issuer ? ` ${this.word(t.IssuedBy)} ${quote(d.issuer.value)}` : "";
      lines.push(`  ${this.word(t.Decision)} ${quote(d.number.value)}${dated}${issuer}`);
    }
    const e = h.effective;
    if (e?.from.date) lines.push(`  ${this.word(t.Effective)} ${this.date(e.from.date)}${e.until?.date ? ` ${this.word(t.Until)} ${this.date(e.until.date)}` : ""}`);
    if (h.supersedes) lines.push(`  ${this.word(t.Supersedes)} ${h.supersedes.text}`);
    return lines.join("\n");
  }

  private statement(s: A.Statement): string {
    switch (s.kind) {
      case "import":
        return `${this.word(t.Import)} ${quote(s.path.value)}`;
      case "tier":
        return `${this.word(t.Tier)} ${s.id.text}${this.title(s.title)}`;
      case "tag":
        return `${this.word(t.Tag)} ${s.id.text}${this.title(s.title)}`;
      case "field": {
        const columns = s.columns.length > 0 ? ` ${this.word(t.Column)} ${s.columns.map((c) => quote(c.value)).join(", ")}` : "";
        return `${this.word(t.Field)} ${s.id.text}${this.title(s.title)}${columns}`;
      }
      case "unit": {
        const tags = s.tags.length > 0 ? ` ${this.word(t.Tagged)} ${s.tags.map((x) => x.text).join(", ")}` : "";
        return `${this.word(t.Unit)} ${s.id.text}${this.title(s.title)} ${this.word(t.Tier)} ${s.tier.text}${tags}`;
      }
      case "metric":
        return `${this.word(t.Metric)} ${s.id.text}${this.title(s.title)}\n  = ${s.numerator.text} / ${s.denominator.text}${this.window(s.window)}${s.complete ? ` ${this.word(t.Complete)}` : ""}`;
      case "target":
        return [
          `${this.word(t.Target)} ${s.id.text}${this.title(s.title)}`,
          `  ${this.word(t.For)} ${this.selector(s.selector)}:`,
          `  ${s.schedule.map((c) => this.clause(c)).join(", ")}`,
          ...(s.points ? [`  ${this.word(t.Score)} = ${this.points(s.points)}`] : []),
        ].join("\n");
      case "score": {
        const window = s.window ? ` ${this.word(t.Over)} ${this.word(SCORE_WINDOW[s.window.kind])}` : "";
        const head = `  ${this.word(t.For)} ${this.selector(s.selector)}${window}${this.maximum(s.maximum)} =`;
        return [`${this.word(t.Score)} ${s.id.text}${this.title(s.title)}`, head, `  ${this.points(s.points)}`].join("\n");
      }
      case "index":
        return [
          `${this.word(t.Index)} ${s.id.text}${this.title(s.title)}`,
          `  ${this.word(t.For)} ${this.selector(s.selector)}${this.maximum(s.maximum)} =`,
          `  ${s.components.map((c) => c.text).join(" + ")}`,
        ].join("\n");
      case "check":
        return `${this.word(t.Check)} ${this.expression(s.left)} ${s.op === "=" ? "=" : this.comparison(s.op)} ${this.expression(s.right)}`;
    }
  }

  private maximum(m: A.Maximum | undefined): string {
    return m ? ` ${this.word(t.OutOf)} ${toDecimalString(m.value, 30)}` : "";
  }

  private title(text: A.Text | undefined): string {
    return text ? ` ${quote(text.value)}` : "";
  }

  private date(date: IsoDate): string {
    return formatDate(date, this.lang === "vi" ? "vi" : "iso");
  }

  private number(value: Rational): string {
    const text = toDecimalString(value, 30);
    return this.lang === "vi" ? text.replace(".", ",") : text;
  }

  private percent(points: Rational): string {
    return `${this.number(points)}%`;
  }

  private comparison(op: A.Comparison): string {
    if (this.lang === "en") return op;
    const token = op === ">=" ? t.AtLeast : op === ">" ? t.Above : op === "<=" ? t.AtMost : t.Below;
    return this.word(token);
  }

  private window(w: A.Window): string {
    const over = this.word(t.Over);
    switch (w.kind) {
      case "month":
        return "";
      case "quarter":
        return ` ${over} ${this.word(t.Quarter)}`;
      case "year-to-date":
        return ` ${over} ${this.word(t.YearToDate)}`;
      case "since-start":
        return ` ${over} ${this.word(t.SinceStart)}`;
      case "rolling":
        return ` ${over} ${w.months} ${this.months(w.months)}`;
    }
  }

  private months(count: number): string {
    return this.lang === "vi" ? this.word(t.Months) : count === 1 ? "month" : "months";
  }

  private selector(s: A.Selector): string {
    const items = (list: readonly A.SelectorItem[]) => list.map((i) => (i.kind === "all" ? this.word(t.All) : `${this.word(ITEM[i.kind])} ${i.id.text}`)).join(", ");
    return items(s.include) + (s.exclude.length > 0 ? ` ${this.word(t.Except)} ${items(s.exclude)}` : "");
  }

  private clause(c: A.ScheduleClause): string {
    if (c.kind === "step") return this.step(c);
    const when =
      c.anchor === "in" ? `${this.word(t.In)} ${c.date.date!.slice(0, 4)}` : `${this.word(c.anchor === "from" ? t.From : t.By)} ${this.date(c.date.date!)}`;
    return `${when}${c.metric ? ` ${c.metric.text}` : ""} ${this.comparison(c.comparison.op)} ${this.percent(c.value.points)}`;
  }

  private step(c: A.StepClause): string {
    const { unit, count } = c.period;
    const named = unit === "week" ? (count === 1 ? t.Weekly : undefined) : count === 1 ? t.Monthly : count === 3 ? t.Quarterly : count === 12 ? t.Yearly : undefined;
    const every = named ? this.word(named) : `${this.word(t.Every)} ${count} ${unit === "week" ? (this.lang === "vi" ? this.word(t.Weeks) : "weeks") : this.months(count)}`;
    if (!c.increment) return every;
    const negative = c.increment.points.num < 0n;
    const size = negative ? { num: -c.increment.points.num, den: c.increment.points.den } : c.increment.points;
    return `${every} ${negative ? "-" : "+"}${this.percent(size)}`;
  }

  private points(p: A.Points): string {
    const whenEmpty = p.whenEmpty ? ` ${this.word(t.WhenEmpty)} ${this.expression(p.whenEmpty)}` : "";
    const rounding = p.rounding ? ` ${this.word(t.Round)} ${p.rounding.decimals}${p.rounding.mode ? ` ${p.rounding.mode.text}` : ""}` : "";
    return `${this.expression(p.formula)}${whenEmpty}${rounding}`;
  }

  /** Brackets exactly where the tree needs them, so parsing the text gives the same tree back. */
  private expression(e: A.Expression, context: "top" | "operand" = "top"): string {
    switch (e.kind) {
      case "number":
        return toDecimalString(e.value, 30);
      case "percent":
        return this.percent(e.points);
      case "ref":
        return e.name.text;
      case "negate":
        return `-${this.operand(e.operand, 3)}`;
      case "call":
        return `${e.function.text}(${e.arguments.map((a) => this.expression(a)).join(", ")})`;
      case "binary": {
        const level = PRECEDENCE[e.op];
        return `${this.operand(e.left, level)} ${e.op} ${this.operand(e.right, level + 1)}`;
      }
      case "if": {
        const text = `${this.word(t.If)} ${this.expression(e.left)} ${this.comparison(e.comparison)} ${this.expression(e.right)} ${this.word(t.Then)} ${this.expression(e.then)} ${this.word(t.Else)} ${this.expression(e.else)}`;
        return context === "operand" ? `(${text})` : text;
      }
      case "when-empty":
        return `(${this.expression(e.term)} ${this.word(t.WhenEmpty)} ${this.expression(e.value)})`;
    }
  }

  /** An operand printed at a position that binds at least `level` tightly. */
  private operand(e: A.Expression, level: number): string {
    const own = e.kind === "binary" ? PRECEDENCE[e.op] : 3;
    const text = this.expression(e, "operand");
    return own < level ? `(${text})` : text;
  }
}

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;
const ITEM = { tier: t.Tier, tag: t.Tag, unit: t.Unit } as const;
const SCORE_WINDOW = { month: t.Months, quarter: t.Quarter, "year-to-date": t.YearToDate } as const;

function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function sameGroup(a: string, b: string): boolean {
  return a === b && ["import", "tier", "tag", "unit", "field", "check"].includes(a);
}

/** A same-line comment belongs to this block only if no later block starts before it. */
function isLast(blocks: readonly { node: Node }[], i: number, c: Comment): boolean {
  const next = blocks[i + 1];
  return !next || next.node.span.start.offset > c.span.start.offset;
}

/** Comment lines as written, keeping one blank line where the author left any, before the statement too. */
function paragraphs(comments: readonly Comment[], statementLine: number): string[] {
  const lines: string[] = [];
  comments.forEach((c, i) => {
    const next = comments[i + 1]?.span.start.line ?? statementLine;
    lines.push(c.text.trimEnd());
    if (next - c.span.start.line > 1 && next !== Infinity) lines.push("");
  });
  return lines;
}

export interface FormatResult {
  /** Absent when the text does not parse: formatting never guesses. */
  readonly text: string | undefined;
  readonly diagnostics: ReturnType<typeof parse>["diagnostics"];
}

/**
 * Formats policy text, in the language asked or else the one most of its keywords are written in;
 * the text of a file with any problem the parser reports is not touched.
 */
export function formatSource(source: string, options: { readonly lang?: Language; readonly file?: string }): FormatResult {
  const parsed = parse(source, options.file);
  const lang = options.lang ?? keywordLanguage(t.lexer.tokenize(parsed.source).tokens);
  // A date that does not exist has no canonical form: formatting it would drop it from the file.
  const clean = parsed.ast && parsed.diagnostics.length === 0 ? parsed.ast : undefined;
  return { text: clean && formatPolicy(clean, parsed.comments, lang), diagnostics: parsed.diagnostics };
}
