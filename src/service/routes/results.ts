/**
 * Results and policies. `GET /v1/results` evaluates the stored reports under a policy on a date
 * (and, with `knownAt`, as they were recorded at a moment); the HTML report and the workbook are
 * the same evaluation as files; `POST /v1/evaluate` scores data sent in the body and keeps nothing;
 * `GET /v1/policies` lists what is served. Every answer names the policy's revision and its decision id.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { readData } from "../../data/load.js";
import { evaluationHistory } from "../../evaluate/history.js";
import type { Evaluation } from "../../evaluate/result.js";
import { reportHtml } from "../../report/html.js";
import { resultsWorkbook } from "../../report/workbook.js";
import { schedulesByTier, schedulesJson } from "../../schedule/by-tier.js";
import { parseDate, type IsoDate } from "../../time/calendar.js";
import { callerOf } from "../access.js";
import type { ServiceContext } from "../context.js";
import type { ServedPolicy } from "../deployment.js";
import { Problem } from "../problems.js";
import type { Caller } from "../tokens.js";

const Query = z.object({
  policy: z.string().min(1).max(200),
  asOf: z.string().min(1).max(20).describe("2022-11-30 or 30/11/2022"),
  knownAt: z.string().max(40).optional().describe("an ISO time: the reports as recorded then"),
  unit: z.string().max(200).optional(),
  lang: z.enum(["vi", "en"]).optional(),
});
type Query = z.infer<typeof Query>;

const EvaluateBody = z
  .object({
    policy: z.string().min(1).max(200),
    asOf: z.string().min(1).max(20),
    units: z.array(z.record(z.string(), z.unknown())).max(200_000),
    data: z.array(z.record(z.string(), z.unknown())).max(200_000),
    merges: z.array(z.record(z.string(), z.unknown())).max(200_000).optional(),
  })
  .strict();

export const resultRoutes = (ctx: ServiceContext) => (app: FastifyInstance): Promise<void> => {
  app.get("/v1/policies", { schema: { tags: ["policies"], summary: "The policies served, with their revisions and schedules" } }, async (request) => {
    await callerOf(request, ctx.store, "unit");
    return { policies: [...ctx.deployment.policies.values()].map((p) => ({ id: p.id, title: p.title ?? null, revision: p.revision, schedules: schedulesJson(p.policy, schedulesByTier(p.policy)).schedules })) };
  });

  app.get("/v1/results", { schema: { querystring: Query, tags: ["results"], summary: "Results of a policy on a date, from the stored reports" } }, async (request) => {
    const { served, evaluation } = await evaluated(ctx, request);
    return { decision: request.id, revision: served.revision, ...evaluation };
  });

  app.get("/v1/results/report.html", { schema: { querystring: Query, tags: ["results"], summary: "The HTML report" } }, async (request, reply) => {
    const { served, evaluation, query } = await evaluated(ctx, request, "office");
    const prepared = await ctx.results.preparedFor(served, knownAtOf(query.knownAt));
    const history = evaluationHistory(served.evaluator, prepared, evaluation.asOf as IsoDate);
    return reply.type("text/html; charset=utf-8").send(reportHtml(evaluation, served.policy, history, { units: ctx.deployment.registry.units, lang: query.lang ?? "vi" }));
  });

  app.get("/v1/results/results.xlsx", { schema: { querystring: Query, tags: ["results"], summary: "The results workbook" } }, async (request, reply) => {
    const { served, evaluation, query } = await evaluated(ctx, request, "office");
    const book = await resultsWorkbook(evaluation, served.policy, { units: ctx.deployment.registry.units, lang: query.lang ?? "vi" });
    return reply.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").header("content-disposition", `attachment; filename="${served.id}-${evaluation.asOf}.xlsx"`).send(Buffer.from(book));
  });

  app.post("/v1/evaluate", { bodyLimit: ctx.limits.uploadBytes, schema: { body: EvaluateBody, tags: ["results"], summary: "Score units and data sent in the body; nothing is stored" } }, async (request) => {
    await callerOf(request, ctx.store, "unit");
    const body = request.body as z.infer<typeof EvaluateBody>;
    const served = policyOf(ctx, body.policy);
    const asOf = dateOf(body.asOf);
    const json = (role: "units" | "merges" | "data", rows: readonly unknown[]) => ({ role, file: `${role}.json`, content: JSON.stringify(rows), format: "json" as const });
    const read = await readData(served.policy, [json("units", body.units), ...(body.merges ? [json("merges", body.merges)] : []), json("data", body.data)]);
    const evaluation = served.evaluator.evaluate(served.evaluator.prepare(read), { asOf });
    return { decision: request.id, revision: served.revision, ...evaluation };
  });
  return Promise.resolve();
};

function policyOf(ctx: ServiceContext, id: string): ServedPolicy {
  const served = ctx.deployment.policies.get(id);
  if (!served) throw new Problem("unknown-policy", `no policy \`${id}\` is served; GET /v1/policies lists them`);
  return served;
}

function dateOf(text: string): IsoDate {
  const date = parseDate(text);
  if (!date) throw new Problem("bad-request", `\`${text}\` is not a date such as 2022-11-30 or 30/11/2022`);
  return date;
}

function knownAtOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new Problem("bad-request", `\`${text}\` is not a time such as 2022-12-05T10:00:00Z`);
  return new Date(time).toISOString();
}

async function evaluated(ctx: ServiceContext, request: FastifyRequest, access: "unit" | "office" = "unit"): Promise<{ served: ServedPolicy; evaluation: Evaluation; query: Query }> {
  const caller = await callerOf(request, ctx.store, access);
  const query = request.query as Query;
  const served = policyOf(ctx, query.policy);
  const asOf = dateOf(query.asOf);
  const prepared = await ctx.results.withReports(served, knownAtOf(query.knownAt));
  const evaluation = served.evaluator.evaluate(prepared.data, { asOf });
  return { served, evaluation: forCaller(evaluation, caller, query.unit, prepared.reports), query };
}

/**
 * A unit token sees its own unit's results, scores, issues and row tallies only, nothing of the
 * deployment's; anyone may narrow to one unit.
 */
function forCaller(evaluation: Evaluation, caller: Caller, unit: string | undefined, reports: ReadonlyMap<string, number>): Evaluation {
  if (caller.role === "unit" && unit !== undefined && unit !== caller.unit) throw new Problem("forbidden", `${caller.id} reads the results of \`${caller.unit ?? ""}\` only`);
  const only = caller.role === "unit" ? caller.unit : unit;
  if (only === undefined || only === null) return evaluation;
  const dataIssues = evaluation.dataIssues.filter((i) => i.file.startsWith(`${only}/`));
  const read = reports.get(only) ?? 0;
  // A stored report the checks reject is one of its issues' files (`unit/period`, the version as the line).
  const rejected = new Set(dataIssues.filter((i) => i.rejected).map((i) => i.file)).size;
  // Groups sum other units' counts: a unit sees none of them, for targets, scores or indexes.
  const scoreExtras = {
    ...(evaluation.scoreGroups ? { scoreGroups: [] } : {}),
    ...(evaluation.indexes ? { indexes: evaluation.indexes.filter((s) => s.unit === only), indexGroups: [] } : {}),
  };
  return {
    ...evaluation,
    results: evaluation.results.filter((r) => r.unit === only),
    scores: evaluation.scores.filter((s) => s.unit === only),
    ...scoreExtras,
    groups: [],
    dataIssues,
    rows: { read, used: read - rejected, rejected },
    files: [],
  };
}
