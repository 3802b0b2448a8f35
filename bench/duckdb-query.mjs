/**
 * The hand-written DuckDB baseline of bench/end-to-end.mjs, run as its own process: the BR-VT
 * policy's three targets as of 2022-11-30 in one SQL query over the same CSV files (the month's
 * rate against 80%, 60% or 50%, the cases needed, a rank per target and tier), written as JSON.
 *
 *   node bench/duckdb-query.mjs UNITS.csv DATA.csv OUT.json
 */
import { DuckDBInstance } from "@duckdb/node-api";

const [units, data, out] = process.argv.slice(2);
const quote = (text) => `'${text.replaceAll("'", "''")}'`;

// needed: the fewest online cases to add at the same denominator, ceil((p*den - 100*num) / 100),
// null when even every case would not reach it; exactly chitieu's rule for `>=` on whole percents.
const query = `
COPY (
  WITH u AS (SELECT * FROM read_csv(${quote(units)}, header = true, all_varchar = true)),
  d AS (SELECT * FROM read_csv(${quote(data)}, header = true, columns = {'unit': 'VARCHAR', 'period': 'VARCHAR', 'dossiers': 'BIGINT', 'online_dossiers': 'BIGINT', 'online_services': 'BIGINT', 'services_with_dossiers': 'BIGINT'})
        WHERE period = '2022-11'),
  r AS (
    SELECT u.id AS unit, u.tier, 'usage_all_tiers' AS target, d.services_with_dossiers AS num, d.online_services AS den, 80 AS p
      FROM u LEFT JOIN d ON d.unit = u.id WHERE u.id <> 'thanh-tra-tinh'
    UNION ALL
    SELECT u.id, u.tier, 'online_share_province', d.online_dossiers, d.dossiers, 60
      FROM u LEFT JOIN d ON d.unit = u.id WHERE u.tier = 'province' AND u.id <> 'thanh-tra-tinh'
    UNION ALL
    SELECT u.id, u.tier, 'online_share_local', d.online_dossiers, d.dossiers, 50
      FROM u LEFT JOIN d ON d.unit = u.id WHERE u.tier IN ('district', 'commune')),
  v AS (
    SELECT *, CASE WHEN num IS NULL OR den IS NULL THEN 'no-data' WHEN den = 0 THEN 'no-denominator'
                   WHEN 100 * num >= p * den THEN 'met' ELSE 'missed' END AS status
      FROM r)
  SELECT unit, target, status,
         CASE status WHEN 'met' THEN 0
                     WHEN 'missed' THEN (CASE WHEN num + (p * den - 100 * num + 99) // 100 <= den THEN (p * den - 100 * num + 99) // 100 END)
         END AS needed,
         CASE WHEN status IN ('met', 'missed') THEN rank() OVER (PARTITION BY target, tier, status IN ('met', 'missed') ORDER BY num::DOUBLE / den DESC) END AS rank
    FROM v
) TO ${quote(out)} (FORMAT json, ARRAY true)`;

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
await connection.run(query);
connection.closeSync();
