/** The policy test runner: cases that pass, every kind of mismatch, and files that cannot run. */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { round2 } from "../../src/policy-test/compare.js";
import { PolicyTestFile, type PolicyTestFileInput } from "../../src/policy-test/format.js";
import { hasUsageProblems, TestReport, type FileReport, type Mismatch } from "../../src/policy-test/report.js";
import { findTestFiles, runTestFile, runTestFiles, type ReadText } from "../../src/policy-test/run.js";
import { syntaxErrorAt } from "../../src/text/json.js";

const disk: ReadText = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

/** Files in memory first, then the disk: test files sit next to the bundled policies without being written there. */
async function run(files: Record<string, string | PolicyTestFileInput>, file = Object.keys(files)[0]!): Promise<FileReport> {
  const memory = new Map(Object.entries(files).map(([path, content]) => [path, typeof content === "string" ? content : JSON.stringify(content, null, 2)]));
  const report = await runTestFile(file, { readFile: (path) => memory.get(path) ?? disk(path) });
  expect(() => TestReport.parse({ files: [report], passed: 0, failed: 0 })).not.toThrow();
  return report;
}

const brvtUnits = [
  { id: "so-y-te", name: "Sở Y tế", tier: "province" },
  { id: "so-tu-phap", tier: "province" },
  { id: "thanh-tra-tinh", tier: "province" },
];
const brvtData = [
  { unit: "so-y-te", period: "2022-10", dossiers: 100, online_dossiers: 45 },
  { unit: "so-tu-phap", period: "2022-10", dossiers: 140, online_dossiers: 62 },
  { unit: "thanh-tra-tinh", period: "2022-10", dossiers: 100, online_dossiers: 1 },
];

/** A BR-VT test file beside the real policy, with one case whose expectations are `expect`. */
function brvt(more: Partial<PolicyTestFileInput["cases"][number]>): Record<string, PolicyTestFileInput> {
  return {
    "policies/mem.test.json": {
      policy: "brvt-2139-2022.ct",
      cases: [{ name: "the case", asOf: "2022-10-31", units: brvtUnits, data: brvtData, ...more }],
    },
  };
}

const mismatchesOf = (report: FileReport): Mismatch[] => report.cases.flatMap((c) => c.mismatches);

