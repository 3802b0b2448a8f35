/**
 * The playground in a real browser: Debian's Chromium, driven by playwright-core, the page made by
 * the CLI and opened from disk. A mistake typed shows the checker's own diagnostic where the checker
 * puts it, and fixing it clears it; the BR-VT example data opened in the data panel gives, unit by
 * unit, the results the library gives (`chitieu eval`); a shared link opens the same state; the page
 * asks for nothing outside itself and its script breaks no rule of its CSP. Chromium must be
 * installed (.ci/run installs it): without it this test fails, it does not skip.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile, compileEvaluator, compileFile, localize, readData, type Evaluation } from "../../src/index.js";
import { WORDS } from "../../src/report/words.js";
import { runCli } from "../support/cli.js";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ARTIFACTS = resolve("test-artifacts");
const PAGE = resolve(ARTIFACTS, "playground.html");
const POLICY = "policies/brvt-2139-2022.ct";
const UNITS = "examples/brvt-2022/units.csv";
const DATA = "examples/brvt-2022/data.csv";
const AS_OF = "2022-11-30";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** `1.014`, `24,00%`, `≥ 50,00%`, `-0,85` as numbers; empty as null. */
function viNumber(text: string): number | null {
  const plain = text.replace(/[≥≤<>%\s]/g, "").replaceAll(".", "").replace(",", ".");
  return plain === "" ? null : Number(plain);
}
const round2 = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

