/**
 * Administration: tokens made and revoked, the audit log read and verified, policies reloaded.
 * Admin tokens only; every change here is in the audit log.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { callerOf } from "../access.js";
import { createToken, verifyStore } from "../admin-actions.js";
import type { ServiceContext } from "../context.js";
import { Problem } from "../problems.js";
import { ROLES } from "../tokens.js";

const NewToken = z.object({ role: z.enum(ROLES), unit: z.string().min(1).max(200).optional(), note: z.string().max(500).optional() }).strict();
const AuditQuery = z.object({ after: z.coerce.number().int().nonnegative().optional(), limit: z.coerce.number().int().min(1).max(10_000).optional() });

export const adminRoutes = (ctx: ServiceContext) => (app: FastifyInstance): Promise<void> => {
  app.post("/v1/admin/tokens", { schema: { body: NewToken, tags: ["admin"], summary: "Make a token; it is shown once" } }, async (request, reply) => {
    const caller = await callerOf(request, ctx.store, "admin");
    const body = request.body as z.infer<typeof NewToken>;
    const made = await createToken(ctx, body.role, body.unit ?? null, body.note ?? null, caller.id);
    return reply.code(201).send(made);
  });

  app.get("/v1/admin/tokens", { schema: { tags: ["admin"], summary: "Every token, without its secret" } }, async (request) => {
    await callerOf(request, ctx.store, "admin");
    return { tokens: await ctx.store.tokens() };
  });

  app.delete("/v1/admin/tokens/:id", { schema: { params: z.object({ id: z.string().max(100) }), tags: ["admin"], summary: "Revoke a token" } }, async (request, reply) => {
    const caller = await callerOf(request, ctx.store, "admin");
    const { id } = request.params as { id: string };
    if (!(await ctx.store.revokeToken(id, caller.id, new Date().toISOString()))) throw new Problem("not-found", `no live token \`${id}\``);
    return reply.code(204).send();
  });

  app.get("/v1/audit", { schema: { querystring: AuditQuery, tags: ["admin"], summary: "The audit log, in order" } }, async (request) => {
    await callerOf(request, ctx.store, "admin");
    const { after, limit } = request.query as z.infer<typeof AuditQuery>;
    return { entries: await ctx.store.auditLog(after ?? 0, limit ?? 1000) };
  });

  app.get("/v1/audit/verify", { schema: { tags: ["admin"], summary: "Whether the audit log's chain is whole" } }, async (request) => {
    await callerOf(request, ctx.store, "admin");
    const problem = await verifyStore(ctx);
    return problem === undefined ? { ok: true } : { ok: false, problem };
  });

  app.post("/v1/admin/reload", { schema: { tags: ["admin"], summary: "Load the policies and registry again; kept only when they check clean" } }, async (request) => {
    const caller = await callerOf(request, ctx.store, "admin");
    const reloaded = await ctx.reload(caller.id);
    if (!reloaded.ok) throw new Problem("invalid-body", "the policies do not check clean; the ones loaded before keep serving", { diagnostics: reloaded.problems });
    return { policies: [...ctx.deployment.policies.values()].map((p) => ({ id: p.id, revision: p.revision })) };
  });
  return Promise.resolve();
};