describe("a passing case", () => {
  it("passes when every expected value is the evaluator's, numbers of gapPoints and actual to 2 decimals", async () => {
    const report = await run(
      brvt({
        expect: [
          { unit: "so-y-te", metric: "online_share", target: "online_share_province", milestone: "31/10/2022", threshold: 45, actual: 45, status: "met", gapPoints: 0, needed: 0, rank: 1 },
          // 62/140 is 44.2857...%: 0.7142... points short, 1 dossier.
          { unit: "so-tu-phap", metric: "online_share", actual: 44.29, gapPoints: 0.71, needed: 1, numerator: 62, denominator: 140, status: "missed" },
          { unit: "thanh-tra-tinh", target: "online_share_province", status: "excluded", threshold: null, actual: null },
          { unit: "so-y-te", metric: "service_usage", status: "no-data" },
        ],
      }),
    );
    expect(report.problems).toEqual([]);
    expect(report.policy).toBe(join("policies", "brvt-2139-2022.ct"));
    expect(report.cases).toEqual([{ name: "the case", asOf: "2022-10-31", passed: true, mismatches: [], problems: [] }]);
  });

  it("reads units and data files relative to the test file, and expects no data issue unless told", async () => {
    const report = await run({
      "policies/mem.test.json": {
        policy: "brvt-2139-2022.ct",
        cases: [
          {
            name: "example",
            asOf: "2022-11-30",
            unitsFile: "../examples/brvt-2022/units.csv",
            dataFile: "../examples/brvt-2022/data.csv",
            expect: [{ unit: "chau-duc", metric: "online_share", needed: 1014, gapPoints: 26, status: "missed" }],
          },
        ],
      },
    });
    expect(report.cases[0]).toMatchObject({ passed: true, mismatches: [] });
  });

  it("reads a list of data files together, workbooks and NDJSON by extension, as `eval --data a b` does", async () => {
    const report = await run({
      "policies/mem.test.json": {
        policy: "../test/fixtures/messy/policy.ct",
        cases: [
          {
            name: "one file per unit, and a month sent twice",
            asOf: "2022-11-30",
            unitsFile: "../test/fixtures/messy/units.csv",
            dataFile: ["../test/fixtures/messy/per-unit/xa-a.xlsx", "../test/fixtures/messy/across-files/a.csv", "mem.ndjson"],
            expect: [{ unit: "xa-a", metric: "online_share", numerator: 5, denominator: 10, status: "met" }, { unit: "so-y-te", metric: "online_share", status: "met" }],
            expectIssues: [{ in: "data", line: 3, code: "duplicate-row", column: "period" }],
          },
        ],
      },
      "policies/mem.ndjson": '{"unit":"huyen-a","period":"2022-11","dossiers":80,"online_dossiers":30}\n',
    });
    expect(report.problems).toEqual([]);
    expect(report.cases[0]).toMatchObject({ passed: true, mismatches: [] });
  });

  it("reads inline merges and counts merged history under the successor with `successors`", async () => {
    const files = (successors: boolean): Record<string, PolicyTestFileInput> => ({
      "policies/mem.test.json": {
        policy: "brvt-2139-2022.ct",
        cases: [
          {
            name: "merged",
            asOf: "2022-10-31",
            units: [
              { id: "xa-a", tier: "commune", valid_to: "2022-09-30" },
              { id: "xa-b", tier: "commune" },
            ],
            merges: [{ id: "xa-a", successor: "xa-b", date: "2022-10-01" }],
            data: [
              { unit: "xa-a", period: "2022-10", dossiers: 100, online_dossiers: 40 },
              { unit: "xa-b", period: "2022-10", dossiers: 100, online_dossiers: 30 },
            ],
            successors,
            expect: [{ unit: "xa-b", metric: "online_share", numerator: 70, denominator: 200, status: "met" }],
          },
        ],
      },
    });
    expect((await run(files(true))).cases[0]!.passed).toBe(true);
    expect(mismatchesOf(await run(files(false)))).toEqual([
      { kind: "result", unit: "xa-b", metric: "online_share", field: "status", expected: "met", actual: "missed" },
      { kind: "result", unit: "xa-b", metric: "online_share", field: "numerator", expected: 70, actual: 30 },
      { kind: "result", unit: "xa-b", metric: "online_share", field: "denominator", expected: 200, actual: 100 },
    ]);
  });
});

