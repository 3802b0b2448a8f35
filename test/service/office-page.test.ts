/**
 * The office's page without a browser: its filter finds units by name typed without diacritics,
 * and its results table sorts by a column through links, so both work with scripts off.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testService, type TestService } from "../support/service.js";

let service: TestService;
let cookie: string;

const COUNTS = (online: number) => ({ counts: { dossiers: 100, online_dossiers: online, online_services: 50, services_with_dossiers: 40 } });

beforeAll(async () => {
  service = await testService();
  const office = await service.token("office");
  for (const [unit, online] of [["chau-duc", 90], ["chau-duc-ngai-giao", 20], ["chau-duc-bau-chinh", 55], ["so-y-te", 70]] as const) {
    const r = await service.app.inject({ method: "PUT", url: `/v1/reports/${unit}/2022-11`, headers: bearer(office), payload: COUNTS(online) });
    expect(r.statusCode, r.body).toBe(201);
  }
  const signedIn = await service.app.inject({ method: "POST", url: "/pages/sign-in", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: `token=${office}` });
  cookie = String(signedIn.headers["set-cookie"]).split(";")[0] ?? "";
});
afterAll(() => service.close());

const page = async (query: string): Promise<string> => {
  const r = await service.app.inject({ method: "GET", url: `/pages/office?lang=en&policy=brvt-2139-2022&asOf=2022-11-30&period=2022-11&${query}`, headers: { cookie } });
  expect(r.statusCode, r.body.slice(0, 500)).toBe(200);
  return r.body;
};

/** The units of the results table's rows of one target, in order. */
const resultUnits = (body: string, target: string): string[] =>
  [...(body.split('id="results"')[1] ?? "").matchAll(/<tr data-unit="([^"]+)" data-target="([^"]+)">/g)].filter((m) => m[2] === target).map((m) => m[1] ?? "");

describe("the office's page", () => {
  it("finds units typed without diacritics, in both tables", async () => {
    const body = await page("q=chau%20duc");
    const submissions = [...(body.split('id="results"')[0] ?? "").matchAll(/<tr data-unit="([^"]+)"/g)].map((m) => m[1]);
    expect(submissions.length).toBeGreaterThan(3);
    expect(submissions.every((u) => u?.startsWith("chau-duc"))).toBe(true);
    expect(body).toContain('name="q" value="chau duc"');
  });

  it("sorts the results by a column heading's link, and the same heading again reverses it", async () => {
    // The districts' and communes' online share: the counts above give each a different rate.
    const target = "online_share_local";
    const ascending = resultUnits(await page("q=chau%20duc&sort=actual&dir=asc"), target);
    const descending = resultUnits(await page("q=chau%20duc&sort=actual&dir=desc"), target);
    const sent = ["chau-duc-ngai-giao", "chau-duc-bau-chinh", "chau-duc"].filter((u) => ascending.includes(u));
    expect(sent.length).toBeGreaterThan(0);
    // Units with a rate first, lowest to highest; the ones with none after, either way.
    expect(ascending.slice(0, sent.length)).toEqual(sent);
    expect(descending.slice(0, sent.length)).toEqual([...sent].reverse());
    const heading = /<th scope="col" class="num" aria-sort="descending"><a class="sort" data-sort="actual" href="([^"]+)"/.exec(await page("q=chau%20duc&sort=actual&dir=desc"));
    expect(heading?.[1]).toContain("dir=asc");
  });
});

describe("signing in", () => {
  const signIn = async (origin: string | undefined) => {
    const office = await service.token("office");
    return service.app.inject({ method: "POST", url: "/pages/sign-in", headers: { "content-type": "application/x-www-form-urlencoded", host: "chitieu.local", ...(origin ? { origin } : {}) }, payload: `token=${office}` });
  };

  it("from the service's own page, or from no browser page, starts a session", async () => {
    for (const origin of ["http://chitieu.local", undefined]) {
      const r = await signIn(origin);
      expect(r.statusCode).toBe(303);
      expect(String(r.headers["set-cookie"])).toMatch(/HttpOnly/i);
    }
  });

  it("from a form on another site is refused and starts none", async () => {
    for (const origin of ["https://evil.example", "null"]) {
      const r = await signIn(origin);
      expect(r.statusCode).toBe(403);
      expect(r.headers["set-cookie"]).toBeUndefined();
      expect(r.body).toContain("được gửi từ một trang khác");
    }
  });
});
