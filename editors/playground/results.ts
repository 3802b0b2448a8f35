/**
 * The data panel's work: the units and counts read by chitieu's own readers, evaluated by its own
 * evaluator on the as-of date, and shown as the HTML report shows them.
 */
import { readData, type Source } from "../../src/data/load.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import { evaluationHistory } from "../../src/evaluate/history.js";
import type { Evaluation } from "../../src/evaluate/result.js";
import type { Lang } from "../../src/i18n/lang.js";
import type { Policy } from "../../src/model/policy.js";
import { reportBody } from "../../src/report/html.js";
import type { Markup } from "../../src/report/markup.js";
import { parseDate } from "../../src/time/calendar.js";
import type { PlaygroundWords } from "../../src/playground/words.js";

export interface DataFile {
  readonly name: string;
  readonly text: string;
}

export type Outcome = { readonly ok: true; readonly evaluation: Evaluation; readonly body: Markup } | { readonly ok: false; readonly problem: string };

const isWorkbook = (name: string): boolean => /\.xlsx$/i.test(name);

export async function evaluate(policy: Policy | undefined, units: DataFile, data: DataFile, asOfText: string, lang: Lang, w: PlaygroundWords): Promise<Outcome> {
  if (!policy) return { ok: false, problem: w.needPolicy };
  if (units.text.trim() === "" || data.text.trim() === "") return { ok: false, problem: w.needData };
  const workbook = [units, data].find((f) => isWorkbook(f.name));
  if (workbook) return { ok: false, problem: w.workbook(workbook.name) };
  const asOf = parseDate(asOfText.trim());
  if (!asOf) return { ok: false, problem: w.badDate(asOfText.trim()) };
  const sources: Source[] = [
    { role: "units", file: units.name, content: units.text },
    { role: "data", file: data.name, content: data.text },
  ];
  const read = await readData(policy, sources);
  const evaluator = compileEvaluator(policy);
  const prepared = evaluator.prepare(read);
  // As `chitieu report`: the charts draw every month end up to the date; the last evaluation is the date's own.
  const history = evaluationHistory(evaluator, prepared, asOf);
  const evaluation = history.at(-1) ?? evaluator.evaluate(prepared, { asOf });
  return { ok: true, evaluation, body: reportBody(evaluation, policy, history, { lang, units: read.registry.units }) };
}