describe("mismatches", () => {
  const one = async (expectation: object): Promise<Mismatch[]> => mismatchesOf(await run(brvt({ expect: [expectation as never] })));

  it("status, needed and milestone are compared exactly", async () => {
    expect(await one({ unit: "so-tu-phap", metric: "online_share", status: "met", needed: 0, milestone: "2022-11-30" })).toEqual([
      { kind: "result", unit: "so-tu-phap", metric: "online_share", field: "status", expected: "met", actual: "missed" },
      { kind: "result", unit: "so-tu-phap", metric: "online_share", field: "milestone", expected: "2022-11-30", actual: "2022-10-31" },
      { kind: "result", unit: "so-tu-phap", metric: "online_share", field: "needed", expected: 0, actual: 1 },
    ]);
  });

  it("gapPoints and actual differ once they differ at 2 decimals; the actual is reported unrounded", async () => {
    const [actual, gap] = await one({ unit: "so-tu-phap", metric: "online_share", gapPoints: 0.72, actual: 44.28 });
    expect(gap).toMatchObject({ field: "gapPoints", expected: 0.72 });
    expect(gap!.actual).toBeCloseTo(0.714285714, 8);
    expect(actual).toMatchObject({ field: "actual", expected: 44.28 });
    expect(actual!.actual).toBeCloseTo(44.285714285, 8);
    expect(await one({ unit: "so-tu-phap", metric: "online_share", gapPoints: 0.714, actual: 44.2857 })).toEqual([]);
  });

  it("threshold is compared exactly, not to 2 decimals", async () => {
    expect(await one({ unit: "so-y-te", metric: "online_share", threshold: 45.001 })).toEqual([
      { kind: "result", unit: "so-y-te", metric: "online_share", field: "threshold", expected: 45.001, actual: 45 },
    ]);
  });

  it("a target other than the one that applies", async () => {
    expect(await one({ unit: "so-y-te", metric: "online_share", target: "online_share_local" })).toEqual([
      { kind: "result", unit: "so-y-te", metric: "online_share", field: "target", expected: "online_share_local", actual: "online_share_province" },
    ]);
  });

  it("no result: a unit not in the case (with the id meant), a metric the unit has no target for", async () => {
    expect(await one({ unit: "so-y-t", metric: "online_share", status: "met" })).toEqual([
      {
        kind: "result", unit: "so-y-t", metric: "online_share", field: "result", expected: "a result", actual: "none: `so-y-t` is not among the case's units; did you mean `so-y-te`?",
        args: { expected: { kind: "a-result" }, actual: { kind: "not-among-units", unit: "so-y-t", near: "so-y-te" } },
      },
    ]);
    const [missing] = await one({ unit: "so-y-te", metric: "online_shar", status: "met" });
    expect(missing).toMatchObject({ field: "result", expected: "a result" });
    expect(missing!.actual).toMatch(/^none; the unit has results for service_usage \(target usage_all_tiers\), online_share/);
  });

  it("several results when neither metric nor target says which", async () => {
    const [m] = await one({ unit: "so-y-te", status: "met" });
    expect(m).toMatchObject({ field: "result", expected: "one result", actual: "2 results (service_usage, online_share): say which with metric or target" });
  });

  it("a result expected to be absent", async () => {
    expect(await one({ unit: "so-y-te", metric: "online_share", absent: true })).toEqual([
      {
        kind: "result", unit: "so-y-te", metric: "online_share", field: "result", expected: "no result", actual: "target online_share_province (met)",
        args: { expected: { kind: "no-result" }, actual: { kind: "found-results", results: [{ target: "online_share_province", status: "met" }] } },
      },
    ]);
    expect(await one({ unit: "thanh-tra-tinh", metric: "online_share", absent: true })).toHaveLength(1);
  });

  it("scores: points to 2 decimals, rank exactly, and a score the unit does not have", async () => {
    const files = (expectScores: PolicyTestFileInput["cases"][number]["expectScores"]): Record<string, PolicyTestFileInput> => ({
      "policies/mem.test.json": {
        policy: "decision-766-scoring.ct",
        cases: [
          {
            name: "scores",
            asOf: "2022-10-31",
            units: [{ id: "x", tier: "province" }],
            data: [{ unit: "x", period: "2022-10", dossiers_handled: 32, on_time_or_within_deadline: 29 }],
            expectScores,
          },
        ],
      },
    });
    expect(mismatchesOf(await run(files([{ unit: "x", score: "progress", points: 18.13, rank: 1 }])))).toEqual([]);
    expect(mismatchesOf(await run(files([{ unit: "x", score: "progress", points: 18.12, rank: 2 }, { unit: "x", score: "speed", points: 1 }])))).toEqual([
      { kind: "score", unit: "x", metric: "progress", field: "points", expected: 18.12, actual: 18.13 },
      { kind: "score", unit: "x", metric: "progress", field: "rank", expected: 2, actual: 1 },
      {
        kind: "score", unit: "x", metric: "speed", field: "score", expected: "a score", actual: "none; the unit has scores progress, online_provision",
        args: { expected: { kind: "a-score" }, actual: { kind: "has-scores", scores: ["progress", "online_provision"] } },
      },
    ]);
  });

  it("data issues: an unexpected one, and an expected one that is not there", async () => {
    const files = brvt({
      data: [...brvtData, { unit: "so-y-tee", period: "2022-10", dossiers: 1, online_dossiers: 1 }],
      expect: [{ unit: "so-y-te", metric: "online_share", status: "met" }],
    });
    const [unexpected] = mismatchesOf(await run(files));
    expect(unexpected).toMatchObject({ kind: "issue", unit: null, metric: null, field: "issue", expected: "none" });
    expect(unexpected!.actual).toMatch(/^unknown-unit on line 4 of data: item 4: `unit` names no known unit: `so-y-tee`; did you mean `so-y-te`\?$/);

    files["policies/mem.test.json"]!.cases[0]!.expectIssues = [
      { in: "data", line: 4, code: "unknown-unit", column: "unit" },
      { line: 2, code: "failed-check" },
    ];
    expect(mismatchesOf(await run(files))).toEqual([
      {
        kind: "issue", unit: null, metric: null, field: "issue", expected: "failed-check on line 2 of any input", actual: "none",
        args: { expected: { kind: "expected-issue", code: "failed-check", line: 2 }, actual: { kind: "no-issue" } },
      },
    ]);
  });

  it("an issue in the units is not one in the data", async () => {
    const files = brvt({
      units: [...brvtUnits, { id: "xa-a", tier: "commune", parent: "nowhere" }],
      expect: [{ unit: "so-y-te", metric: "online_share", status: "met" }],
      expectIssues: [{ in: "data", line: 4, code: "unknown-unit" }],
    });
    const mismatches = mismatchesOf(await run(files));
    expect(mismatches.map((m) => [m.expected, m.actual])).toEqual([
      ["unknown-unit on line 4 of data", "none"],
      ["none", expect.stringMatching(/^unknown-unit on line 4 of units: item 4: parent `nowhere` is not in the registry/)],
    ]);
  });
});

