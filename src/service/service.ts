/**
 * A running service: the store opened (SQLite in the deployment folder unless a PostgreSQL URL is
 * given) and migrated, the deployment loaded and checked, the app built. Nothing starts when the
 * policies do not check clean: the messages say why.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Lang } from "../i18n/lang.js";
import { buildApp, type AppOptions } from "./app.js";
import { DEFAULT_LIMITS, type Limits, type ServiceContext } from "./context.js";
import { loadDeployment } from "./deployment.js";
import { Results } from "./results.js";
import type { Sql } from "./store/sql.js";
import { openSqlite } from "./store/sqlite.js";
import { Store } from "./store/store.js";

export interface ServiceOptions extends AppOptions {
  readonly dir: string;
  /** A PostgreSQL URL; the embedded SQLite file DIR/chitieu.db when absent. */
  readonly database?: string | undefined;
  readonly limits?: Partial<Limits>;
  readonly lang?: Lang;
}

export type Started = { readonly ok: true; readonly app: FastifyInstance; readonly ctx: ServiceContext } | { readonly ok: false; readonly problems: readonly string[] };

export async function openStore(dir: string, database: string | undefined): Promise<Store> {
  return Store.open(await sqlOf(dir, database));
}

async function sqlOf(dir: string, database: string | undefined): Promise<Sql> {
  if (database === undefined) return openSqlite(join(dir, "chitieu.db"));
  const { openPostgres } = await import("./store/postgres.js");
  return openPostgres(database);
}

export async function startService(options: ServiceOptions): Promise<Started> {
  const loaded = loadDeployment(options.dir, options.lang);
  if (!loaded.ok) return loaded;
  const store = await openStore(options.dir, options.database);
  const results = new Results(store, loaded.deployment);
  const ctx: ServiceContext = {
    store,
    results,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    deployment: loaded.deployment,
    reload: async (by) => {
      const again = loadDeployment(options.dir, options.lang);
      if (!again.ok) return again;
      ctx.deployment = again.deployment;
      results.invalidate(again.deployment);
      const served = [...again.deployment.policies.values()];
      await store.audit({ at: new Date().toISOString(), actor: by, action: "policy.reload", subject: served.map((p) => p.id).join(","), previous: null, next: served.map((p) => p.revision).join(",") });
      return { ok: true as const };
    },
  };
  const app = await buildApp(ctx, options);
  app.addHook("onClose", () => store.close());
  return { ok: true, app, ctx };
}
