/** Checks on the selector of a target or a score: which units it is for. */
import { problem } from "../../diagnostics/diagnostic.js";
import type { Selector, SelectorItem } from "../../syntax/ast.js";
import { requireDefined, type Check } from "../context.js";

interface Selecting {
  readonly selector: Selector;
}

export const selectorNamesDefined: Check<Selecting> = ({ selector }, context) => {
  for (const item of [...selector.include, ...selector.exclude]) {
    if (item.kind !== "all") requireDefined(item.kind, item.id, context);
  }
};

/** Excluding `all`, or an item the selector also includes, leaves the rule with fewer units than it reads as having. */
export const excludesNotEverything: Check<Selecting> = ({ selector }, context) => {
  // A set, not a scan of the includes per exclude: a selector may list thousands of each.
  const included = new Set(selector.include.map(keyOf));
  const both = selector.exclude.find((x) => x.kind !== "all" && included.has(keyOf(x)));
  const culprit = both ?? (selector.exclude.some((x) => x.kind === "all") ? selector.exclude[0] : undefined);
  if (culprit) context.accept(problem("excluded-everything", context.file, culprit.span, {}));
};

const keyOf = (item: SelectorItem): string => (item.kind === "all" ? "all" : `${item.kind} ${item.id.text}`);
