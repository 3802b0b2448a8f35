/**
 * `__proto__` and `constructor` are legal field ids in a policy, so they are legal column names:
 * every format `readData` reads keeps them as counts, and the evaluation scores them.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/files/policy.js";
import { readData, type Source } from "../../src/data/load.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import type { IsoDate } from "../../src/time/calendar.js";
import { PROTO_POLICY } from "../support/proto.js";

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Sheet1").addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const HEADER = ["unit", "period", "__proto__", "constructor"];
const UNITS: Source = { role: "units", file: "units.csv", content: "id,name,tier\nxa-a,Xã A,t\n" };

describe("a field called __proto__", () => {
  const { policy, diagnostics } = compile(PROTO_POLICY);

  it("is a legal field id", () => {
    expect(diagnostics).toEqual([]);
    expect([...policy!.fields.keys()]).toEqual(["__proto__", "constructor"]);
  });

  const formats: [string, () => Promise<Source>][] = [
    ["csv", () => Promise.resolve({ role: "data", file: "data.csv", content: `${HEADER.join(",")}\nxa-a,2022-10,45,100\n` })],
    ["json", () => Promise.resolve({ role: "data", file: "data.json", content: '[{"unit":"xa-a","period":"2022-10","__proto__":45,"constructor":100}]' })],
    ["ndjson", () => Promise.resolve({ role: "data", file: "data.ndjson", content: '{"unit":"xa-a","period":"2022-10","__proto__":45,"constructor":100}\n' })],
    ["xlsx", async () => ({ role: "data", file: "data.xlsx", content: await xlsx([HEADER, ["xa-a", "2022-10", 45, 100]]) })],
  ];

  it.each(formats)("is read from %s and scored", async (_format, source) => {
    const read = await readData(policy!, [UNITS, await source()]);
    expect(read.dataIssues).toEqual([]);
    expect([...read.observations[0]!.counts]).toEqual([["__proto__", 45], ["constructor", 100]]);
    const evaluator = compileEvaluator(policy!);
    const evaluation = evaluator.evaluate(evaluator.prepare(read), { asOf: "2022-10-31" as IsoDate });
    expect(evaluation.results).toMatchObject([{ unit: "xa-a", numerator: 45, denominator: 100, status: "met" }]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
