/**
 * The pages in a real browser (Debian's Chromium, driven by playwright-core) against the service
 * started in-process on a copy of the BR-VT deployment: a clerk signs in, downloads the template,
 * fills it (here with exceljs), uploads it with one bad row, reads the issue, fixes it, sends it
 * again and sees the result change, then corrects a count and sees the value it replaced; an
 * office sees who has not sent and downloads the reminder list; a unit's token is refused another
 * unit's page. Screenshots go to test-artifacts/, which git ignores.
 */
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/service/admin-actions.js";
import { startService } from "../../src/service/service.js";
import { makeDeployment } from "../support/service.js";

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ARTIFACTS = resolve("test-artifacts");
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const AS_OF = "asOf=2022-11-30";


type Counts = Record<string, number>;

/** The downloaded template with the unit's row filled, and the given extra rows below it. */
async function fill(template: string, out: string, first: { period: string; counts: Counts }, more: { unit: string; period: string; counts: Counts }[] = []): Promise<void> {
  const { default: excel } = await import("exceljs");
  const book = new excel.Workbook();
  await book.xlsx.readFile(template);
  const sheet = book.worksheets[0]!;
  const header = sheet.getRow(2);
  const columns = new Map<string, number>();
  header.eachCell((cell, col) => {
    const note = cell.note;
    const id = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
    if (id) columns.set(id.trim(), col);
  });
  expect([...columns.keys()].sort()).toEqual(["dossiers", "online_dossiers", "online_services", "services_with_dossiers"]);
  const write = (row: number, unit: string, period: string, counts: Counts) => {
    sheet.getCell(row, 1).value = unit;
    sheet.getCell(row, 3).value = period;
    for (const [id, value] of Object.entries(counts)) sheet.getCell(row, columns.get(id) ?? 0).value = value;
  };
  expect(sheet.getCell(3, 1).value).toBe("so-y-te");
  write(3, "so-y-te", first.period, first.counts);
  more.forEach((m, i) => write(4 + i, m.unit, m.period, m.counts));
  await book.xlsx.writeFile(out);
}

