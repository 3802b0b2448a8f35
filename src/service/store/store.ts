/**
 * What the service keeps, on SQLite or PostgreSQL alike: every version of every report, the answers
 * to idempotent uploads, API tokens (hashed) and the audit log. Nothing is updated in place but a
 * token's revocation; every write appends its audit entries in its own transaction.
 */
import { chainOf, sha256, type AuditEntry, type ChainedEntry } from "../audit.js";
import type { Caller, Role } from "../tokens.js";
import { migrate } from "./migrations.js";
import type { Param, Row, Sql, Tx } from "./sql.js";

/** Whole counts by field; a field the report leaves out is absent. */
export type Counts = Readonly<Record<string, number>>;

export interface ReportVersion {
  readonly unit: string;
  readonly period: string;
  readonly version: number;
  readonly counts: Counts;
  readonly reason: string | null;
  readonly actor: string;
  readonly recordedAt: string;
  readonly bodyHash: string;
}

export interface NewReport {
  readonly unit: string;
  readonly period: string;
  readonly counts: Counts;
  readonly reason?: string | null;
}

export interface Submitted {
  readonly stored: readonly ReportVersion[];
  /** Reports equal to their latest version: nothing stored, the version returned. */
  readonly unchanged: readonly ReportVersion[];
}

export interface TokenRecord {
  readonly id: string;
  readonly role: Role;
  readonly unit: string | null;
  readonly note: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface Remembered {
  readonly bodyHash: string;
  readonly status: number;
  readonly response: string;
}

/** An idempotent upload's key, and its answer made from what was stored, to keep with the reports. */
export interface Keep {
  readonly actor: string;
  readonly key: string;
  readonly bodyHash: string;
  readonly answer: (submitted: Submitted) => { readonly status: number; readonly response: string };
}

/** A report's content as one hash: the same counts and reason are the same report, whatever their order. */
export function reportHash(counts: Counts, reason: string | null | undefined): string {
  const sorted = Object.keys(counts)
    .sort()
    .map((k) => [k, counts[k]]);
  return sha256(JSON.stringify([sorted, reason ?? null]));
}

export class Store {
  private constructor(readonly sql: Sql) {}

  static async open(sql: Sql): Promise<Store> {
    await migrate(sql);
    return new Store(sql);
  }

  /**
   * Stores each report that differs from its latest version as the next version, with its audit
   * entry, in one transaction. With `keep`, the answer is kept under its idempotency key in that
   * same transaction: a kill between the two would leave reports stored without their answer, and
   * the client's retry would store them again over any correction made since. A key already kept
   * (a concurrent twin) stores nothing and returns the kept answer as `replayed`.
   */
  submit(reports: readonly NewReport[], caller: Caller | "cli", at: string, keep?: Keep): Promise<Submitted & { readonly replayed?: Remembered }> {
    const actor = caller === "cli" ? "cli" : caller.id;
    return this.sql.transaction(async (tx) => {
      const earlier = keep && (await rememberedIn(tx, keep.actor, keep.key));
      if (earlier) return { stored: [], unchanged: [], replayed: earlier };
      const stored: ReportVersion[] = [];
      const unchanged: ReportVersion[] = [];
      const entries: Omit<AuditEntry, "seq">[] = [];
      // Read and written in batches, not a round trip per row: a month's upload for 40,000 units
      // took 17 s on PostgreSQL one statement at a time.
      const latest = await latestOfAll(tx, reports);
      for (const report of reports) {
        const key = `${report.unit}\u0000${report.period}`;
        const before = latest.get(key);
        const bodyHash = reportHash(report.counts, report.reason);
        // A correction's reason explains the change; sending the same counts again is not a change.
        if (before && reportHash(before.counts, null) === reportHash(report.counts, null)) {
          unchanged.push(before);
          continue;
        }
        const version: ReportVersion = { unit: report.unit, period: report.period, version: (before?.version ?? 0) + 1, counts: report.counts, reason: report.reason ?? null, actor, recordedAt: at, bodyHash };
        entries.push({ at, actor, action: before ? "report.correct" : "report.submit", subject: `${report.unit}/${report.period}`, previous: before?.bodyHash ?? null, next: bodyHash });
        stored.push(version);
        latest.set(key, version);
      }
      const columns = "unit, period, version, counts, reason, actor, recorded_at, body_hash";
      await insertRows(tx, `reports (${columns})`, stored.map((v) => [v.unit, v.period, v.version, JSON.stringify(v.counts), v.reason, actor, at, v.bodyHash]));
      await (await AuditChain.resume(tx)).appendAll(entries);
      if (keep) await insertRemembered(tx, keep.actor, keep.key, { bodyHash: keep.bodyHash, ...keep.answer({ stored, unchanged }) }, at);
      return { stored, unchanged };
    });
  }

