/** The check-scale harness keeps running and its output keeps parsing, at small sizes (no timing asserted). */
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

interface Row {
  lines: number;
  policies: number;
  targets: number;
  ms: number;
  usPerLine: number;
  problems: number;
  cliSeconds: number;
}

it("bench/check-scale.mjs checks generated policies at growing sizes and reports the growth per line as JSON", () => {
  const args = ["bench/check-scale.mjs", "--lines", "300,900", "--one", "1000", "--targets", "300", "--json"];
  const r = spawnSync(process.execPath, args, { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  const out = JSON.parse(r.stdout) as { limit: number; shapes: { shape: string; rows: Row[]; growth: number; ok: boolean }[] };
  expect(out.shapes.map((s) => s.shape)).toEqual(["policies", "one policy"]);
  const [policies, one] = out.shapes;
  // Sizes are reached, not guessed: the folder has at least the lines asked for, and grows with them.
  expect(policies!.rows.map((row) => row.lines >= 300)).toEqual([true, true]);
  expect(policies!.rows[1]!.lines).toBeGreaterThanOrEqual(900);
  expect(policies!.rows[1]!.policies).toBeGreaterThan(policies!.rows[0]!.policies);
  // The single policy: at most the lines asked for, then exactly as many targets as asked for.
  expect(one!.rows[0]!.lines).toBeLessThanOrEqual(1000);
  expect(one!.rows[1]!.targets).toBeLessThanOrEqual(300);
  expect(one!.rows[1]!.targets).toBeGreaterThan(300 - 20);
  for (const s of out.shapes) {
    for (const row of s.rows) {
      expect(row.problems).toBe(0);
      expect(row.usPerLine).toBeCloseTo((row.ms * 1000) / row.lines, 6);
      expect(row.cliSeconds).toBeGreaterThan(0);
    }
    expect(s.growth).toBeCloseTo(s.rows.at(-1)!.usPerLine / s.rows[0]!.usPerLine, 6);
  }
});

it("refuses unknown options", () => {
  const r = spawnSync(process.execPath, ["bench/check-scale.mjs", "--nope"], { encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/unknown option --nope/);
});
