/** Every bundled policy scored end to end, on the BR-VT example and on figures from the brief. */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { compileFile } from "../../src/files/policy.js";
import { readObservations } from "../../src/data/observations.js";
import { readUnits } from "../../src/data/registry.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import { Evaluation } from "../../src/evaluate/result.js";
import type { IsoDate } from "../../src/time/calendar.js";
import { evaluatePolicy, resultOf } from "../support/evaluation.js";

const read = (path: string) => readFileSync(path, "utf8");

describe("BR-VT 2139/2022 on the example data", () => {
  const policy = compileFile("policies/brvt-2139-2022.ct").policy!;
  const units = readUnits(read("examples/brvt-2022/units.csv"), { file: "units.csv", format: "csv" });
  const data = readObservations(read("examples/brvt-2022/data.csv"), {
    file: "data.csv",
    format: "csv",
    fields: new Set(policy.fields.keys()),
    units: new Set(units.registry.units.map((u) => u.id)),
  });
  const evaluator = compileEvaluator(policy);
  const prepared = evaluator.prepare({ registry: units.registry, observations: data.observations, dataIssues: [...units.issues, ...data.issues], rows: data.rows });
  const on = (asOf: string) => evaluator.evaluate(prepared, { asOf: asOf as IsoDate });
  const october = on("2022-10-31");
  const november = on("2022-11-30");
  const row = (e: Evaluation, unit: string, metric: string) => resultOf(e, unit, metric)!;

  test("reads every row and satisfies the contract", () => {
    expect(units.issues).toEqual([]);
    expect(data.issues).toEqual([]);
    expect(november.rows).toEqual({ read: 439, used: 439, rejected: 0 });
    expect(() => Evaluation.parse(november)).not.toThrow();
  });

  test.each([
    ["chau-duc-binh-ba", "online_share", "2022-10-31", 35, 49, 140],
    ["so-y-te", "online_share", "2022-10-31", 45, 603, 1340],
    ["so-nong-nghiep-va-phat-trien-nong-thon", "service_usage", "2022-10-31", 65, 78, 120],
    ["xuyen-moc", "service_usage", "2022-11-30", 80, 192, 240],
    ["long-dien", "online_share", "2022-11-30", 50, 1509, 3018],
  ])("%s exactly on its %s threshold on %s meets it", (unit, metric, date, threshold, numerator, denominator) => {
    const e = date === "2022-10-31" ? october : november;
    expect(row(e, unit, metric)).toMatchObject({ milestone: date, threshold, actual: threshold, numerator, denominator, status: "met", needed: 0 });
  });

  test.each([
    ["vung-tau-phuong-9", "online_share", october, 1],
    ["so-tai-nguyen-va-moi-truong", "online_share", november, 3],
    ["so-xay-dung", "service_usage", november, 1],
    ["xuyen-moc-bung-rieng", "online_share", november, 66],
    ["chau-duc", "online_share", november, 1014],
    ["so-van-hoa-va-the-thao", "service_usage", november, 46],
  ] as const)("%s misses %s and needs %i more", (unit, metric, e, needed) => {
    expect(row(e, unit, metric)).toMatchObject({ status: "missed", needed });
  });

  test("the missing month, the zero denominator and the inspectorate", () => {
    expect(row(november, "xuyen-moc-hoa-hoi", "online_share")).toMatchObject({ status: "no-data" });
    expect(row(october, "chau-duc-suoi-rao", "online_share")).toMatchObject({ status: "no-denominator" });
    expect(row(november, "thanh-tra-tinh", "online_share")).toMatchObject({ status: "excluded" });
    expect(row(november, "thanh-tra-tinh", "service_usage")).toMatchObject({ status: "excluded" });
  });

  test("before 30/09 nothing is due; after, each target cites its line in the policy", () => {
    // As a set, so that no results at all would fail too.
    expect(new Set(on("2022-09-29").results.map((r) => r.status))).toEqual(new Set(["not-due", "excluded"]));
    const lines = read("policies/brvt-2139-2022.ct").split("\n");
    for (const r of november.results) expect(lines[r.rule.line - 1]).toContain(`target ${r.target}`);
  });

  test("the province total is the rate of summed counts", () => {
    const province = november.groups.find((g) => g.kind === "tier" && g.id === "province" && g.metric === "online_share")!;
    const rows = november.results.filter((r) => r.tier === "province" && r.metric === "online_share" && r.numerator !== null);
    expect(province.numerator).toBe(rows.reduce((s, r) => s + r.numerator!, 0));
    expect(province.denominator).toBe(rows.reduce((s, r) => s + r.denominator!, 0));
  });
});

