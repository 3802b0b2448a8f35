import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, compileFile } from "../../src/files/policy.js";
import { checkObservation } from "../../src/data/checks.js";
import { countText } from "../../src/i18n/numbers.js";
import { readObservations } from "../../src/data/observations.js";
import { parsePeriod } from "../../src/data/period.js";
import type { Observation } from "../../src/data/types.js";
import type { Policy } from "../../src/model/policy.js";

const HEADER = `policy p effective 2022-01-01
tier province
field dossiers field online_dossiers field resolved field resolved_on_time field resolved_late
metric online_share = online_dossiers / dossiers
`;

function policy(checks: string, more = ""): Policy {
  const result = compile(HEADER + more + checks, { file: "policy.ct" });
  if (!result.policy) throw new Error(JSON.stringify(result.diagnostics));
  return result.policy;
}

const observation = (counts: Record<string, number>): Observation => ({
  unit: "quang-tri",
  period: parsePeriod("2024-H1")!,
  counts: new Map(Object.entries(counts)),
  source: { file: "data.csv", line: 7 },
});

describe("checkObservation", () => {
  const sums = policy("check resolved = resolved_on_time + resolved_late\n");

  it("flags Quảng Trị's H1 2024 resolved dossiers, 24 short, and keeps the row", () => {
    const issues = checkObservation(observation({ resolved: 140394, resolved_on_time: 140061, resolved_late: 309 }), sums);
    expect(issues).toEqual([
      {
        code: "failed-check",
        file: "data.csv",
        line: 7,
        column: "resolved",
        message: "resolved = resolved_on_time + resolved_late fails: 140,394 on the left, 140,370 on the right (140,061 + 309), 24 apart (check at policy.ct:5)",
        rejected: false,
        args: {
          kind: "failed-check",
          rule: "resolved = resolved_on_time + resolved_late",
          left: { value: { digits: "140394", exact: true } },
          right: { value: { digits: "140370", exact: true }, detail: [140061, " + ", 309] },
          apart: { digits: "24", exact: true },
          check: "policy.ct:5",
        },
      },
    ]);
  });

  it("finds both of the brief's gaps in Quảng Trị's report against the bundled Decision 766 policy", () => {
    const decision = compileFile("policies/decision-766-scoring.ct").policy!;
    const text = [
      "unit,period,resolved,resolved_on_time,resolved_late,pending,pending_within_deadline,pending_overdue,dossiers",
      "quang-tri,6 tháng,1,1,0,,,,",
      "quang-tri,H1/2024,140.394,140.061,309,5.932,5.835,92,150.969",
    ].join("\n");
    const read = readObservations(text, {
      file: "quang-tri.csv",
      format: "csv",
      fields: new Set(decision.fields.keys()),
      units: new Set(["quang-tri"]),
      numbers: "vi",
    });
    expect(read.issues.map((i) => [i.line, i.code])).toEqual([[2, "bad-period"]]);
    const issues = read.observations.flatMap((o) => checkObservation(o, decision));
    const lines = readFileSync("policies/decision-766-scoring.ct", "utf8").split("\n");
    const lineOf = (start: string): number => lines.findIndex((l) => l.startsWith(start)) + 1;
    expect(issues.map((i) => [i.line, i.code, i.rejected, i.message])).toEqual([
      [
        3,
        "failed-check",
        false,
        `resolved = resolved_on_time + resolved_late fails: 140,394 on the left, 140,370 on the right (140,061 + 309), 24 apart (check at policies/decision-766-scoring.ct:${lineOf("check resolved =")})`,
      ],
      [
        3,
        "failed-check",
        false,
        `pending = pending_within_deadline + pending_overdue fails: 5,932 on the left, 5,927 on the right (5,835 + 92), 5 apart (check at policies/decision-766-scoring.ct:${lineOf("check pending =")})`,
      ],
    ]);
  });

  it("rejects a part above its total", () => {
    expect(checkObservation(observation({ dossiers: 100, online_dossiers: 120 }), sums)).toEqual([
      {
        code: "numerator-above-denominator",
        file: "data.csv",
        line: 7,
        column: "online_dossiers",
        message: "online_dossiers 120 is above dossiers 100 (metric online_share)",
        rejected: true,
        args: { kind: "part-above-total", numerator: "online_dossiers", part: 120, denominator: "dossiers", total: 100, metrics: ["online_share"] },
      },
    ]);
  });

  it("reports a part above its total once for metrics over the same counts", () => {
    const twice = policy("", "metric online_share_ytd = online_dossiers / dossiers over year-to-date\n");
    const issues = checkObservation(observation({ dossiers: 13796, online_dossiers: 13797 }), twice);
    expect(issues.map((i) => i.message)).toEqual(["online_dossiers 13,797 is above dossiers 13,796 (metrics online_share, online_share_ytd)"]);
  });

  it.each([
    ["a part equal to its total", { dossiers: 100, online_dossiers: 100 }],
    ["a missing total", { online_dossiers: 100 }],
    ["sums that add up", { resolved: 10, resolved_on_time: 7, resolved_late: 3 }],
    ["a check over a field the row leaves out", { resolved: 10, resolved_on_time: 7 }],
  ])("says nothing of %s", (_, counts) => {
    expect(checkObservation(observation(counts), sums)).toEqual([]);
  });

  it.each([
    ["resolved >= resolved_late", 5, 5, true],
    ["resolved > resolved_late", 5, 5, false],
    ["resolved <= resolved_late", 5, 5, true],
    ["resolved < resolved_late", 5, 5, false],
    ["resolved = resolved_late", 5, 5, true],
    ["resolved >= resolved_late", 4, 5, false],
    ["resolved <= resolved_late", 6, 5, false],
  ])("`%s` with %i and %i holds: %s", (rule, resolved, late, holds) => {
    const issues = checkObservation(observation({ resolved, resolved_late: late }), policy(`check ${rule}\n`));
    expect(issues.length === 0).toBe(holds);
  });

  it("compares exactly: 45 of 100 is at most 30% + 15%, which floating point gets wrong", () => {
    expect(0.3 + 0.15 >= 45 / 100).toBe(false);
    const rule = policy("check online_dossiers / dossiers <= 30% + 15%\n");
    expect(checkObservation(observation({ dossiers: 100, online_dossiers: 45 }), rule)).toEqual([]);
    expect(checkObservation(observation({ dossiers: 100, online_dossiers: 46 }), rule)[0]?.message).toBe(
      "online_dossiers / dossiers <= 30% + 15% fails: 0.46 on the left (46 / 100), 0.45 on the right (30% + 15%), 0.01 apart (check at policy.ct:5)",
    );
  });

  it("marks values it rounds for the message", () => {
    const rule = policy("check online_dossiers / dossiers >= 50%\n");
    expect(checkObservation(observation({ dossiers: 3, online_dossiers: 1 }), rule)[0]?.message).toBe(
      "online_dossiers / dossiers >= 50% fails: about 0.3333 on the left (1 / 3), 0.5 on the right, about 0.1667 apart (check at policy.ct:5)",
    );
  });

  it("skips a check that would divide by zero", () => {
    const rule = policy("check online_dossiers / dossiers >= 50%\n");
    expect(checkObservation(observation({ dossiers: 0, online_dossiers: 0 }), rule)).toEqual([]);
  });

  it("writes brackets where the rule needs them", () => {
    const rule = policy("check resolved = dossiers - (online_dossiers - resolved_late) * 2\n");
    const [issue] = checkObservation(observation({ resolved: 1, dossiers: 10, online_dossiers: 4, resolved_late: 1 }), rule);
    expect(issue?.message).toBe("resolved = dossiers - (online_dossiers - resolved_late) * 2 fails: 1 on the left, 4 on the right (10 - (4 - 1) * 2), 3 apart (check at policy.ct:5)");
  });

  it("evaluates min, max, negation and conditionals", () => {
    const rule = policy("check resolved = max(min(dossiers, 5), -resolved_late) + if dossiers >= 10 then 1 else 0\n");
    expect(checkObservation(observation({ resolved: 6, dossiers: 10, resolved_late: 3 }), rule)).toEqual([]);
    expect(checkObservation(observation({ resolved: 5, dossiers: 9, resolved_late: 3 }), rule)).toEqual([]);
    const [issue] = checkObservation(observation({ resolved: 6, dossiers: 9, resolved_late: 3 }), rule);
    expect(issue?.message).toContain("resolved = max(min(dossiers, 5), -resolved_late) + (if dossiers >= 10 then 1 else 0) fails: 6 on the left, 5 on the right (max(min(9, 5), -3) + (if 9 >= 10 then 1 else 0)), 1 apart");
  });

  it("flags a sum exactly when it does not add up, with the difference", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.nat({ max: 10_000_000 }), fc.nat({ max: 10_000_000 }), (resolved, onTime, late) => {
        const issues = checkObservation(observation({ resolved, resolved_on_time: onTime, resolved_late: late }), sums);
        const gap = Math.abs(resolved - onTime - late);
        expect(issues.length).toBe(gap === 0 ? 0 : 1);
        if (gap > 0) expect(issues[0]?.message).toContain(`, ${countText(gap, "en")} apart`);
      }),
    );
  });
});
