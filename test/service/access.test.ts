/**
 * Who may call what, exhaustively: every route the app has × every kind of caller, each with the
 * status it must get. The routes are read from the app itself, so a route added without a row here
 * fails this suite rather than going out unguarded.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, test } from "vitest";
import { forEachDatabase, type Scratch } from "../support/databases.js";
import { bearer, testService, type TestService } from "../support/service.js";

type CallerKind = "none" | "malformed" | "revoked" | "own unit" | "other unit" | "office" | "admin";
const CALLERS: readonly CallerKind[] = ["none", "malformed", "revoked", "own unit", "other unit", "office", "admin"];

/** What a route needs: anyone, a unit token (of `so-y-te` when the route names a unit), an office or an admin token. */
type Needs = "public" | "any unit" | "so-y-te" | "office" | "admin";

interface Row {
  readonly method: "GET" | "HEAD" | "PUT" | "POST" | "DELETE";
  /** As the app declares it, e.g. `/v1/reports/:unit/:period`. */
  readonly route: string;
  readonly needs: Needs;
  /** The status when allowed. */
  readonly ok: number;
  /** The request when allowed: a fresh one per call, for a route that uses something up (a token to revoke). */
  readonly request: (s: TestService) => Promise<{ url: string; payload?: string | object; headers?: Record<string, string> }>;
}

const NOV = { dossiers: 200, online_dossiers: 150, online_services: 100, services_with_dossiers: 90 };
const CSV = "unit,period,dossiers,online_dossiers,online_services,services_with_dossiers\nso-y-te,2022-10,180,120,100,80\n";
const QUERY = "?policy=brvt-2139-2022&asOf=2022-11-30&unit=so-y-te";
const fixed = (url: string, payload?: string | object, headers?: Record<string, string>) => () => Promise.resolve({ url, ...(payload === undefined ? {} : { payload }), ...(headers ? { headers } : {}) });

const TABLE: readonly Row[] = [
  { method: "GET", route: "/health", needs: "public", ok: 200, request: fixed("/health") },
  { method: "GET", route: "/ready", needs: "public", ok: 200, request: fixed("/ready") },
  { method: "GET", route: "/openapi.json", needs: "public", ok: 200, request: fixed("/openapi.json") },
  { method: "PUT", route: "/v1/reports/:unit/:period", needs: "so-y-te", ok: 200, request: fixed("/v1/reports/so-y-te/2022-11", { counts: NOV }) },
  { method: "GET", route: "/v1/reports/:unit/:period", needs: "so-y-te", ok: 200, request: fixed("/v1/reports/so-y-te/2022-11") },
  { method: "POST", route: "/v1/reports", needs: "so-y-te", ok: 200, request: fixed("/v1/reports", CSV, { "content-type": "text/csv" }) },
  { method: "GET", route: "/v1/results", needs: "so-y-te", ok: 200, request: fixed(`/v1/results${QUERY}`) },
  { method: "GET", route: "/v1/results/report.html", needs: "office", ok: 200, request: fixed(`/v1/results/report.html${QUERY}`) },
  { method: "GET", route: "/v1/results/results.xlsx", needs: "office", ok: 200, request: fixed(`/v1/results/results.xlsx${QUERY}`) },
  { method: "GET", route: "/v1/policies", needs: "any unit", ok: 200, request: fixed("/v1/policies") },
  {
    method: "POST",
    route: "/v1/evaluate",
    needs: "any unit",
    ok: 200,
    request: fixed("/v1/evaluate", { policy: "brvt-2139-2022", asOf: "2022-11-30", units: [{ id: "a", name: "A", tier: "province" }], data: [{ unit: "a", period: "2022-11", ...NOV }] }),
  },
  { method: "POST", route: "/v1/admin/tokens", needs: "admin", ok: 201, request: fixed("/v1/admin/tokens", { role: "unit", unit: "so-y-te", note: "access test" }) },
  { method: "GET", route: "/v1/admin/tokens", needs: "admin", ok: 200, request: fixed("/v1/admin/tokens") },
  { method: "DELETE", route: "/v1/admin/tokens/:id", needs: "admin", ok: 204, request: async (s) => ({ url: `/v1/admin/tokens/${idOf(await s.token("office"))}` }) },
  { method: "POST", route: "/v1/admin/reload", needs: "admin", ok: 200, request: fixed("/v1/admin/reload") },
  { method: "GET", route: "/v1/audit", needs: "admin", ok: 200, request: fixed("/v1/audit") },
  { method: "GET", route: "/v1/audit/verify", needs: "admin", ok: 200, request: fixed("/v1/audit/verify") },
];