describe("test files that cannot run", () => {
  it("an invalid test file: every problem with its JSON path", async () => {
    const report = await run({
      "policies/bad.test.json": {
        policy: "brvt-2139-2022.ct",
        cases: [
          {
            name: "x",
            asOf: "2022-02-30",
            units: [],
            data: [],
            expect: [{ unit: "a", status: "met" }, { unit: "a", status: "mett" as never }],
            expcet: [],
          } as never,
          { name: "y", asOf: "2022-10-31", units: [], data: [], dataFile: "d.csv", expect: [{ unit: "a" }] },
        ],
      },
    });
    expect(report.cases).toEqual([]);
    expect(report.problems.map((p) => [p.kind, p.path, p.message])).toEqual([
      ["invalid-test-file", "cases[0].asOf", "`2022-02-30` is not a date such as 2022-10-31 or 31/10/2022"],
      ["invalid-test-file", "cases[0].expect[1].status", expect.stringContaining('expected one of "met"|"missed"')],
      ["invalid-test-file", "cases[0]", "unknown key `expcet`; did you mean `expect`?"],
      ["invalid-test-file", "cases[1].expect[0]", expect.stringMatching(/^checks nothing: give at least one of status, /)],
      ["invalid-test-file", "cases[1].dataFile", "give `data` or `dataFile`, not both"],
    ]);
    expect(report.problems.every((p) => p.file === "policies/bad.test.json" && p.line === null)).toBe(true);
  });

  it("two cases with one name", () => {
    const parsed = PolicyTestFile.safeParse({
      policy: "p.ct",
      cases: [1, 2].map(() => ({ name: "same", asOf: "2022-10-31", units: [], data: [], expectIssues: [] })),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path, i.message])).toEqual([[["cases", 1, "name"], "`same` is already the name of cases[0]"]]);
  });

  it("JSON that does not parse: the line and column of the fault", async () => {
    const report = await run({ "policies/bad.test.json": '{ "policy": "brvt-2139-2022.ct",\n  "cases": [\n    { "name": }\n  ]\n}\n' });
    expect(report.problems).toEqual([
      {
        kind: "invalid-test-file", file: "policies/bad.test.json", path: null, line: 3, message: "not valid JSON at line 3, column 15: Unexpected token '}'",
        args: { kind: "not-json", line: 3, column: 15, reason: "Unexpected token '}'" },
      },
    ]);
  });

  it("a missing data file fails its case only, as an I/O problem", async () => {
    const report = await run({
      "policies/mem.test.json": {
        policy: "brvt-2139-2022.ct",
        cases: [
          { name: "missing", asOf: "2022-10-31", units: brvtUnits, dataFile: "no-such-data.csv", expect: [{ unit: "so-y-te", status: "met" }] },
          { name: "fine", asOf: "2022-10-31", units: brvtUnits, data: brvtData, expect: [{ unit: "so-y-te", metric: "online_share", status: "met" }] },
        ],
      },
    });
    expect(report.problems).toEqual([]);
    expect(report.cases).toEqual([
      {
        name: "missing",
        asOf: "2022-10-31",
        passed: false,
        mismatches: [],
        problems: [{
          kind: "unreadable", file: join("policies", "no-such-data.csv"), path: "cases[0].dataFile", line: null, message: `cannot read ${join("policies", "no-such-data.csv")}: no such file`,
          args: { kind: "cannot-read", path: join("policies", "no-such-data.csv") },
        }],
      },
      { name: "fine", asOf: "2022-10-31", passed: true, mismatches: [], problems: [] },
    ]);
    expect(hasUsageProblems({ files: [report], passed: 1, failed: 1 })).toBe(true);
  });

  it("a missing test file, a missing policy, a policy with errors", async () => {
    expect((await run({}, "policies/none.test.json")).problems).toEqual([
      {
        kind: "unreadable", file: "policies/none.test.json", path: null, line: null, message: "cannot read policies/none.test.json: no such file",
        args: { kind: "cannot-read", path: "policies/none.test.json" },
      },
    ]);
    const cases = [{ name: "c", asOf: "2022-10-31", units: [], data: [], expectIssues: [] }];
    const missing = await run({ "policies/mem.test.json": { policy: "nowhere.ct", cases } });
    expect(missing.problems.map((p) => [p.kind, p.file])).toEqual([["unreadable", join("policies", "nowhere.ct")]]);
    const broken = await run({ "test/fixtures/bad/mem.test.json": { policy: "ramp_mismatch_bad.ct", cases } });
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toMatchObject({ kind: "policy-errors", file: join("test/fixtures/bad", "ramp_mismatch_bad.ct"), path: "policy" });
    expect(broken.problems[0]!.message).toContain("error[CT203] ramp-mismatch");
    const report = { files: [broken], passed: 0, failed: 1 };
    expect(hasUsageProblems(report)).toBe(false);
    const library = await run({ "policies/shared/mem.test.json": { policy: "vn-tiers.ct", cases } });
    expect(library.problems[0]!.message).toMatch(/has no policy header/);
  });
});

