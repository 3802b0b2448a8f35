/**
 * A PostgreSQL scratch database for the stress and bench scripts: made on the server `url` names,
 * with a random name, and dropped by `drop` (FORCE ends connections a killed server left open).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export async function scratchDatabase(url, purpose) {
  const name = `chitieu_${purpose}_${randomBytes(6).toString("hex")}`;
  const admin = async (sql) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
