/** Where `eval` and `report` write, and in which format: run in-process through `main`. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Output } from "../../src/cli/output.js";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (t) => out.push(t), err: (t) => err.push(t), lang: "en", stdin: () => ["unit,period,dossiers,online_dossiers\nso-y-te,2022-11,100,70\nso-y-tee,2022-11,1,1\n"] };
  const code = await main(argv, io);
  return { code, out: out.join(""), err: err.join("") };
}

const dir = mkdtempSync(join(tmpdir(), "chitieu-out-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EXAMPLE = ["policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30"];

describe("eval --out", () => {
  test.each([
    ["results.csv", (text: string) => expect(text).toMatch(/^unit,tier,metric,target,/)],
    ["results.json", (text: string) => expect(JSON.parse(text)).toMatchObject({ policy: "brvt-2139-2022" })],
    ["results.ndjson", (text: string) => expect(JSON.parse(text.split("\n")[0]!)).toHaveProperty("unit")],
    ["results.xlsx", (text: string) => expect(text.startsWith("PK")).toBe(true)],
    ["results.txt", (text: string) => expect(text).toMatch(/^brvt-2139-2022 as of 2022-11-30\n/)],
  ])("writes %s in the format its extension names", async (name, check) => {
    const out = join(dir, name);
    const r = await run("eval", ...EXAMPLE, "--out", out);
    expect(r).toMatchObject({ code: 0, out: "", err: "" });
    check(readFileSync(out, "latin1"));
  });

  test.each([
    [["--format", "csv", "--out", "r.xlsx"], "--format csv does not match --out r.xlsx: leave out --format, or name the file for the format"],
    [["--out", "r.html"], "r.html is a web page: `chitieu report` writes the HTML report"],
    [["--format", "xlsx"], "--format xlsx writes a workbook: give --out FILE.xlsx"],
  ])("refuses %j as a usage error", async (args, message) => {
    const r = await run("eval", ...EXAMPLE, ...args);
    expect(r).toEqual({ code: 2, out: "", err: `chitieu: ${message}\n` });
  });

  test("a format the extension does not name is kept: --format json --out results.txt", async () => {
    const out = join(dir, "results-json.txt");
    expect((await run("eval", ...EXAMPLE, "--format", "json", "--out", out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toHaveProperty("results");
  });

  test("CSV and NDJSON say on standard error what the rows came to, when any was rejected or flagged", async () => {
    for (const format of ["csv", "ndjson"]) {
      const r = await run("eval", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "-", "--as-of", "2022-11-30", "--format", format);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/^data rows: read 2, used 1, rejected 1; 3 data issues\n {2}-:1 \[services_with_dossiers\] /);
      expect(r.err).toContain("  -:3 [unit] `unit` names no known unit: `so-y-tee`; did you mean `so-y-te`?\n");
      expect(r.out).not.toContain("so-y-tee");
    }
  });

  test("JSON on standard output carries its issues, so nothing more is said", async () => {
    const r = await run("eval", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "-", "--as-of", "2022-11-30", "--format", "json");
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).dataIssues).toHaveLength(3);
  });
});

describe("report --out", () => {
  test("refuses a file name that is not a page", async () => {
    const r = await run("report", ...EXAMPLE, "--out", "report.xlsx");
    expect(r).toEqual({ code: 2, out: "", err: "chitieu: the report is a web page: name it .html, not report.xlsx; `chitieu eval --out` writes report.xlsx\n" });
  });

  test("exits 3 when no count could be used, after writing the report", async () => {
    const out = join(dir, "empty.html");
    const r = await run("report", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "test/fixtures/messy/nothing-usable/bad.csv", "--as-of", "2022-11-30", "--out", out);
    expect(r.code).toBe(3);
    expect(readFileSync(out, "utf8")).toContain("<html");
    expect(r.err).toMatch(/no reported count could be used \(2 rows read\)/);
  });
});

describe("patterns", () => {
  test("`**/` matches no folder as well as many", async () => {
    const { findFiles } = await import("../../src/files/find.js");
    expect(findFiles(["test/fixtures/messy/**/*.csv"], [".csv"]).files).toContain("test/fixtures/messy/units.csv");
    expect(findFiles(["test/fixtures/messy/**/*.csv"], [".csv"]).files).toContain("test/fixtures/messy/per-unit/so-y-te.csv");
  });
});

describe("inputs that cannot be read as files", () => {
  test("standard input given to two options is a usage error, not a silently empty second input", async () => {
    const r = await run("eval", "policies/brvt-2139-2022.ct", "--units", "-", "--data", "-", "--as-of", "2022-11-30");
    expect(r).toEqual({ code: 2, out: "", err: "chitieu: - (standard input) can be given to one option only\n" });
  });

  test("a FIFO named as data is refused before anything waits on it", async () => {
    const { execFileSync } = await import("node:child_process");
    const fifo = join(dir, "data.csv");
    execFileSync("mkfifo", [fifo]);
    const r = await run("eval", ...EXAMPLE.slice(0, 3), "--data", fifo, "--as-of", "2022-11-30");
    expect(r).toEqual({ code: 2, out: "", err: `chitieu: cannot read ${fifo}: not a regular file\n` });
  });
});
