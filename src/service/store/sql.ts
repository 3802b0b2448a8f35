/**
 * The little SQL the store needs, the same on SQLite and PostgreSQL: statements written with `?`
 * placeholders in the SQL both accept, run through an adapter per database. Writes go through
 * `transaction`, which holds the one write lock for its whole length, so version numbers and the
 * audit chain are decided by one writer at a time.
 */
export type Param = string | number | null;
export type Row = Record<string, unknown>;

export interface Tx {
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  run(sql: string, params?: readonly Param[]): Promise<void>;
}

export interface Sql extends Tx {
  /** Runs `work` in one transaction holding the write lock; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** What the database says of its own health (SQLite's integrity check, a PostgreSQL round trip). */
  check(): Promise<string>;
  close(): Promise<void>;
  readonly kind: "sqlite" | "postgres";
}
