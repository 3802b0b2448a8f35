/** Data issues in Vietnamese: every code the readers give is worded from its arguments, and English stays as it was. */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/files/policy.js";
import { checkObservation } from "../../src/data/checks.js";
import { issueText, localizeIssue } from "../../src/data/issue-words.js";
import { unusable } from "../../src/data/load.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import { readObservations } from "../../src/data/observations.js";
import { readMerges, readUnits } from "../../src/data/registry.js";
import { FieldTotals } from "../../src/data/totals.js";
import type { DataIssue, DataIssueCode } from "../../src/data/types.js";

const policy = compile(
  `policy p effective 2022-01-01
tier province
field dossiers field online_dossiers field resolved field resolved_on_time field resolved_late
metric online_share = online_dossiers / dossiers
check resolved = resolved_on_time + resolved_late
`,
  { file: "policy.ct" },
).policy!;

const UNITS = new Set(["so-y-te", "so-noi-vu"]);
const reading = { file: "data.csv", format: "csv", fields: new Set(policy.fields.keys()), units: UNITS } as const;

function data(...rows: string[]): readonly DataIssue[] {
  const text = ["unit,period,dossiers,online_dossiers,resolved,resolved_on_time,resolved_late", ...rows].join("\n");
  const read = readObservations(text, { file: "data.csv", format: "csv", fields: new Set(policy.fields.keys()), units: UNITS });
  return [...read.issues, ...read.observations.flatMap((o) => checkObservation(o, policy))];
}

// A Record over the union: a new code does not compile until it has an example here, and so a Vietnamese text.
const EXAMPLES: Record<DataIssueCode, () => readonly DataIssue[]> = {
  "bad-row": () => data("so-y-te,2022-10,1,2"),
  "unknown-unit": () => data("so-y-tee,2022-10,10,5,,,"),
  "unknown-field": () => readObservations("unit,period,dosiers\nso-y-te,2022-10,1", { file: "data.csv", format: "csv", fields: new Set(["dossiers"]), units: UNITS }).issues,
  "unknown-column": () => readUnits("id,name,tier,teir\nso-y-te,Sở Y tế,province,x", { file: "units.csv", format: "csv" }).issues,
  "bad-period": () => data("so-y-te,2022-13,10,5,,,"),
  "bad-count": () => data("so-y-te,2022-10,1.373,5,,,"),
  "duplicate-row": () => data("so-y-te,2022-10,10,5,,,", "so-y-te,2022-10,10,5,,,"),
  "numerator-above-denominator": () => data("so-y-te,2022-10,1373,1400,,,"),
  "failed-check": () => data("so-y-te,2022-10,,,140394,140061,309"),
  "empty-count": () => readObservations("unit,period,dossiers,online_dossiers\nso-y-te,2022-10,,5", { ...reading, needed: new Map([["dossiers", ["online_share"]]]) }).issues,
  "missing-column": () => readObservations("unit,period,online_dossiers\nso-y-te,2022-10,5", { ...reading, needed: new Map([["dossiers", ["online_share"]]]) }).issues,
  "unknown-tier": () => readUnits("id,name,tier\nso-y-te,Sở Y tế,Province", { file: "units.csv", format: "csv", tiers: new Set(["province"]) }).issues,
  "outside-validity": () =>
    readObservations("unit,period,dossiers\nso-y-te,2022-10,5", reading).observations.flatMap((o) =>
      checkObservation(o, policy, { id: "so-y-te", name: "Sở Y tế", tier: "province", parent: undefined, tags: [], validFrom: "2023-01-01" as never, validTo: undefined }),
    ),
  "no-usable-row": () => unusable([{ file: "data.csv", role: "data", read: 2, used: 0, rejected: 2 }]),
  "sum-too-large": () => {
    const totals = new FieldTotals(["dossiers"]);
    return readObservations("unit,period,dossiers\nso-y-te,2022-10,9007199254740991\nso-y-te,2022-11,1", reading).observations.flatMap((o) => totals.admit(Float64Array.of(o.counts.get("dossiers") ?? NaN), () => o) ?? []);
  },
  "bad-argument": () => compileEvaluator(undefined as never).prepare(undefined as never).dataIssues.map((i) => ({ ...i, code: "bad-argument", column: undefined })),
  "merge-unknown-unit": () => readMerges("id,successor,date\ndong-ha,quang-tri,2025-07-01", { file: "merges.csv", format: "csv", units: UNITS }).issues,
};

