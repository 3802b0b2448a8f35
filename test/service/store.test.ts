/**
 * The store's conformance suite, run on every database the tests have (see test/support/databases.ts):
 * what one adapter does the other must do, down to version numbers and the audit chain.
 */
import fc from "fast-check";
import { afterEach, beforeEach, expect, test } from "vitest";
import { verifyChain } from "../../src/service/audit.js";
import { SCHEMA_VERSION } from "../../src/service/store/migrations.js";
import { Store, type Counts } from "../../src/service/store/store.js";
import { makeToken, type Caller } from "../../src/service/tokens.js";
import { forEachDatabase, type Scratch } from "../support/databases.js";

const JAN = "2026-01-10T08:00:00.000Z";
const FEB = "2026-02-10T08:00:00.000Z";
const MAR = "2026-03-10T08:00:00.000Z";
const OFFICE: Caller = { id: "ct_office_ABCDEF", role: "office", unit: null };

async function chainProblem(store: Store): Promise<ReturnType<typeof verifyChain>> {
  return verifyChain(await store.auditLog());
}

forEachDatabase("store", (db) => {
  let scratch: Scratch;
  let stores: Store[];
  const open = async (): Promise<Store> => {
    const store = await Store.open(await scratch.open());
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    scratch = await db.create();
    stores = [];
  });
  afterEach(async () => {
    // A store a test already closed is closed again here: both adapters refuse that, and it does not matter.
    await Promise.allSettled(stores.map((s) => s.close()));
    await scratch.drop();
  });

  test("migrations run once, again on reopen do nothing, and a newer store is refused", async () => {
    const first = await open();
    const versions = async (s: Store) => (await s.sql.all("SELECT version FROM schema_version ORDER BY version")).map((r) => Number(r.version));
    expect(await versions(first)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    await first.close();
    const again = await open();
    expect(await versions(again)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    await again.sql.run("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", [SCHEMA_VERSION + 1, JAN]);
    await again.close();
    await expect(open()).rejects.toThrow(/newer than this chitieu/);
  });

  test("a store made by an earlier version is brought up to date on open, its reports kept", async () => {
    const old = await open();
    await old.submit([{ unit: "so-y-te", period: "2026-01", counts: { a: 1 } }], "cli", JAN);
    // As the first release left it: step 1 only.
    await old.sql.run("DROP INDEX reports_period");
    await old.sql.run("DELETE FROM schema_version WHERE version > 1");
    await old.close();
    const upgraded = await open();
    expect((await upgraded.sql.all("SELECT MAX(version) AS v FROM schema_version"))[0]?.v).toBe(SCHEMA_VERSION);
    expect((await upgraded.latest()).map((v) => v.counts)).toEqual([{ a: 1 }]);
    await upgraded.close();
  });

  test("a report is stored as version 1, the same counts store nothing, other counts a version 2", async () => {
    const store = await open();
    const first = await store.submit([{ unit: "so-y-te", period: "2026-01", counts: { a: 1, b: 2 } }], "cli", JAN);
    expect(first.stored.map((v) => [v.version, v.actor])).toEqual([[1, "cli"]]);
    expect(first.unchanged).toEqual([]);

    // The same counts in another order, even with a reason, are the same report.
    const same = await store.submit([{ unit: "so-y-te", period: "2026-01", counts: { b: 2, a: 1 }, reason: "again" }], OFFICE, FEB);
    expect(same.stored).toEqual([]);
    expect(same.unchanged).toEqual(first.stored);

    const fixed = await store.submit([{ unit: "so-y-te", period: "2026-01", counts: { a: 1, b: 3 }, reason: "typo" }], OFFICE, FEB);
    expect(fixed.stored).toMatchObject([{ version: 2, counts: { a: 1, b: 3 }, actor: OFFICE.id, reason: "typo", recordedAt: FEB }]);

    const history = await store.history("so-y-te", "2026-01");
    expect(history.map((v) => [v.version, v.counts, v.reason, v.actor, v.recordedAt])).toEqual([
      [1, { a: 1, b: 2 }, null, "cli", JAN],
      [2, { a: 1, b: 3 }, "typo", OFFICE.id, FEB],
    ]);
    expect((await store.auditLog()).map((e) => [e.seq, e.action, e.subject, e.actor])).toEqual([
      [1, "report.submit", "so-y-te/2026-01", "cli"],
      [2, "report.correct", "so-y-te/2026-01", OFFICE.id],
    ]);
    expect(await chainProblem(store)).toBeUndefined();
  });

  test("latest replays what was known at a time between two versions", async () => {
    const store = await open();
    await store.submit([{ unit: "b-unit", period: "2026-01", counts: { a: 1 } }, { unit: "a-unit", period: "2026-01", counts: { a: 5 } }], "cli", JAN);
    await store.submit([{ unit: "b-unit", period: "2026-01", counts: { a: 2 } }], "cli", MAR);
    const now = await store.latest();
    expect(now.map((v) => [v.unit, v.version, v.counts])).toEqual([["a-unit", 1, { a: 5 }], ["b-unit", 2, { a: 2 }]]);
    const then = await store.latest(FEB);
    expect(then.map((v) => [v.unit, v.version, v.counts])).toEqual([["a-unit", 1, { a: 5 }], ["b-unit", 1, { a: 1 }]]);
    expect(await store.latest("2025-12-31T00:00:00.000Z")).toEqual([]);
  });

  test("an idempotency key keeps its first answer, per actor", async () => {
    const store = await open();
    const keep = (bodyHash: string, response: string) => ({ actor: "cli", key: "k1", bodyHash, answer: () => ({ status: 200, response }) });
    expect(await store.remembered("cli", "k1")).toBeUndefined();
    await store.submit([], "cli", JAN, keep("h1", '{"ok":1}'));
    const twin = await store.submit([], "cli", FEB, keep("h2", '{"ok":2}'));
    expect(twin.replayed).toEqual({ bodyHash: "h1", status: 200, response: '{"ok":1}' });
    expect(await store.remembered("cli", "k1")).toEqual({ bodyHash: "h1", status: 200, response: '{"ok":1}' });
    expect(await store.remembered(OFFICE.id, "k1")).toBeUndefined();
  });

  test("a large submit is stored in batches: every row a version, one report twice in it is versions 1 and 2, one chain", async () => {
    const store = await open();
    const reports = Array.from({ length: 1_100 }, (_, i) => ({ unit: `u-${i % 550}`, period: `2026-0${1 + Math.floor(i / 550)}`, counts: { a: i } }));
    await store.submit([{ unit: "u-1", period: "2026-01", counts: { a: -1 } }], "cli", JAN);
    const submitted = await store.submit([...reports, { unit: "u-2", period: "2026-02", counts: { a: 7 } }, { unit: "u-1", period: "2026-01", counts: { a: 1 } }], OFFICE, FEB);
    // u-1/2026-01 is sent twice with the same counts: the second is unchanged.
    expect([submitted.stored.length, submitted.unchanged.length]).toEqual([1_101, 1]);
    expect((await store.history("u-1", "2026-01")).map((v) => [v.version, v.counts])).toEqual([[1, { a: -1 }], [2, { a: 1 }]]);
    expect((await store.history("u-2", "2026-02")).map((v) => [v.version, v.counts])).toEqual([[1, { a: 552 }], [2, { a: 7 }]]);
    expect((await store.auditLog(0, 5_000)).length).toBe(1_102);
    expect(verifyChain(await store.auditLog(0, 5_000))).toBeUndefined();
  });

  test("an upload's answer is kept with its reports in one transaction, and its key stores once", async () => {
    const store = await open();
    const report = { unit: "so-y-te", period: "2026-01", counts: { a: 1 } };
    const keep = { actor: OFFICE.id, key: "k1", bodyHash: "h1", answer: (s: { stored: readonly unknown[] }) => ({ status: 200, response: JSON.stringify({ stored: s.stored.length }) }) };
    // A failure after the reports were written (the process killed there, in effect) keeps neither.
    const failing = { ...keep, answer: () => { throw new Error("killed"); } };
    await expect(store.submit([report], OFFICE, JAN, failing)).rejects.toThrow("killed");
    expect(await store.history("so-y-te", "2026-01")).toEqual([]);
    expect(await store.remembered(OFFICE.id, "k1")).toBeUndefined();

    const first = await store.submit([report], OFFICE, JAN, keep);
    expect(first.stored.map((v) => v.version)).toEqual([1]);
    expect(await store.remembered(OFFICE.id, "k1")).toEqual({ bodyHash: "h1", status: 200, response: '{"stored":1}' });
    // The same key again, after a correction: the kept answer, not the old counts over the correction.
    await store.submit([{ ...report, counts: { a: 2 } }], OFFICE, FEB);
    const again = await store.submit([report], OFFICE, MAR, keep);
    expect(again).toEqual({ stored: [], unchanged: [], replayed: { bodyHash: "h1", status: 200, response: '{"stored":1}' } });
    expect((await store.history("so-y-te", "2026-01")).map((v) => v.counts)).toEqual([{ a: 1 }, { a: 2 }]);
    expect((await store.auditLog()).length).toBe(2);
  });

  test("tokens are created, found by hash, listed and revoked; a revoked token is no caller", async () => {
    const store = await open();
    const unit = makeToken("unit");
    const office = makeToken("office");
    await store.createToken({ id: unit.id, hash: unit.hash, role: "unit", unit: "so-y-te", note: "Sở Y tế", createdAt: JAN, revokedAt: null }, "cli");
    await store.createToken({ id: office.id, hash: office.hash, role: "office", unit: null, note: null, createdAt: FEB, revokedAt: null }, "cli");
    expect(await store.caller(unit.hash)).toEqual({ id: unit.id, role: "unit", unit: "so-y-te" });
    expect(await store.caller(office.hash)).toEqual({ id: office.id, role: "office", unit: null });

    expect(await store.revokeToken(unit.id, "cli", MAR)).toBe(true);
    expect(await store.revokeToken(unit.id, "cli", MAR)).toBe(false);
    expect(await store.revokeToken("ct_unit_NOSUCH", "cli", MAR)).toBe(false);
    expect(await store.caller(unit.hash)).toBeUndefined();
    expect(await store.caller(office.hash)).toBeDefined();
    expect(await store.tokens()).toEqual([
      { id: unit.id, role: "unit", unit: "so-y-te", note: "Sở Y tế", createdAt: JAN, revokedAt: MAR },
      { id: office.id, role: "office", unit: null, note: null, createdAt: FEB, revokedAt: null },
    ]);
    expect((await store.auditLog()).map((e) => [e.action, e.subject])).toEqual([
      ["token.create", unit.id],
      ["token.create", office.id],
      ["token.revoke", unit.id],
    ]);
    expect(await chainProblem(store)).toBeUndefined();
  });

  test("the audit chain finds a changed and a deleted entry", async () => {
    const store = await open();
    for (const [i, at] of [JAN, FEB, MAR].entries()) await store.submit([{ unit: "u", period: "2026-01", counts: { a: i } }], "cli", at);
    await store.audit({ at: MAR, actor: "cli", action: "policy.reload", subject: "policies", previous: null, next: "h" });
    expect(await chainProblem(store)).toBeUndefined();

    await store.sql.run("UPDATE audit SET subject = ? WHERE seq = ?", ["u/2026-02", 2]);
    expect(await chainProblem(store)).toEqual({ kind: "changed", seq: 2 });
    await store.sql.run("DELETE FROM audit WHERE seq = ?", [2]);
    expect(await chainProblem(store)).toEqual({ kind: "gap", after: 1, seq: 3 });
  });

  test("concurrent submits for one report get versions 1..20, no gap, no duplicate, one chain", async () => {
    const store = await open();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.submit([{ unit: "u", period: "2026-01", counts: { a: i } }], "cli", JAN)));
    const versions = results.flatMap((r) => r.stored.map((v) => v.version));
    expect(versions.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await store.history("u", "2026-01")).map((v) => v.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const log = await store.auditLog();
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(verifyChain(log)).toBeUndefined();
  });

  test("property: latest equals a simple model of the submits, and the chain verifies", async () => {
    const submit = fc.record({ unit: fc.constantFrom("u1", "u2", "u-3"), period: fc.constantFrom("2026-01", "2026-02"), a: fc.integer({ min: 0, max: 2 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(submit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), async (batches) => {
        // Each run on an empty database of its own, so the model starts empty too.
        await scratch.drop();
        scratch = await db.create();
        const store = await open();
        const model = new Map<string, { version: number; counts: Counts }>();
        for (const [i, batch] of batches.entries()) {
          await store.submit(batch.map((s) => ({ unit: s.unit, period: s.period, counts: { a: s.a } })), "cli", `2026-01-01T00:00:${String(i).padStart(2, "0")}.000Z`);
          for (const s of batch) {
            const key = `${s.unit}/${s.period}`;
            const before = model.get(key);
            if (before?.counts.a !== s.a) model.set(key, { version: (before?.version ?? 0) + 1, counts: { a: s.a } });
          }
        }
        const expected = [...model].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, v]) => [key, v.version, v.counts]);
        expect((await store.latest()).map((v) => [`${v.unit}/${v.period}`, v.version, v.counts])).toEqual(expected);
        expect(await chainProblem(store)).toBeUndefined();
        await store.close();
      }),
      { numRuns: 20 },
    );
  });
});