describe("the other bundled policies", () => {
  test("Hòa Bình 1546/2022: year-to-date online payments against 30%", () => {
    const rows = [
      { unit: "so-a", period: "2022-06", giao_dich_thanh_toan: 100, giao_dich_truc_tuyen: 20 },
      { unit: "so-a", period: "2022-12", giao_dich_thanh_toan: 100, giao_dich_truc_tuyen: 40 },
    ];
    const e = evaluatePolicy(read("policies/hoabinh-1546-2022.ct"), [{ id: "so-a", tier: "province" }], rows, "2022-12-31", { file: "policies/hoabinh-1546-2022.ct" });
    expect(resultOf(e, "so-a")).toMatchObject({ numerator: 60, denominator: 200, actual: 30, status: "met" });
  });

  test("national full-process targets with Hà Nam's 2024 figures (68.54%)", () => {
    const rows = [{ unit: "ha-nam", period: "2024", dossiers: 168746, fullprocess_dossiers: 115665 }];
    const e = evaluatePolicy(read("policies/national-fullprocess-2024-2025.ct"), [{ id: "ha-nam", tier: "locality" }], rows, "2025-01-15");
    const r = resultOf(e, "ha-nam")!;
    expect(r).toMatchObject({ milestone: "2024-12-31", threshold: 30, status: "met", next: { date: "2025-12-31", threshold: 70 } });
    expect(r.actual!.toFixed(2)).toBe("68.54");
  });

  test("Vũng Tàu 2244/2024: exactly 85% is not above 85%, and the payment target goes on every month", () => {
    const rows = [
      { unit: "p1", period: "2024-11", payment_dossiers: 200, online_paid_dossiers: 170 },
      { unit: "p1", period: "2024-12", payment_dossiers: 200, online_paid_dossiers: 171 },
    ];
    const text = read("policies/vungtau-2244-2024.ct");
    const november = evaluatePolicy(text, [{ id: "p1", tier: "ward_commune" }], rows, "2024-11-30");
    expect(resultOf(november, "p1", "online_payment_share")).toMatchObject({ status: "missed", actual: 85, needed: 1 });
    const december = evaluatePolicy(text, [{ id: "p1", tier: "ward_commune" }], rows, "2024-12-31");
    expect(resultOf(december, "p1", "online_payment_share")).toMatchObject({ milestone: "2024-12-31", status: "met" });
  });

  test("Decision 766: progress (linear) and online provision (capped) scores", () => {
    const rows = [
      {
        unit: "x",
        period: "2022-10",
        dossiers_handled: 200,
        on_time_or_within_deadline: 187,
        procedures: 100,
        online_procedures: 90,
        online_services: 40,
        services_with_online_dossiers: 20,
        dossiers: 1000,
        online_dossiers: 300,
      },
    ];
    const e = evaluatePolicy(read("policies/decision-766-scoring.ct"), [{ id: "x", tier: "province" }], rows, "2022-10-31", { file: "policies/decision-766-scoring.ct" });
    // 20 x 187/200 = 18.7; min(2, 2 x 0.9 / 0.8) + 4 x 0.5 + min(6, 6 x 0.3 / 0.5) = 2 + 2 + 3.6
    expect(e.scores.map((s) => [s.score, s.points])).toEqual([
      ["progress", 18.7],
      ["online_provision", 7.6],
    ]);
  });

  test("Decision 766 steps: 80% gives 2 else 1.6; 50% gives 6 else 3; 30% gives 6 else 0.9", () => {
    const rows = [
      { unit: "hi", period: "2022-10", procedures: 10, online_procedures: 8, dossiers: 10, online_dossiers: 5, fee_dossiers: 10, paid_online_dossiers: 3 },
      { unit: "lo", period: "2022-10", procedures: 10, online_procedures: 7, dossiers: 10, online_dossiers: 4, fee_dossiers: 10, paid_online_dossiers: 2 },
    ];
    const e = evaluatePolicy(read("policies/decision-766-steps.ct"), [{ id: "hi", tier: "province" }, { id: "lo", tier: "province" }], rows, "2022-10-31", { file: "policies/decision-766-steps.ct" });
    const points = (unit: string) => e.scores.filter((s) => s.unit === unit).map((s) => s.points);
    expect(points("hi")).toEqual([2, 6, 6]);
    expect(points("lo")).toEqual([1.6, 3, 0.9]);
  });
});
