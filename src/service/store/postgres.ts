/**
 * The shared store: PostgreSQL through a `pg` pool. The store's SQL is written with `?`, which is
 * turned into `$1..$n` here. A write transaction takes one transaction-scoped advisory lock before
 * its work, so writers follow each other as on SQLite, where version numbers and the audit chain
 * are decided by one writer at a time; reads outside a transaction do not wait for it.
 */
import pg from "pg";
import type { Param, Row, Sql, Tx } from "./sql.js";

/** The advisory lock every writer of a chitieu store takes: any constant of ours, the same in every process. */
const WRITE_LOCK = 0x63_68_69_74; // "chit"

/** `?` placeholders as `$1..$n`, leaving quoted strings and identifiers as they are. */
export function numbered(sql: string): string {
  let n = 0;
  let quote: string | undefined;
  let out = "";
  for (const c of sql) {
    if (quote) {
      // A doubled quote inside a quoted part closes and reopens it, which this toggling handles.
      if (c === quote) quote = undefined;
      out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else out += c === "?" ? `$${++n}` : c;
  }
  return out;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

function on(db: Queryable): Tx {
  return {
    all: async (sql, params = []) => (await db.query<Row>(numbered(sql), params as Param[])).rows,
    run: async (sql, params = []) => {
      await db.query(numbered(sql), params as Param[]);
    },
  };
}

export async function openPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client the server closes (a restart, a dropped database) emits an error the pool has
  // already handled by discarding it; without a listener Node would end the process.
  pool.on("error", () => undefined);
  // Fail at open, not at the first request, when the database cannot be reached.
  await pool.query("SELECT 1");
  return {
    kind: "postgres",
    ...on(pool),
    transaction: (work) => inTransaction(pool, work),
    check: async () => {
      await pool.query("SELECT 1");
      return "ok";
    },
    close: () => pool.end(),
  };
}

async function inTransaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
    const result = await work(on(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    broken = await rollback(client);
    throw error;
  } finally {
    // A client whose rollback failed is in an unknown state: the pool closes it instead of reusing it.
    client.release(broken);
  }
}

/** Rolls back; the error when even that failed (a lost connection), so the client is not reused. */
async function rollback(client: pg.PoolClient): Promise<Error | undefined> {
  try {
    await client.query("ROLLBACK");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
