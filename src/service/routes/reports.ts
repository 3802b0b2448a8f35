/**
 * Submissions. `PUT /v1/reports/{unit}/{period}` stores one unit's report for one period (the same
 * counts again store nothing); `POST /v1/reports` takes an office's file of rows for many units;
 * `GET /v1/reports/{unit}/{period}` reads a report's every version. What was read, used and
 * rejected comes back, each issue as the CLI words it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { sha256 } from "../audit.js";
import { callerOf, mayActFor } from "../access.js";
import type { ServiceContext } from "../context.js";
import { readReport, readUpload, type Intake, type UploadFormat } from "../intake.js";
import { Problem } from "../problems.js";
import type { Remembered, Submitted } from "../store/store.js";
import type { Caller } from "../tokens.js";

const Place = z.object({ unit: z.string().min(1).max(200), period: z.string().min(1).max(20) });

const ReportBody = z
  .object({
    counts: z.record(z.string().max(200), z.union([z.number().int().nonnegative(), z.null()])).describe("whole counts by field; null or absent: not reported"),
    reason: z.string().max(2000).optional().describe("why a correction was made"),
  })
  .strict();

const FORMATS: Readonly<Record<string, UploadFormat>> = {
  "text/csv": "csv",
  "application/json": "json",
  "application/x-ndjson": "ndjson",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
};

export const reportRoutes = (ctx: ServiceContext) => (app: FastifyInstance): Promise<void> => {
  for (const type of Object.keys(FORMATS).filter((t) => t !== "application/json")) {
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: ctx.limits.uploadBytes }, (_request, body, done) => done(null, body));
  }

  app.put("/v1/reports/:unit/:period", { preValidation: jsonOnly, schema: { params: Place, body: ReportBody, tags: ["reports"], summary: "Store a unit's report for a period" } }, async (request, reply) => {
    const caller = await callerOf(request, ctx.store, "unit");
    const { unit, period } = request.params as z.infer<typeof Place>;
    mayActFor(caller, unit);
    const body = request.body as z.infer<typeof ReportBody>;
    const intake = readReport(ctx.deployment, unit, period, body.counts, body.reason ?? null);
    if (intake.reports.length === 0) throw new Problem("rejected-report", "the report was read but not stored; see `issues`", answerOf(intake));
    const submitted = await ctx.store.submit(intake.reports, caller, new Date().toISOString());
    if (submitted.stored.length > 0) ctx.results.invalidate();
    const [version] = [...submitted.stored, ...submitted.unchanged];
    return reply.code(submitted.stored.length > 0 ? 201 : 200).send({ ...answerOf(intake), stored: submitted.stored.length, version });
  });

  app.get("/v1/reports/:unit/:period", { schema: { params: Place, tags: ["reports"], summary: "Every version of a report" } }, async (request) => {
    const caller = await callerOf(request, ctx.store, "unit");
    const { unit, period } = request.params as z.infer<typeof Place>;
    mayActFor(caller, unit);
    const versions = await ctx.store.history(unit, period);
    if (versions.length === 0) throw new Problem("not-found", `no report of \`${unit}\` for ${period}`);
    return { unit, period, versions };
  });

  app.post("/v1/reports", { bodyLimit: ctx.limits.uploadBytes, schema: { tags: ["reports"], summary: "Upload a file of reports (CSV, JSON, NDJSON or XLSX)" } }, async (request, reply) => {
    const caller = await callerOf(request, ctx.store, "unit");
    const raw = bodyBytes(request);
    const key = idempotencyKey(request);
    const bodyHash = sha256(`${request.headers["content-type"] ?? ""}\n${Buffer.from(raw).toString("base64")}`);
    const earlier = key === undefined ? undefined : await ctx.store.remembered(caller.id, key);
    if (earlier) return sendRemembered(reply, earlier, bodyHash, key ?? "");
    const answered = await upload(ctx, caller, raw, formatOf(request), key === undefined ? undefined : { key, bodyHash });
    if (answered.replayed) return sendRemembered(reply, answered.replayed, bodyHash, key ?? "");
    return reply.code(200).send(answered.answer);
  });
  return Promise.resolve();
};

/** A kept answer sent again, or a conflict when the key came with another body. */
function sendRemembered(reply: FastifyReply, earlier: Remembered, bodyHash: string, key: string): FastifyReply {
  if (earlier.bodyHash !== bodyHash) throw new Problem("idempotency-conflict", `the key \`${key}\` was used with another body`);
  return reply.code(earlier.status).header("idempotent-replayed", "true").type("application/json").send(earlier.response);
}

/** Reads and stores an upload; with a key, its answer is kept in the same transaction as its reports. */
async function upload(ctx: ServiceContext, caller: Caller, raw: Uint8Array, format: UploadFormat, idempotent?: { key: string; bodyHash: string }): Promise<{ answer?: Record<string, unknown>; replayed?: Remembered }> {
  const intake = await readUpload(ctx.deployment, raw, format, "upload");
  if (intake.rows.read > ctx.limits.uploadRows) throw new Problem("too-many-rows", `the upload has ${intake.rows.read} rows; one upload may have ${ctx.limits.uploadRows}: split it`);
  for (const report of intake.reports) mayActFor(caller, report.unit);
  const answerFor = (s: Submitted) => ({ ...answerOf(intake), ...tally(s) });
  const keep = idempotent && { actor: caller.id, ...idempotent, answer: (s: Submitted) => ({ status: 200, response: JSON.stringify(answerFor(s)) }) };
  if (intake.reports.length === 0 && !keep) return { answer: answerFor({ stored: [], unchanged: [] }) };
  const submitted = await ctx.store.submit(intake.reports, caller, new Date().toISOString(), keep);
  if (submitted.replayed) return { replayed: submitted.replayed };
  if (submitted.stored.length > 0) ctx.results.invalidate();
  return { answer: answerFor(submitted) };
}

const tally = (s: Submitted) => ({ stored: s.stored.length, unchanged: s.unchanged.length });

function answerOf(intake: Intake): Record<string, unknown> {
  return { rows: intake.rows, issues: intake.issues.map((i) => ({ code: i.code, line: i.line, column: i.column ?? null, rejected: i.rejected, message: i.message })) };
}

/**
 * The upload formats' parsers serve every route of this plugin, so without this a CSV sent to the
 * JSON-only PUT would be parsed as bytes and refused as a body of the wrong shape (422), not as 415.
 */
function jsonOnly(request: FastifyRequest): Promise<void> {
  // In a promise, so that formatOf's own 415 is a rejection too, as a hook's errors must be.
  return Promise.resolve().then(() => {
    if (formatOf(request) !== "json") throw new Problem("unsupported-media-type", "a report is sent as application/json: {\"counts\": {...}}; files go to POST /v1/reports");
  });
}

function formatOf(request: FastifyRequest): UploadFormat {
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const format = FORMATS[type];
  if (!format) throw new Problem("unsupported-media-type", `send text/csv, application/json, application/x-ndjson or an .xlsx workbook, not \`${type}\``);
  return format;
}

function bodyBytes(request: FastifyRequest): Uint8Array {
  const body = request.body;
  if (body instanceof Uint8Array) return body;
  // A JSON upload arrives parsed: written back as text, for the reader that numbers its items.
  if (body !== undefined && body !== null) return new TextEncoder().encode(JSON.stringify(body));
  throw new Problem("bad-request", "the upload is empty");
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  const key = request.headers["idempotency-key"];
  if (key === undefined) return undefined;
  if (typeof key !== "string" || key.length === 0 || key.length > 200) throw new Problem("bad-request", "an Idempotency-Key is 1 to 200 characters");
  return key;
}

