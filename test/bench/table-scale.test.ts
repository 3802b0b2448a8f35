/** The scale harness keeps running and its output keeps parsing, at small sizes (no timing asserted). */
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

it("bench/table-scale.mjs times each format at two sizes and reports the growth per unit as JSON", () => {
  const r = spawnSync(process.execPath, ["bench/table-scale.mjs", "--small", "20", "--large", "40", "--json"], { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  const out = JSON.parse(r.stdout) as { small: number; large: number; rows: { format: string; small: number; large: number; growth: number; ok: boolean }[] };
  expect(out).toMatchObject({ small: 20, large: 40 });
  expect(out.rows.map((row) => row.format)).toEqual(["table", "csv", "json"]);
  for (const row of out.rows) expect(row.growth).toBeCloseTo(row.large / 40 / (row.small / 20), 6);
});
