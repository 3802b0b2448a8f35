/** The language server's latency harness keeps running, its diagnostics stay right and its output keeps parsing (no timing asserted). */
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

it("bench/lsp.mjs times parse, compile and the server's diagnostics after each edit, as JSON", () => {
  const r = spawnSync(process.execPath, ["bench/lsp.mjs", "--lines", "200", "--runs", "3", "--json"], { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as Record<string, unknown> & Record<"parse" | "compile" | "server", { median: number; min: number; max: number }>;
  expect(out).toMatchObject({ ok: true, lines: 200, runs: 3 });
  for (const series of [out.parse, out.compile, out.server]) {
    expect(series.median).toBeGreaterThan(0);
    expect(series.min).toBeLessThanOrEqual(series.median);
    expect(series.max).toBeGreaterThanOrEqual(series.median);
  }
  expect(out["serverOverParse"]).toBeCloseTo(out.server.median / out.parse.median, 0);
});