describe("the playground in Chromium", () => {
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];
  const errors: string[] = [];

  async function open(url: string): Promise<Page> {
    const opened = await context.newPage();
    opened.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") errors.push(`${message.type()}: ${message.text()}`);
    });
    opened.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    await opened.goto(url, { waitUntil: "load" });
    await opened.waitForSelector("body[data-ready]");
    return opened;
  }

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    const made = runCli(["playground", "--out", PAGE]);
    expect(made.status, made.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file://")) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = await open(pathToFileURL(PAGE).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("opens on the BR-VT policy with its import, checked clean, and draws its schedule", async () => {
    await expect.poll(() => page.locator("#problems li.clean").count()).toBe(1);
    expect(await page.locator("#imports summary").allTextContents()).toEqual([expect.stringContaining("shared/vn-tiers.ct")]);
    // Three targets: a table and a chart each, the district tier's ramp as the policy says.
    expect(await page.locator("#schedule table").count()).toBe(2);
    expect(await page.locator("#schedule svg").count()).toBe(3);
    expect(await page.locator('#schedule tr[data-subject="district"]').allTextContents()).toContainEqual(expect.stringContaining("30/09/2022 ≥ 20% · 31/10/2022 ≥ 35% · 30/11/2022 ≥ 50%"));
    expect(await page.locator('#schedule tr[data-subject="thanh-tra-tinh"]').first().textContent()).toContain("không áp dụng");
  });

  it("shows a mistake typed where the checker puts it, in its words, and clears it once fixed", async () => {
    const text = readFileSync(POLICY, "utf8");
    const typed = "check online_dossiers <= dosiers";
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(typed);
    // What the library says of the same text, in the page's language.
    const vnTiers = readFileSync("policies/shared/vn-tiers.ct", "utf8");
    const expected = compile(text + typed, { file: "brvt-2139-2022.ct", readFile: (path) => (path === "shared/vn-tiers.ct" ? vnTiers : undefined) }).diagnostics.map((d) => localize(d, "vi"));
    expect(expected).toHaveLength(1);
    const [d] = expected;
    const line = text.split("\n").length;
    expect(d!.span.start).toMatchObject({ line, column: 26 });
    const item = page.locator("#problems li.error");
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute("data-line")).toBe(String(line));
    expect(await item.getAttribute("data-column")).toBe("26");
    expect(await item.textContent()).toContain(d!.message);
    if (d!.help) expect(await item.textContent()).toContain(d!.help);
    // In the editor: the word underlined is the one the diagnostic spans.
    await expect.poll(() => page.locator(".cm-lintRange-error").allTextContents()).toEqual(["dosiers"]);
    // The schedule waits for a policy without errors.
    expect(await page.locator("#schedule svg").count()).toBe(0);

    for (let i = 0; i < "dosiers".length; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("dossiers");
    await expect.poll(() => page.locator("#problems li.clean").count()).toBe(1);
    expect(await page.locator(".cm-lintRange-error").count()).toBe(0);
    expect(await page.locator("#schedule svg").count()).toBe(3);
  });

  it("scores the BR-VT example data opened in the data panel as the library does, unit by unit", async () => {
    await page.locator("#units-file").setInputFiles(UNITS);
    await page.locator("#data-file").setInputFiles(DATA);
    await page.locator("#as-of-date").fill(AS_OF);
    await page.waitForSelector("#results article[data-target]");

    // `chitieu eval` through the API: the same files, the same date.
    const compiled = compileFile(POLICY);
    const policy = compiled.policy!;
    const read = await readData(policy, [
      { role: "units", file: UNITS, content: readFileSync(UNITS, "utf8") },
      { role: "data", file: DATA, content: readFileSync(DATA, "utf8") },
    ]);
    const evaluator = compileEvaluator(policy);
    const evaluation = evaluator.evaluate(evaluator.prepare(read), { asOf: AS_OF }) as Evaluation;
    expect(evaluation.results.length).toBeGreaterThan(100);

    const shown: { target: string; unit: string; cells: Record<string, string> }[] = [];
    for (const target of policy.targets.map((t) => t.id)) {
      const table = page.locator(`#results article[data-target="${target}"] table.units`);
      const keys = await table.locator("thead th").evaluateAll((ths) => ths.map((th) => th.getAttribute("data-key") ?? ""));
      const rows = await table.locator("tbody tr[data-unit]").evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-unit") ?? "", ...[...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())]));
      for (const [unit, ...cells] of rows) shown.push({ target, unit: unit!, cells: Object.fromEntries(cells.map((text, i) => [keys[i]!, text])) });
    }
    expect(shown).toHaveLength(evaluation.results.length);
    for (const r of evaluation.results) {
      const row = shown.find((s) => s.target === r.target && s.unit === r.unit);
      const at = `${r.target} ${r.unit}`;
      expect(row, at).toBeDefined();
      expect(row!.cells["status"], at).toBe(WORDS.vi.status[r.status]);
      expect(viNumber(row!.cells["actual"]!), at).toBe(round2(r.actual));
      expect(viNumber(row!.cells["threshold"]!), at).toBe(round2(r.threshold));
      expect(viNumber(row!.cells["gap"]!), at).toBe(round2(r.gapPoints));
      expect(viNumber(row!.cells["needed"]!), at).toBe(r.needed);
    }
    // Châu Đức by hand, as examples/brvt-2022/CASES.md gives it.
    expect(shown.find((s) => s.target === "online_share_local" && s.unit === "chau-duc")?.cells).toMatchObject({ actual: "24,00%", needed: "1.014", status: "chưa đạt" });
    // For README (docs/playground.png): the policy's targets in the editor, the schedule beside it.
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: resolve(ARTIFACTS, "playground.png") });
    await page.locator("#results").screenshot({ path: resolve(ARTIFACTS, "playground-results.png") });
  });

  it("refuses a workbook with advice, in the page's words", async () => {
    await page.locator("#data-file").setInputFiles({ name: "counts.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("PK") });
    await expect.poll(() => page.locator("#data-status").textContent()).toContain("counts.xlsx là tệp Excel");
    await page.locator("#data-file").setInputFiles(DATA);
    await expect.poll(() => page.locator("#data-status").textContent()).toBe("");
  });

  it("shares the policy and the data as a link that opens the same page state", async () => {
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("# shared");
    await page.locator("#share").click();
    await expect.poll(() => page.evaluate<string>("location.hash")).toMatch(/^#s=[\w-]+$/);
    const url = await page.evaluate<string>("location.href");
    const other = await open(url);
    await other.waitForSelector("#results article[data-target]");
    // The editor draws the lines in view: go to the end, where the line typed is.
    await other.locator(".cm-content").click();
    await other.keyboard.press("Control+End");
    await expect.poll(() => other.locator(".cm-content").textContent()).toContain("# shared");
    expect(await other.locator("#as-of-date").inputValue()).toBe(AS_OF);
    expect(await other.locator("#results tr[data-unit]").count()).toBe(await page.locator("#results tr[data-unit]").count());
    // A damaged link opens the page as it was written, not a broken one.
    const damaged = await open(`${url.split("#")[0]}#s=not-a-state`);
    await expect.poll(() => damaged.locator("#problems li.clean").count()).toBe(1);
    await other.close();
    await damaged.close();
  });

  it("asks for nothing outside the page and breaks no rule of its security policy", () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
