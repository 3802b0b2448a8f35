/**
 * The command line as users and CI run it, judged only by its exit code, stdout and stderr. It runs
 * in this process through `main` (test/support/main.ts); what only a process shows is in
 * process.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { codes, type CodeName } from "../../src/diagnostics/codes.js";
import { Evaluation } from "../../src/evaluate/result.js";
import { runMain } from "../support/main.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };

interface Run {
  readonly args: readonly string[];
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every run of the current test, so `afterEach` can check none of them printed a stack trace. */
let runs: Run[] = [];

function chitieu(...args: string[]): Promise<Run> {
  return chitieuWithInput(undefined, ...args);
}

async function chitieuWithInput(input: string | undefined, ...args: string[]): Promise<Run> {
  const run = { args, ...(await runMain(args, input)) };
  runs.push(run);
  return run;
}

afterEach(() => {
  const finished = runs;
  runs = [];
  for (const run of finished) {
    expect(run.stderr, `stack trace from chitieu ${run.args.join(" ")}`).not.toContain("    at ");
    expect(run.stdout, `stack trace from chitieu ${run.args.join(" ")}`).not.toContain("    at ");
  }
});

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-cli-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const ctFilesIn = (folder: string): string[] =>
  readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ct"))
    .map((e) => e.name);

interface Fixture {
  readonly file: string;
  readonly name: CodeName;
  readonly line: number;
  readonly column: number;
}

const fixtures: Fixture[] = readdirSync(join(root, "test/fixtures/bad"))
  .filter((name) => name.endsWith("_bad.ct"))
  .sort()
  .map((name) => {
    const file = `test/fixtures/bad/${name}`;
    const first = readFileSync(join(root, file), "utf8").split(/\r?\n/)[0]!;
    const match = /^# expect: ([a-z-]+) at (\d+):(\d+)$/.exec(first);
    if (!match) throw new Error(`${file}: first line is not "# expect: NAME at LINE:COL": ${first}`);
    if (!(match[1]! in codes)) throw new Error(`${file}: unknown diagnostic name ${match[1]}`);
    return { file, name: match[1] as CodeName, line: Number(match[2]), column: Number(match[3]) };
  });

const severityOf = (f: Fixture) => codes[f.name].severity;
const errorFixtures = fixtures.filter((f) => severityOf(f) === "error");
const warningFixtures = fixtures.filter((f) => severityOf(f) === "warning");

/**
 * Checks that `output` renders the fixture's diagnostic: the header, the location, the source line
 * and a caret line whose first caret sits under the expected column.
 */
function expectRendered(output: string, f: Fixture): void {
  const { code, severity } = codes[f.name];
  const lines = output.split("\n");
  const location = new RegExp(`^ +--> ${escape(f.file)}:${f.line}:${f.column}$`);
  const header = lines.findIndex((l, i) => l.startsWith(`${severity}[${code}] ${f.name}: `) && location.test(lines[i + 1] ?? ""));
  expect(header, `no "${severity}[${code}] ${f.name}:" at ${f.file}:${f.line}:${f.column} in:\n${output}`).toBeGreaterThanOrEqual(0);
  expect(lines[header + 2]).toMatch(/^ +\|$/);
  const source = readFileSync(join(root, f.file), "utf8").split(/\r?\n/)[f.line - 1]!;
  expect(lines[header + 3]).toBe(`${f.line} | ${source}`);
  const caretLine = lines[header + 4]!;
  const gutter = " ".repeat(String(f.line).length);
  expect(caretLine.startsWith(`${gutter} | `)).toBe(true);
  const marks = caretLine.slice(gutter.length + 3);
  expect(marks).toMatch(/^[ \t]*\^+$/);
  expect([...marks].indexOf("^")).toBe(f.column - 1);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("fixtures", () => {
  it("every bad fixture names a diagnostic and a position", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    expect(warningFixtures.map((f) => f.file)).toContain("test/fixtures/bad/non_monotone_bad.ct");
  });
});

