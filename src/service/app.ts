/**
 * The HTTP service: Fastify with zod schemas (checked without generating code, and describing the
 * routes in OpenAPI 3.1 at /openapi.json), problem+json for every error, and a decision id on every
 * answer. Routes are in routes/; this file sets up what they share.
 */
import { randomUUID } from "node:crypto";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import type { ZodType } from "zod";
import "../text/jitless.js";
import type { ServiceContext } from "./context.js";
import { pageRoutes } from "./pages/routes.js";
import { Problem } from "./problems.js";
import { adminRoutes } from "./routes/admin.js";
import { reportRoutes } from "./routes/reports.js";
import { resultRoutes } from "./routes/results.js";

export interface AppOptions {
  /** pino's options, or false for none (tests). */
  readonly logger?: boolean | { readonly level: string };
}

export async function buildApp(ctx: ServiceContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: ctx.limits.jsonBytes,
    requestTimeout: ctx.limits.requestTimeout,
    connectionTimeout: ctx.limits.requestTimeout,
    // A field may be called `__proto__`: JSON.parse makes it an own key, which nothing here assigns from.
    onProtoPoisoning: "ignore",
    onConstructorPoisoning: "ignore",
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  });
  app.setValidatorCompiler(({ schema }) => validate(schema as ZodType));
  app.setErrorHandler(answerError);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, new Problem("not-found", `no route ${request.method} ${request.url.split("?")[0] ?? ""}`)));
  app.addHook("onSend", async (request, reply) => {
    reply.header("chitieu-decision", request.id);
  });
  await app.register(fastifySwagger, {
    openapi: { openapi: "3.1.0", info: { title: "chitieu", description: "Submissions of unit reports and evaluations of target policies", version: "1" } },
    transform: jsonSchemaTransform,
  });
  app.get("/openapi.json", { schema: { hide: true } }, () => app.swagger());
  app.get("/health", { schema: { hide: true } }, () => ({ status: "ok" }));
  app.get("/ready", { schema: { hide: true } }, async (request, reply) => {
    const store = await ctx.store.sql.check().catch((error: unknown) => String(error));
    if (store !== "ok") return sendProblem(reply, request, new Problem("not-ready", `the store says: ${store}`));
    return { status: "ready", policies: [...ctx.deployment.policies.keys()], units: ctx.deployment.registry.units.length };
  });
  await app.register(reportRoutes(ctx));
  await app.register(resultRoutes(ctx));
  await app.register(adminRoutes(ctx));
  await app.register(pageRoutes(ctx));
  return app;
}

/**
 * Checks a value against its schema and keeps the value as sent, not zod's copy of it: zod builds
 * objects by assignment, which would turn a field named `__proto__` into a prototype.
 */
function validate(schema: ZodType) {
  return (data: unknown) => {
    const checked = schema.safeParse(data);
    return checked.success ? { value: data } : { error: new Error(checked.error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")) };
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  return reply.code(problem.status).type("application/problem+json").send(problem.body(request.url.split("?")[0] ?? "/"));
}

/** Any error as a problem: ours as thrown, Fastify's by its code, anything else a 500 that says nothing of the inside. */
function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof Problem) return sendProblem(reply, request, error);
  const problem = problemOf(error);
  if (problem.type === "internal") request.log.error({ err: error }, "unexpected error");
  return sendProblem(reply, request, problem);
}

function problemOf(error: FastifyError): Problem {
  if (error.validation) return new Problem(error.validationContext === "body" ? "invalid-body" : "bad-request", error.message);
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new Problem("too-large", error.message);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new Problem("unsupported-media-type", error.message);
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new Problem("bad-request", error.message);
    default:
      if (error.statusCode === 408) return new Problem("timeout", error.message);
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return new Problem("bad-request", error.message);
      return new Problem("internal", "the service failed to answer this request; it is logged under this request's decision id");
  }
}
