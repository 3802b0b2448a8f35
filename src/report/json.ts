/**
 * An evaluation as the JSON contract writes it, `JSON.stringify(evaluation, null, 2)` byte for
 * byte, in pieces: the results are serialised a page at a time straight from the result table, so
 * 80,000 results never stand as one array of objects and one 60 MB string at once.
 */
import { resultPages } from "../evaluate/evaluate.js";
import type { Evaluation } from "../evaluate/result.js";

/** Results serialised together: large enough that each piece is a few hundred KB. */
const PAGE = 1024;
/** Stands for the results in the rest of the evaluation, as a JSON string no result can be. */
const HOLE = "\u0000results\u0000";
/** What JSON.stringify writes around the results of `{ results }`, indented by 2. */
const [OPEN, CLOSE] = ['{\n  "results": [\n', "\n  ]\n}"];

/** The pieces of `JSON.stringify(evaluation, null, 2)` followed by a line break, in order. */
export function* evaluationJson(evaluation: Evaluation): Generator<string> {
  const pages = resultPages(evaluation) ?? { size: evaluation.results.length, slice: (from: number, to: number) => evaluation.results.slice(from, to) };
  // Key by key, not by spreading: spreading would read `results` and build every result at once.
  const fields = Object.keys(evaluation).map((key) => [key, key === "results" ? HOLE : evaluation[key as keyof Evaluation]] as const);
  const rest = JSON.stringify(Object.fromEntries(fields), null, 2);
  const hole = rest.indexOf(JSON.stringify(HOLE));
  yield rest.slice(0, hole);
  if (pages.size === 0) yield "[]";
  for (let from = 0; from < pages.size; from += PAGE) {
    // Serialised where they stand in the evaluation, one level down, so every line has its indent
    // from JSON.stringify itself; the wrapper's own lines are cut off.
    const page = JSON.stringify({ results: pages.slice(from, Math.min(pages.size, from + PAGE)) }, null, 2);
    yield `${from === 0 ? "[\n" : ",\n"}${page.slice(OPEN.length, page.length - CLOSE.length)}`;
  }
  if (pages.size > 0) yield "\n  ]";
  yield `${rest.slice(hole + JSON.stringify(HOLE).length)}\n`;
}
