/**
 * Issue 17 through the command line: Decision 766's index on its example data, in JSON, the table,
 * the HTML report and the workbook; its policy test; the new syntax through `check` and `fmt`.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { Evaluation } from "../../src/evaluate/result.js";
import { runMain } from "../support/main.js";

const INDEX = ["policies/decision-766-index.ct", "--units", "examples/decision-766/units.csv", "--data", "examples/decision-766/data.csv", "--as-of", "2022-10-31"];

describe("chitieu eval on Decision 766's index", () => {
  test("JSON: every unit's components, total and rank, and every group's score and total, valid against the schema", async () => {
    const run = await runMain(["eval", ...INDEX, "--format", "json"]);
    expect(run.status).toBe(0);
    const e = Evaluation.parse(JSON.parse(run.stdout));
    expect(e.indexes!.map((x) => [x.unit, x.total, x.rank, x.ranked])).toEqual([
      ["huyen-x", 100, 1, 1],
      ["xa-a", 82.2, 1, 2],
      ["xa-b", 58.75, 2, 2],
    ]);
    expect(e.indexes![2]!.components).toEqual([
      { score: "transparency", points: 0 },
      { score: "progress", points: 20 },
      { score: "digitisation", points: 22 },
      { score: "online_provision", points: 10 },
      { score: "satisfaction", points: 6.75 },
    ]);
    expect(e.indexGroups!.map((g) => [g.kind, g.id, g.total])).toEqual([
      ["all", "all", 83.02],
      ["tier", "district", 100],
      ["tier", "commune", 81.7],
      ["parent", "huyen-x", 81.7],
    ]);
    expect(e.scoreGroups!.find((g) => g.kind === "parent" && g.score === "digitisation")).toMatchObject({
      points: 17.88,
      units: 2,
      metrics: [{ metric: "digitised_share", numerator: 130, denominator: 160, units: 2 }],
      window: { from: "2022-10", to: "2022-10" },
    });
  });

  test("the table: groups' scores, and the index with its components, total, rank of the tier's, and the groups' totals", async () => {
    const run = await runMain(["eval", ...INDEX]);
    expect(run.stdout).toContain("scores of groups (from their summed counts)");
    expect(run.stdout).toMatch(/under huyen-x +digitisation +17\.88/);
    expect(run.stdout).toContain("index service_index (out of 100)");
    expect(run.stdout).toMatch(/xa-b +commune +0\.00 +20\.00 +22\.00 +10\.00 +6\.75 +58\.75 +2\/2/);
    expect(run.stdout).toMatch(/under huyen-x +16\.20 +19\.00 +17\.88 +13\.77 +14\.85 +81\.70/);
  });

  test("in Vietnamese", async () => {
    const run = await runMain(["eval", ...INDEX, "--lang", "vi"]);
    expect(run.stdout).toContain("bộ chỉ số service_index (thang điểm 100)");
    expect(run.stdout).toContain("điểm của nhóm (tính từ số liệu cộng gộp)");
    expect(run.stdout).toMatch(/trực thuộc huyen-x/);
  });

  test("the HTML report and the workbook carry groups' scores and the index", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-766-"));
    expect((await runMain(["report", ...INDEX, "--lang", "en", "--out", join(dir, "r.html")])).status).toBe(0);
    const page = readFileSync(join(dir, "r.html"), "utf8");
    expect(page).toContain('id="score-groups"');
    expect(page).toContain('id="index-service_index"');
    expect(page).toMatch(/<strong>82\.20<\/strong><\/td><td class="num" data-sort="1">1\/2<\/td>/);
    expect(page).toMatch(/<td>under huyen-x<\/td>.*\n?.*<strong>81\.70<\/strong>/);

    expect((await runMain(["eval", ...INDEX, "--lang", "en", "--out", join(dir, "r.xlsx")])).status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "r.xlsx"));
    expect(book.worksheets.map((s) => s.name)).toEqual(["Summary", "Scores", "service_index"]);
    const index = book.getWorksheet("service_index")!;
    const rows = index.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(["xa-a", "Xã A", "commune", 16.2, 19, 17.6, 12.3, 17.1, 82.2, 1, 2, ""]);
    expect(rows).toContainEqual(["under huyen-x", "", "", 16.2, 19, 17.88, 13.77, 14.85, 81.7]);
    const scores = book.getWorksheet("Scores")!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(scores).toContainEqual(["all units", "", "", "online_provision", 14.46, undefined, ""]);
  });

  test("a policy without scores keeps its JSON shape: no group scores, no index", async () => {
    const run = await runMain(["eval", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30", "--format", "json"]);
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(["policy", "asOf", "results", "scores", "groups", "dataIssues", "rows", "files"]);
  });
});

describe("the new syntax through the command line", () => {
  test("`chitieu test` passes the index policy's hand-computed cases", async () => {
    const run = await runMain(["test", "policies/decision-766-index.test.json"]);
    expect(run.stdout).toContain("2 passed, 0 failed");
    expect(run.status).toBe(0);
  });

  test("`chitieu check` warns of a score that can be empty, and refuses an index of unknown scores", async () => {
    const warned = await runMain(["check", "test/fixtures/bad/may_be_empty_bad.ct"]);
    expect(warned.status).toBe(0);
    expect(warned.stdout + warned.stderr).toContain("warning[CT110] may-be-empty");
    const refused = await runMain(["check", "test/fixtures/bad/unknown_score_bad.ct"]);
    expect(refused.status).toBe(1);
    expect(refused.stdout + refused.stderr).toContain("did you mean `progress`?");
  });

  test("`chitieu fmt` writes the index policy in Vietnamese and back to the same English", async () => {
    const source = readFileSync("policies/decision-766-index.ct", "utf8");
    const vi = await runMain(["fmt", "--lang", "vi", "-"], source);
    expect(vi.stdout).toContain("bộ chỉ số service_index");
    expect(vi.stdout).toContain("(4 * online_service_usage khi trống 0)");
    expect(vi.stdout).toContain("cho tất cả theo tháng thang điểm 18 =");
    const en = await runMain(["fmt", "--lang", "en", "-"], vi.stdout);
    expect(en.stdout).toBe((await runMain(["fmt", "--lang", "en", "-"], source)).stdout);
  });
});
