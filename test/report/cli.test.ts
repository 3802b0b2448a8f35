/** `chitieu report` through `main`, as the CLI runs it: README's command, the output file, the language, errors. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "../support/main.js";

const dir = mkdtempSync(join(tmpdir(), "chitieu-report-"));

describe("chitieu report", () => {
  it("runs README's command, writing the file it names and saying so", async () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Reports"));
    const command = /```sh\n([\s\S]*?)```/.exec(section)![1]!.replace(/\\\n/g, " ").trim();
    const args = command.split(/\s+/).slice(2);
    expect(args[0]).toBe("report");
    expect(args.at(-1)).toBe("brvt-report.html");
    const out = join(dir, "brvt-report.html");
    const run = await runMain([...args.slice(0, -1), out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    const page = readFileSync(out, "utf8");
    expect(run.stderr).toBe(`chitieu: wrote ${out} (${Buffer.byteLength(page)} bytes)\n`);
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain("Giao chỉ tiêu thực hiện DVCTT");
    // Three targets, three charts, three tables of units.
    expect(page.match(/<article class="card target"/g)).toHaveLength(3);
    expect(page.match(/<svg /g)).toHaveLength(3);
    expect(page.match(/<table class="units sortable">/g)).toHaveLength(3);
    expect(Buffer.byteLength(page)).toBeLessThan(400_000);
  });

  it("writes to standard output without --out, in English with --lang en", async () => {
    const run = await runMain(["report", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "31/10/2022", "--lang", "en"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(run.stdout).toContain('<span class="v" id="as-of">2022-10-31</span>');
    expect(run.stdout).toContain('<span class="v" id="next-milestone">2022-11-30</span>');
  });

  it("exits 2 on a missing file or a folder it cannot write to", async () => {
    const missing = await runMain(["report", "policies/brvt-2139-2022.ct", "--units", "nope.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("chitieu: cannot read nope.csv: no such file or folder\n");
    const unwritable = await runMain(["report", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30", "--out", join(dir, "no/such/dir/r.html")]);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toBe(`chitieu: cannot write ${join(dir, "no/such/dir/r.html")}: ENOENT\n`);
  });
});
