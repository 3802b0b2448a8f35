/**
 * Page sessions. Signing in with a token makes a random session id, kept in memory with the
 * token's hash (never the token) and a form token against cross-site posts; the browser holds only
 * the id, in an HttpOnly, SameSite=Strict cookie (Secure over https). Every request looks the
 * caller up again by the hash, so a revoked token ends its sessions at once. A restart signs
 * everyone out, which is fine for a clerk who signs in with a pasted token.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Store } from "../store/store.js";
import type { Caller } from "../tokens.js";

const COOKIE = "chitieu_session";
const LIFETIME_MS = 8 * 60 * 60 * 1000;

export interface Session {
  readonly hash: string;
  /** The form token every form posts back. */
  readonly csrf: string;
  readonly expires: number;
  /** What the last upload answered, shown once after the redirect that follows it. */
  flash?: unknown;
}

export interface Signed {
  readonly caller: Caller;
  readonly session: Session;
}

const random = (): string => randomBytes(24).toString("base64url");

export class Sessions {
  private readonly open = new Map<string, Session>();

  start(reply: FastifyReply, request: FastifyRequest, hash: string): void {
    this.sweep();
    const id = random();
    this.open.set(id, { hash, csrf: random(), expires: Date.now() + LIFETIME_MS });
    reply.header("set-cookie", cookie(request, id, LIFETIME_MS / 1000));
  }

  end(reply: FastifyReply, request: FastifyRequest): void {
    const id = idOf(request);
    if (id !== undefined) this.open.delete(id);
    reply.header("set-cookie", cookie(request, "", 0));
  }

  /** The signed-in caller, or undefined when there is no live session or its token was revoked. */
  async signed(request: FastifyRequest, store: Store): Promise<Signed | undefined> {
    const id = idOf(request);
    const session = id === undefined ? undefined : this.open.get(id);
    if (!session || session.expires < Date.now()) return undefined;
    const caller = await store.caller(session.hash);
    return caller && { caller, session };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, s] of this.open) if (s.expires < now) this.open.delete(id);
  }
}

/** The form token sent matches the session's, compared in constant time. */
export function formTokenOk(session: Session, sent: string | undefined): boolean {
  if (sent === undefined) return false;
  const [a, b] = [Buffer.from(session.csrf), Buffer.from(sent)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function idOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === COOKIE && value) return value;
  }
  return undefined;
}

function cookie(request: FastifyRequest, value: string, maxAge: number): string {
  const secure = request.protocol === "https" ? "; Secure" : "";
  return `${COOKIE}=${value}; Path=/pages; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}
