/**
 * The playground page as text: its security policy lets exactly its one script run, by hash, and
 * nothing load; what it opens on (policy files are anyone's text) stays data, whatever it holds;
 * and `chitieu playground` writes it with the policy's imports, or refuses with a usage error.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { playgroundHtml } from "../../src/playground/page.js";
import { runMain } from "../support/main.js";

const scripts = (page: string): string[] => [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const start = (page: string): unknown => JSON.parse(/<script type="application\/json" id="playground-start">([\s\S]*?)<\/script>/.exec(page)![1]!);
/** The policy as the browser reads the attribute: quotes are written as `&#39;`. */
const csp = (page: string): string => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)![1]!.replaceAll("&#39;", "'");

describe("the playground page", () => {
  it("lets only its own script run, by hash, and nothing load or connect", () => {
    const page = playgroundHtml("console.log(1)", { main: "p.ct", files: { "p.ct": "policy p" } });
    const [script, ...others] = scripts(page);
    expect(others).toEqual([]);
    const policy = csp(page);
    expect(policy).toContain(`script-src 'sha256-${createHash("sha256").update(script!).digest("base64")}'`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/unsafe-eval|connect-src|https?:/);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
  });

  it("keeps any policy text as data, and any bundle as one script whose hash is the one allowed", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (name, text, code) => {
        const files = { [`${name}.ct`]: `${text}</script><script>alert(1)</script><!--` };
        const page = playgroundHtml(`var s = "${code.replace(/[\\"\n\r\u2028\u2029]/g, "")}</script><!--";`, { main: `${name}.ct`, files });
        expect(start(page)).toEqual({ main: `${name}.ct`, files });
        const found = scripts(page);
        expect(found).toHaveLength(1);
        expect(csp(page)).toContain(`'sha256-${createHash("sha256").update(found[0]!).digest("base64")}'`);
      }),
      { numRuns: 200 },
    );
  });
});

describe("chitieu playground", () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-playground-"));

  it("writes the page on the BR-VT example, with the file it imports", async () => {
    const out = join(dir, "playground.html");
    const run = await runMain(["playground", "--out", out, "--lang", "en"]);
    expect(run.stderr).toMatch(/wrote .*playground\.html/);
    expect(run.status).toBe(0);
    const page = readFileSync(out, "utf8");
    expect(page).toContain('<html lang="en">');
    const opened = start(page) as { main: string; files: Record<string, string> };
    expect(opened.main).toBe("brvt-2139-2022.ct");
    expect(Object.keys(opened.files).sort()).toEqual(["brvt-2139-2022.ct", "shared/vn-tiers.ct"]);
    expect(opened.files["shared/vn-tiers.ct"]).toBe(readFileSync("policies/shared/vn-tiers.ct", "utf8"));
  });

  it("opens a policy with errors as it is: the page is where they get fixed", async () => {
    const run = await runMain(["playground", "test/fixtures/bad/duplicate_id_bad.ct"]);
    expect(run.status, run.stderr).toBe(0);
    expect((start(run.stdout) as { main: string }).main).toBe("duplicate_id_bad.ct");
  });

  it("refuses a page named as another kind of file, and a policy that is not there", async () => {
    const named = await runMain(["playground", "--out", join(dir, "page.xlsx")]);
    expect(named.status).toBe(2);
    expect(named.stderr).toContain("page.xlsx");
    const missing = await runMain(["playground", join(dir, "nowhere.ct")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nowhere.ct");
  });
});
