/** Checks on the selector of a target or a score: which units it is for. */
import { problem } from "../../diagnostics/diagnostic.js";
import type { Selector } from "../../syntax/ast.js";
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
  const both = selector.exclude.find((x) => x.kind !== "all" && selector.include.some((i) => i.kind === x.kind && i.id.text === x.id.text));
  const culprit = both ?? (selector.exclude.some((x) => x.kind === "all") ? selector.exclude[0] : undefined);
  if (culprit) context.accept(problem("excluded-everything", context.file, culprit.span, {}));
};
