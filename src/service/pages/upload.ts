/**
 * A clerk's upload from the unit's page: the filled template (.xlsx) or a CSV, read and checked as
 * the API reads an upload, stored when every row is the page's unit's. The answer is kept in the
 * session and shown once on the page the upload redirects to, so reloading it sends nothing again.
 */
import type { DataIssue } from "../../data/types.js";
import type { ServiceContext } from "../context.js";
import { readUpload, type UploadFormat } from "../intake.js";
import type { Caller } from "../tokens.js";
import type { FormPart } from "./forms.js";

export interface UploadAnswer {
  readonly unit: string;
  readonly file: string;
  readonly rows: { readonly read: number; readonly used: number; readonly rejected: number };
  readonly stored: number;
  readonly unchanged: number;
  readonly issues: readonly DataIssue[];
  /** Set when nothing was read: the file's kind, or another unit's rows. */
  readonly refused?: { readonly kind: "bad-file" } | { readonly kind: "not-yours"; readonly unit: string } | { readonly kind: "too-many-rows" };
}

function formatOf(name: string): UploadFormat | undefined {
  const lower = name.toLowerCase();
  return lower.endsWith(".xlsx") ? "xlsx" : lower.endsWith(".csv") ? "csv" : undefined;
}

export async function takeUpload(ctx: ServiceContext, caller: Caller, unit: string, file: FormPart | undefined): Promise<UploadAnswer> {
  const name = file?.filename ?? "";
  const format = formatOf(name);
  const empty = { unit, file: name, rows: { read: 0, used: 0, rejected: 0 }, stored: 0, unchanged: 0, issues: [] };
  if (!file || format === undefined || file.content.length === 0) return { ...empty, refused: { kind: "bad-file" } };
  const intake = await readUpload(ctx.deployment, file.content, format, name);
  if (intake.rows.read > ctx.limits.uploadRows) return { ...empty, refused: { kind: "too-many-rows" } };
  // A unit's page sends that unit's reports only, whoever is signed in: an office uses its own page or the API for many.
  const other = intake.reports.find((r) => r.unit !== unit);
  if (other) return { ...empty, issues: intake.issues, refused: { kind: "not-yours", unit: other.unit } };
  const submitted = intake.reports.length > 0 ? await ctx.store.submit(intake.reports, caller, new Date().toISOString()) : { stored: [], unchanged: [] };
  if (submitted.stored.length > 0) ctx.results.invalidate();
  return { ...empty, rows: intake.rows, stored: submitted.stored.length, unchanged: submitted.unchanged.length, issues: intake.issues };
}
