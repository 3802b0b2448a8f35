/**
 * HTML built so that text is escaped unless it is markup already: the `html` tag escapes every
 * value it is given (unit names come from files anyone may have written) and passes through only
 * `Markup` that an earlier `html` call made. There is no way to mark a plain string as safe but
 * `trusted`, which the report uses for its own style sheet and script alone.
 */
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
