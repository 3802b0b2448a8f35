/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode with `synchronous=FULL`,
 * so an acknowledged write survives a kill -9 or a power cut. better-sqlite3 is synchronous: a write
 * transaction is queued behind the one running (BEGIN IMMEDIATE ... COMMIT on the writing
 * connection), and reads use a second connection, which sees only committed data.
 */
import Database from "better-sqlite3";
import type { Param, Row, Sql, Tx } from "./sql.js";

export function openSqlite(path: string): Sql {
  const writer = new Database(path);
  writer.pragma("journal_mode = WAL");
  writer.pragma("synchronous = FULL");
  writer.pragma("foreign_keys = ON");
  writer.pragma("busy_timeout = 5000");
  const reader = path === ":memory:" ? writer : new Database(path, { readonly: false });
  if (reader !== writer) reader.pragma("busy_timeout = 5000");
  const on = (db: Database.Database): Tx => ({
    all: (sql, params = []) => Promise.resolve(db.prepare(sql).all(...(params as Param[])) as Row[]),
    run: (sql, params = []) => {
      db.prepare(sql).run(...(params as Param[]));
      return Promise.resolve();
    },
  });
  let queue: Promise<unknown> = Promise.resolve();
  const transaction = <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      writer.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(on(writer));
        writer.exec("COMMIT");
        return result;
      } catch (error) {
        if (writer.inTransaction) writer.exec("ROLLBACK");
        throw error;
      }
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    kind: "sqlite",
    ...on(reader),
    transaction,
    check: () => Promise.resolve(String((reader.pragma("integrity_check") as { integrity_check: string }[])[0]?.integrity_check)),
    close: async () => {
      await queue;
      if (reader !== writer) reader.close();
      writer.close();
    },
  };
}