  async history(unit: string, period: string): Promise<ReportVersion[]> {
    return (await this.sql.all("SELECT * FROM reports WHERE unit = ? AND period = ? ORDER BY version", [unit, period])).map(versionOf);
  }

  /** The latest version of every report as recorded at `knownAt` (ISO time), or now. */
  async latest(knownAt?: string): Promise<ReportVersion[]> {
    const rows = await this.sql.all(
      `SELECT r.* FROM reports r JOIN (SELECT unit, period, MAX(version) AS v FROM reports WHERE recorded_at <= ? GROUP BY unit, period) m
       ON r.unit = m.unit AND r.period = m.period AND r.version = m.v`,
      [knownAt ?? "9999"],
    );
    return rows.map(versionOf).sort((a, b) => byteOrder(a.unit, b.unit) || byteOrder(a.period, b.period));
  }

  remembered(actor: string, key: string): Promise<Remembered | undefined> {
    return rememberedIn(this.sql, actor, key);
  }

  createToken(record: TokenRecord & { readonly hash: string }, by: string): Promise<void> {
    return this.sql.transaction(async (tx) => {
      await tx.run("INSERT INTO tokens (id, hash, role, unit, note, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)", [record.id, record.hash, record.role, record.unit, record.note, record.createdAt]);
      await (await AuditChain.resume(tx)).append({ at: record.createdAt, actor: by, action: "token.create", subject: record.id, previous: null, next: sha256(`${record.role}:${record.unit ?? ""}`) });
    });
  }

  /** Revokes a token by id; false when there is no such live token. */
  revokeToken(id: string, by: string, at: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const live = await tx.all("SELECT id FROM tokens WHERE id = ? AND revoked_at IS NULL", [id]);
      if (live.length === 0) return false;
      await tx.run("UPDATE tokens SET revoked_at = ? WHERE id = ?", [at, id]);
      await (await AuditChain.resume(tx)).append({ at, actor: by, action: "token.revoke", subject: id, previous: null, next: null });
      return true;
    });
  }

  async caller(hash: string): Promise<Caller | undefined> {
    const row = (await this.sql.all("SELECT id, role, unit FROM tokens WHERE hash = ? AND revoked_at IS NULL", [hash]))[0];
    return row && { id: String(row.id), role: String(row.role) as Role, unit: nullable(row.unit) };
  }

  async tokens(): Promise<TokenRecord[]> {
    const tokens = (await this.sql.all("SELECT * FROM tokens")).map((r) => ({
      id: String(r.id), role: String(r.role) as Role, unit: nullable(r.unit), note: nullable(r.note), createdAt: String(r.created_at), revokedAt: nullable(r.revoked_at),
    }));
    return tokens.sort((a, b) => byteOrder(a.createdAt, b.createdAt) || byteOrder(a.id, b.id));
  }

  /** Appends an admin action of its own (a policy reload) to the audit log. */
  audit(entry: Omit<AuditEntry, "seq">): Promise<void> {
    return this.sql.transaction(async (tx) => (await AuditChain.resume(tx)).append(entry));
  }

  async auditLog(after = 0, limit = 1000): Promise<ChainedEntry[]> {
    const rows = await this.sql.all("SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", [after, limit]);
    return rows.map((r) => ({ seq: Number(r.seq), at: String(r.at), actor: String(r.actor), action: String(r.action), subject: String(r.subject), previous: nullable(r.previous), next: nullable(r.next), chain: String(r.chain) }));
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}

/** The audit log's end, read inside a write transaction, so entries chain in the order they commit. */
class AuditChain {
  private constructor(private readonly tx: Tx, private seq: number, private last: string) {}

