/**
 * The CLI's route through the data, by columns (the reader's batches prepared without an object
 * per row, results serialised a page at a time), gives what the object route gives, byte for byte.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readData, type Source } from "../../src/data/load.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import { compileFile } from "../../src/files/policy.js";
import { evaluationJson } from "../../src/report/json.js";
import type { IsoDate } from "../../src/time/calendar.js";
import { generateNational } from "../../bench/national.mjs";

const policy = compileFile("policies/brvt-2139-2022.ct").policy!;
const evaluator = compileEvaluator(policy);
const UNITS = readFileSync("examples/brvt-2022/units.csv", "utf8");
const DATA = readFileSync("examples/brvt-2022/data.csv", "utf8");
const AS_OF = "2022-11-30" as IsoDate;

/** The data lines split between files, each streamed in chunks or given whole. */
async function read(parts: readonly { lines: string[]; streamed: boolean }[]) {
  const [header] = DATA.split("\n");
  const sources: Source[] = [{ role: "units", file: "units.csv", content: UNITS }];
  parts.forEach(({ lines, streamed }, i) => {
    const text = `${header}\n${lines.join("\n")}\n`;
    sources.push({ role: "data", file: `data-${i}.csv`, content: streamed ? [text.slice(0, 100), text.slice(100)] : text });
  });
  return readData(policy, sources);
}

/** JSON of the evaluation with every result built as an object first: the route before columns. */
function byObjects(read: Awaited<ReturnType<typeof readData>>): string {
  const input = { registry: read.registry, observations: [...read.observations], dataIssues: read.dataIssues, rows: read.rows, files: read.files };
  const evaluation = evaluator.evaluate(evaluator.prepare(input), { asOf: AS_OF });
  return `${JSON.stringify({ ...evaluation, results: [...evaluation.results] }, null, 2)}\n`;
}

const byColumns = (read: Awaited<ReturnType<typeof readData>>): string => [...evaluationJson(evaluator.evaluate(evaluator.prepare(read), { asOf: AS_OF }))].join("");

describe("the data by columns", () => {
  it("gives the BR-VT example's evaluation exactly as the objects do", async () => {
    const data = await read([{ lines: DATA.trim().split("\n").slice(1), streamed: true }]);
    expect(byColumns(data)).toBe(byObjects(data));
    expect(JSON.parse(byColumns(data)).results).toHaveLength(220);
  });

  it("gives the bench's national data exactly as the objects do, streamed from files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-columns-"));
    try {
      const files = generateNational(dir, 1500, 16);
      const data = await readData(policy, [
        { role: "units", file: files.units, content: readFileSync(files.units, "utf8") },
        { role: "data", file: files.data, content: [readFileSync(files.data)] },
      ]);
      expect(byColumns(data)).toBe(byObjects(data));
      expect(data.rows.used).toBeGreaterThan(15_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives the same for any split of the rows between files, duplicated rows and bad ones included", async () => {
    const rows = DATA.trim().split("\n").slice(1);
    const line = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...rows) }, { weight: 1, arbitrary: fc.constantFrom("so-noi-vu,2022-13,1,1,1,1", "nobody,2022-10,1,1,1,1", "so-noi-vu,2022-10,5,9,1,1", "so-noi-vu,2022-Q3,300,100,90,40") });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ lines: fc.array(line, { maxLength: 60 }), streamed: fc.boolean() }), { minLength: 1, maxLength: 3 }), async (parts) => {
        const data = await read(parts);
        expect(byColumns(data)).toBe(byObjects(data));
      }),
      { numRuns: 40 },
    );
  });

  it("writes an evaluation whose results were read already, or which has none, as JSON.stringify does", async () => {
    const data = await read([{ lines: DATA.trim().split("\n").slice(1, 40), streamed: false }]);
    const evaluation = evaluator.evaluate(evaluator.prepare(data), { asOf: AS_OF });
    expect(evaluation.results.length).toBeGreaterThan(0);
    expect([...evaluationJson(evaluation)].join("")).toBe(`${JSON.stringify(evaluation, null, 2)}\n`);
    const none = evaluator.evaluate(evaluator.prepare({ registry: { units: [], merges: [] }, observations: [] }), { asOf: AS_OF });
    expect([...evaluationJson(none)].join("")).toBe(`${JSON.stringify(none, null, 2)}\n`);
  });
});
