/**
 * Output that cannot be turned against its reader: a CSV cell from a file never becomes a
 * spreadsheet formula, quoted text never drives the terminal, the HTML report never carries
 * control characters, and chitieu's own code runs where code generation from strings is off.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { resultsCsv, inert } from "../src/report/rows.js";
import { escapeHtml } from "../src/report/markup.js";
import { printable } from "../src/text/printable.js";
import { evaluatePolicy } from "./support/evaluation.js";
import "../src/data/cells.js";

describe("CSV cells from files are inert in a spreadsheet", () => {
  it.each(["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"])("%j is written after a single quote", (text) => {
    expect(inert(text)).toBe(`'${text}`);
  });

  it("leaves ordinary ids, and chitieu's own negative numbers, as they are", () => {
    expect(inert("so-y-te")).toBe("so-y-te");
    const evaluation = evaluatePolicy(
      "policy p effective 2022-01-01\ntier commune\nfield a field b\nmetric m = a / b\ntarget t for all: by 2022-10-31 m >= 50%\n",
      [{ id: "=1+1", tier: "commune" }],
      [{ unit: "=1+1", period: "2022-10", a: 9, b: 10 }],
      "2022-10-31",
    );
    const row = resultsCsv(evaluation).split("\r\n")[1]!;
    expect(row.startsWith("'=1+1,commune,m,t,")).toBe(true);
    expect(row).toContain(",-40,");
  });
});

describe("text from files reaches a terminal or a page without its control characters", () => {
  it("replaces escape sequences, NUL, C1 controls and DEL, keeping tabs and line breaks", () => {
    expect(printable("a\u001b[2Jb\u0000c\u009bd\u007fe\tf\ng")).toBe("a\uFFFD[2Jb\uFFFDc\uFFFDd\uFFFDe\tf\ng");
    expect(escapeHtml("<b>\u0000\u001b</b>")).toBe("&lt;b&gt;\uFFFD\uFFFD&lt;/b&gt;");
  });
});

describe("no code generation from strings", () => {
  it("zod validates without compiling functions", () => {
    expect(z.config().jitless).toBe(true);
  });

  it("every command module that builds schemas turns zod's compiler off itself: the CLI's entry no longer loads zod", () => {
    const modules = readdirSync("src/cli").map((f) => [f, readFileSync(`src/cli/${f}`, "utf8")] as const);
    const building = modules.filter(([, code]) => /^import \{ z \} from "zod";$/m.test(code));
    expect(building.length).toBeGreaterThan(5);
    for (const [file, code] of building) expect([file, code.includes('import "../text/jitless.js";')]).toEqual([file, true]);
  });

  it("check, eval and test run with code generation from strings disallowed", () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ["--disallow-code-generation-from-strings", "bin/chitieu.js", ...args], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
    expect(run("check", "policies").status).toBe(0);
    const evaluated = run("eval", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30", "--format", "json");
    expect(evaluated.status, evaluated.stderr).toBe(0);
    expect(JSON.parse(evaluated.stdout)).toHaveProperty("results");
    expect(run("test").status).toBe(0);
  });
});
