/** Checks on an index: it adds scores of the policy, each once, over one window, up to its maximum. */
import { problem } from "../../diagnostics/diagnostic.js";
import { add, equals, toDecimalString, ZERO, type Rational } from "../../number/rational.js";
import type { IndexDeclaration, ScoreDeclaration } from "../../syntax/ast.js";
import { closest } from "../../text/suggest.js";
import type { Check, CheckContext } from "../context.js";

/** The scores of the entry file, where rules live (an imported file lends definitions only). */
function scoresOf(context: CheckContext): Map<string, ScoreDeclaration> {
  const statements = context.files[0]?.ast.statements ?? [];
  return new Map(statements.flatMap((s) => (s.kind === "score" ? [[s.id.text, s] as const] : [])));
}

export const componentsAreScores: Check<IndexDeclaration> = (index, context) => {
  const scores = scoresOf(context);
  const seen = new Set<string>();
  for (const name of index.components) {
    if (seen.has(name.text)) context.accept(problem("index-component-twice", context.file, name.span, { name: name.text }));
    seen.add(name.text);
    if (scores.has(name.text)) continue;
    const near = closest(name.text, [...scores.keys()]);
    context.accept(problem("unknown-score", context.file, name.span, { name: name.text, scores: [...scores.keys()].slice(0, 10), ...(near ? { near } : {}) }));
  }
};

/** When every component says its maximum, they must add up to the index's: 18 + 20 + 22 + 22 + 18 is 100. */
export const maximumAddsUp: Check<IndexDeclaration> = (index, context) => {
  const scores = scoresOf(context);
  const maxima = index.components.flatMap((c) => scores.get(c.text)?.maximum?.value ?? []);
  if (maxima.length < index.components.length) return;
  const sum = maxima.reduce<Rational>((total, m) => add(total, m), ZERO);
  if (equals(sum, index.maximum.value)) return;
  context.accept(problem("index-maximum", context.file, index.maximum.span, { sum: toDecimalString(sum, 10), stated: toDecimalString(index.maximum.value, 10) }));
};

/** A total of a month's score and a quarter's covers no one period. */
export const componentsShareWindow: Check<IndexDeclaration> = (index, context) => {
  const scores = scoresOf(context);
  const components = index.components.flatMap((c) => {
    const score = scores.get(c.text);
    return score ? [{ name: c, window: score.window?.kind ?? "month" }] : [];
  });
  const [first] = components;
  const other = components.find((c) => c.window !== first?.window);
  if (!first || !other) return;
  context.accept(problem("index-windows", context.file, other.name.span, { score: other.name.text, window: other.window, first: first.name.text, firstWindow: first.window }));
};