describe("chitieu check", () => {
  it("passes the bundled policies: exit 0, a clean summary, nothing on stderr", async () => {
    const n = ctFilesIn("policies").length;
    expect(n).toBeGreaterThan(1);
    const r = await chitieu("check", "policies/");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`checked ${n} files: 0 errors, 0 warnings\n`);
    expect(r.stderr).toBe("");
  });

  it("uses the singular for one file", async () => {
    const r = await chitieu("check", "policies/brvt-2139-2022.ct");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("checked 1 file: 0 errors, 0 warnings\n");
    expect(r.stderr).toBe("");
  });

  it("accepts an import-only library on its own", async () => {
    const r = await chitieu("check", "policies/shared/vn-tiers.ct");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("checked 1 file: 0 errors, 0 warnings\n");
  });

  describe.each(errorFixtures.map((f) => [f.file, f] as const))("%s", (_file, f) => {
    it(`exits 1 and renders ${f.name} at ${f.line}:${f.column}`, async () => {
      const r = await chitieu("check", f.file);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("");
      expectRendered(r.stdout, f);
      expect(r.stdout).toMatch(/\nchecked 1 file: [1-9]\d* errors?, \d+ warnings?\n$/);
    });
  });

  describe.each(warningFixtures.map((f) => [f.file, f] as const))("%s (warnings only)", (_file, f) => {
    it(`renders ${f.name} at ${f.line}:${f.column} and exits 0 without --strict`, async () => {
      const r = await chitieu("check", f.file);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expectRendered(r.stdout, f);
      expect(r.stdout).toMatch(/\nchecked 1 file: 0 errors, [1-9]\d* warnings?\n$/);
    });

    it("exits 1 with --strict, showing the same output", async () => {
      const plain = await chitieu("check", f.file);
      const strict = await chitieu("check", "--strict", f.file);
      expect(strict.status).toBe(1);
      expect(strict.stdout).toBe(plain.stdout);
      expect(strict.stderr).toBe("");
    });
  });

  it("--strict does not fail clean policies", async () => {
    const r = await chitieu("check", "--strict", "policies");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^checked \d+ files: 0 errors, 0 warnings\n$/);
  });

  it("checks every fixture in one run and counts them all", async () => {
    const r = await chitieu("check", "test/fixtures/bad");
    expect(r.status).toBe(1);
    for (const f of fixtures) expectRendered(r.stdout, f);
    const summary = /checked (\d+) files: (\d+) errors?, (\d+) warnings?\n$/.exec(r.stdout);
    expect(summary).not.toBeNull();
    expect(Number(summary![1])).toBe(fixtures.length);
    expect(Number(summary![2])).toBeGreaterThanOrEqual(errorFixtures.length);
    expect(Number(summary![3])).toBeGreaterThanOrEqual(warningFixtures.length);
  });

  describe("--format json", () => {
    interface JsonPosition {
      line: number;
      column: number;
      offset: number;
    }
    interface JsonOutput {
      files: { file: string; diagnostics: { code: string; name: string; severity: string; message: string; span: { start: JsonPosition; end: JsonPosition } }[] }[];
      summary: { errors: number; warnings: number };
    }

    it("reports every file with its diagnostics, codes, names and spans", async () => {
      const r = await chitieu("check", "--format", "json", "test/fixtures/bad", "policies/brvt-2139-2022.ct");
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("");
      const json = JSON.parse(r.stdout) as JsonOutput;
      expect(json.files.map((x) => x.file).sort()).toEqual([...fixtures.map((f) => f.file), "policies/brvt-2139-2022.ct"].sort());
      for (const f of fixtures) {
        const entry = json.files.find((x) => x.file === f.file)!;
        const found = entry.diagnostics.find((d) => d.name === f.name && d.span.start.line === f.line && d.span.start.column === f.column);
        expect(found, `${f.file}: ${f.name} at ${f.line}:${f.column}`).toBeDefined();
        expect(found!.code).toBe(codes[f.name].code);
        expect(found!.severity).toBe(codes[f.name].severity);
        expect(found!.message.length).toBeGreaterThan(0);
        expect(found!.span.end.offset).toBeGreaterThanOrEqual(found!.span.start.offset);
      }
      expect(json.files.find((x) => x.file === "policies/brvt-2139-2022.ct")!.diagnostics).toEqual([]);
      const all = json.files.flatMap((x) => x.diagnostics);
      expect(json.summary.errors).toBe(all.filter((d) => d.severity === "error").length);
      expect(json.summary.warnings).toBe(all.filter((d) => d.severity === "warning").length);
      expect(json.summary.errors).toBeGreaterThanOrEqual(errorFixtures.length);
      expect(r.stdout).not.toContain("checked ");
    });

    it("is clean JSON with zero errors for the bundled policies", async () => {
      const r = await chitieu("check", "policies", "--format", "json");
      expect(r.status).toBe(0);
      const json = JSON.parse(r.stdout) as JsonOutput;
      expect(json.files).toHaveLength(ctFilesIn("policies").length);
      expect(json.files.every((x) => x.diagnostics.length === 0)).toBe(true);
      expect(json.summary).toEqual({ errors: 0, warnings: 0 });
    });

    it("honours --strict for a warnings-only file", async () => {
      const file = "test/fixtures/bad/non_monotone_bad.ct";
      const plain = await chitieu("check", "--format", "json", file);
      const strict = await chitieu("check", "--format", "json", "--strict", file);
      expect(plain.status).toBe(0);
      expect(strict.status).toBe(1);
      expect((JSON.parse(plain.stdout) as JsonOutput).summary).toEqual({ errors: 0, warnings: 1 });
      expect(strict.stdout).toBe(plain.stdout);
    });
  });

  describe("usage and I/O errors exit 2 with a message on stderr only", () => {
    const emptyFolder = (): string => tempDir();
    const folderWithoutPolicies = (): string => {
      const dir = tempDir();
      writeFileSync(join(dir, "notes.txt"), "not a policy\n");
      return dir;
    };

    it.each<[string, () => string[], string | RegExp]>([
      ["a missing path", () => ["no-such-policy.ct"], "chitieu: cannot read no-such-policy.ct: no such file or folder\n"],
      ["a missing path next to a good one checks nothing", () => ["policies", "no-such-folder"], /no-such-folder/],
      ["a missing path with --format json prints no JSON", () => ["--format", "json", "no-such-policy.ct"], /no-such-policy\.ct/],
      ["a path under a file (not a folder)", () => ["package.json/policy.ct"], /^chitieu: cannot read package\.json\/policy\.ct/],
      ["a folder with no .ct files", () => [folderWithoutPolicies()], /^chitieu: no \.ct files in /],
      ["an empty folder", () => [emptyFolder()], /no \.ct files/],
      ["an unknown option", () => ["--bogus", "policies"], /unknown option '--bogus'/],
      ["--format xml", () => ["--format", "xml", "policies"], /^chitieu: --format: .*"text".*"json"/],
      ["--format with no value", () => ["policies", "--format"], /--format/],
      ["no paths at all", () => [], /missing required argument 'paths'/],
    ])("%s", async (_, args, stderr) => {
      const r = await chitieu("check", ...args());
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      if (typeof stderr === "string") expect(r.stderr).toBe(stderr);
      else expect(r.stderr).toMatch(stderr);
    });
  });
});