/** Words of the English messages that a Vietnamese text has no reason to contain. */
const ENGLISH = /\b(the|is|not|no|of|on|line|row|column|did you mean|above|fails|rejected|ignored)\b/;

describe("data issues in Vietnamese", () => {
  it.each(Object.entries(EXAMPLES))("words %s in Vietnamese, and in English as the message says", (code, example) => {
    const issues = example().filter((i) => i.code === code);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.args).toBeDefined();
      expect(localizeIssue(issue, "en")).toBe(issue.message);
      expect(issueText("en", issue.args!)).toBe(issue.message);
      const vi = localizeIssue(issue, "vi");
      expect(vi).not.toBe(issue.message);
      // Names and values in backticks are the file's own; only the words around them are translated.
      expect(vi.replace(/`[^`]*`/g, "")).not.toMatch(ENGLISH);
    }
  });

  it("groups counts the Vietnamese way, so 140.394 is not read as a decimal", () => {
    const [issue] = EXAMPLES["failed-check"]();
    expect(issue!.message).toBe("resolved = resolved_on_time + resolved_late fails: 140,394 on the left, 140,370 on the right (140,061 + 309), 24 apart (check at policy.ct:5)");
    expect(localizeIssue(issue!, "vi")).toBe(
      "resolved = resolved_on_time + resolved_late không được thỏa mãn: vế trái 140.394, vế phải 140.370 (140.061 + 309), chênh lệch 24 (phép kiểm tra tại policy.ct:5)",
    );
  });

  it("names a JSON item first, in each language", () => {
    const read = readUnits(JSON.stringify({ units: [{ id: "a", name: "A", tier: "province" }, { id: "a", name: "A2", tier: "province" }], merges: [] }), {
      file: "units.json",
      format: "json",
    });
    const [issue] = read.issues;
    expect(issue!.message).toBe("units item 2: unit `a` is already given in units item 1");
    expect(localizeIssue(issue!, "vi")).toBe("mục 2 của danh sách `units`: đơn vị `a` đã được khai báo ở mục 1 của danh sách `units`");
  });

  it("keeps the English of an issue read back without its arguments", () => {
    const issue = { code: "bad-row", file: "d.csv", line: 2, column: undefined, message: "the row has 4 cells where the header has 6", rejected: true } as const;
    expect(localizeIssue(issue, "vi")).toBe(issue.message);
  });
});

describe("issues read back from JSON", () => {
  // An evaluation may come from another version or another service: its arguments are not trusted.
  const message = "row 3: unknown unit `xa-9`";
  it.each([
    ["a kind this version does not know", { kind: "new-kind-from-later-version" }],
    ["a key of every object", { kind: "constructor" }],
    ["a known kind with its fields missing", { kind: "failed-check" }],
  ])("%s keeps the English message", (_name, args) => {
    expect(localizeIssue({ message, args: args as never }, "vi")).toBe(message);
  });

  it("the evaluation's contract accepts and keeps the arguments", async () => {
    const { Evaluation } = await import("../../src/evaluate/result.js");
    const issue = { code: "unknown-unit", file: "data.csv", line: 3, column: "unit", message, rejected: true, args: { kind: "new-kind" } };
    const parsed = Evaluation.parse({ policy: "p", asOf: "2022-11-30", results: [], scores: [], groups: [], dataIssues: [issue], rows: { read: 1, used: 0, rejected: 1 }, files: [] });
    expect(parsed.dataIssues[0]!.args).toEqual({ kind: "new-kind" });
  });
});
