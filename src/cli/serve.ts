/**
 * `chitieu serve --dir DIR`: the HTTP service over a deployment folder; `--init` makes one from the
 * BR-VT example first. `chitieu token ...` and `chitieu audit verify` work on the same folder's
 * store from the server's shell, where no token is needed.
 */
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import "../text/jitless.js";
import { z } from "zod";
import { createToken, verifyStore } from "../service/admin-actions.js";
import { loadDeployment } from "../service/deployment.js";
import { Problem } from "../service/problems.js";
import { openStore, startService } from "../service/service.js";
import { EXIT, type Output } from "./output.js";
import { packageRoot } from "./package-root.js";

const Where = { dir: z.string().min(1), database: z.string().optional() };

export const ServeOptions = z.object({ ...Where, port: z.coerce.number().int().min(0).max(65535), host: z.string().min(1), init: z.boolean() });
export type ServeOptions = z.infer<typeof ServeOptions>;

export async function serveCommand(options: ServeOptions, io: Output): Promise<number> {
  if (options.init && !initDeployment(options.dir, io)) return EXIT.usage;
  const started = await startService({ dir: options.dir, database: options.database, logger: { level: "info" }, ...(io.lang ? { lang: io.lang } : {}) });
  if (!started.ok) {
    io.err(`chitieu: the service does not start:\n${started.problems.join("\n\n")}\n`);
    return EXIT.problems;
  }
  const { app, ctx } = started;
  const address = await app.listen({ port: options.port, host: options.host });
  io.err(`chitieu: serving ${[...ctx.deployment.policies.keys()].join(", ")} on ${address}\n`);
  // SIGHUP reloads the policies, as OPA and nginx do; a set that does not check clean is logged and not taken.
  const reload = () => void ctx.reload("SIGHUP").then((r) => (r.ok ? app.log.info("policies reloaded") : app.log.error({ problems: r.problems }, "reload refused")));
  process.on("SIGHUP", reload);
  const stop = () => void app.close();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  await new Promise<void>((resolve) => app.server.once("close", () => resolve()));
  process.off("SIGHUP", reload);
  return EXIT.ok;
}

/** A deployment from the BR-VT example: its policy (and what it imports) and its registry. */
function initDeployment(dir: string, io: Output): boolean {
  if (existsSync(join(dir, "policies"))) {
    io.err(`chitieu: ${dir} already has policies; --init makes a new deployment only\n`);
    return false;
  }
  const root = packageRoot();
  mkdirSync(join(dir, "policies", "shared"), { recursive: true });
  copyFileSync(join(root, "policies", "brvt-2139-2022.ct"), join(dir, "policies", "brvt-2139-2022.ct"));
  copyFileSync(join(root, "policies", "shared", "vn-tiers.ct"), join(dir, "policies", "shared", "vn-tiers.ct"));
  copyFileSync(join(root, "examples", "brvt-2022", "units.csv"), join(dir, "units.csv"));
  io.err(`chitieu: made a deployment in ${dir} from the BR-VT example; make a token with: chitieu token create --dir ${dir} --office\n`);
  return true;
}

export const TokenOptions = z.object({ ...Where, unit: z.string().optional(), office: z.boolean(), admin: z.boolean(), note: z.string().optional() });
export type TokenOptions = z.infer<typeof TokenOptions>;

/** `token create` prints the token once; `token list` every token's id; `token revoke ID`. */
export async function tokenCommand(action: string, id: string | undefined, options: TokenOptions, io: Output): Promise<number> {
  const loaded = loadDeployment(options.dir);
  if (!loaded.ok) {
    io.err(`chitieu: ${loaded.problems.join("\n")}\n`);
    return EXIT.problems;
  }
  const store = await openStore(options.dir, options.database);
  try {
    return await tokenAction(action, id, options, { store, deployment: loaded.deployment }, io);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    io.err(`chitieu: ${error.detail}\n`);
    return EXIT.usage;
  } finally {
    await store.close();
  }
}

async function tokenAction(action: string, id: string | undefined, options: TokenOptions, ctx: Parameters<typeof createToken>[0], io: Output): Promise<number> {
  switch (action) {
    case "create": {
      const roles = [options.unit !== undefined && "unit", options.office && "office", options.admin && "admin"].filter((r): r is "unit" | "office" | "admin" => r !== false);
      if (roles.length !== 1) throw new Problem("invalid-body", "give one of --unit ID, --office or --admin");
      const made = await createToken(ctx, roles[0] ?? "office", options.unit ?? null, options.note ?? null, "cli");
      io.out(`${made.token}\n`);
      io.err(`chitieu: token ${made.id} (${made.role}${made.unit ? ` of ${made.unit}` : ""}) made; it is shown this once\n`);
      return EXIT.ok;
    }
    case "list":
      for (const t of await ctx.store.tokens()) io.out(`${t.id}\t${t.role}\t${t.unit ?? ""}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : "live"}\t${t.note ?? ""}\n`);
      return EXIT.ok;
    case "revoke":
      if (id === undefined || !(await ctx.store.revokeToken(id, "cli", new Date().toISOString()))) throw new Problem("not-found", `no live token \`${id ?? ""}\``);
      io.err(`chitieu: token ${id} revoked\n`);
      return EXIT.ok;
    default:
      throw new Problem("bad-request", `\`${action}\` is not create, list or revoke`);
  }
}

export const AuditOptions = z.object(Where);

/** `chitieu audit verify`: exit 0 when the chain is whole, 1 naming the first entry that is not. */
export async function auditCommand(options: z.infer<typeof AuditOptions>, io: Output): Promise<number> {
  const store = await openStore(options.dir, options.database);
  try {
    const problem = await verifyStore({ store });
    const count = (await store.auditLog(0, 1)).length === 0 ? 0 : undefined;
    if (problem === undefined) {
      io.out(`audit log verified${count === 0 ? " (empty)" : ""}\n`);
      return EXIT.ok;
    }
    io.out(problem.kind === "gap" ? `audit log broken: entry ${problem.seq} follows ${problem.after}; entries are missing\n` : `audit log broken: entry ${problem.seq} was changed\n`);
    return EXIT.problems;
  } finally {
    await store.close();
  }
}