describe("chitieu (top level)", () => {
  it("--help prints usage on stdout and exits 0", async () => {
    const r = await chitieu("--help");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Usage: chitieu /);
    expect(r.stdout).toContain("check [options] <paths...>");
    expect(r.stdout).toContain("schedule [options] <file>");
  });

  it("check --help documents the exit codes", async () => {
    const r = await chitieu("check", "--help");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Usage: chitieu check /);
    expect(r.stdout).toContain("--strict");
    expect(r.stdout).toContain("Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O error.");
  });

  it("schedule --help and help schedule exit 0", async () => {
    for (const args of [["schedule", "--help"], ["help", "schedule"]]) {
      const r = await chitieu(...args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/^Usage: chitieu schedule /);
      expect(r.stdout).toContain("--tier <id>");
    }
  });

  it("--version and -V print package.json's version", async () => {
    for (const flag of ["--version", "-V"]) {
      const r = await chitieu(flag);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.stderr).toBe("");
    }
  });

  it("an unknown command exits 2", async () => {
    const r = await chitieu("frobnicate", "policies");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });

  it("an unknown top-level option exits 2", async () => {
    const r = await chitieu("--bogus");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  it("no arguments prints usage on stderr and exits 2", async () => {
    const r = await chitieu();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Usage: chitieu /);
  });
});

