/**
 * The frame of every page: the report's style sheet and a few rules of the pages' own, a strict
 * Content Security Policy (nothing loads, no script runs, forms post only here), the language
 * switch and the sign-out button. Pages work without script: forms and links do everything.
 */
import type { FastifyReply } from "fastify";
import type { Lang } from "../../i18n/lang.js";
import { html, trusted, type Markup } from "../../report/markup.js";
import { REPORT_CSS } from "../../report/report-style.js";
import type { Caller } from "../tokens.js";
import { PAGE_WORDS } from "./words.js";

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const PAGE_CSS = `
header.report .who { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-top: 8px; font-size: 13.5px; }
header.report a { color: #fff; }
header.report form { display: inline; margin: 0; }
form.stack { display: grid; gap: 8px; max-width: 560px; }
form.inline { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; }
form.inline label, form.stack label { display: grid; gap: 3px; font-weight: 600; font-size: 13px; }
input, select, button { font: inherit; padding: 7px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
button, .button { background: #0f2f57; color: #fff; border-color: #0f2f57; cursor: pointer; text-decoration: none; display: inline-block; border-radius: 6px; padding: 7px 12px; }
header.report button { background: transparent; border-color: #93c5fd; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.notice { border-left: 4px solid var(--missed); background: var(--missed-bg); padding: 10px 14px; border-radius: 6px; }
.ok { border-left: 4px solid var(--met); background: var(--met-bg); padding: 10px 14px; border-radius: 6px; }
ul.links { display: flex; flex-wrap: wrap; gap: 8px 18px; padding: 0; list-style: none; }
#periods ul { margin: 0; padding-left: 16px; }
#periods td:nth-child(3) { min-width: 16em; }
.was { display: block; color: var(--muted); font-size: 12px; }
@media (max-width: 640px) { main { padding: 12px; } table { font-size: 12.5px; } header.report h1 { font-size: 18px; } }
`;

/** A link to a page in a language, with its query. */
export function link(path: string, lang: Lang, query: Readonly<Record<string, string | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, v);
  if (lang === "en") params.set("lang", "en");
  const text = params.toString();
  return text === "" ? path : `${path}?${text}`;
}

export interface Frame {
  readonly lang: Lang;
  readonly title: string;
  /** The page's own address with its query but its language, for the switch. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly caller?: Caller;
  readonly csrf?: string;
}

export function page(frame: Frame, body: Markup): string {
  const w = PAGE_WORDS[frame.lang];
  const other: Lang = frame.lang === "vi" ? "en" : "vi";
  return html`<!DOCTYPE html>
<html lang="${frame.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${frame.title} · ${w.app}</title>
<style>${trusted(REPORT_CSS + PAGE_CSS)}</style>
</head>
<body>
<header class="report"><div class="inner">
<p class="kicker">${w.app}</p>
<h1>${frame.title}</h1>
<div class="who"><a href="${link(frame.path, other, frame.query)}" hreflang="${other}" lang="${other}">${w.otherLang}</a>
${frame.caller && frame.csrf !== undefined ? html`<span>${frame.caller.id}</span><form method="post" action="${link("/pages/sign-out", frame.lang)}"><input type="hidden" name="csrf" value="${frame.csrf}"><button type="submit">${w.signOut}</button></form>` : ""}
</div>
</div></header>
<main>
${body}
</main>
</body>
</html>
`.text;
}

export function sendPage(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).header("content-security-policy", PAGE_CSP).header("x-content-type-options", "nosniff").header("cache-control", "no-store").type("text/html; charset=utf-8").send(text);
}
