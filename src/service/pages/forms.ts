/**
 * The two bodies plain HTML forms send: url-encoded fields (signing in, signing out) and
 * multipart/form-data with one file (an upload). No multipart package is installed, and the pages
 * need only fields and one file from a body already bounded by the upload limit, so the parts are
 * split here.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

export interface FormPart {
  readonly name: string;
  readonly filename: string | undefined;
  readonly content: Buffer;
}

/** Parsers for the pages' own scope: the API's routes keep theirs. */
export function acceptForms(app: FastifyInstance, limits: { jsonBytes: number; uploadBytes: number }): void {
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string", bodyLimit: limits.jsonBytes }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.addContentTypeParser("multipart/form-data", { parseAs: "buffer", bodyLimit: limits.uploadBytes }, (_request, body, done) => done(null, body));
}

/** A url-encoded form's field, or undefined. */
export function field(request: FastifyRequest, name: string): string | undefined {
  const body = request.body;
  if (typeof body !== "object" || body === null || Buffer.isBuffer(body)) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === "string" ? value : undefined;
}

/** The parts of a multipart body; empty when it is not one. */
export function multipartParts(request: FastifyRequest): FormPart[] {
  const body = request.body;
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.headers["content-type"] ?? "");
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!Buffer.isBuffer(body) || mark === undefined) return [];
  const delimiter = Buffer.from(`\r\n--${mark}`);
  // The first delimiter has no line break before it: one is added so every part is found alike.
  const whole = Buffer.concat([Buffer.from("\r\n"), body]);
  const parts: FormPart[] = [];
  let at = whole.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (whole.subarray(start, start + 2).toString() === "--") break;
    const next = whole.indexOf(delimiter, start);
    if (next < 0) break;
    const part = partOf(whole.subarray(start + 2, next));
    if (part) parts.push(part);
    at = next;
  }
  return parts;
}

function partOf(raw: Buffer): FormPart | undefined {
  const split = raw.indexOf("\r\n\r\n");
  if (split < 0) return undefined;
  const headers = raw.subarray(0, split).toString("utf8");
  const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? "";
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return undefined;
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  return { name, filename, content: raw.subarray(split + 4) };
}
