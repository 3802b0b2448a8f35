/**
 * Files as offices really send them (test/fixtures/messy/, written by its make.mjs), each run
 * through `chitieu eval` (in-process, through `main`): what it reads, uses and rejects, every issue
 * it must get, and the exit code a scheduled job sees. Nothing may be lost without a word.
 */
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { Evaluation } from "../../src/evaluate/result.js";
import { runMain } from "../support/main.js";

const DIR = "test/fixtures/messy";

interface Case {
  readonly name: string;
  readonly data: readonly string[];
  readonly units?: string;
  readonly exit?: number;
  readonly rows: { read: number; used: number; rejected: number };
  /** Per file, `name read/used`. */
  readonly files: readonly string[];
  /** `file:line code [column]`, in the order given. */
  readonly issues: readonly string[];
  /** A result that must come out of it: unit, metric, and what it must be. */
  readonly result?: { readonly unit: string; readonly metric: string; readonly numerator: number | null; readonly denominator: number | null; readonly status: string };
}

const CASES: readonly Case[] = [
  {
    name: "a semicolon CSV saved by Excel in a Vietnamese locale, with CRLF and a BOM",
    data: ["semicolon/data.csv"],
    rows: { read: 3, used: 3, rejected: 0 },
    files: ["units.csv 4/4", "data.csv 3/3"],
    issues: [],
    result: { unit: "huyen-a", metric: "online_share", numerator: 30, denominator: 80, status: "missed" },
  },
  {
    name: "Vietnamese headings: the unit and period in Vietnamese, a field's title and a heading the policy names",
    data: ["vietnamese-headings/data.csv"],
    rows: { read: 2, used: 2, rejected: 0 },
    files: ["units.csv 4/4", "data.csv 2/2"],
    issues: [],
    result: { unit: "so-y-te", metric: "online_share", numerator: 60, denominator: 100, status: "met" },
  },
  {
    name: "headings in another case, with a space for the underscore",
    data: ["header-case/data.csv"],
    rows: { read: 1, used: 1, rejected: 0 },
    files: ["units.csv 4/4", "data.csv 1/1"],
    issues: [],
    result: { unit: "so-y-te", metric: "online_share", numerator: 60, denominator: 100, status: "met" },
  },
  {
    name: "tab-separated values",
    data: ["tab/data.tsv"],
    rows: { read: 2, used: 2, rejected: 0 },
    files: ["units.csv 4/4", "data.tsv 2/2"],
    issues: [],
    result: { unit: "huyen-a", metric: "online_share", numerator: 30, denominator: 80, status: "missed" },
  },
  {
    name: "a workbook with a merged title block, a two-row header with merged cells, and a signature below the table",
    data: ["workbook/data.xlsx"],
    rows: { read: 4, used: 3, rejected: 1 },
    files: ["units.csv 4/4", "data.xlsx 4/3"],
    // The signature is not silently skipped: it is a row that names no unit and no period.
    issues: ["data.xlsx:10 unknown-unit unit", "data.xlsx:10 bad-row period"],
    result: { unit: "xa-a", metric: "online_share", numerator: 5, denominator: 10, status: "met" },
  },
  {
    name: "units of tiers the policy does not define: rejected with a suggestion, and their rows say so",
    units: "unknown-tiers/units.csv",
    data: ["unknown-tiers/data.csv"],
    rows: { read: 3, used: 1, rejected: 2 },
    files: ["units.csv 3/1", "data.csv 3/1"],
    issues: ["units.csv:2 unknown-tier tier", "units.csv:4 unknown-tier tier", "data.csv:2 unknown-unit unit", "data.csv:4 unknown-unit unit"],
  },
  {
    name: "a column the metrics need is missing: one issue naming it and the metrics",
    data: ["missing-column/data.csv"],
    rows: { read: 2, used: 2, rejected: 0 },
    files: ["units.csv 4/4", "data.csv 2/2"],
    issues: ["data.csv:1 missing-column online_dossiers"],
    result: { unit: "so-y-te", metric: "online_share", numerator: null, denominator: null, status: "no-data" },
  },
  {
    name: "empty cells where counts are needed: each reported on its line and column, the rows kept",
    data: ["empty-cells/data.csv"],
    rows: { read: 3, used: 3, rejected: 0 },
    files: ["units.csv 4/4", "data.csv 3/3"],
    issues: ["data.csv:2 empty-count dossiers", "data.csv:3 empty-count online_dossiers"],
    result: { unit: "xa-a", metric: "online_share", numerator: 5, denominator: 10, status: "met" },
  },
  {
    name: "the same unit and month in two files: the second refused, naming the first",
    data: ["across-files/a.csv", "across-files/b.csv"],
    rows: { read: 4, used: 3, rejected: 1 },
    files: ["units.csv 4/4", "a.csv 2/2", "b.csv 2/1"],
    issues: ["b.csv:3 duplicate-row period"],
    result: { unit: "xa-a", metric: "online_share", numerator: 5, denominator: 10, status: "met" },
  },
  {
    name: "a folder of per-unit files, CSV and a workbook, with Excel's lock file and a hidden file left out",
    data: ["per-unit"],
    rows: { read: 4, used: 4, rejected: 0 },
    files: ["units.csv 4/4", "huyen-a.csv 1/1", "so-y-te.csv 2/2", "xa-a.xlsx 1/1"],
    issues: [],
    result: { unit: "xa-a", metric: "online_share", numerator: 5, denominator: 10, status: "met" },
  },
  {
    name: "a file none of whose rows can be used: reported, and the run exits 3",
    data: ["nothing-usable/good.csv", "nothing-usable/bad.csv"],
    exit: 3,
    rows: { read: 3, used: 1, rejected: 2 },
    files: ["units.csv 4/4", "good.csv 1/1", "bad.csv 2/0"],
    issues: ["bad.csv:2 unknown-unit unit", "bad.csv:3 bad-period period", "bad.csv:1 no-usable-row"],
  },
  {
    name: "a row dated after its unit ended is rejected",
    data: ["outside-validity/data.csv"],
    rows: { read: 2, used: 1, rejected: 1 },
    files: ["units.csv 4/4", "data.csv 2/1"],
    issues: ["data.csv:3 outside-validity period"],
    result: { unit: "xa-b", metric: "online_share", numerator: null, denominator: null, status: "excluded" },
  },
];

