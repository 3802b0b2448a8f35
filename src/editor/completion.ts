/**
 * Completion from what the words before the cursor allow: statement keywords at the start of a
 * line, tiers after `tier`, tags after `tag` and `tagged`, fields in a metric's ratio and in a data
 * check, metrics after a milestone's date and in points, windows after `over`, keywords and the
 * ramp and milestone-list snippets in a schedule: in the language the file is written in, with the
 * ids defined in the file and its imports (from the last analysis that parsed, while it does not).
 */
import type { IToken, TokenType } from "chevrotain";
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from "vscode-languageserver";
import type { Kind, Symbols } from "../check/symbols.js";
import type { Lang } from "../i18n/lang.js";
import { respell, spell } from "../syntax/spelling.js";
import * as t from "../syntax/tokens.js";
import { endOf, type Analysis } from "./analysis.js";
import { editorWords } from "./words.js";

const STATEMENTS: readonly TokenType[] = [t.Policy, t.Import, t.Tier, t.Tag, t.Unit, t.Field, t.Metric, t.Target, t.Score, t.Check];
const SELECTOR: readonly TokenType[] = [t.All, t.Tier, t.Tag, t.Unit];
const SCHEDULE: readonly TokenType[] = [t.From, t.By, t.In, t.Monthly, t.Quarterly, t.Weekly, t.Yearly, t.Every];
const WINDOWS: readonly TokenType[] = [t.Months, t.Quarter, t.YearToDate, t.SinceStart];
const COMPARISONS: readonly TokenType[] = [t.AtLeast, t.AtMost, t.Above, t.Below];
const OPERATORS = new Set<TokenType>([t.Plus, t.Minus, t.Star, t.Slash, t.LParen, t.Comma, t.Equals, t.If, t.Then, t.Else, t.Check, ...COMPARISONS]);
const NAME_KIND: Record<Kind, CompletionItemKind> = {
  tier: CompletionItemKind.Class,
  tag: CompletionItemKind.Interface,
  unit: CompletionItemKind.Variable,
  field: CompletionItemKind.Field,
  metric: CompletionItemKind.Function,
};

interface Context {
  readonly lang: Lang;
  readonly symbols: Symbols | undefined;
  /** The word being typed, which an item replaces. */
  readonly range: Range;
}

export function completion(analysis: Analysis, position: Position, lastParsed?: Analysis): CompletionItem[] {
  const offset = analysis.map.sourceOffset(position);
  const before = analysis.tokens.filter((token) => endOf(token) <= offset);
  const last = before.at(-1);
  const typing = last !== undefined && endOf(last) === offset && isWord(last) ? before.pop() : undefined;
  const start = typing?.startOffset ?? offset;
  const context: Context = { lang: analysis.lang, symbols: analysis.symbols ?? lastParsed?.symbols, range: analysis.map.rangeOf(start, offset) };
  const source = analysis.map.source;
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  if (/^\s*$/.test(source.slice(lineStart, start)) && start === lineStart) return [...keywords(STATEMENTS, context), ...snippets(context, true)];
  const previous = before.at(-1);
  const statement = statementOf(before, source);
  return itemsAfter(previous, before.at(-2), statement, before, context);
}

