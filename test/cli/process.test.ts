/**
 * What only a separate `node bin/chitieu.js` shows: the exit code the OS reports, standard input
 * from a real pipe, and the bundle the bin loads saying what the compiled modules say. The other
 * CLI tests run `main` in-process (test/support/main.ts); each process here is also compared with
 * that run, so the in-process tests stand where users stand. LANG from the environment is in
 * lang.test.ts, closed pipes in pipe.test.ts.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli, type Run } from "../support/cli.js";
import { runMain } from "../support/main.js";

const EXAMPLE = ["policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30"];

describe("exit codes as the OS reports them", () => {
  test.each<[string, string[], number]>([
    ["0: clean policies", ["check", "policies"], 0],
    ["1: a policy with errors", ["check", "test/fixtures/bad/ramp_mismatch_bad.ct"], 1],
    ["2: a file that is not there", ["check", "no-such-policy.ct"], 2],
    ["2: a usage error found by the option parser", ["check", "--bogus", "policies"], 2],
    ["3: no reported count could be used", ["eval", ...EXAMPLE.slice(0, 3), "--data", "test/fixtures/messy/nothing-usable/bad.csv", "--as-of", "2022-11-30"], 3],
  ])("%s", async (_, args, status) => {
    const spawned = runCli(args);
    expect(spawned.status).toBe(status);
    expect(spawned).toEqual(await runMain(args));
  });
});

describe("standard input from a pipe", () => {
  test("eval reads `--data -` to its end", async () => {
    const csv = "unit,period,dossiers,online_dossiers\nso-y-te,2022-11,100,70\nso-y-tee,2022-11,1,1\n";
    const args = ["eval", ...EXAMPLE.slice(0, 3), "--data", "-", "--as-of", "2022-11-30", "--format", "json"];
    const run = runCli(args, csv);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ rows: { read: 2, used: 1, rejected: 1 } });
    expect(run).toEqual(await runMain(args, csv));
  });

  test("fmt - writes the formatted policy to standard output", async () => {
    const text = 'policy p   "P"\neffective 2022-01-01\ntier t\nfield a\nfield b\nmetric m = a/b\ntarget x for all: by 2022-12-31 m >= 48.6%\n';
    const run = runCli(["fmt", "--lang", "vi", "-"], text);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("chỉ tiêu x\n  cho tất cả:\n  đến 31/12/2022 m tối thiểu 48,6%\n");
    expect(run).toEqual(await runMain(["fmt", "--lang", "vi", "-"], text));
  });
});

describe("the bundled CLI", () => {
  const bundle = "dist/bundle/chitieu.js";

  test("is what bin/chitieu.js loads: the test setup bundled after compiling", () => {
    // bin/ falls back to dist/'s modules when the bundle is older than them.
    expect(statSync(bundle).mtimeMs).toBeGreaterThanOrEqual(statSync("dist/cli/main.js").mtimeMs);
  });

  test("bin/chitieu.js falls back to the compiled modules with CHITIEU_UNBUNDLED=1, taking the language from LANG as the bundle does", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LANG: "vi_VN.UTF-8" };
    delete env["LC_ALL"];
    delete env["LC_MESSAGES"];
    delete env["FORCE_COLOR"];
    const bin = (extra: NodeJS.ProcessEnv): Run => {
      const r = spawnSync(process.execPath, ["bin/chitieu.js", "check", "test/fixtures/bad/ramp_mismatch_bad.ct"], { encoding: "utf8", env: { ...env, ...extra }, timeout: 30_000 });
      if (r.error) throw r.error;
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const modules = bin({ CHITIEU_UNBUNDLED: "1" });
    expect(modules).toMatchObject({ status: 1, stderr: "", stdout: expect.stringContaining("lỗi[CT203] ramp-mismatch") });
    expect(modules).toEqual(bin({}));
  });

  /** Every case through `main` from `module`, in one Node process: loading the modules is most of a run. */
  function mainFrom(module: string, cases: readonly (readonly string[])[]): Run[] {
    const script = `const { main } = await import(process.argv[1]);
      const runs = [];
      for (const args of JSON.parse(process.argv[2])) {
        let stdout = "", stderr = "";
        const status = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), colour: false, lang: "en", stdin: () => [] });
        runs.push({ status, stdout, stderr });
      }
      process.stdout.write(JSON.stringify(runs));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script, "--", module, JSON.stringify(cases)], { encoding: "utf8", timeout: 60_000 });
    if (r.error) throw r.error;
    expect(r.stderr).toBe("");
    return JSON.parse(r.stdout) as Run[];
  }

  test("says what the compiled modules say", () => {
    const cases = [["check", "policies"], ["--version"], ["check", "--format", "json", "policies"], ["check", "test/fixtures"], ["--help"], ["schedule", "--help"]];
    const bundled = mainFrom(`./${bundle}`, cases);
    expect(bundled).toEqual(mainFrom("./dist/cli/main.js", cases));
    expect(bundled.map((r) => r.status)).toEqual([0, 0, 0, 1, 0, 0]);
    for (const r of bundled) expect(r.stdout.length).toBeGreaterThan(0);
  });

  test("leaves exceljs and fast-check out of start-up", () => {
    const staticImports = (code: string) => [...code.matchAll(/^import\s[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
    const entry = readFileSync(bundle, "utf8");
    // What runs at start-up: the entry and the chunks it imports statically.
    const chunks = staticImports(entry).filter((s) => s.startsWith("./")).map((s) => readFileSync(join("dist/bundle", s), "utf8"));
    expect(chunks.length).toBeGreaterThan(0);
    for (const code of [entry, ...chunks]) {
      for (const lazy of ["exceljs", "fast-check", "playwright-core"]) expect(staticImports(code)).not.toContain(lazy);
    }
    // Still reachable, on demand: commands other than check, and exceljs within them, load when run.
    const everything = [entry, ...readdirSync("dist/bundle/chunks").map((f) => readFileSync(join("dist/bundle/chunks", f), "utf8"))].join("\n");
    expect(everything).toMatch(/import\("exceljs"\)/);
    expect(entry).toMatch(/import\("\.\/chunks\/eval-[A-Z0-9]+\.js"\)/);
  });

  test("`chitieu check` loads the parser and the checks, not zod nor any other command", () => {
    const staticImports = (code: string) => [...code.matchAll(/^import\s[^;]*?from\s+"\.\/(?:chunks\/)?([^"]+)"/gm)].map((m) => m[1]!);
    const entry = readFileSync(bundle, "utf8");
    const check = /import\("\.\/chunks\/(check-[A-Z0-9]+\.js)"\)/.exec(entry)?.[1];
    expect(check).toBeDefined();
    // The chunks a check loads: the entry's and check's, and what those import statically in turn.
    const loaded = new Map<string, string>();
    const visit = (chunk: string) => {
      if (loaded.has(chunk)) return;
      const code = readFileSync(join("dist/bundle/chunks", chunk), "utf8");
      loaded.set(chunk, code);
      staticImports(code).forEach(visit);
    };
    [...staticImports(entry), check!].forEach(visit);
    const sources = [entry, ...loaded.values()].join("\n");
    // esbuild heads each bundled module with its path: the packages present are in those comments.
    expect(sources).toMatch(/^\/\/ node_modules\/chevrotain\//m);
    expect(sources).toMatch(/^\/\/ node_modules\/commander\//m);
    for (const absent of ["zod", "exceljs", "fast-check"]) expect(sources).not.toMatch(new RegExp(`^// node_modules/${absent}/`, "m"));
    expect([...loaded.keys()].filter((chunk) => /^(eval|report|explain|schedule|fmt|test|serve|init|template)-/.test(chunk))).toEqual([]);
    // The parser's lookahead comes computed (scripts/bundle.mjs), not computed at every start.
    expect(sources).toMatch(/PRECOMPUTED = \{\s*"file:Repetition:0"/);
  });
});
