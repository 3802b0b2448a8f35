/**
 * Arbitrary requests to every route, with tokens that may use it: whatever the body, content type
 * or query, the service answers below 500, every 4xx is a problem+json with its fields, and nothing
 * reaches Object.prototype. Then the limits, each with the problem it must give.
 */
import fc from "fast-check";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bearer, testService, type TestService } from "../support/service.js";

const LIMITS = { jsonBytes: 64 * 1024, uploadBytes: 256 * 1024, uploadRows: 5 };
const HEADER = "unit,period,dossiers,online_dossiers,online_services,services_with_dossiers";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Target {
  readonly method: "GET" | "PUT" | "POST" | "DELETE";
  readonly url: string;
  readonly admin?: boolean;
}

/** Every route, by a URL that reaches it; GETs get the body too, which they must ignore. */
const TARGETS: readonly Target[] = [
  { method: "PUT", url: "/v1/reports/so-y-te/2022-11" },
  { method: "GET", url: "/v1/reports/so-y-te/2022-11" },
  { method: "POST", url: "/v1/reports" },
  { method: "GET", url: "/v1/results?policy=brvt-2139-2022&asOf=2022-11-30" },
  { method: "GET", url: "/v1/results/report.html?policy=brvt-2139-2022&asOf=2022-11-30" },
  { method: "GET", url: "/v1/results/results.xlsx?policy=brvt-2139-2022&asOf=2022-11-30" },
  { method: "GET", url: "/v1/policies" },
  { method: "POST", url: "/v1/evaluate" },
  { method: "POST", url: "/v1/admin/tokens", admin: true },
  { method: "GET", url: "/v1/admin/tokens", admin: true },
  { method: "DELETE", url: "/v1/admin/tokens/ct_office_XXXXXX", admin: true },
  { method: "POST", url: "/v1/admin/reload", admin: true },
  { method: "GET", url: "/v1/audit", admin: true },
  { method: "GET", url: "/v1/audit/verify", admin: true },
  { method: "GET", url: "/health" },
  { method: "GET", url: "/ready" },
  { method: "GET", url: "/openapi.json" },
];

const KEYS = ["__proto__", "constructor", "prototype", "toString", "counts", "reason", "policy", "asOf", "units", "data", "merges", "role", "unit", "note", "id", "tier", "period", "dossiers", "online_dossiers"];

/** Objects whose keys are the ones that matter here, `__proto__` included as an own key. */
const shaped: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 2 }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie("value")), { maxLength: 5 }).map((entries) => Object.fromEntries(entries)),
    fc.array(tie("value"), { maxLength: 4 }),
  ),
})).value;

const text = (value: unknown): string => JSON.stringify(value) ?? "null";

const json = fc.oneof(
  fc.anything().map(text),
  shaped.map(text),
  fc.record({ counts: fc.dictionary(fc.constantFrom(...KEYS, "services_with_dossiers", "online_services"), fc.oneof(fc.integer(), fc.double(), fc.constant(null), fc.string())), reason: fc.string() }).map(text),
  fc.record({ policy: fc.constantFrom("brvt-2139-2022", "__proto__", "x"), asOf: fc.string(), units: fc.array(shaped, { maxLength: 3 }), data: fc.array(shaped, { maxLength: 3 }) }).map(text),
  fc.string().map((s) => `{"counts": ${s}`),
);

const csv = fc.oneof(
  fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom("so-y-te", "2022-11", "-1", "1e9", "=1+1", '"', "__proto__")), { maxLength: 7 }).map((cells) => cells.join(",")), { maxLength: 6 }).map((rows) => [HEADER, ...rows].join("\n")),
  fc.string({ unit: "binary", maxLength: 300 }),
);

const bytes = fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b));
/** A workbook that is not one: random bytes, or a zip's magic number and then rubbish. */
const workbook = fc.oneof(bytes, bytes.map((b) => Buffer.concat([Buffer.from("PK\u0003\u0004"), b])));

const CONTENT_TYPES = ["application/json", "text/csv", "application/x-ndjson", XLSX, "text/plain", "application/octet-stream", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/xml"];

const body: fc.Arbitrary<{ payload: string | Buffer; type: string | undefined }> = fc.oneof(
  json.map((payload) => ({ payload, type: "application/json" })),
  csv.map((payload) => ({ payload, type: "text/csv" })),
  json.map((payload) => ({ payload: payload.split(",").join("\n"), type: "application/x-ndjson" })),
  workbook.map((payload) => ({ payload, type: XLSX })),
  fc.tuple(fc.oneof(bytes, fc.string({ maxLength: 500 })), fc.option(fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.string({ maxLength: 40 })), { nil: undefined })).map(([payload, type]) => ({ payload, type })),
  fc.integer({ min: 70_000, max: 300_000 }).map((n) => ({ payload: `{"counts":{"dossiers":"${"x".repeat(n)}"}}`, type: "application/json" })),
);

/** A header value an HTTP client could send: printable ASCII without control characters. */
const headerText = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ""));

