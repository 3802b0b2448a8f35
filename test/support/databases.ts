/**
 * The databases a store suite runs on: SQLite always, PostgreSQL too when CHITIEU_TEST_PG_URL names
 * a server (`postgres://postgres@127.0.0.1:5432/postgres`), so one suite checks that both adapters
 * behave alike. Each scratch database is new and empty, and dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe } from "vitest";
import { openPostgres } from "../../src/service/store/postgres.js";
import { openSqlite } from "../../src/service/store/sqlite.js";
import type { Sql } from "../../src/service/store/sql.js";

/** One empty database: `open` may be called again after a close (a restart); `drop` removes it. */
export interface Scratch {
  open(): Promise<Sql>;
  /** The database's URL, for `startService({ database })`; undefined for SQLite, which the service keeps in its folder. */
  readonly url?: string | undefined;
  drop(): Promise<void>;
}

export interface TestDatabase {
  readonly name: "sqlite" | "postgres";
  create(): Promise<Scratch>;
}

const sqlite: TestDatabase = {
  name: "sqlite",
  async create() {
    const folder = await mkdtemp(join(tmpdir(), "chitieu-store-"));
    const path = join(folder, "store.db");
    return { open: () => Promise.resolve(openSqlite(path)), drop: () => rm(folder, { recursive: true, force: true }) };
  },
};

function postgres(adminUrl: string): TestDatabase {
  return {
    name: "postgres",
    async create() {
      const name = `chitieu_test_${randomBytes(6).toString("hex")}`;
      await admin(adminUrl, `CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      // FORCE ends the connections a failed test left open, so the database always goes.
      return { url: url.toString(), open: () => openPostgres(url.toString()), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
    },
  };
}

/** Runs one statement on the server's own database (CREATE and DROP DATABASE cannot run in the database they name). */
async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function testDatabases(): TestDatabase[] {
  const url = process.env.CHITIEU_TEST_PG_URL;
  return url ? [sqlite, postgres(url)] : [sqlite];
}

/** `describe`s the suite once per database: `forEachDatabase("store", (db) => { ... })`. */
export function forEachDatabase(title: string, suite: (db: TestDatabase) => void): void {
  describe.each(testDatabases())(`${title} on $name`, suite);
}