describe("runTestFiles and findTestFiles", () => {
  it("counts cases, and a file that cannot run as one failure", async () => {
    const { files } = findTestFiles(["policies"]);
    const report = await runTestFiles([...files, "policies/none.test.json"]);
    expect(report.failed).toBe(1);
    expect(report.passed).toBe(report.files.flatMap((f) => f.cases).length);
    expect(() => TestReport.parse(report)).not.toThrow();
  });

  it("searches folders for *.test.json only, and names paths that are not there", () => {
    const folder = findTestFiles(["policies"]).files;
    expect(folder.length).toBeGreaterThanOrEqual(7);
    expect(folder.every((f) => f.endsWith(".test.json"))).toBe(true);
    expect(folder).toEqual([...folder].sort());
    // A file named again, directly or through its folder, runs once.
    const found = findTestFiles(["./policies/brvt-2139-2022.test.json", "policies", "no-such-folder"]);
    expect(found.files).toEqual(["./policies/brvt-2139-2022.test.json", ...folder.filter((f) => f !== join("policies", "brvt-2139-2022.test.json"))]);
    expect(found.unreadable).toEqual([{ path: "no-such-folder", reason: "no-such-path" }]);
  });
});

describe("the bundled policies", () => {
  const policies = readdirSync("policies").filter((name) => name.endsWith(".ct"));

  it("every policy in policies/ ships with a test file that names it, and all its cases pass", async () => {
    expect(policies.length).toBeGreaterThanOrEqual(7);
    for (const policy of policies) {
      const test = `policies/${basename(policy, ".ct")}.test.json`;
      const report = await runTestFile(test);
      expect(report.problems, test).toEqual([]);
      expect(report.policy).toBe(join("policies", policy));
      expect(report.cases.length, test).toBeGreaterThanOrEqual(2);
      for (const c of report.cases) expect(c, `${test}: ${c.name}`).toMatchObject({ passed: true, mismatches: [], problems: [] });
    }
  });

  it("and no test file is left without its policy", () => {
    const tests = findTestFiles(["policies"]).files.map((f) => basename(f, ".test.json"));
    expect(tests.sort()).toEqual(policies.map((p) => basename(p, ".ct")).sort());
  });
});

describe("helpers", () => {
  it("round2 rounds half away from zero without float noise", () => {
    expect([1.005, 18.125, 0.7142857, -0.004, -2.675, 44.285714285714285].map(round2)).toEqual([1.01, 18.13, 0.71, 0, -2.68, 44.29]);
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => round2(n / 100) === n / 100));
  });

  it("syntaxErrorAt finds no fault in JSON that parses, and the first one in JSON that does not", () => {
    fc.assert(fc.property(fc.json(), (text) => syntaxErrorAt(text) === text.length));
    expect(syntaxErrorAt('{"a": [1, 2,]}')).toBe(12);
    expect(syntaxErrorAt('{"a": tru}')).toBe(9);
    expect(syntaxErrorAt('{"a": "x\ny"}')).toBe(8);
    expect(syntaxErrorAt("[1] 2")).toBe(4);
    expect(syntaxErrorAt("")).toBe(0);
  });
});
