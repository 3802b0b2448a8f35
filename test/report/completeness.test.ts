/** A window with unreported months says so wherever its result appears: table, CSV, workbook, HTML, explain. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/files/policy.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import { Evaluation } from "../../src/evaluate/result.js";
import type { Policy } from "../../src/model/policy.js";
import { explainResult } from "../../src/report/explain.js";
import { reportHtml } from "../../src/report/html.js";
import { resultsCsv } from "../../src/report/rows.js";
import { resultsTable } from "../../src/report/table.js";
import { resultsWorkbook, STATUS_FILLS } from "../../src/report/workbook.js";
import type { IsoDate } from "../../src/time/calendar.js";
import { evaluatePolicy, observation, resultOf, unit } from "../support/evaluation.js";

const POLICY = `policy p "Lũy kế" effective 2022-01-01
tier t "Cấp thử"
field a field b
metric ytd = a / b over year-to-date complete
metric open = a / b over year-to-date
target y for all: by 2022-11-30 ytd >= 50%
target o for all: by 2022-11-30 open >= 50%
`;

/** `early` reported January and February only; `full` every month to November. */
function setup(): { policy: Policy; evaluation: Evaluation } {
  const policy = compile(POLICY, { file: "p.ct" }).policy!;
  const month = (u: string, m: number) => observation({ unit: u, period: `2022-${String(m).padStart(2, "0")}`, a: 60, b: 100 });
  const observations = [month("early", 1), month("early", 2), ...Array.from({ length: 11 }, (_, k) => month("full", k + 1))];
  const evaluator = compileEvaluator(policy);
  const prepared = evaluator.prepare({ registry: { units: [unit({ id: "early", tier: "t" }), unit({ id: "full", tier: "t" })], merges: [] }, observations });
  return { policy, evaluation: evaluator.evaluate(prepared, { asOf: "2022-11-30" as IsoDate }) };
}

const { policy, evaluation } = setup();
const line = (text: string, unitId: string, target: string): string => text.split("\n").find((l) => l.trimStart().startsWith(`${unitId} `) && l.includes(` ${target} `))!;

describe("the eval table", () => {
  it("adds the months reported to the status when some are missing, in English and Vietnamese", () => {
    const en = resultsTable(evaluation, { lang: "en" });
    expect(line(en, "early", "y")).toContain("incomplete (2 of 11 months)");
    expect(line(en, "early", "o")).toContain("met (2 of 11 months)");
    expect(line(en, "full", "y")).not.toContain("months");
    expect(en).toContain("ytd: 60.00% (780/1300); met 1, missed 0, no data 0, no denominator 0, not due 0, excluded 0, incomplete 1");
    const vi = resultsTable(evaluation, { lang: "vi" });
    expect(line(vi, "early", "y")).toContain("chưa đủ tháng (2/11 tháng)");
    expect(line(vi, "early", "o")).toContain("đạt (2/11 tháng)");
    expect(vi).toContain("không áp dụng 0, chưa đủ tháng 1");
  });

  it("leaves the months out of a result with no data: its status says it", () => {
    const none = evaluatePolicy(POLICY, [{ id: "none", tier: "t" }], [], "2022-11-30");
    expect(resultOf(none, "none", "ytd")).toMatchObject({ status: "no-data", explanation: { window: { months: 11, monthsWithData: 0 } } });
    expect(line(resultsTable(none), "none", "y")).toMatch(/ no data$/);
  });
});

describe("CSV", () => {
  it("keeps its columns in place and adds months and monthsWithData", () => {
    // No cell here holds a comma or a quote.
    const [header, ...rows] = resultsCsv(evaluation).trimEnd().split("\r\n").map((l) => l.split(","));
    expect(header!.slice(-4)).toEqual(["ruleFile", "ruleLine", "months", "monthsWithData"]);
    expect(header!.indexOf("status")).toBe(10);
    const early = rows.find((r) => r[0] === "early" && r[3] === "y")!;
    expect([early[10], early.at(-2), early.at(-1)]).toEqual(["incomplete", "11", "2"]);
  });
});

