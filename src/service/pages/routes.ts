/**
 * The pages for units and offices under /pages: sign in by pasting a token, a unit's page with its
 * template and upload, the office's page with the reminder list, and the report files through the
 * page's session. Every form works without script; every post carries the session's form token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { evaluationHistory } from "../../evaluate/history.js";
import type { Lang } from "../../i18n/lang.js";
import { html } from "../../report/markup.js";
import { reportHtml } from "../../report/html.js";
import { reportTemplate } from "../../report/template.js";
import { resultsWorkbook } from "../../report/workbook.js";
import type { ServiceContext } from "../context.js";
import { tokenHash } from "../tokens.js";
import { acceptForms, field, multipartParts } from "./forms.js";
import { link, page, sendPage } from "./layout.js";
import { officeBody, remindersWorkbook, unitReports } from "./office-page.js";
import { formTokenOk, Sessions, type Signed } from "./session.js";
import { asOfOf, policyOf, standingOf, type Standing } from "./standing.js";
import { unitBody } from "./unit-page.js";
import { takeUpload, type UploadAnswer } from "./upload.js";
import { PAGE_WORDS } from "./words.js";

type Query = Readonly<Record<string, string | undefined>>;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const langOf = (request: FastifyRequest): Lang => ((request.query as Query).lang === "en" ? "en" : "vi");
const queryOf = (request: FastifyRequest): Query => request.query as Query;
/** A request without an Origin (not from a browser form), or from this service's own pages. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

const pathOf = (request: FastifyRequest): string => request.url.split("?")[0] ?? "/pages";

export const pageRoutes = (ctx: ServiceContext) => (app: FastifyInstance): Promise<void> => {
  const sessions = new Sessions();
  acceptForms(app, ctx.limits);

  /** The signed-in caller allowed here; otherwise the answer (sign-in form, or a refusal) is sent and undefined returned. */
  async function guard(request: FastifyRequest, reply: FastifyReply, unit?: string): Promise<Signed | undefined> {
    const lang = langOf(request);
    const signed = await sessions.signed(request, ctx.store);
    if (!signed) {
      await signInPage(reply, lang, 401);
      return undefined;
    }
    const { caller } = signed;
    const allowed = unit === undefined ? caller.role !== "unit" : caller.role !== "unit" || caller.unit === unit;
    if (allowed) return signed;
    const body = html`<p class="notice" id="refused">${PAGE_WORDS[lang].refused(caller.id)}</p><p><a href="${link(homeOf(signed), lang)}">${PAGE_WORDS[lang].openUnit}</a></p>`;
    await sendPage(reply, 403, page({ lang, title: PAGE_WORDS[lang].app, path: pathOf(request), caller, csrf: signed.session.csrf }, body));
    return undefined;
  }

  function signInPage(reply: FastifyReply, lang: Lang, status: number, message?: string) {
    const w = PAGE_WORDS[lang];
    const body = html`<section class="card"><h2>${w.signIn}</h2>${message ? html`<p class="notice" role="alert">${message}</p>` : ""}
<form class="stack" method="post" action="${link("/pages/sign-in", lang)}">
<label for="token">${w.token}</label>
<input id="token" name="token" type="password" autocomplete="off" required aria-describedby="token-help">
<span id="token-help" class="meta">${w.signInHelp}</span>
<div><button type="submit">${w.signIn}</button></div>
</form></section>`;
    return sendPage(reply, status, page({ lang, title: w.signIn, path: "/pages" }, body));
  }

  /** A posted form's token checked; a stale one answers the page that says so. */
  async function formOk(request: FastifyRequest, reply: FastifyReply, signed: Signed, sent: string | undefined): Promise<boolean> {
    if (formTokenOk(signed.session, sent)) return true;
    const lang = langOf(request);
    await sendPage(reply, 403, page({ lang, title: PAGE_WORDS[lang].app, path: "/pages", caller: signed.caller, csrf: signed.session.csrf }, html`<p class="notice" id="stale">${PAGE_WORDS[lang].expired}</p>`));
    return false;
  }

  app.get("/pages", { schema: { hide: true } }, async (request, reply) => {
    const signed = await sessions.signed(request, ctx.store);
    if (signed) return reply.redirect(link(homeOf(signed), langOf(request)), 303);
    return signInPage(reply, langOf(request), 200);
  });

  app.post("/pages/sign-in", { schema: { hide: true } }, async (request, reply) => {
    const lang = langOf(request);
    // Signing in has no session yet to hold a form token: a form posted from another site (which would
    // sign the clerk in as someone else) is told apart by the Origin the browser sends with it. The
    // pages' referrer policy is same-origin, not no-referrer, under which browsers send `Origin: null`.
    if (!sameOrigin(request)) return signInPage(reply, lang, 403, PAGE_WORDS[lang].otherSite);
    const hash = tokenHash((field(request, "token") ?? "").trim());
    const caller = hash === undefined ? undefined : await ctx.store.caller(hash);
    if (!caller || hash === undefined) return signInPage(reply, lang, 401, PAGE_WORDS[lang].badToken);
    sessions.start(reply, request, hash);
    return reply.redirect(link(caller.role === "unit" && caller.unit !== null ? unitPath(caller.unit) : "/pages/office", lang), 303);
  });

  app.post("/pages/sign-out", { schema: { hide: true } }, async (request, reply) => {
    const signed = await sessions.signed(request, ctx.store);
    if (signed && !(await formOk(request, reply, signed, field(request, "csrf")))) return reply;
    sessions.end(reply, request);
    return reply.redirect(link("/pages", langOf(request)), 303);
  });

  app.get("/pages/unit/:unit", { schema: { hide: true } }, async (request, reply) => {
    const unitId = (request.params as { unit: string }).unit;
    const signed = await guard(request, reply, unitId);
    if (!signed) return reply;
    const lang = langOf(request);
    const unit = ctx.deployment.units.get(unitId);
    const standing = await standingFor(request);
    if (!unit || !standing) return sendPage(reply, 404, page({ lang, title: PAGE_WORDS[lang].app, path: pathOf(request) }, html`<p class="notice">${unitId}?</p>`));
    const answer = signed.session.flash as UploadAnswer | undefined;
    signed.session.flash = undefined;
    const body = await unitBody(ctx, { lang, unit, standing, csrf: signed.session.csrf, answer: answer?.unit === unit.id ? answer : undefined });
    return sendPage(reply, 200, page({ lang, title: `${unit.name}`, path: pathOf(request), query: queryOf(request), caller: signed.caller, csrf: signed.session.csrf }, body));
  });

  app.get("/pages/unit/:unit/template.xlsx", { schema: { hide: true } }, async (request, reply) => {
    const unitId = (request.params as { unit: string }).unit;
    if (!(await guard(request, reply, unitId))) return reply;
    const served = policyOf(ctx, queryOf(request).policy);
    const unit = ctx.deployment.units.get(unitId);
    if (!served || !unit) return reply.code(404).send();
    const period = /^\d{4}-\d{2}$/.test(queryOf(request).period ?? "") ? queryOf(request).period : undefined;
    const book = await reportTemplate(served.policy, { units: [unit], lang: langOf(request), ...(period ? { period } : {}) });
    return reply.type(XLSX).header("content-disposition", `attachment; filename="${fileSafe(`${unit.id}-${period ?? served.id}`)}.xlsx"`).send(Buffer.from(book));
  });

  app.post("/pages/unit/:unit/upload", { bodyLimit: ctx.limits.uploadBytes, schema: { hide: true } }, async (request, reply) => {
    const unitId = (request.params as { unit: string }).unit;
    const signed = await guard(request, reply, unitId);
    if (!signed) return reply;
    const parts = multipartParts(request);
    const csrf = parts.find((p) => p.name === "csrf")?.content.toString("utf8");
    if (!(await formOk(request, reply, signed, csrf))) return reply;
    signed.session.flash = await takeUpload(ctx, signed.caller, unitId, parts.find((p) => p.name === "file" && p.filename !== undefined));
    const { policy, asOf } = queryOf(request);
    return reply.redirect(`${link(unitPath(unitId), langOf(request), { policy, asOf })}#answer`, 303);
  });

  app.get("/pages/office", { schema: { hide: true } }, async (request, reply) => {
    const signed = await guard(request, reply);
    if (!signed) return reply;
    const lang = langOf(request);
    const standing = await standingFor(request);
    if (!standing) return reply.code(404).send();
    const q = queryOf(request);
    const body = officeBody(ctx, standing, { period: q.period, tier: q.tier, parent: q.parent, search: q.q, sort: q.sort, dir: q.dir }, lang);
    return sendPage(reply, 200, page({ lang, title: PAGE_WORDS[lang].office, path: "/pages/office", query: q, caller: signed.caller, csrf: signed.session.csrf }, body));
  });

  app.get("/pages/office/reminders.xlsx", { schema: { hide: true } }, async (request, reply) => {
    if (!(await guard(request, reply))) return reply;
    const standing = await standingFor(request);
    if (!standing) return reply.code(404).send();
    const q = queryOf(request);
    const { period, rows } = unitReports(ctx, standing, { period: q.period, tier: q.tier, parent: q.parent, search: q.q });
    const book = await remindersWorkbook(rows, period ?? "", langOf(request));
    return reply.type(XLSX).header("content-disposition", `attachment; filename="${fileSafe(`reminders-${period ?? ""}`)}.xlsx"`).send(Buffer.from(book));
  });

  app.get("/pages/office/report.html", { schema: { hide: true } }, async (request, reply) => {
    if (!(await guard(request, reply))) return reply;
    const standing = await standingFor(request);
    if (!standing) return reply.code(404).send();
    const history = evaluationHistory(standing.served.evaluator, await ctx.results.preparedFor(standing.served), standing.asOf);
    // The report carries its own Content Security Policy, which lets its script run.
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(reportHtml(standing.evaluation, standing.served.policy, history, { units: ctx.deployment.registry.units, lang: langOf(request) }));
  });

  app.get("/pages/office/results.xlsx", { schema: { hide: true } }, async (request, reply) => {
    if (!(await guard(request, reply))) return reply;
    const standing = await standingFor(request);
    if (!standing) return reply.code(404).send();
    const book = await resultsWorkbook(standing.evaluation, standing.served.policy, { units: ctx.deployment.registry.units, lang: langOf(request) });
    return reply.type(XLSX).header("content-disposition", `attachment; filename="${fileSafe(`${standing.served.id}-${standing.asOf}`)}.xlsx"`).send(Buffer.from(book));
  });

  async function standingFor(request: FastifyRequest): Promise<Standing | undefined> {
    const q = queryOf(request);
    const served = policyOf(ctx, q.policy);
    return served && standingOf(ctx, served, asOfOf(served, q.asOf));
  }
  return Promise.resolve();
};

const unitPath = (unit: string): string => `/pages/unit/${encodeURIComponent(unit)}`;

function homeOf(signed: Signed): string {
  return signed.caller.role === "unit" && signed.caller.unit !== null ? unitPath(signed.caller.unit) : "/pages/office";
}

/** A download's name: letters, digits, dots and dashes only, so the header needs no quoting rules. */
const fileSafe = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, "_");
