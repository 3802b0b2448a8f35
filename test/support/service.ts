/**
 * A test deployment of `chitieu serve`: the BR-VT policy and registry copied into a new folder, as
 * `serve --init` does, the service started on it (SQLite in the folder, or a scratch PostgreSQL
 * database), and tokens of each role made as `chitieu token create` makes them.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createToken } from "../../src/service/admin-actions.js";
import type { Limits, ServiceContext } from "../../src/service/context.js";
import { startService } from "../../src/service/service.js";
import type { Role } from "../../src/service/tokens.js";

export function makeDeployment(): string {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-serve-"));
  mkdirSync(join(dir, "policies", "shared"), { recursive: true });
  copyFileSync("policies/brvt-2139-2022.ct", join(dir, "policies", "brvt-2139-2022.ct"));
  copyFileSync("policies/shared/vn-tiers.ct", join(dir, "policies", "shared", "vn-tiers.ct"));
  copyFileSync("examples/brvt-2022/units.csv", join(dir, "units.csv"));
  return dir;
}

export interface TestService {
  readonly dir: string;
  readonly app: FastifyInstance;
  readonly ctx: ServiceContext;
  /** A token of the role (of `unit` for a unit token). */
  token(role: Role, unit?: string): Promise<string>;
  close(): Promise<void>;
}

export async function testService(options: { database?: string | undefined; limits?: Partial<Limits> } = {}): Promise<TestService> {
  const dir = makeDeployment();
  const started = await startService({ dir, database: options.database, logger: false, ...(options.limits ? { limits: options.limits } : {}) });
  if (!started.ok) throw new Error(started.problems.join("\n"));
  const { app, ctx } = started;
  await app.ready();
  return {
    dir,
    app,
    ctx,
    token: async (role, unit) => (await createToken(ctx, role, role === "unit" ? (unit ?? "so-y-te") : null, null, "test")).token,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
