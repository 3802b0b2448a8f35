/**
 * `npm run stress:kill9` (scripts/kill9.mjs) short: 20 kills of the built server while clients
 * write, each restart checked (acknowledged writes whole, nothing unsent stored, in-flight writes
 * whole or absent, the audit log one entry per version and verified, SQLite's integrity_check).
 * The long run (200 kills) is the script's; this keeps the check in the suite, on SQLite, and on
 * PostgreSQL when CHITIEU_TEST_PG_URL names a server.
 */
import { expect, test } from "vitest";
// @ts-expect-error -- a plain script, typed by use
import { runKill9 } from "../../scripts/kill9.mjs";

interface Run {
  readonly figures: { readonly kills: number; readonly acknowledged: number; readonly inFlightAtKill: number };
  readonly violations: readonly string[];
}

const run = runKill9 as (options: Record<string, unknown>) => Promise<Run>;
const databases = [{ name: "sqlite", url: undefined }, ...(process.env.CHITIEU_TEST_PG_URL ? [{ name: "postgres", url: process.env.CHITIEU_TEST_PG_URL }] : [])];

test.each(databases)("20 kill -9s on $name lose no acknowledged write and leave no half write", async ({ url }) => {
  // Short write windows: most of a kill's time is the restart and the checks. Twenty restarts of a
  // whole server take about a minute on a quiet machine; the limit is for a busy one.
  const { figures, violations } = await run({ kills: 20, database: url, seed: 14, window: [60, 250], log: () => undefined });
  expect(violations).toEqual([]);
  expect(figures.kills).toBe(20);
  // The kills landed on writes: some were acknowledged and some were cut off.
  expect(figures.acknowledged).toBeGreaterThan(0);
  expect(figures.inFlightAtKill).toBeGreaterThan(0);
}, 240_000);