const isPage = (route: string): boolean => / \/pages(\/|$)/.test(route);
const OPEN_PAGES = ["GET /pages", "HEAD /pages", "POST /pages/sign-in", "POST /pages/sign-out"];

/** A token's id, as tokens.ts makes it: its role prefix and 6 characters of the secret. */
const idOf = (token: string): string => token.slice(0, token.lastIndexOf("_") + 7);

/** The status a caller gets: 401 without a live token, 403 with one too weak or of another unit. */
function expected(row: Row, caller: CallerKind): number {
  if (row.needs === "public") return row.ok;
  if (caller === "none" || caller === "malformed" || caller === "revoked") return 401;
  const rank = { "own unit": 0, "other unit": 0, office: 1, admin: 2 }[caller];
  const needed = { "any unit": 0, "so-y-te": 0, office: 1, admin: 2 }[row.needs];
  if (rank < needed) return 403;
  if (row.needs === "so-y-te" && caller === "other unit") return 403;
  return row.ok;
}

/** The app's routes as `METHOD /path`, read from Fastify's route tree (`printRoutes`). */
function routesOf(app: FastifyInstance): string[] {
  const found: string[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const at = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/u.exec(line);
    if (!at) continue;
    const depth = (at[1] ?? "").length / 4;
    const path = (parents[depth - 1] ?? "") + (at[2] ?? "");
    parents[depth] = path;
    for (const method of (at[3] ?? "").split(", ").filter(Boolean)) found.push(`${method} ${path}`);
  }
  return found;
}

forEachDatabase("access to every route", (db) => {
  let scratch: Scratch;
  let service: TestService;
  let tokens: Record<CallerKind, string | undefined>;

  beforeAll(async () => {
    scratch = await db.create();
    service = await testService({ database: scratch.url });
    const revoked = await service.token("office");
    await service.ctx.store.revokeToken(idOf(revoked), "test", new Date().toISOString());
    tokens = {
      none: undefined,
      malformed: "ct_office_not-a-token",
      revoked,
      "own unit": await service.token("unit", "so-y-te"),
      "other unit": await service.token("unit", "so-tai-chinh"),
      office: await service.token("office"),
      admin: await service.token("admin"),
    };
    // The report the GET reads.
    await service.app.inject({ method: "PUT", url: "/v1/reports/so-y-te/2022-11", headers: bearer(tokens.admin ?? ""), payload: { counts: NOV } });
  });
  afterAll(async () => {
    await service.close();
    await scratch.drop();
  });

  test("the table has every route the app has, and no other; the pages apart", () => {
    const table = TABLE.flatMap((r) => (r.method === "GET" ? [`GET ${r.route}`, `HEAD ${r.route}`] : [`${r.method} ${r.route}`]));
    expect(routesOf(service.app).filter((r) => !isPage(r)).sort()).toEqual(table.sort());
  });

  // The pages take a signed-in session, never a bearer token (test/service/pages.test.ts signs in).
  test("every page but the sign-in page and form, asked with any bearer token or none, sends to sign in and shows nothing", async () => {
    const pages = routesOf(service.app).filter((r) => isPage(r) && !OPEN_PAGES.includes(r));
    expect(pages.length).toBeGreaterThan(5);
    for (const route of pages) {
      const [method = "GET", path = ""] = route.split(" ");
      const url = path.replaceAll(":unit", "so-y-te");
      for (const caller of CALLERS) {
        const token = tokens[caller];
        const r = await service.app.inject({ method: method as "GET", url, headers: token === undefined ? {} : bearer(token) });
        expect([303, 401, 403], `${route} by ${caller}: ${r.statusCode}`).toContain(r.statusCode);
        if (r.statusCode === 303) expect(r.headers.location).toMatch(/^\/pages(\?|$)/);
        expect(r.body).not.toContain("Sở Y tế");
      }
    }
  });

  const cases = TABLE.flatMap((row) => (row.method === "GET" ? [row, { ...row, method: "HEAD" as const }] : [row])).flatMap((row) => CALLERS.map((caller) => ({ row, caller })));
  test.each(cases.map((c) => [`${c.row.method} ${c.row.route}`, c.caller, c] as const))("%s by %s", async (_route, caller, { row }) => {
    const { url, payload, headers } = await row.request(service);
    const token = tokens[caller];
    const r = await service.app.inject({ method: row.method, url, headers: { ...headers, ...(token === undefined ? {} : bearer(token)) }, ...(payload === undefined ? {} : { payload }) });
    const status = expected(row, caller);
    expect(r.statusCode, r.body).toBe(status);
    if (status >= 400 && row.method !== "HEAD") expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});
