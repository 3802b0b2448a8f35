/**
 * HTML built so that text is escaped unless it is markup already: the `html` tag escapes every
 * value it is given (unit names come from files anyone may have written) and passes through only
 * `Markup` that an earlier `html` call made. There is no way to mark a plain string as safe but
 * `trusted`, which the report uses for its own style sheet and script alone.
 */
import { createHash } from "node:crypto";
import { printable } from "../text/printable.js";

export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Markup | string | number | boolean | null | undefined | readonly Value[];

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escaped for text and for attribute values in double or single quotes. */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function render(value: Value): string {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: readonly Value[]): Markup {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Markup(out);
}

/** Text the program itself wrote (its style sheet, its script), never data. */
export const trusted = (text: string): Markup => new Markup(text);

/**
 * The Content-Security-Policy of a self-contained page whose one script is `script`: that script
 * runs (by its hash), inline styles apply (charts and the editor set them), and nothing else may
 * run, load or connect.
 */
export function onlyScriptCsp(script: string): string {
  const hash = createHash("sha256").update(script).digest("base64");
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** The start of a self-contained page, to its `<body>`: its language, title, styles, and a CSP that lets only `script` run. */
export const pageHead = (lang: string, title: Value, css: string, script: string): Markup => html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${onlyScriptCsp(script)}">
<title>${title}</title>
<style>${trusted(css)}</style>
</head>`;
