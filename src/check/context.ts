/**
 * What a check is given, and its one signature: a check looks at one node, reads the analysis, and
 * reports through `accept`, so that it can run on its own, in any test, on any small tree.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Name } from "../syntax/ast.js";
import type { Analysis } from "./facts.js";
import { unknownName, type Kind } from "./symbols.js";

export interface CheckContext extends Analysis {
  /** The file the node is in, which diagnostics cite. */
  readonly file: string;
  readonly accept: (diagnostic: Diagnostic) => void;
}

export type Check<N> = (node: N, context: CheckContext) => void;

/** The check run on a part of a node, when the node has that part. */
export const on =
  <N, P>(part: (node: N, context: CheckContext) => P | undefined, check: Check<P>): Check<N> =>
  (node, context) => {
    const found = part(node, context);
    if (found !== undefined) check(found, context);
  };

/** Reports `name` when no `kind` of that id is defined. */
export function requireDefined(kind: Kind, name: Name, context: CheckContext): void {
  const unknown = unknownName(context.symbols, kind, name, context.file);
  if (unknown) context.accept(unknown);
}
