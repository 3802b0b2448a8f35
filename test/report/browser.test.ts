/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core. The report is
 * made by the CLI from the BR-VT example and opened from disk, as an office would open it from an
 * e-mail. Chromium must be installed (.ci/run installs it): without it this test fails, it does
 * not skip. Screenshots and a PDF go to test-artifacts/, which git ignores.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Evaluation, type Result } from "../../src/evaluate/result.js";
import { WORDS } from "../../src/report/words.js";
import { runCli } from "../support/cli.js";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ARTIFACTS = resolve("test-artifacts");
const REPORT = resolve(ARTIFACTS, "brvt-report.html");
const EXAMPLE = ["policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30"];

// As this machine's Chromium must be started: no sandbox as root, and none of the background
// connections (updates, sync, safe browsing) that a closed network refuses.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** `1.014`, `24,00%`, `≥ 50,00%`, `-0,85` as numbers; empty as null. */
function viNumber(text: string): number | null {
  const plain = text.replace(/[≥≤<>%\s]/g, "").replaceAll(".", "").replace(",", ".");
  return plain === "" ? null : Number(plain);
}

const round2 = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

describe("the HTML report in Chromium", () => {
  let browser: Browser | undefined;
  let page: Page;
  let evaluation: Evaluation;
  const outside: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    const made = runCli(["report", ...EXAMPLE, "--out", REPORT]);
    expect(made.status, made.stderr).toBe(0);
    const json = runCli(["eval", ...EXAMPLE, "--format", "json"]);
    expect(json.status).toBe(0);
    evaluation = Evaluation.parse(JSON.parse(json.stdout));

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Every request is seen here; anything but the file itself is refused and remembered.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file://")) return route.continue();
      outside.push(url);
      return route.abort();
    });
    context.on("request", (request) => {
      if (!request.url().startsWith("file://") && !outside.includes(request.url())) outside.push(request.url());
    });
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") errors.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    await page.goto(pathToFileURL(REPORT).href, { waitUntil: "load" });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A table's cells by column key, as the page shows them. */
  async function row(target: string, unit: string): Promise<Record<string, string>> {
    const table = page.locator(`article[data-target="${target}"] table.units`);
    const keys = await table.locator("thead th").evaluateAll((ths) => ths.map((th) => th.getAttribute("data-key") ?? ""));
    const cells = await table.locator(`tbody tr[data-unit="${unit}"] td`).allTextContents();
    expect(cells).toHaveLength(keys.length);
    return Object.fromEntries(cells.map((text, i) => [keys[i]!, text.trim()]));
  }

  it("shows for several units the numbers the JSON results have", async () => {
    const cases: [string, string][] = [
      ["online_share_local", "chau-duc"],
      ["online_share_local", "long-dien"],
      ["online_share_province", "so-tai-nguyen-va-moi-truong"],
      ["usage_all_tiers", "so-xay-dung"],
      ["online_share_local", "xuyen-moc-hoa-hoi"],
      ["online_share_province", "thanh-tra-tinh"],
    ];
    for (const [target, unit] of cases) {
      const expected: Result = evaluation.results.find((r) => r.target === target && r.unit === unit)!;
      const shown = await row(target, unit);
      expect(shown["unit"], unit).toContain(unit);
      expect(shown["status"], unit).toBe(WORDS.vi.status[expected.status]);
      expect(viNumber(shown["actual"]!), unit).toBe(round2(expected.actual));
      expect(viNumber(shown["threshold"]!), unit).toBe(round2(expected.threshold));
      expect(viNumber(shown["gap"]!), unit).toBe(round2(expected.gapPoints));
      expect(viNumber(shown["needed"]!), unit).toBe(expected.needed);
      expect(viNumber(shown["rank"]!), unit).toBe(expected.rank);
      expect(shown["counts"], unit).toBe(expected.numerator === null ? "" : `${expected.numerator.toLocaleString("de-DE")} / ${expected.denominator!.toLocaleString("de-DE")}`);
    }
    // Châu Đức by hand, as CASES.md gives it: 936 of 3,900 is 24.00%, 1,014 dossiers short of 50%.
    expect(await row("online_share_local", "chau-duc")).toMatchObject({ actual: "24,00%", threshold: "≥ 50,00%", gap: "26,00", needed: "1.014", status: "chưa đạt" });
    // The tier totals, from summed counts.
    const commune = evaluation.groups.find((g) => g.kind === "tier" && g.id === "commune" && g.metric === "online_share")!;
    const rate = await page.locator('tr[data-group="tier:commune:online_share"] td[data-col="rate"]').textContent();
    expect(rate).toContain(`${round2(commune.rate)!.toFixed(2).replace(".", ",")}%`);
    expect(rate).toContain("6.932 / 12.933");
    await page.screenshot({ path: resolve(ARTIFACTS, "report-top.png") });
    await page.screenshot({ path: resolve(ARTIFACTS, "report-full.png"), fullPage: true });
  });

  it("sorts a table by the column heading clicked, numbers by value with empty cells last, and back", async () => {
    const article = page.locator('article[data-target="online_share_province"]');
    const actualHeading = article.locator('th[data-key="actual"]');
    const values = () => article.locator("tbody tr td:nth-child(5)").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-sort") ?? ""));
    await actualHeading.locator("button").click();
    await expect.poll(() => actualHeading.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await values();
    const numbers = ascending.filter((v) => v !== "").map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(ascending.slice(numbers.length).every((v) => v === "")).toBe(true);
    expect(numbers.length).toBeGreaterThan(10);
    await actualHeading.locator("button").click();
    expect(await actualHeading.getAttribute("aria-sort")).toBe("descending");
    const descending = (await values()).filter((v) => v !== "").map(Number);
    expect(descending).toEqual([...numbers].reverse());
    // The first row is now the best unit: rank 1.
    expect((await article.locator("tbody tr").first().locator("td").nth(10).textContent())?.trim()).toBe("1");
    const unitHeading = article.locator('th[data-key="unit"]');
    await unitHeading.locator("button").click();
    const names = await article.locator("tbody tr td:first-child").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-sort") ?? ""));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "vi")));
    expect(await actualHeading.getAttribute("aria-sort")).toBeNull();
  });

  it("filters every table and chart by a name typed without diacritics, and by status", async () => {
    const total = await page.locator("tr[data-search]").count();
    expect(total).toBe(evaluation.results.length);
    await page.locator("#filter").fill("chau duc");
    const visible = page.locator("tr[data-search]:visible");
    await expect.poll(() => visible.count()).toBeLessThan(total);
    const shownRows = await visible.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit") ?? ""));
    const chauDuc = evaluation.results.filter((r) => r.unit === "chau-duc" || r.unit.startsWith("chau-duc-"));
    expect(shownRows.sort()).toEqual(chauDuc.map((r) => r.unit).sort());
    expect(await page.locator("#shown").textContent()).toBe(`${chauDuc.length} / ${total}`);
    expect(await page.locator('tr[data-unit="so-y-te"]').first().isVisible()).toBe(false);
    // The chart brings the units found forward.
    const matched = await page.locator("svg.filtered g.unit-line.match").evaluateAll((lines) => lines.map((l) => l.getAttribute("data-unit")));
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.every((u) => u === "chau-duc" || u!.startsWith("chau-duc-"))).toBe(true);
    await page.locator('article[data-target="online_share_local"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(ARTIFACTS, "report-filtered.png") });

    await page.locator("#status-filter").selectOption("missed");
    const missed = await visible.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
    expect(missed.length).toBe(chauDuc.filter((r) => r.status === "missed").length);
    expect(missed.every((s) => s === "missed")).toBe(true);

    await page.locator("#filter").fill("");
    await page.locator("#status-filter").selectOption("");
    await expect.poll(() => visible.count()).toBe(total);
    expect(await page.locator("svg.filtered").count()).toBe(0);
  });

  it("prints on A4 landscape without its controls", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".toolbar").isVisible()).toBe(false);
    await page.screenshot({ path: resolve(ARTIFACTS, "report-print.png"), fullPage: true });
    const pdf = await page.pdf({ path: resolve(ARTIFACTS, "brvt-report.pdf"), preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    // A4 landscape is 842 x 595 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
    expect(box).not.toBeNull();
    expect(Math.round(Number(box![1]))).toBe(842);
    expect(Math.round(Number(box![2]))).toBe(595);
  });

  it("made no network request and logged no error or warning", () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    // And the file really is one file: nothing in it points elsewhere.
    expect(readFileSync(REPORT, "utf8")).not.toMatch(/\b(src|href)=/);
  });
});