describe("the messy corpus, through chitieu eval", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const args = ["eval", `${DIR}/policy.ct`, "--units", `${DIR}/${c.units ?? "units.csv"}`, "--data", ...c.data.map((d) => `${DIR}/${d}`), "--as-of", "2022-11-30", "--format", "json"];
    const r = await runMain(args);
    expect(r.status, r.stderr).toBe(c.exit ?? 0);
    const evaluation = Evaluation.parse(JSON.parse(r.stdout));
    expect(evaluation.rows).toEqual(c.rows);
    expect(evaluation.files.map((f) => `${basename(f.file)} ${f.read}/${f.used}`)).toEqual(c.files);
    expect(evaluation.dataIssues.map((i) => `${basename(i.file)}:${i.line} ${i.code}${i.column === null ? "" : ` ${i.column}`}`)).toEqual(c.issues);
    // Every row read is used or rejected, file by file.
    for (const f of evaluation.files) expect(f.read).toBe(f.used + f.rejected);
    if (c.result) {
      const { unit, metric, ...expected } = c.result;
      expect(evaluation.results.find((x) => x.unit === unit && x.metric === metric)).toMatchObject(expected);
    }
    if (c.exit === 3) expect(r.stderr).toMatch(/^chitieu: no row could be used from .*bad\.csv \(exit 3; --allow-empty accepts it\)\n$/);
    else expect(r.stderr).toBe("");
  });

  it("--allow-empty accepts a run with an unusable file, still reporting it", async () => {
    const r = await runMain(["eval", `${DIR}/policy.ct`, "--units", `${DIR}/units.csv`, "--data", `${DIR}/nothing-usable`, "--as-of", "2022-11-30", "--format", "json", "--allow-empty"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("no row could be used from");
    expect(r.stderr).not.toContain("exit 3");
  });

  it("a quoted pattern is expanded by chitieu itself, for shells that do not", async () => {
    const r = await runMain(["eval", `${DIR}/policy.ct`, "--units", `${DIR}/units.csv`, "--data", `${DIR}/per-unit/*.csv`, "--as-of", "2022-11-30", "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Evaluation).files.map((f) => basename(f.file))).toEqual(["units.csv", "huyen-a.csv", "so-y-te.csv"]);
    const none = await runMain(["eval", `${DIR}/policy.ct`, "--units", `${DIR}/units.csv`, "--data", `${DIR}/per-unit/*.json`, "--as-of", "2022-11-30"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(`chitieu: cannot read ${DIR}/per-unit/*.json: no file matches\n`);
  });

  it("--delimiter overrides what the header suggests", async () => {
    const r = await runMain(["eval", `${DIR}/policy.ct`, "--units", `${DIR}/units.csv`, "--data", `${DIR}/semicolon/data.csv`, "--delimiter", "comma", "--as-of", "2022-11-30", "--format", "json"]);
    // Read with commas, the header is one column named `unit;period;...`: no row can be read.
    expect(r.status).toBe(3);
    expect((JSON.parse(r.stdout) as Evaluation).dataIssues[0]).toMatchObject({ code: "bad-row", column: "unit" });
    const bad = await runMain(["eval", `${DIR}/policy.ct`, "--units", `${DIR}/units.csv`, "--data", `${DIR}/semicolon/data.csv`, "--delimiter", "pipe", "--as-of", "2022-11-30"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("`pipe` is not a delimiter: give comma, semicolon or tab");
  });

  it("a refused unit's rows name where the registry refused it, in Vietnamese too", async () => {
    const r = await runMain(["--lang", "vi", "eval", `${DIR}/policy.ct`, "--units", `${DIR}/unknown-tiers/units.csv`, "--data", `${DIR}/unknown-tiers/data.csv`, "--as-of", "2022-11-30"]);
    expect(r.stdout).toContain("cấp `Province` không phải là cấp được khai báo trong văn bản chính sách (`province`, `district`, `commune`), nên đơn vị bị loại; có phải là `province` không?");
    expect(r.stdout).toContain(`ghi đơn vị \`so-y-te\` đã bị loại khỏi danh mục ở dòng 2 của tệp ${DIR}/unknown-tiers/units.csv`);
  });
});