describe("the pages for units and offices in Chromium", () => {
  let app: FastifyInstance;
  let base: string;
  let browser: Browser | undefined;
  const tokens: Record<string, string> = {};
  const outside: string[] = [];
  const errors: string[] = [];
  let work: string;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing`).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    const dir = makeDeployment();
    work = mkdtempSync(join(tmpdir(), "chitieu-pages-files-"));
    const started = await startService({ dir, logger: false });
    if (!started.ok) throw new Error(started.problems.join("\n"));
    app = started.app;
    tokens["clerk"] = (await createToken(started.ctx, "unit", "so-y-te", null, "test")).token;
    tokens["other"] = (await createToken(started.ctx, "unit", "so-noi-vu", null, "test")).token;
    tokens["office"] = (await createToken(started.ctx, "office", null, null, "test")).token;
    // One other unit has sent November, so the office sees a unit that has and many that have not.
    await started.ctx.store.submit([{ unit: "so-noi-vu", period: "2022-11", counts: { dossiers: 280, online_dossiers: 167, online_services: 101, services_with_dossiers: 85 } }], "cli", new Date().toISOString());
    started.ctx.results.invalidate();
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh browser profile (its own cookies) that may reach the service only. */
  async function visitor(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
    });
    return { context, page };
  }

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(`${base}/pages`);
    await page.getByLabel("Mã truy cập").fill(token);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(/\/pages\/(unit|office)/);
  }

  async function upload(page: Page, file: string): Promise<void> {
    await page.getByLabel("Tệp báo cáo").setInputFiles(file);
    await page.getByRole("button", { name: "Gửi", exact: true }).click();
    await page.waitForSelector("#answer");
  }

  const result = (page: Page, target: string) => page.locator(`#results tr[data-target="${target}"]`);

  it("lets a clerk download the template, send it with a bad row, read the issue, fix it and see the result change", async () => {
    const { context, page } = await visitor();
    await signIn(page, tokens["clerk"]!);
    expect(page.url()).toContain("/pages/unit/so-y-te");
    const cookie = (await context.cookies()).find((c) => c.name === "chitieu_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    await page.goto(`${base}/pages/unit/so-y-te?${AS_OF}`);
    expect(await page.locator('#periods tr[data-period="2022-11"]').getAttribute("data-state")).toBe("missing");
    expect(await result(page, "online_share_province").getAttribute("data-status")).toBe("no-data");

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#template").click()]);
    const template = join(work, "template.xlsx");
    await download.saveAs(template);
    // November's online dossiers exceed its dossiers: the policy's check rejects that row.
    const bad = join(work, "bad.xlsx");
    await fill(template, bad, { period: "2022-11", counts: { dossiers: 300, online_dossiers: 350, online_services: 120, services_with_dossiers: 100 } }, [
      { unit: "so-y-te", period: "2022-10", counts: { dossiers: 280, online_dossiers: 120, online_services: 118, services_with_dossiers: 90 } },
    ]);
    await upload(page, bad);
    const answer = page.locator("#answer");
    await expect.poll(() => answer.textContent()).toContain("Đã đọc 2 dòng: nhận 1, từ chối 1.");
    const issue = answer.locator('li[data-issue="rejected"]');
    expect(await issue.getAttribute("data-line")).toBe("3");
    expect(await issue.textContent()).toMatch(/^Dòng 3/);
    await page.screenshot({ path: resolve(ARTIFACTS, "pages-unit-issue.png"), fullPage: false });
    expect(await page.locator('#periods tr[data-period="2022-11"]').getAttribute("data-state")).toBe("missing");
    expect(await page.locator('#periods tr[data-period="2022-10"]').getAttribute("data-state")).toBe("sent");

    const fixed = join(work, "fixed.xlsx");
    await fill(template, fixed, { period: "2022-11", counts: { dossiers: 300, online_dossiers: 150, online_services: 120, services_with_dossiers: 100 } });
    await upload(page, fixed);
    await expect.poll(() => answer.textContent()).toContain("Đã lưu 1 báo cáo");
    expect(await answer.getAttribute("class")).toBe("ok");
    expect(await page.locator('#periods tr[data-period="2022-11"]').getAttribute("data-state")).toBe("sent");
    // 150 of 300 is 50%, short of 60% by 10 points: 30 more dossiers.
    expect(await result(page, "online_share_province").getAttribute("data-status")).toBe("missed");
    expect(await result(page, "online_share_province").locator('[data-col="actual"]').textContent()).toBe("50,00%");
    expect(await result(page, "online_share_province").locator('[data-col="needed"]').textContent()).toBe("30");
    expect(await page.locator("#results svg").count()).toBeGreaterThan(0);

    const corrected = join(work, "corrected.xlsx");
    await fill(template, corrected, { period: "2022-11", counts: { dossiers: 300, online_dossiers: 190, online_services: 120, services_with_dossiers: 100 } });
    await upload(page, corrected);
    const november = page.locator('#periods tr[data-period="2022-11"]');
    expect(await november.getAttribute("data-state")).toBe("corrected");
    expect(await november.textContent()).toContain("trước đó: 150");
    expect(await result(page, "online_share_province").getAttribute("data-status")).toBe("met");
    await page.screenshot({ path: resolve(ARTIFACTS, "pages-unit.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: resolve(ARTIFACTS, "pages-unit-phone.png") });
    await context.close();
  }, 120_000);

  it("shows an office who has not sent, filters by tier and downloads the reminder list", async () => {
    const { context, page } = await visitor();
    await signIn(page, tokens["office"]!);
    expect(page.url()).toContain("/pages/office");
    await page.goto(`${base}/pages/office?${AS_OF}`);
    expect(await page.locator('#submissions tr[data-unit="so-y-te"]').getAttribute("data-state")).toBe("corrected");
    expect(await page.locator('#submissions tr[data-unit="so-noi-vu"]').getAttribute("data-state")).toBe("sent");
    expect(await page.locator('#submissions tr[data-unit="chau-duc"]').getAttribute("data-state")).toBe("missing");
    await page.locator('select[name="tier"]').selectOption("province");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.waitForURL(/tier=province/);
    expect(await page.locator('#submissions tr[data-unit="chau-duc"]').count()).toBe(0);
    const missing = await page.locator('#submissions tr[data-state="missing"]').count();
    expect(await page.locator("#not-sent").textContent()).toBe(`${missing} đơn vị chưa gửi`);
    await page.screenshot({ path: resolve(ARTIFACTS, "pages-office.png"), fullPage: false });

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#reminders").click()]);
    const list = join(work, "reminders.xlsx");
    await download.saveAs(list);
    const { default: excel } = await import("exceljs");
    const book = new excel.Workbook();
    await book.xlsx.readFile(list);
    const ids = book.worksheets[0]!.getColumn(1).values.slice(2).map(String);
    expect(ids).toHaveLength(missing);
    expect(ids).toContain("so-tu-phap");
    expect(ids).not.toContain("so-y-te");
    expect(ids).not.toContain("chau-duc");

    const report = await page.request.get(`${base}/pages/office/report.html?${AS_OF}`);
    expect(report.status()).toBe(200);
    expect(await report.text()).toContain("Content-Security-Policy");
    await context.close();
  }, 120_000);

  it("refuses a unit's token another unit's page, template and upload", async () => {
    const { context, page } = await visitor();
    await signIn(page, tokens["other"]!);
    const response = await page.goto(`${base}/pages/unit/so-y-te`);
    expect(response?.status()).toBe(403);
    await expect.poll(() => page.locator("#refused").count()).toBe(1);
    expect((await page.request.get(`${base}/pages/unit/so-y-te/template.xlsx`)).status()).toBe(403);
    expect((await page.request.get(`${base}/pages/office`)).status()).toBe(403);
    // A post without the session's form token is refused even for the unit's own page.
    const forged = await page.request.post(`${base}/pages/unit/so-noi-vu/upload`, { multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("unit,period,dossiers\nso-noi-vu,2022-10,1\n") } } });
    expect(forged.status()).toBe(403);
    await page.screenshot({ path: resolve(ARTIFACTS, "pages-refused.png") });
    await context.close();
  });

  it("asked for nothing outside the service and broke no policy", () => {
    expect(outside).toEqual([]);
    // The refused page is a 403 on purpose; Chromium logs any error status.
    expect(errors.filter((e) => !e.includes("status of 403"))).toEqual([]);
  });

  it("serves the pages with a strict Content Security Policy, in English on request", async () => {
    const response = await fetch(`${base}/pages?lang=en`);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await response.text()).toContain("Access token");
  });
});
