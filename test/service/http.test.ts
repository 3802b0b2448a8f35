/**
 * `chitieu serve` through HTTP, on every database the tests have: reports stored as versions,
 * uploads, idempotent retries, results and their files, stateless evaluation, reload and audit.
 * Requests go through `app.inject`, the whole Fastify pipeline without a port.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Evaluation } from "../../src/evaluate/result.js";
import { forEachDatabase, type Scratch } from "../support/databases.js";
import { bearer, testService, type TestService } from "../support/service.js";

const NOV = { dossiers: 200, online_dossiers: 150, online_services: 100, services_with_dossiers: 90 };
const RESULTS = "/v1/results?policy=brvt-2139-2022&asOf=30/11/2022";

const json = (r: LightMyRequestResponse): Record<string, unknown> => r.json<Record<string, unknown>>();

function expectProblem(r: LightMyRequestResponse, status: number, type: string): Record<string, unknown> {
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = json(r);
  expect(body).toMatchObject({ type: `urn:chitieu:problem:${type}`, status });
  return body;
}

forEachDatabase("the service's HTTP API", (db) => {
  let scratch: Scratch;
  let service: TestService;
  let office: string;
  let admin: string;
  let yTe: string;
  const responses: LightMyRequestResponse[] = [];
  const send = async (options: InjectOptions): Promise<LightMyRequestResponse> => {
    const r = await service.app.inject(options);
    responses.push(r);
    return r;
  };
  const put = (unit: string, period: string, body: unknown, token = office) => send({ method: "PUT", url: `/v1/reports/${unit}/${period}`, headers: bearer(token), payload: body as object });
  const results = (query = "", token = office) => send({ method: "GET", url: `${RESULTS}${query}`, headers: bearer(token) });

  beforeAll(async () => {
    scratch = await db.create();
    service = await testService({ database: scratch.url });
    [office, admin, yTe] = [await service.token("office"), await service.token("admin"), await service.token("unit", "so-y-te")];
  });
  afterAll(async () => {
    await service.close();
    await scratch.drop();
  });

  describe("a unit's report", () => {
    test("is stored as version 1, stored nothing the second time, and a correction is version 2", async () => {
      const first = await put("so-y-te", "2022-11", { counts: NOV }, yTe);
      expect(first.statusCode, first.body).toBe(201);
      expect(json(first)).toMatchObject({ rows: { read: 1, used: 1, rejected: 0 }, issues: [], stored: 1, version: { unit: "so-y-te", period: "2022-11", version: 1 } });

      const again = await put("so-y-te", "2022-11", { counts: NOV }, yTe);
      expect(again.statusCode, again.body).toBe(200);
      expect(json(again)).toMatchObject({ stored: 0, version: { version: 1 } });

      const corrected = await put("so-y-te", "2022-11", { counts: { ...NOV, online_dossiers: 160 }, reason: "miscounted" }, yTe);
      expect(corrected.statusCode, corrected.body).toBe(201);
      expect(json(corrected)).toMatchObject({ stored: 1, version: { version: 2, reason: "miscounted" } });

      const history = await send({ method: "GET", url: "/v1/reports/so-y-te/2022-11", headers: bearer(yTe) });
      expect(history.statusCode).toBe(200);
      const versions = json(history).versions as { version: number; counts: Record<string, number> }[];
      expect(versions.map((v) => [v.version, v.counts.online_dossiers])).toEqual([
        [1, 150],
        [2, 160],
      ]);
    });

    test("with a field no policy has is rejected, naming the field", async () => {
      const r = await put("so-y-te", "2022-10", { counts: { ...NOV, hoso_moi: 3 } });
      const body = expectProblem(r, 422, "rejected-report");
      expect(body.issues).toEqual([expect.objectContaining({ code: "unknown-field", rejected: true })]);
      expect(JSON.stringify(body.issues)).toContain("hoso_moi");
      expect((await send({ method: "GET", url: "/v1/reports/so-y-te/2022-10", headers: bearer(office) })).statusCode).toBe(404);
    });

    test("with a numerator above its denominator is rejected", async () => {
      const r = await put("so-y-te", "2022-10", { counts: { ...NOV, online_dossiers: 500 } });
      const body = expectProblem(r, 422, "rejected-report");
      expect(body.rows).toEqual({ read: 1, used: 0, rejected: 1 });
      expect(JSON.stringify(body.issues)).toContain("online_dossiers");
    });

    test("of a unit not in the registry is rejected", async () => {
      const r = await put("so-khong-co", "2022-10", { counts: NOV });
      const body = expectProblem(r, 422, "rejected-report");
      expect(JSON.stringify(body.issues)).toContain("so-khong-co");
    });
  });

  describe("an upload", () => {
    const CSV = ["unit,period,dossiers,online_dossiers,online_services,services_with_dossiers", "so-tai-chinh,2022-11,100,70,40,35", "so-xay-dung,2022-11,90,10,30,20", "so-du-lich,2022-11,50,80,20,10", ""].join("\n");
    const upload = (body: string, headers: Record<string, string> = {}) => send({ method: "POST", url: "/v1/reports", headers: { ...bearer(office), "content-type": "text/csv", ...headers }, payload: body });

    test("of several units with one bad row stores the good ones and says what the bad one is", async () => {
      const r = await upload(CSV);
      expect(r.statusCode, r.body).toBe(200);
      const body = json(r);
      expect(body).toMatchObject({ rows: { read: 3, used: 2, rejected: 1 }, stored: 2, unchanged: 0 });
      const issues = body.issues as { line: number; rejected: boolean; code: string }[];
      expect(issues.filter((i) => i.rejected)).toEqual([expect.objectContaining({ line: 4, column: "online_dossiers" })]);
      expect(issues.every((i) => i.line === 4)).toBe(true);
      expect(r.body).not.toContain(service.dir);
    });

    test("with an Idempotency-Key is answered once: the same body replays the first answer, another is refused", async () => {
      const body = CSV.replace("100,70", "101,71");
      const first = await upload(body, { "idempotency-key": "upload-1" });
      expect(first.statusCode, first.body).toBe(200);
      expect(json(first)).toMatchObject({ stored: 1, unchanged: 1 });
      const replay = await upload(body, { "idempotency-key": "upload-1" });
      expect(replay.statusCode).toBe(200);
      expect(replay.headers["idempotent-replayed"]).toBe("true");
      expect(replay.body).toBe(first.body);
      expectProblem(await upload(CSV, { "idempotency-key": "upload-1" }), 422, "idempotency-conflict");
      // Without the key the same body is just the same reports again: nothing stored.
      expect(json(await upload(body))).toMatchObject({ stored: 0, unchanged: 2 });
    });
    test("with one Idempotency-Key sent twice at once is carried out once", async () => {
      const bodies = [CSV.replace("100,70", "102,72"), CSV.replace("90,10", "91,11")];
      const answers = await Promise.all(bodies.map((b) => upload(b, { "idempotency-key": "at-once" })));
      const [done, refused] = answers[0]?.statusCode === 200 ? answers : [...answers].reverse();
      expect(done?.statusCode, done?.body).toBe(200);
      expectProblem(refused as LightMyRequestResponse, 422, "idempotency-conflict");
      const latest = await service.ctx.store.latest();
      const stored = [latest.find((v) => v.unit === "so-tai-chinh")?.counts.dossiers, latest.find((v) => v.unit === "so-xay-dung")?.counts.dossiers];
      // One body or the other, never both (PostgreSQL carried out both before keys were taken first).
      expect([[102, 90], [101, 91]]).toContainEqual(stored);

      // The same body twice at once: one is carried out, the other waits for the write lock and gets its answer.
      const same = await Promise.all([1, 2].map(() => upload(CSV, { "idempotency-key": "same-at-once" })));
      expect(same.map((r) => r.statusCode)).toEqual([200, 200]);
      expect(same.filter((r) => r.headers["idempotent-replayed"] === "true")).toHaveLength(1);
      expect(same[0]?.body).toBe(same[1]?.body);
    });

    test("refused frees its Idempotency-Key for the corrected retry", async () => {
      const row = (unit: string) => `${CSV.split("\n")[0] ?? ""}\n${unit},2022-09,10,5,10,5\n`;
      const post = (unit: string) => send({ method: "POST", url: "/v1/reports", headers: { ...bearer(yTe), "content-type": "text/csv", "idempotency-key": "retry" }, payload: row(unit) });
      expectProblem(await post("so-tai-chinh"), 403, "forbidden");
      const retried = await post("so-y-te");
      expect(retried.statusCode, retried.body).toBe(200);
      expect(retried.headers["idempotent-replayed"]).toBeUndefined();
    });
  });

  describe("results", () => {
    test("are the contract's evaluation with the decision id and the policy's revision, from the stored counts", async () => {
      const r = await results();
      expect(r.statusCode, r.body).toBe(200);
      const body = json(r);
      expect(body.decision).toBe(r.headers["chitieu-decision"]);
      expect(body.revision).toMatch(/^[0-9a-f]{64}$/);
      const evaluation = Evaluation.parse(body);
      expect(evaluation.asOf).toBe("2022-11-30");
      const share = evaluation.results.find((x) => x.unit === "so-y-te" && x.metric === "online_share" && x.milestone === "2022-11-30");
      expect(share).toMatchObject({ numerator: 160, denominator: 200, status: "met" });
      // Rules are cited by their place in the deployment folder, never by where it is on the server.
      expect(share?.rule.file).toBe("policies/brvt-2139-2022.ct");
      expect(r.body).not.toContain(service.dir);
      const finance = evaluation.results.find((x) => x.unit === "so-tai-chinh" && x.metric === "online_share" && x.milestone === "2022-11-30");
      const stored = (await service.ctx.store.latest()).find((v) => v.unit === "so-tai-chinh" && v.period === "2022-11");
      expect(finance).toMatchObject({ numerator: stored?.counts.online_dossiers, denominator: stored?.counts.dossiers });
    });

    test("as known at a moment between two versions are the first version's", async () => {
      const [v1, v2] = (json(await send({ method: "GET", url: "/v1/reports/so-y-te/2022-11", headers: bearer(office) })).versions as { recordedAt: string }[]).map((v) => Date.parse(v.recordedAt));
      expect(v2).toBeGreaterThan(v1 ?? Infinity);
      const between = new Date(((v1 ?? 0) + (v2 ?? 0)) / 2).toISOString();
      const r = await results(`&knownAt=${encodeURIComponent(between)}&unit=so-y-te`);
      expect(r.statusCode, r.body).toBe(200);
      const share = Evaluation.parse(json(r)).results.find((x) => x.metric === "online_share" && x.milestone === "2022-11-30");
      expect(share).toMatchObject({ numerator: 150, denominator: 200 });
    });

    test("for a unit token are its own unit's only", async () => {
      const evaluation = Evaluation.parse(json(await results("", yTe)));
      expect(evaluation.results.length).toBeGreaterThan(0);
      expect(new Set(evaluation.results.map((x) => x.unit))).toEqual(new Set(["so-y-te"]));
      expect(evaluation.scores.every((x) => x.unit === "so-y-te")).toBe(true);
      expect(evaluation.groups).toEqual([]);
      // Its own reports in the tallies, not the deployment's.
      const own = (await service.ctx.store.latest()).filter((v) => v.unit === "so-y-te").length;
      const all = Evaluation.parse(json(await results("", office))).rows.read;
      expect(all).toBeGreaterThan(own);
      expect(evaluation.rows).toEqual({ read: own, used: own, rejected: 0 });
      expect(evaluation.files).toEqual([]);
      expectProblem(await results("&unit=so-tai-chinh", yTe), 403, "forbidden");
    });

    test("download as the HTML report and the workbook", async () => {
      const html = await send({ method: "GET", url: RESULTS.replace("results?", "results/report.html?"), headers: bearer(office) });
      expect(html.statusCode, html.body).toBe(200);
      expect(html.headers["content-type"]).toMatch(/^text\/html/);
      expect(html.body).toContain("<html");
      expect(html.body).toContain("so-y-te");
      const xlsx = await send({ method: "GET", url: RESULTS.replace("results?", "results/results.xlsx?"), headers: bearer(office) });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers["content-disposition"]).toContain("brvt-2139-2022-2022-11-30.xlsx");
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    });

    test("of an unknown policy or a date that is none are problems", async () => {
      expectProblem(await send({ method: "GET", url: "/v1/results?policy=nope&asOf=2022-11-30", headers: bearer(office) }), 404, "unknown-policy");
      expectProblem(await send({ method: "GET", url: "/v1/results?policy=brvt-2139-2022&asOf=31/02/2022", headers: bearer(office) }), 400, "bad-request");
      expectProblem(await results("&knownAt=yesterday"), 400, "bad-request");
    });
  });

  test("POST /v1/evaluate scores the units and data sent, and stores nothing", async () => {
    const before = await service.ctx.store.latest();
    const payload = {
      policy: "brvt-2139-2022",
      asOf: "2022-11-30",
      units: [{ id: "so-a", name: "Sở A", tier: "province" }],
      data: [{ unit: "so-a", period: "2022-11", ...NOV }],
    };
    const r = await send({ method: "POST", url: "/v1/evaluate", headers: bearer(office), payload });
    expect(r.statusCode, r.body).toBe(200);
    const evaluation = Evaluation.parse(json(r));
    expect(evaluation.results.find((x) => x.metric === "online_share" && x.milestone === "2022-11-30")).toMatchObject({ unit: "so-a", numerator: 150, denominator: 200 });
    expect(await service.ctx.store.latest()).toEqual(before);
  });

  test("GET /v1/policies lists the policy with its revision and schedules", async () => {
    const r = await send({ method: "GET", url: "/v1/policies", headers: bearer(yTe) });
    expect(r.statusCode).toBe(200);
    const [policy] = json(r).policies as { id: string; revision: string; schedules: unknown }[];
    expect(policy).toMatchObject({ id: "brvt-2139-2022", revision: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    // Thresholds are exact rationals inside: the answer has them as numbers (bigints made this a 500).
    expect(JSON.stringify(policy?.schedules)).toMatch(/"threshold":(0.8|80)[,}]/);
  });

  test("a reload keeps the policies it had when the folder's do not check clean, and takes good ones", async () => {
    const file = join(service.dir, "policies", "brvt-2139-2022.ct");
    const before = Evaluation.parse(json(await results()));
    const revision = json(await results()).revision as string;
    const good = readFileSync(file, "utf8");
    writeFileSync(file, `${good}\ntarget broken "x" for all: from 2022-09-30 no_such_metric >= 50%\n`);
    const refused = expectProblem(await send({ method: "POST", url: "/v1/admin/reload", headers: bearer(admin) }), 422, "invalid-body");
    expect(JSON.stringify(refused.diagnostics)).toContain("no_such_metric");
    const still = json(await results());
    expect(still.revision).toBe(revision);
    expect(Evaluation.parse(still).results).toEqual(before.results);

    writeFileSync(file, `${good}\n# a comment changes the revision\n`);
    const taken = await send({ method: "POST", url: "/v1/admin/reload", headers: bearer(admin) });
    expect(taken.statusCode, taken.body).toBe(200);
    const [reloaded] = json(taken).policies as { id: string; revision: string }[];
    expect(reloaded?.revision).not.toBe(revision);
    expect(json(await results()).revision).toBe(reloaded?.revision);
  });

  test("the audit log lists what was done, and its chain verifies", async () => {
    const log = await send({ method: "GET", url: "/v1/audit", headers: bearer(admin) });
    expect(log.statusCode).toBe(200);
    const actions = (json(log).entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["token.create", "policy.reload"]));
    expect(actions.some((a) => a.startsWith("report"))).toBe(true);
    const verify = await send({ method: "GET", url: "/v1/audit/verify", headers: bearer(admin) });
    expect(json(verify)).toEqual({ ok: true });
  });

  test("/health, /ready and /openapi.json answer without a token", async () => {
    expect(json(await send({ method: "GET", url: "/health" }))).toEqual({ status: "ok" });
    expect(json(await send({ method: "GET", url: "/ready" }))).toMatchObject({ status: "ready", policies: ["brvt-2139-2022"] });
    const spec = json(await send({ method: "GET", url: "/openapi.json" }));
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info).toMatchObject({ title: "chitieu" });
    const paths = Object.keys(spec.paths as object);
    for (const path of ["/v1/reports/{unit}/{period}", "/v1/reports", "/v1/results", "/v1/results/report.html", "/v1/results/results.xlsx", "/v1/evaluate", "/v1/policies", "/v1/admin/tokens", "/v1/admin/tokens/{id}", "/v1/audit", "/v1/audit/verify", "/v1/admin/reload"]) {
      expect(paths).toContain(path);
    }
    expect(paths.every((p) => p.startsWith("/v1/"))).toBe(true);
  });

  test("an unknown route is a problem too", async () => {
    expectProblem(await send({ method: "GET", url: "/v1/nothing" }), 404, "not-found");
  });

  // Last: every answer the tests above had.
  test("every answer has a chitieu-decision header, a UUID", () => {
    expect(responses.length).toBeGreaterThan(30);
    for (const r of responses) expect(r.headers["chitieu-decision"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