  static async resume(tx: Tx): Promise<AuditChain> {
    const row = (await tx.all("SELECT seq, chain FROM audit ORDER BY seq DESC LIMIT 1"))[0];
    return new AuditChain(tx, row ? Number(row.seq) : 0, row ? String(row.chain) : "");
  }

  append(entry: Omit<AuditEntry, "seq">): Promise<void> {
    return this.appendAll([entry]);
  }

  /** Entries chained in order, written in batches. */
  async appendAll(entries: readonly Omit<AuditEntry, "seq">[]): Promise<void> {
    const rows: Param[][] = [];
    for (const entry of entries) {
      const full = { ...entry, seq: this.seq + 1 };
      const chain = chainOf(this.last, full);
      rows.push([full.seq, full.at, full.actor, full.action, full.subject, full.previous, full.next, chain]);
      [this.seq, this.last] = [full.seq, chain];
    }
    await insertRows(this.tx, "audit (seq, at, actor, action, subject, previous, next, chain)", rows);
  }
}

/** Rows in multi-row INSERTs of at most 500 (4,000 parameters for 8 columns: under both databases' limits). */
async function insertRows(tx: Tx, into: string, rows: readonly Param[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const values = batch.map((r) => `(${r.map(() => "?").join(", ")})`).join(", ");
    await tx.run(`INSERT INTO ${into} VALUES ${values}`, batch.flat());
  }
}

/** The latest version of each report named, by `unit\0period`: one query for one report, one per 500 periods for many. */
async function latestOfAll(tx: Tx, reports: readonly NewReport[]): Promise<Map<string, ReportVersion>> {
  const found = new Map<string, ReportVersion>();
  const only = reports.length === 1 ? reports[0] : undefined;
  if (only) {
    const latest = await latestOf(tx, only.unit, only.period);
    if (latest) found.set(`${latest.unit}\u0000${latest.period}`, latest);
    return found;
  }
  const periods = [...new Set(reports.map((r) => r.period))];
  for (let i = 0; i < periods.length; i += 500) {
    const batch = periods.slice(i, i + 500);
    const rows = await tx.all(
      `SELECT r.* FROM reports r JOIN (SELECT unit, period, MAX(version) AS v FROM reports WHERE period IN (${batch.map(() => "?").join(", ")}) GROUP BY unit, period) m
       ON r.unit = m.unit AND r.period = m.period AND r.version = m.v`,
      batch,
    );
    for (const row of rows) found.set(`${String(row.unit)}\u0000${String(row.period)}`, versionOf(row));
  }
  return found;
}

async function rememberedIn(tx: Tx, actor: string, key: string): Promise<Remembered | undefined> {
  const row = (await tx.all("SELECT body_hash, status, response FROM idempotency WHERE actor = ? AND key = ?", [actor, key]))[0];
  return row && { bodyHash: String(row.body_hash), status: Number(row.status), response: String(row.response) };
}

function insertRemembered(tx: Tx, actor: string, key: string, value: Remembered, at: string): Promise<void> {
  return tx.run("INSERT INTO idempotency (actor, key, body_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?)", [actor, key, value.bodyHash, value.status, value.response, at]);
}

async function latestOf(tx: Tx, unit: string, period: string): Promise<ReportVersion | undefined> {
  const row = (await tx.all("SELECT * FROM reports WHERE unit = ? AND period = ? ORDER BY version DESC LIMIT 1", [unit, period]))[0];
  return row && versionOf(row);
}

/**
 * Text in the order of its UTF-8 bytes, SQLite's BINARY order. Sorted here, not by ORDER BY, because
 * PostgreSQL orders text by the database's collation (en_US ignores `-` and `_`), so one store
 * would list in two orders.
 */
const byteOrder = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

// Columns are text or null: a database value, never an object.
const nullable = (v: unknown): string | null => (typeof v === "string" ? v : null);

function versionOf(r: Row): ReportVersion {
  return {
    unit: String(r.unit), period: String(r.period), version: Number(r.version), counts: JSON.parse(String(r.counts)) as Counts,
    reason: nullable(r.reason), actor: String(r.actor), recordedAt: String(r.recorded_at), bodyHash: String(r.body_hash),
  };
}
