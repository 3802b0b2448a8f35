/** The compile bench keeps running and its output keeps parsing: a tiny run, no timing asserted. */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/files/policy.js";

function bench(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["bench/compile.mjs", ...args], { encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return r;
}

describe("bench/compile.mjs", () => {
  it("compiles every policy file and a few generated ones, and reports as JSON", () => {
    const r = bench(["--count", "25", "--runs", "2", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    const policyFiles = readdirSync("policies").filter((f) => f.endsWith(".ct"));
    expect(out.files.map((f: { file: string }) => f.file)).toEqual(policyFiles.sort().map((f) => `policies/${f}`));
    for (const f of out.files) {
      expect(f.bytes).toBe(statSync(f.file).size);
      // Compiling a policy file takes tens of microseconds at least: a 0 would be a run that never happened.
      expect(f.firstMs).toBeGreaterThan(0);
      expect(f.warmMedianMs).toBeGreaterThan(0);
    }
    // Every generated policy compiles, without a warning either: the generator's ramps land on their deadlines.
    expect(out.generated).toMatchObject({ count: 25, failed: 0, warnings: 0 });
    expect(out.generated.targets).toBeGreaterThan(25);
    for (const key of ["check", "checkWarm", "parseOnly", "jsonParse"]) {
      const pass = out.generated[key];
      // Each pass timed all 25 policies, and its figures are of the same runs. (JSON.parse of 25
      // small objects can round to 0 ms, so no figure here need be above 0.)
      const slowest = pass.slowest.map((x: { index: number }) => x.index);
      expect(new Set(slowest).size).toBe(3);
      for (const index of slowest) expect(index >= 0 && index < 25).toBe(true);
      expect(pass.slowest[0].ms).toBe(pass.maxMs);
      expect(pass.maxMs).toBeGreaterThanOrEqual(pass.medianMs);
      expect(pass.perPolicyMs).toBeCloseTo(pass.totalMs / 25, 2);
    }
  });

  it("prints the text table by default", () => {
    const r = bench(["--count", "3", "--runs", "1"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 generated policies/);
    expect(r.stdout).toMatch(/baseline: JSON\.parse/);
  });

  it("generates varied policies that compile without errors or warnings", () => {
    const texts = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => bench(["--policy", String(i)]).stdout);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.some((t) => /monthly \+|quarterly \+|every \d months \+/.test(t))).toBe(true);
    for (const [i, text] of texts.entries()) {
      const r = compile(text, { file: `gen-${i}.ct`, readFile: () => undefined });
      expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      expect(r.policy).toBeDefined();
    }
  });

  it("refuses unknown options", () => {
    const r = bench(["--nope"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option --nope/);
  });
});
