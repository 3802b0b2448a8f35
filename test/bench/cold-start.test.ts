/**
 * The cold-start harness keeps running and its output keeps parsing (no timing asserted). That the
 * bundled CLI says what the compiled modules say is test/cli/process.test.ts's.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LANG: "C" };
delete env["FORCE_COLOR"];
delete env["LC_ALL"];

function node(args: readonly string[], extra: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...env, ...extra }, timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bench/cold-start.mjs", () => {
  it("times the CLI and bare node and reports as JSON", () => {
    const r = node(["bench/cold-start.mjs", "--runs", "1", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, runs: 1, command: "node bin/chitieu.js check policies", node: process.version });
    for (const key of ["cli", "bare"]) {
      // Starting Node takes tens of milliseconds: a 0 would be a spawn that never happened.
      expect(out[key].median).toBeGreaterThan(0);
      // One timed run: the median is that run.
      expect(out[key]).toEqual({ median: out[key].min, min: out[key].min, max: out[key].min });
    }
    expect(out.ratio).toBeCloseTo(out.cli.median / out.bare.median, 1);
    expect(out.overBare).toBeCloseTo(out.cli.median - out.bare.median, 0);
    // The goal is judged on the ratio to bare node in the same run: 200 ms where node takes 85.
    expect(out.goal).toEqual({ ms: 200, bareMs: 85, ratio: 2.35 });
    expect(out.met).toBe(out.ratio <= 2.35);
  });

  it("states the goal and whether it is met", () => {
    const r = node(["bench/cold-start.mjs", "--runs", "1"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^goal: check under 200 ms where bare node takes 85 ms, at most 2\.35x bare node: (met|not met)$/m);
  });

  it("fails when the CLI fails", () => {
    const r = node(["bench/cold-start.mjs", "--runs", "1", "--json", "--", "check", "no/such/folder"]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).ok).toBe(false);
    expect(r.stderr).toContain("cold-start: `node bin/chitieu.js check no/such/folder` exited 2 with 0 bytes of output\nchitieu: cannot read no/such/folder");
  });
});
