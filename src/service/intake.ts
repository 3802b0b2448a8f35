/**
 * Reports as the service takes them: through the same readers and checks as `chitieu eval`, against
 * the deployment's registry and every policy it serves. A row any policy rejects is not stored; the
 * answer says what was read, used and rejected, with each issue as the CLI words it.
 */
import { checkObservation } from "../data/checks.js";
import { capped } from "../data/issue-log.js";
import { readObservations } from "../data/observations.js";
import { issueAt, type RecordInput } from "../data/records.js";
import { readObservationStream } from "../data/stream.js";
import type { DataIssue, Observation, RowCounts } from "../data/types.js";
import { readSheet } from "../data/xlsx.js";
import type { Deployment } from "./deployment.js";
import type { Counts, NewReport } from "./store/store.js";

export type UploadFormat = "csv" | "json" | "ndjson" | "xlsx";

export interface Intake {
  readonly reports: readonly NewReport[];
  readonly issues: readonly DataIssue[];
  readonly rows: RowCounts;
}

/** One unit's report for one period, given as counts by field: read as a one-row JSON file would be. */
export function readReport(deployment: Deployment, unit: string, period: string, counts: Readonly<Record<string, number | null>>, reason: string | null): Intake {
  // A JSON object, not a record built by assignment: a field named `__proto__` stays a field.
  const row = JSON.stringify([Object.fromEntries([["unit", unit], ["period", period], ...Object.entries(counts)])]);
  const read = readObservations(row, { ...deployment.reading, file: `${unit}/${period}`, format: "json", units: deployment.unitIds });
  // In a report sent field by field, a field no policy knows is a mistake, not a column to skip.
  const unknown = read.issues.filter((i) => i.code === "unknown-field").map((i) => ({ ...i, rejected: true }));
  const issues = [...read.issues.filter((i) => i.code !== "unknown-field"), ...unknown];
  return checked(deployment, unknown.length > 0 ? [] : read.observations, issues, read.rows, reason);
}

/** An office's upload: a CSV, JSON, NDJSON or XLSX file of rows for one unit or many. */
export async function readUpload(deployment: Deployment, content: Uint8Array, format: UploadFormat, file: string): Promise<Intake> {
  const options = { ...deployment.reading, file, units: deployment.unitIds };
  if (format === "csv") {
    const read = await readObservationStream([content], options);
    return checked(deployment, read.observations, read.issues, read.rows, null);
  }
  const input = format === "xlsx" ? await sheetOf(content, file) : new TextDecoder().decode(content);
  if (typeof input !== "string" && "code" in input) return { reports: [], issues: [input], rows: { read: 0, used: 0, rejected: 0 } };
  const read = readObservations(input, { ...options, format });
  return checked(deployment, read.observations, read.issues, read.rows, null);
}

async function sheetOf(content: Uint8Array, file: string): Promise<RecordInput | DataIssue> {
  const read = await readSheet(content);
  return read.ok ? read.sheet : issueAt(file, { line: 1, where: "line" }, "bad-row", undefined, { kind: "unreadable-workbook", reason: read.message }, true);
}

/** Every policy's checks on every row read: a row one of them rejects is not stored. */
function checked(deployment: Deployment, observations: readonly Observation[], issues: readonly DataIssue[], rows: RowCounts, reason: string | null): Intake {
  const all = [...issues];
  const reports: NewReport[] = [];
  for (const o of observations) {
    const found = [...deployment.policies.values()].flatMap((p) => checkObservation(o, p.policy, deployment.units.get(o.unit)));
    all.push(...dedupe(found));
    if (!found.some((i) => i.rejected)) reports.push({ unit: o.unit, period: o.period.text, counts: countsOf(o), reason });
  }
  const rejected = rows.read - reports.length;
  return { reports, issues: capped(all), rows: { read: rows.read, used: reports.length, rejected } };
}

/** Two policies with the same check say the same thing once. */
const dedupe = (issues: readonly DataIssue[]): DataIssue[] => [...new Map(issues.map((i) => [`${i.code}\u0000${i.column ?? ""}\u0000${i.message}`, i])).values()];

function countsOf(o: Observation): Counts {
  return Object.fromEntries(o.counts);
}