function expectWellFormed(r: LightMyRequestResponse, method: string): void {
  expect(r.statusCode, r.body).toBeLessThan(500);
  expect(r.headers["chitieu-decision"]).toBeTruthy();
  if (r.statusCode < 400 || method === "HEAD") return;
  expect(r.headers["content-type"], r.body).toMatch(/^application\/problem\+json/);
  const problem = r.json<Record<string, unknown>>();
  expect(problem).toMatchObject({ type: expect.stringMatching(/^urn:chitieu:problem:[a-z-]+$/) as unknown, title: expect.any(String) as unknown, status: r.statusCode, detail: expect.any(String) as unknown });
}

describe("the service under arbitrary requests", () => {
  let service: TestService;
  let office: string;
  let admin: string;
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    service = await testService({ limits: LIMITS });
    [office, admin] = [await service.token("office"), await service.token("admin")];
  });
  afterAll(async () => {
    await service.close();
  });

  const send = (options: InjectOptions) => service.app.inject(options);

  test("answers every body to every route below 500, and every 4xx as a problem", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TARGETS), body, fc.option(headerText, { nil: undefined }), async (target, { payload, type }, key) => {
        const headers: Record<string, string> = { ...bearer(target.admin ? admin : office), ...(type === undefined ? {} : { "content-type": type }), ...(key ? { "idempotency-key": key } : {}) };
        const r = await send({ method: target.method, url: target.url, headers, payload });
        expectWellFormed(r, target.method);
      }),
      { numRuns: 400 },
    );
  });

  test("answers arbitrary queries and path segments below 500", async () => {
    const segment = fc.string({ maxLength: 30 }).map(encodeURIComponent);
    await fc.assert(
      fc.asyncProperty(segment, segment, segment, fc.constantFrom("results", "results/report.html", "results/results.xlsx", "audit"), async (a, b, c, route) => {
        for (const options of [
          { method: "GET" as const, url: `/v1/${route}?policy=${a}&asOf=${b}&knownAt=${c}&unit=${a}&lang=${c}&after=${b}&limit=${c}` },
          { method: "GET" as const, url: `/v1/reports/${a || "x"}/${b || "y"}` },
          { method: "PUT" as const, url: `/v1/reports/${a || "x"}/${b || "y"}`, payload: { counts: { dossiers: 1 } } },
          { method: "DELETE" as const, url: `/v1/admin/tokens/${a || "x"}` },
        ]) {
          expectWellFormed(await send({ ...options, headers: bearer(admin) }), options.method);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("leaves Object.prototype as it was", () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    const probe: Record<string, unknown> = {};
    for (const key of KEYS) if (!(key in Object.prototype)) expect(probe[key], key).toBeUndefined();
  });

  describe("limits", () => {
    test("a JSON body over the limit is 413 too-large", async () => {
      const r = await send({ method: "PUT", url: "/v1/reports/so-y-te/2022-11", headers: { ...bearer(office), "content-type": "application/json" }, payload: `{"counts":{},"reason":"${"x".repeat(LIMITS.jsonBytes)}"}` });
      expectWellFormed(r, "PUT");
      expect(r.json()).toMatchObject({ type: "urn:chitieu:problem:too-large", status: 413 });
    });

    test("an upload over the limit is 413 too-large", async () => {
      const rows = Array.from({ length: 20_000 }, () => "so-y-te,2022-11,1,1,1,1").join("\n");
      const r = await send({ method: "POST", url: "/v1/reports", headers: { ...bearer(office), "content-type": "text/csv" }, payload: `${HEADER}\n${rows}` });
      expectWellFormed(r, "POST");
      expect(r.json()).toMatchObject({ type: "urn:chitieu:problem:too-large", status: 413 });
    });

    test("a content type a route does not take is 415", async () => {
      for (const [method, url, type] of [
        ["POST", "/v1/reports", "text/plain"],
        ["POST", "/v1/reports", "application/xml"],
        ["PUT", "/v1/reports/so-y-te/2022-11", "text/csv"],
        ["POST", "/v1/evaluate", "text/csv"],
      ] as const) {
        const r = await send({ method, url, headers: { ...bearer(office), "content-type": type }, payload: "unit,period\n" });
        expectWellFormed(r, method);
        expect(r.json(), `${method} ${url} ${type}`).toMatchObject({ type: "urn:chitieu:problem:unsupported-media-type", status: 415 });
      }
    });

    test("an upload of more rows than the limit is 413 too-many-rows, and stores nothing", async () => {
      const before = await service.ctx.store.latest();
      const rows = Array.from({ length: LIMITS.uploadRows + 1 }, (_, i) => `so-y-te,2021-${String((i % 12) + 1).padStart(2, "0")},10,5,10,5`).join("\n");
      for (const [type, payload] of [
        ["text/csv", `${HEADER}\n${rows}`],
        ["application/json", JSON.stringify(Array.from({ length: LIMITS.uploadRows + 1 }, (_, i) => ({ unit: "so-y-te", period: `2020-${String(i + 1).padStart(2, "0")}`, dossiers: 1 })))],
      ] as const) {
        const r = await send({ method: "POST", url: "/v1/reports", headers: { ...bearer(office), "content-type": type }, payload });
        expectWellFormed(r, "POST");
        expect(r.json(), type).toMatchObject({ type: "urn:chitieu:problem:too-many-rows", status: 413 });
      }
      expect(await service.ctx.store.latest()).toEqual(before);
    });
  });
});
