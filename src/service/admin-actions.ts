/**
 * What an admin does, from the API or from the server's shell: make a token (shown once, kept
 * hashed, in the audit log) and verify the audit log's chain.
 */
import { verifyChain } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { Problem } from "./problems.js";
import { makeToken, type Role } from "./tokens.js";

export async function createToken(ctx: Pick<ServiceContext, "store" | "deployment">, role: Role, unit: string | null, note: string | null, by: string) {
  if ((role === "unit") !== (unit !== null)) throw new Problem("invalid-body", "a unit token names its unit, and only a unit token does");
  if (unit !== null && !ctx.deployment.units.has(unit)) throw new Problem("invalid-body", `no unit \`${unit}\` in the registry`);
  const made = makeToken(role);
  await ctx.store.createToken({ id: made.id, hash: made.hash, role, unit, note, createdAt: new Date().toISOString(), revokedAt: null }, by);
  return { token: made.token, id: made.id, role, unit };
}

/** The whole audit log checked, page by page. */
export async function verifyStore(ctx: Pick<ServiceContext, "store">) {
  const entries = [];
  for (let page = await ctx.store.auditLog(0, 10_000); page.length > 0; page = await ctx.store.auditLog(page.at(-1)?.seq ?? 0, 10_000)) entries.push(...page);
  return verifyChain(entries);
}
