/**
 * The `Sql` adapters themselves, on every database the tests have: placeholders, the types that come
 * back, rollback on a throw, the health check.
 */
import { afterEach, beforeEach, expect, test } from "vitest";
import { numbered } from "../../src/service/store/postgres.js";
import type { Sql } from "../../src/service/store/sql.js";
import { forEachDatabase, type Scratch } from "../support/databases.js";

test("? placeholders are numbered, except inside quoted strings and identifiers", () => {
  expect(numbered("SELECT * FROM t WHERE a = ? AND b > ? LIMIT ?")).toBe("SELECT * FROM t WHERE a = $1 AND b > $2 LIMIT $3");
  expect(numbered(`SELECT '?', "a?b", 'it''s ?' FROM t WHERE c = ?`)).toBe(`SELECT '?', "a?b", 'it''s ?' FROM t WHERE c = $1`);
  expect(numbered("SELECT 1")).toBe("SELECT 1");
});

forEachDatabase("sql", (db) => {
  let scratch: Scratch;
  let sql: Sql;
  beforeEach(async () => {
    scratch = await db.create();
    sql = await scratch.open();
    await sql.run("CREATE TABLE t (n INTEGER NOT NULL, s TEXT)");
  });
  afterEach(async () => {
    await sql.close();
    await scratch.drop();
  });

  test("integers come back as numbers, text as strings, null as null", async () => {
    await sql.run("INSERT INTO t (n, s) VALUES (?, ?), (?, ?)", [7, "bảy", 8, null]);
    expect(await sql.all("SELECT n, s FROM t ORDER BY n")).toEqual([{ n: 7, s: "bảy" }, { n: 8, s: null }]);
    // An aggregate may be wider (bigint is a string from pg): the store reads it through Number().
    const max = (await sql.all("SELECT MAX(n) AS m, COUNT(*) AS c FROM t"))[0];
    expect([Number(max?.m), Number(max?.c)]).toEqual([8, 2]);
  });

  test("a transaction that throws leaves nothing; one that resolves commits", async () => {
    await expect(sql.transaction(async (tx) => {
      await tx.run("INSERT INTO t (n) VALUES (?)", [1]);
      throw new Error("no");
    })).rejects.toThrow("no");
    expect(await sql.transaction(async (tx) => {
      await tx.run("INSERT INTO t (n) VALUES (?)", [2]);
      return "done";
    })).toBe("done");
    expect(await sql.all("SELECT n FROM t")).toEqual([{ n: 2 }]);
  });

  test("check says ok", async () => {
    expect(await sql.check()).toBe("ok");
  });
});
