/** Checks on the entry file's `policy` header. */
import { problem } from "../../diagnostics/diagnostic.js";
import type { Header } from "../../syntax/ast.js";
import type { Check } from "../context.js";

export const effectivePeriodInOrder: Check<Header> = (header, context) => {
  const period = header.effective;
  const from = period?.from.date;
  const until = period?.until?.date;
  if (!period || !from || !until || until >= from) return;
  context.accept(problem("effective-period", context.file, period.span, { from, until }));
};
