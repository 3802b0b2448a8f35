/**
 * Seconds-long runs of the evaluation and ingest benchmarks, to keep the harnesses working: they
 * exit 0 only when every engine agrees with the hand-written loop and every row is accounted for.
 * No timing is asserted; the figures live in bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";

const run = (args: readonly string[]) => spawnSync(process.execPath, args, { encoding: "utf8", timeout: 120_000 });

describe("bench harnesses", () => {
  test("evaluate: chitieu, the loop and every peer agree on a small national workload", () => {
    const { status, stdout, stderr } = run(["--expose-gc", "bench/evaluate.mjs", "--units", "300", "--months", "3", "--runs", "1", "--warm-up", "1"]);
    expect(stderr).not.toMatch(/mismatch/);
    expect(status).toBe(0);
    for (const engine of ["chitieu: evaluate", "hand-written loop", "cel-js", "zen-engine", "1,000 in flight", "json-rules-engine"]) expect(stdout).toContain(engine);
    expect(stdout).toMatch(/all 900 results agree with the baseline/);
  }, 120_000);

  test("ingest: the streaming reader reads every row of a generated file", () => {
    const { status, stdout } = run(["bench/ingest.mjs", "--rows", "20000", "--units", "200", "--slice", "2000"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/20,000 read, 19,999 used, 1 issues/);
    expect(stdout).toMatch(/sums per field match/);
  }, 120_000);
});
