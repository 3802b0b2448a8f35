/**
 * The end-to-end harness keeps running at small sizes: chitieu and the DuckDB query agree on every
 * unit and target's verdict and cases needed, and the figures parse (no timing asserted).
 */
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

it("bench/end-to-end.mjs runs chitieu and DuckDB on the same generated files and finds them agreeing", () => {
  const r = spawnSync(process.execPath, ["bench/end-to-end.mjs", "--sizes", "300,600", "--runs", "1", "--json"], { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  const out = JSON.parse(r.stdout) as { ok: boolean; results: { units: number; rows: number; compared: number; differCount: number; chitieu: { seconds: number; mb: number }; duckdb: { seconds: number; mb: number } }[] };
  expect(out.results.map((x) => [x.units, x.differCount])).toEqual([
    [300, 0],
    [600, 0],
  ]);
  // Each unit has the all-tiers target, and departments, districts and communes one more each.
  for (const x of out.results) expect(x.compared).toBe(2 * x.units);
  for (const x of out.results) for (const side of [x.chitieu, x.duckdb]) expect(side.mb).toBeGreaterThan(10);
});
