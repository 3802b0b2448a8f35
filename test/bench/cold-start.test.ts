/**
 * The cold-start harness keeps running and its output keeps parsing (no timing asserted), and the
 * bundled CLI says exactly what the unbundled modules say.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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
    expect(out).toMatchObject({ ok: true, runs: 1, command: "node bin/chitieu.js check policies" });
    for (const key of ["cli", "bare"]) expect(out[key].median).toBeGreaterThan(0);
    expect(typeof out.ratio).toBe("number");
  });

  it("fails when the CLI fails", () => {
    const r = node(["bench/cold-start.mjs", "--runs", "1", "--json", "--", "check", "no/such/folder"]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).ok).toBe(false);
  });
});

describe("the bundled CLI", () => {
  // Its own bundle, two levels deep like dist/bundle/, so tests running the CLI meanwhile never
  // meet a half-written dist/bundle/.
  const outdir = join("dist", `bundle-test-${process.pid}`);
  const bundled = (args: readonly string[]) =>
    node([
      "--input-type=module",
      "-e",
      `const { main, languageFromEnvironment } = await import("./${outdir}/chitieu.js");
       const write = (s) => (t) => s.write(t);
       process.exitCode = await main(process.argv.slice(1), { out: write(process.stdout), err: write(process.stderr), colour: false, lang: languageFromEnvironment(process.env), stdin: () => "" });`,
      "--",
      ...args,
    ]);
  const unbundled = (args: readonly string[]) => node(["bin/chitieu.js", ...args], { CHITIEU_UNBUNDLED: "1" });

  beforeAll(() => {
    const r = node(["scripts/bundle.mjs", "--outdir", outdir]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const cases = [["check", "policies"], ["--version"], ["check", "--format", "json", "policies"], ["check", "test/fixtures"], ["--help"]];
  it.each(cases.map((args) => [args.join(" "), args] as const))("says the same for `chitieu %s`", (_, args) => {
    const a = bundled(args);
    const b = unbundled(args);
    expect(a).toEqual(b);
    expect(a.stdout.length).toBeGreaterThan(0);
  });

  it("leaves exceljs and fast-check out of start-up", () => {
    const staticImports = (code: string) => [...code.matchAll(/^import\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
    const entry = readFileSync(join(outdir, "chitieu.js"), "utf8");
    // What runs at start-up: the entry and the chunks it imports statically.
    const chunks = staticImports(entry).filter((s) => s.startsWith("./")).map((s) => readFileSync(join(outdir, s), "utf8"));
    expect(chunks.length).toBeGreaterThan(0);
    for (const code of [entry, ...chunks]) {
      for (const lazy of ["exceljs", "fast-check", "playwright-core"]) expect(staticImports(code)).not.toContain(lazy);
    }
    // Still reachable, on demand: commands other than check, and exceljs within them, load when run.
    const everything = [entry, ...readdirSync(join(outdir, "chunks")).map((f) => readFileSync(join(outdir, "chunks", f), "utf8"))].join("\n");
    expect(everything).toMatch(/import\("exceljs"\)/);
    expect(entry).toMatch(/import\("\.\/chunks\/eval-[A-Z0-9]+\.js"\)/);
  });
});