describe("the workbook", () => {
  async function sheets(): Promise<ExcelJS.Workbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await resultsWorkbook(evaluation, policy, { lang: "en" })) as unknown as ExcelJS.Buffer);
    return book;
  }

  it("has a months-reported column, neutral where months are missing, and an incomplete status", async () => {
    const sheet = (await sheets()).getWorksheet("t")!;
    const headings = (sheet.getRow(1).values as unknown[]).map(String);
    const cell = (row: number, heading: string) => sheet.getRow(row).getCell(headings.indexOf(heading));
    const rowOf = (u: string, target: string) => [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => cell(n, "Unit").value === u && cell(n, "Target").value === target)!;
    const early = rowOf("early", "y");
    expect(cell(early, "Status").value).toBe("incomplete");
    expect((cell(early, "Status").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(STATUS_FILLS.incomplete.fill);
    expect(cell(early, "Months reported").value).toBe("2 of 11 months");
    expect((cell(early, "Months reported").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(STATUS_FILLS["no-data"].fill);
    expect(cell(early, "Actual").value).toBe(0.6);
    expect(cell(early, "Needed").value ?? null).toBeNull();
    const full = rowOf("full", "y");
    expect(cell(full, "Months reported").value).toBe("11 of 11 months");
    expect(cell(full, "Months reported").fill).toBeUndefined();
  });

  it("counts incomplete units in the summary, and as due in the share that met", async () => {
    const sheet = (await sheets()).getWorksheet("Summary")!;
    const header = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => sheet.getRow(n).getCell(1).value === "Tier")!;
    const headings = (sheet.getRow(header).values as unknown[]).map(String);
    const all = sheet.getRow(header + 1 + evaluation.groups.filter((g) => g.kind === "tier").findIndex((g) => g.metric === "ytd"));
    expect(all.getCell(headings.indexOf("Metric")).value).toBe("ytd");
    expect(all.getCell(headings.indexOf("Incomplete")).value).toBe(1);
    expect(all.getCell(headings.indexOf("Units meeting")).value).toBe(0.5);
  });
});

describe("the HTML report", () => {
  const page = (lang: "en" | "vi") => reportHtml(evaluation, policy, [], { lang });
  const row = (text: string, target: string, u: string) => {
    const section = text.slice(text.indexOf(`data-target="${target}"`));
    return section.slice(section.indexOf(`<tr data-unit="${u}"`), section.indexOf("</tr>", section.indexOf(`<tr data-unit="${u}"`)));
  };

  it("shows the months reported under the status of a window that lacks some, in either language", () => {
    expect(row(page("en"), "y", "early")).toMatch(/data-status="incomplete"[\s\S]*status-incomplete">incomplete<\/span><span class="sub months">2 of 11 months</);
    expect(row(page("vi"), "o", "early")).toContain('status-met">đạt</span><span class="sub months">2/11 tháng<');
    expect(row(page("en"), "y", "full")).not.toContain("months<");
  });

  it("does not say the first milestone has not come when every unit is incomplete", () => {
    const early = evaluatePolicy(POLICY, [{ id: "early", tier: "t" }], [{ unit: "early", period: "2022-01", a: 1, b: 2 }], "2022-11-30");
    const y = reportHtml(early, policy, [], { lang: "en" }).split('data-target="y"')[1]!.split("</article>")[0]!;
    expect(y).toContain("status-incomplete");
    expect(y).not.toContain("No results yet");
    const before = evaluatePolicy(POLICY, [{ id: "early", tier: "t" }], [], "2022-10-31");
    expect(reportHtml(before, policy, [], { lang: "en" })).toContain("No results yet");
  });

  it("counts incomplete units in the summary next to those with no data", () => {
    const summary = page("en").split('id="summary"')[1]!.split("</section>")[0]!;
    const ytd = summary.slice(summary.indexOf('data-group="tier:t:ytd"'));
    expect(ytd).toMatch(/data-col="incomplete">\+1 incomplete</);
    expect(ytd).toMatch(/data-col="compliance">50.00%/);
  });
});

describe("explain", () => {
  it("says how many months were reported and why an incomplete result is not judged", () => {
    const early = resultOf(evaluation, "early", "ytd")!;
    const en = explainResult(early, policy, "en");
    expect(en).toContain("Counts for 2022-01 – 2022-11 (2 of 11 months reported): 120 a of 200 b = 60.00%.");
    expect(en).toContain("Incomplete: the metric requires every month of its window, and 9 of 11 months are not reported, so it is neither met nor missed.");
    expect(en).not.toContain("Met");
    expect(explainResult(early, policy, "vi")).toContain("còn 9/11 tháng chưa báo cáo");
  });
});

it("the evaluation shown satisfies the contract", () => {
  expect(Evaluation.parse(JSON.parse(JSON.stringify(evaluation))).groups.find((g) => g.kind === "all" && g.metric === "ytd")).toMatchObject({ incomplete: 1, met: 1 });
});