function itemsAfter(previous: IToken | undefined, earlier: IToken | undefined, statement: IToken | undefined, before: readonly IToken[], c: Context): CompletionItem[] {
  const type = previous?.tokenType;
  const kind = statement?.tokenType;
  const declares = previous !== undefined && previous === statement;
  if (type === t.Tier && !declares) return names("tier", c);
  if ((type === t.Tag && !declares) || type === t.Tagged || (type === t.Comma && kind === t.Unit)) return names("tag", c);
  if (type === t.Unit && !declares) return names("unit", c);
  if (declares) return [];
  if (type === t.Over) return keywords(WINDOWS, c);
  const since = (type: TokenType): boolean => statement !== undefined && before.some((token) => token.tokenType === type && token.startOffset > statement.startOffset);
  const inSchedule = kind === t.Target && since(t.Colon);
  const inPoints = kind === t.Score || (kind === t.Target && since(t.Score));
  const inSelector = (kind === t.Target && !inSchedule) || (kind === t.Score && !since(t.Equals));
  if (type === t.For || type === t.Except || (type === t.Comma && inSelector)) return keywords(SELECTOR, c);
  if (kind === t.Metric && (type === t.Equals || type === t.Slash)) return names("field", c);
  if (kind === t.Check && type !== undefined && OPERATORS.has(type)) return names("field", c);
  if (inPoints && type !== undefined && OPERATORS.has(type)) return [...names("metric", c), ...functions(c)];
  if (inSchedule) {
    if (type === t.DateLiteral || (type === t.NumberLiteral && earlier?.tokenType === t.In)) return names("metric", c);
    if (type === t.Identifier) return keywords(COMPARISONS, c);
    if (type === t.Colon || type === t.Comma) return [...keywords(SCHEDULE, c), ...snippets(c, false)];
  }
  return [...keywords([...SCHEDULE, ...SELECTOR, t.Over, t.Score, t.WhenEmpty, t.Round, t.Complete], c), ...(["metric", "field", "tier", "tag", "unit"] as const).flatMap((k) => names(k, c))];
}

const isWord = (token: IToken): boolean => /^[\p{L}_]/u.test(token.image);

/** The keyword starting the statement the cursor is in: the last statement keyword written first on its line, unindented. */
function statementOf(before: readonly IToken[], source: string): IToken | undefined {
  for (const token of [...before].reverse()) {
    if (STATEMENTS.includes(token.tokenType) && (token.startOffset === 0 || source[token.startOffset - 1] === "\n")) return token;
  }
  return undefined;
}

function keywords(types: readonly TokenType[], c: Context): CompletionItem[] {
  return types.map((type) => {
    const word = spell(type, c.lang);
    return { label: word, kind: CompletionItemKind.Keyword, textEdit: { range: c.range, newText: word } };
  });
}

function names(kind: Kind, c: Context): CompletionItem[] {
  const words = editorWords(c.lang);
  return [...(c.symbols?.[kind].values() ?? [])].map(({ declaration }) => ({
    label: declaration.id.text,
    kind: NAME_KIND[kind],
    detail: `${words.kind(kind)}${declaration.title ? ` — ${declaration.title.value}` : ""}`,
    textEdit: { range: c.range, newText: declaration.id.text },
  }));
}

const functions = (c: Context): CompletionItem[] => ["min", "max"].map((name) => ({ label: name, kind: CompletionItemKind.Function, textEdit: { range: c.range, newText: `${name}(` } }));

/** The ramp and the milestone list, and at a statement's start a whole target with a ramp; spelled in the file's language. */
function snippets(c: Context, statement: boolean): CompletionItem[] {
  const words = editorWords(c.lang);
  const metric = c.symbols?.metric.keys().next().value ?? "metric_id";
  const op = c.lang === "vi" ? "at least" : ">=";
  const ramp = `from \${1:2022-09-30} \${2:${metric}} ${op} \${3:30}%, monthly +\${4:15}%, by \${5:2022-11-30} ${op} \${6:60}%`;
  const milestones = `in \${1:2024} \${2:${metric}} ${op} \${3:70}%, in \${4:2025} ${op} \${5:85}%`;
  const target = `target \${10:id} "\${11:title}"\n  for \${12:all}:\n  ${ramp}`;
  const item = (label: string, detail: string, text: string): CompletionItem => ({
    label,
    detail,
    kind: CompletionItemKind.Snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: c.range, newText: respell(text, c.lang) },
  });
  return statement
    ? [item(spell(t.Target, c.lang), words.snippets.target, target)]
    : [item(spell(t.From, c.lang), words.snippets.ramp, ramp), item(spell(t.In, c.lang), words.snippets.milestones, milestones)];
}