describe("chitieu schedule", () => {
  const brvt = "policies/brvt-2139-2022.ct";

  /** The blank-line separated block that starts with `heading`. */
  function section(output: string, heading: string): string {
    const block = output.split("\n\n").find((b) => b.startsWith(heading));
    expect(block, `no section "${heading}" in:\n${output}`).toBeDefined();
    return block!;
  }

  /** The lines of `metric` inside a section, up to the next metric. */
  function metricLines(block: string, metric: string): string[] {
    const lines = block.split("\n");
    const start = lines.findIndex((l) => l.startsWith(`  ${metric}: `));
    expect(start, `no ${metric} in:\n${block}`).toBeGreaterThanOrEqual(0);
    const rest = lines.slice(start + 1);
    const end = rest.findIndex((l) => !l.startsWith("    "));
    return [lines[start]!, ...(end < 0 ? rest : rest.slice(0, end))];
  }

  it("shows the month-end milestones per tier and the excluded unit", async () => {
    const r = await chitieu("schedule", brvt);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toMatch(/^brvt-2139-2022: /);
    expect(r.stdout).toContain("  decision 2139/QĐ-UBND");
    expect(r.stdout).toContain("  effective 2022-08-03 until 2022-12-31");

    const province = section(r.stdout, "tier province:");
    const usage = metricLines(province, "service_usage");
    expect(usage[0]).toContain("target usage_all_tiers (policies/brvt-2139-2022.ct:");
    expect(usage.slice(1).map((l) => l.trim().replace(/\s+/g, " "))).toEqual([
      "2022-09-30 >= 50%",
      "2022-10-31 >= 65% (step)",
      "2022-11-30 >= 80%",
    ]);
    const online = metricLines(province, "online_share");
    expect(online.slice(1).map((l) => l.trim().replace(/\s+/g, " "))).toEqual([
      "2022-09-30 >= 30%",
      "2022-10-31 >= 45% (step)",
      "2022-11-30 >= 60%",
    ]);

    for (const tier of ["district", "commune"]) {
      const block = section(r.stdout, `tier ${tier}:`);
      expect(metricLines(block, "online_share").slice(1).map((l) => l.trim().replace(/\s+/g, " "))).toEqual([
        "2022-09-30 >= 20%",
        "2022-10-31 >= 35% (step)",
        "2022-11-30 >= 50%",
      ]);
    }

    const unit = section(r.stdout, "unit thanh-tra-tinh:");
    expect(metricLines(unit, "service_usage")[0]).toMatch(/^  service_usage: excluded by usage_all_tiers \(/);
    expect(metricLines(unit, "online_share")[0]).toMatch(/^  online_share: excluded by online_share_province \(/);
    expect(unit).not.toMatch(/\d{4}-\d{2}-\d{2}\s+>=/);
  });

  it("--tier commune shows only that tier", async () => {
    const r = await chitieu("schedule", brvt, "--tier", "commune");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const block = section(r.stdout, "tier commune:");
    expect(metricLines(block, "service_usage").length).toBe(4);
    expect(metricLines(block, "online_share").length).toBe(4);
    expect(r.stdout).not.toContain("tier province:");
    expect(r.stdout).not.toContain("tier district:");
    expect(r.stdout).not.toContain("unit thanh-tra-tinh");
    expect(r.stdout.match(/^(tier|unit) /gm)).toEqual(["tier "]);
  });

  it("--target keeps only the rows that target decides", async () => {
    const r = await chitieu("schedule", brvt, "--target", "online_share_local");
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("service_usage");
    expect(r.stdout).not.toContain("tier province:");
    expect(r.stdout).toContain("tier district:");
    expect(r.stdout).toContain("tier commune:");
  });

  it("--format json gives the district thresholds as numbers", async () => {
    const r = await chitieu("schedule", brvt, "--format", "json", "--tier", "district");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout) as {
      policy: string;
      schedules: {
        subject: { kind: string; id: string };
        metric: string;
        status: string;
        comparison: string;
        milestones: { date: string; threshold: number; origin: string }[];
      }[];
    };
    expect(json.policy).toBe("brvt-2139-2022");
    expect(json.schedules.length).toBeGreaterThan(0);
    expect(json.schedules.every((s) => s.subject.kind === "tier" && s.subject.id === "district")).toBe(true);
    const online = json.schedules.find((s) => s.metric === "online_share")!;
    expect(online.status).toBe("applies");
    expect(online.comparison).toBe(">=");
    expect(online.milestones.map((m) => m.threshold)).toEqual([20, 35, 50]);
    expect(online.milestones.map((m) => m.date)).toEqual(["2022-09-30", "2022-10-31", "2022-11-30"]);
    expect(online.milestones.map((m) => m.origin)).toEqual(["stated", "step", "stated"]);
  });

  it("a policy with errors exits 1 and renders the diagnostic on stderr", async () => {
    const f = fixtures.find((x) => x.name === "ramp-mismatch")!;
    const r = await chitieu("schedule", f.file);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expectRendered(r.stderr, f);
  });

  it("a syntax error exits 1 with the diagnostic on stderr", async () => {
    const f = fixtures.find((x) => x.file.endsWith("syntax_arrow_bad.ct"))!;
    const r = await chitieu("schedule", f.file);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expectRendered(r.stderr, f);
  });

  it("an import-only library exits 1 and says it has no policy header", async () => {
    const r = await chitieu("schedule", "policies/shared/vn-tiers.ct");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("chitieu: policies/shared/vn-tiers.ct has no policy header: it only defines shared names\n");
  });

  it("a missing file exits 2 with nothing on stdout", async () => {
    const r = await chitieu("schedule", "no-such-policy.ct");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("no-such-policy.ct");
  });

  it("--format xml exits 2", async () => {
    const r = await chitieu("schedule", brvt, "--format", "xml");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^chitieu: --format: /);
  });

  it("an unknown option exits 2", async () => {
    const r = await chitieu("schedule", brvt, "--bogus");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  it("no file exits 2", async () => {
    const r = await chitieu("schedule");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("missing required argument 'file'");
  });
});

describe("paths and filters people get wrong", () => {
  it("schedule on a folder exits 2 and says it wants a file", async () => {
    const r = await chitieu("schedule", "policies");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("chitieu: cannot read policies: a folder, not a policy file\n");
  });

  it("schedule with an unknown tier or target exits 2 and lists the known ones", async () => {
    const tier = await chitieu("schedule", "policies/brvt-2139-2022.ct", "--tier", "provnce");
    expect(tier.status).toBe(2);
    expect(tier.stderr).toBe("chitieu: brvt-2139-2022 has no tier `provnce`; its tiers are province, district, commune\n");
    const target = await chitieu("schedule", "policies/brvt-2139-2022.ct", "--target", "nope");
    expect(target.status).toBe(2);
    expect(target.stderr).toContain("has no target `nope`; its targets are usage_all_tiers, online_share_province, online_share_local");
  });

  it("check follows .ct files that are symbolic links", async () => {
    const dir = tempDir();
    symlinkSync(join(root, "policies/thaibinh-2020.ct"), join(dir, "linked.ct"));
    symlinkSync(join(root, "policies/shared"), join(dir, "shared"));
    const r = await chitieu("check", dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("checked 1 file: 0 errors, 0 warnings\n");
  });
});

describe("chitieu eval", () => {
  const brvt = ["eval", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv"];
  const data = ["--data", "examples/brvt-2022/data.csv"];

  it("prints the BR-VT table per tier with totals from summed counts", async () => {
    const r = await chitieu(...brvt, ...data, "--as-of", "2022-11-30");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^brvt-2139-2022 as of 2022-11-30\n/);
    expect(r.stdout).toMatch(/\n {2}chau-duc +online_share_local +2022-11-30 +>= 50\.00% +24\.00% +missed +26\.00 +1014 /);
    expect(r.stdout).toMatch(/\n {2}thanh-tra-tinh +usage_all_tiers +excluded\n/);
    expect(r.stdout).toContain("rows: 439 read, 439 used, 0 rejected; 0 data issues");
  });

  it("writes the JSON contract, with dd/mm/yyyy accepted for the date", async () => {
    const r = await chitieu(...brvt, ...data, "--as-of", "31/10/2022", "--format", "json");
    expect(r.status).toBe(0);
    const evaluation = Evaluation.parse(JSON.parse(r.stdout));
    expect(evaluation.asOf).toBe("2022-10-31");
    expect(evaluation.results.find((x) => x.unit === "so-y-te" && x.metric === "online_share")).toMatchObject({ actual: 45, status: "met" });
  });

  it("reads data from stdin with -, and reports bad rows without losing them", async () => {
    const csv = "unit,period,dossiers,online_dossiers\nso-y-te,2022-11,100,70\nso-y-tee,2022-11,1,1\nso-y-te,2022-13,1,1\n";
    const r = await chitieuWithInput(csv, ...brvt, "--data", "-", "--as-of", "2022-11-30");
    expect(r.status).toBe(0);
    // The file has no columns for the service usage metric: said once per column, not per row.
    expect(r.stdout).toContain("rows: 3 read, 1 used, 2 rejected; 4 data issues");
    expect(r.stdout).toMatch(/-:1 \[online_services\] flagged: the file has no `online_services` column, so `service_usage` has no data from it/);
    expect(r.stdout).toMatch(/-:3 \[unit\] rejected: .*so-y-tee.*did you mean `so-y-te`/);
    expect(r.stdout).toMatch(/-:4 \[period\] rejected: /);
  });

  it("stops reading endless standard input at the limit of what reads it: a registry at 256 MiB, a policy at 10 MiB", async () => {
    let given = 0;
    const endless = function* () {
      for (;;) {
        given++;
        yield "x".repeat(1 << 20);
      }
    };
    const units = await runMain(["eval", "policies/brvt-2139-2022.ct", "--units", "-", ...data, "--as-of", "2022-11-30"], endless);
    expect(units.status).toBe(3);
    expect(units.stdout).toContain("-:1 rejected: the file is larger than 256 MiB");
    expect(given).toBe(257);
    given = 0;
    const policy = await runMain(["fmt", "-"], endless);
    expect(policy).toMatchObject({ status: 2, stdout: "" });
    expect(policy.stderr).toBe("chitieu: standard input is larger than 10 MiB, the most a policy may hold; split the policy into files that import each other\n");
    expect(given).toBe(11);
  });

  it.each<[string, string[], RegExp]>([
    ["a bad date", [...data, "--as-of", "2022-02-30"], /^chitieu: --as-of: `2022-02-30` is not a date such as 2022-11-30\n$/],
    ["a missing data file", ["--data", "nowhere.csv", "--as-of", "2022-11-30"], /^chitieu: cannot read nowhere\.csv: no such file or folder\n$/],
    ["no --as-of", [...data], /required option '--as-of <date>' not specified/],
  ])("%s exits 2", async (_, args, stderr) => {
    const r = await chitieu(...brvt, ...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(stderr);
  });

  it("a policy with errors exits 1 with its diagnostics", async () => {
    const r = await chitieu("eval", "test/fixtures/bad/ramp_mismatch_bad.ct", "--units", "examples/brvt-2022/units.csv", ...data, "--as-of", "2022-11-30");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[CT203] ramp-mismatch");
  });
});

describe("chitieu test", () => {
  const policy = join(root, "policies/brvt-2139-2022.ct");

  /** A test file in a fresh folder; returns its path. */
  function testFile(content: unknown, name = "brvt.test.json"): string {
    const file = join(tempDir(), name);
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
    return file;
  }

  const failing = {
    policy,
    cases: [
      {
        name: "Sở Y tế on the 45% step",
        asOf: "2022-10-31",
        units: [{ id: "so-y-te", tier: "province" }],
        data: [{ unit: "so-y-te", period: "2022-10", dossiers: 100, online_dossiers: 45 }],
        expect: [{ unit: "so-y-te", metric: "online_share", status: "missed", needed: 3, actual: 45 }],
      },
      {
        name: "the inspectorate is excluded",
        asOf: "2022-10-31",
        units: [{ id: "thanh-tra-tinh", tier: "province" }],
        data: [],
        expect: [{ unit: "thanh-tra-tinh", metric: "online_share", status: "excluded" }],
      },
    ],
  };

  it("passes every bundled policy's tests: exit 0, PASS lines and the summary alone on the last line", async () => {
    const r = await chitieu("test", "policies");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    const passes = lines.filter((l) => l.startsWith("PASS "));
    expect(passes.length).toBeGreaterThanOrEqual(14);
    expect(lines.at(-1)).toBe(`${passes.length} passed, 0 failed`);
    expect(lines.length).toBe(passes.length + 1);
    for (const ct of readdirSync(join(root, "policies")).filter((n) => n.endsWith(".ct"))) {
      expect(passes.some((l) => l.startsWith(`PASS policies/${ct.replace(/\.ct$/, ".test.json")}: `)), ct).toBe(true);
    }
  });

  it("runs policies/ when given no path", async () => {
    const r = await chitieu("test");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe((await chitieu("test", "policies/")).stdout);
  });

  it("a failing case exits 1 and prints each mismatch with the expected and actual values", async () => {
    const file = testFile(failing);
    const r = await chitieu("test", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        `FAIL ${file}: Sở Y tế on the 45% step`,
        "  so-y-te online_share: expected status missed, got met",
        "  so-y-te online_share: expected needed 3, got 0",
        `PASS ${file}: the inspectorate is excluded`,
        "1 passed, 1 failed",
        "",
      ].join("\n"),
    );
  });

  it("--format json gives the report with every mismatch", async () => {
    const r = await chitieu("test", "--format", "json", testFile(failing));
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { passed: number; failed: number; files: { cases: { name: string; passed: boolean; mismatches: unknown[] }[] }[] };
    expect(report).toMatchObject({ passed: 1, failed: 1 });
    expect(report.files[0]!.cases[0]!.mismatches).toEqual([
      { kind: "result", unit: "so-y-te", metric: "online_share", field: "status", expected: "missed", actual: "met" },
      { kind: "result", unit: "so-y-te", metric: "online_share", field: "needed", expected: 3, actual: 0 },
    ]);
  });

  it("an invalid test file exits 2 and names the JSON path of each problem on stderr", async () => {
    const bad = { ...failing, cases: [{ ...failing.cases[0]!, asOf: "31/02/2022", expect: [{ unit: "so-y-te", staus: "met" }] }] };
    const file = testFile(bad);
    const r = await chitieu("test", file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(`FAIL ${file}: not a valid test file\n0 passed, 1 failed\n`);
    expect(r.stderr).toContain(`chitieu: ${file}: cases[0].asOf: \`31/02/2022\` is not a date such as 2022-10-31 or 31/10/2022\n`);
    expect(r.stderr).toContain(`chitieu: ${file}: cases[0].expect[0]: unknown key \`staus\`; did you mean \`status\`?\n`);
  });

  it("JSON that does not parse exits 2 with the line and column", async () => {
    const file = testFile('{\n  "policy": "p.ct",\n  "cases": [,]\n}\n');
    const r = await chitieu("test", file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^chitieu: ${escape(file)}: not valid JSON at line 3, column 13: `));
  });

  it("a missing data file exits 2, fails its case and runs the others", async () => {
    const file = testFile({ ...failing, cases: [{ ...failing.cases[1]!, data: undefined, dataFile: "nowhere.csv" }, failing.cases[0]] });
    const missing = join(dirname(file), "nowhere.csv");
    const r = await chitieu("test", file);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`FAIL ${file}: the inspectorate is excluded\n  cannot read ${missing}: no such file\n`);
    expect(r.stdout).toContain(`FAIL ${file}: Sở Y tế on the 45% step\n`);
    expect(r.stdout.endsWith("0 passed, 2 failed\n")).toBe(true);
    expect(r.stderr).toBe(`chitieu: cannot read ${missing}: no such file\n`);
  });

  it("a policy with errors exits 1 and shows its diagnostics", async () => {
    const file = testFile({ ...failing, policy: join(root, "test/fixtures/bad/ramp_mismatch_bad.ct") });
    const r = await chitieu("test", file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^FAIL ${escape(file)}: the policy .*ramp_mismatch_bad\\.ct does not compile\n`));
    expect(r.stdout).toContain("error[CT203] ramp-mismatch");
    expect(r.stdout.endsWith("\n0 passed, 1 failed\n")).toBe(true);
  });

  it.each<[string, () => string[], RegExp]>([
    ["a missing path", () => ["no-such-tests"], /^chitieu: cannot read no-such-tests: no such file or folder\n$/],
    ["a folder without test files", () => [tempDir()], /^chitieu: no \.test\.json files in /],
    ["--format xml", () => ["--format", "xml", "policies"], /^chitieu: --format: /],
    ["an unknown option", () => ["--bogus"], /unknown option '--bogus'/],
  ])("%s exits 2 with nothing on stdout", async (_, args, stderr) => {
    const r = await chitieu("test", ...args());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(stderr);
  });

  it("--help shows a test file, the command and the exit codes", async () => {
    const r = await chitieu("test", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: chitieu test \[options\] \[paths\.\.\.\]/);
    expect(r.stdout).toContain('"expect": [{ "unit": "so-y-te", "metric": "online_share", "status": "met", "needed": 0 }]');
    expect(r.stdout).toContain("Exit codes: 0 all passed, 1 a case failed");
    expect((await chitieu("--help")).stdout).toContain("test [options] [paths...]");
  });
});
