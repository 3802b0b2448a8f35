/** Issues past the cap per file and kind are counted, not kept, in every reader and in prepare. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capped, IssueLog } from "../../src/data/issue-log.js";
import { localizeIssue } from "../../src/data/issue-words.js";
import { readData, type Source } from "../../src/data/load.js";
import type { DataIssue, DataIssueCode } from "../../src/data/types.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import { compile } from "../../src/files/policy.js";

const policy = compile(
  `policy p effective 2022-01-01
tier commune
field a field b
metric share = a / b
target t for all: by 2022-11-30 share >= 50%
`,
  { file: "p.ct" },
).policy!;

const units: Source = { role: "units", file: "units.csv", content: "id,name,tier\nxa,Xã,commune\n" };

/** `bad` rows naming no known unit, then one good row. */
const data = (bad: number): string => `unit,period,a,b\n${"nowhere,2022-10,1,2\n".repeat(bad)}xa,2022-10,1,2\n`;

describe("a file of many rejected rows", () => {
  it.each([
    ["as text", (text: string) => text],
    ["streamed", (text: string) => [text.slice(0, 1000), text.slice(1000)]],
  ])("lists the first 1,000 issues and counts the rest, rows all tallied (%s)", async (_, content) => {
    const read = await readData(policy, [units, { role: "data", file: "data.csv", content: content(data(2500)) }]);
    expect(read.rows).toEqual({ read: 2501, used: 1, rejected: 2500 });
    const unknown = read.dataIssues.filter((i) => i.code === "unknown-unit");
    expect(unknown).toHaveLength(1001);
    const more = unknown.at(-1)!;
    expect(more).toMatchObject({ file: "data.csv", line: 1002, rejected: true, args: { kind: "more-like-this", count: 1500, code: "unknown-unit" } });
    expect(more.message).toBe("and 1,500 more issues like this (unknown-unit), the first on line 1002: counted in the rows read, used and rejected, not listed");
    expect(localizeIssue(more, "vi")).toContain("và 1.500 vấn đề khác cùng loại (unknown-unit), vấn đề đầu tiên ở dòng 1002");
  });

  it("words a refused row repeated many times on each of its lines as the whole-file reader does", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? "nowhere,2022-10,1,2" : i % 3 === 1 ? "xa,2022-13,x,2" : `xa,20${10 + (i % 7)}-01,1,2`));
    const text = `unit,period,a,b\n${rows.join("\n")}\n`;
    const whole = await readData(policy, [units, { role: "data", file: "data.csv", content: text }]);
    const streamed = await readData(policy, [units, { role: "data", file: "data.csv", content: [text] }]);
    expect(streamed.dataIssues).toEqual(whole.dataIssues);
    expect(streamed.dataIssues.filter((i) => i.line === 300)).toHaveLength(2);
  });

  it("keeps one count through prepare, which adds the rows its checks reject to it", async () => {
    const text = `unit,period,a,b\n${Array.from({ length: 1500 }, (_, i) => `xa,${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},3,2\n`).join("")}`;
    const read = await readData(policy, [units, { role: "data", file: "data.csv", content: text }]);
    const evaluator = compileEvaluator(policy);
    const prepared = evaluator.prepare(read);
    const above = prepared.dataIssues.filter((i) => i.code === "numerator-above-denominator");
    expect(above).toHaveLength(1001);
    expect(above.at(-1)?.args).toMatchObject({ kind: "more-like-this", count: 500 });
    expect(prepared.rows).toEqual({ read: 1500, used: 0, rejected: 1500 });
  });
});

const CODES: DataIssueCode[] = ["bad-row", "unknown-unit", "duplicate-row"];
const issueArb = fc.record({ file: fc.constantFrom("a.csv", "b.csv"), code: fc.constantFrom(...CODES), line: fc.nat({ max: 50 }), rejected: fc.boolean() });
const asIssue = (i: { file: string; code: DataIssueCode; line: number; rejected: boolean }): DataIssue => ({ ...i, column: undefined, message: "x" });
const countOf = (i: DataIssue): number => (i.args?.kind === "more-like-this" ? i.args.count : 1);

describe("IssueLog", () => {
  it("keeps at most the cap plus one count per file and code, and accounts for every issue, also when logs are chained", () => {
    fc.assert(
      fc.property(fc.array(issueArb, { maxLength: 60 }), fc.array(issueArb, { maxLength: 20 }), fc.integer({ min: 1, max: 5 }), (first, later, cap) => {
        const log = new IssueLog(cap);
        log.addAll(capped(first.map(asIssue), cap));
        log.addAll(later.map(asIssue));
        const out = log.issues();
        const total = out.reduce((n, i) => n + countOf(i), 0);
        expect(total).toBe(first.length + later.length);
        for (const file of ["a.csv", "b.csv"])
          for (const code of CODES) {
            const same = out.filter((i) => i.file === file && i.code === code);
            expect(same.filter((i) => countOf(i) === 1 && i.args === undefined).length).toBeLessThanOrEqual(cap);
            expect(same.filter((i) => i.args?.kind === "more-like-this").length).toBeLessThanOrEqual(1);
          }
      }),
    );
  });
});
