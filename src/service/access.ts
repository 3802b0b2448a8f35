/**
 * Who may do what. A unit token submits and reads its own unit only; an office token reads every
 * unit and submits for any; an admin token does what an office does and manages tokens, policies
 * and the audit log. A route names the least role it needs; a unit's own routes check the unit too.
 */
import type { FastifyRequest } from "fastify";
import { Problem } from "./problems.js";
import type { Store } from "./store/store.js";
import { tokenHash, type Caller, type Role } from "./tokens.js";

export type Access = "public" | Role;

const RANK: Record<Role, number> = { unit: 0, office: 1, admin: 2 };

/** The caller of a request, or a 401 problem; a route for `office` or `admin` also refuses lesser roles. */
export async function callerOf(request: FastifyRequest, store: Store, access: Exclude<Access, "public">): Promise<Caller> {
  const header = request.headers.authorization ?? "";
  const presented = /^Bearer (\S+)$/i.exec(header)?.[1];
  const hash = presented === undefined ? undefined : tokenHash(presented);
  const caller = hash === undefined ? undefined : await store.caller(hash);
  if (!caller) throw new Problem("unauthorized", header === "" ? "send an API token as `Authorization: Bearer ct_...`" : "the token is unknown or revoked");
  if (RANK[caller.role] < RANK[access]) throw new Problem("forbidden", `this needs an ${access} token; ${caller.id} is a ${caller.role} token`);
  return caller;
}

/** A unit token may act for its own unit only. */
export function mayActFor(caller: Caller, unit: string): void {
  if (caller.role === "unit" && caller.unit !== unit) throw new Problem("forbidden", `${caller.id} is the token of unit \`${caller.unit ?? ""}\`, not of \`${unit}\``);
}
