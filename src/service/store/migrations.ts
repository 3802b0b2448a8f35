/**
 * The store's schema, as numbered steps run in order at start, each once, in a transaction with
 * its row in `schema_version`. A step is never edited once released: a change is a new step. The
 * SQL is what SQLite and PostgreSQL both read.
 */
import type { Sql } from "./sql.js";

const STEPS: readonly (readonly string[])[] = [
  [
    // Every version of every report: a correction is a new row, never an update.
    `CREATE TABLE reports (
      unit TEXT NOT NULL, period TEXT NOT NULL, version INTEGER NOT NULL,
      counts TEXT NOT NULL, reason TEXT, actor TEXT NOT NULL, recorded_at TEXT NOT NULL, body_hash TEXT NOT NULL,
      PRIMARY KEY (unit, period, version))`,
    `CREATE INDEX reports_recorded ON reports (recorded_at)`,
    `CREATE TABLE idempotency (
      actor TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL, status INTEGER NOT NULL, response TEXT NOT NULL, created_at TEXT NOT NULL,
      PRIMARY KEY (actor, key))`,
    `CREATE TABLE tokens (
      id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, unit TEXT, note TEXT,
      created_at TEXT NOT NULL, revoked_at TEXT)`,
    // Hash-chained: each entry's chain is the hash of the one before and of itself.
    `CREATE TABLE audit (
      seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL,
      previous TEXT, next TEXT, chain TEXT NOT NULL)`,
  ],
  [
    // An upload looks up the latest versions of the periods it sends; the primary key leads with the unit.
    `CREATE INDEX reports_period ON reports (period, unit, version)`,
  ],
];

export const SCHEMA_VERSION = STEPS.length;

/** Runs the steps this store has not run yet; refuses a store newer than this program. */
export async function migrate(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    // Inside the write lock: two servers starting on one PostgreSQL database would otherwise race
    // on CREATE TABLE IF NOT EXISTS, which PostgreSQL does not make safe against a concurrent twin.
    await tx.run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    const rows = await tx.all("SELECT MAX(version) AS version FROM schema_version");
    const current = Number(rows[0]?.version ?? 0);
    if (current > STEPS.length) throw new Error(`the store is at schema version ${current}, newer than this chitieu (${STEPS.length}); upgrade chitieu`);
    for (let v = current; v < STEPS.length; v++) {
      for (const statement of STEPS[v] ?? []) await tx.run(statement);
      await tx.run("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", [v + 1, new Date().toISOString()]);
    }
  });
}
