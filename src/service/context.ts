/**
 * What every route works with: the store, the deployment being served (swapped whole by a reload),
 * the results cache, and the service's limits.
 */
import type { Deployment } from "./deployment.js";
import type { Results } from "./results.js";
import type { Store } from "./store/store.js";

export interface Limits {
  /** Bytes of a JSON request body. */
  readonly jsonBytes: number;
  /** Bytes of an uploaded file. */
  readonly uploadBytes: number;
  /** Rows of one upload. */
  readonly uploadRows: number;
  /** Milliseconds a request may take to arrive. */
  readonly requestTimeout: number;
}

export const DEFAULT_LIMITS: Limits = { jsonBytes: 1024 * 1024, uploadBytes: 32 * 1024 * 1024, uploadRows: 200_000, requestTimeout: 30_000 };

export interface ServiceContext {
  readonly store: Store;
  readonly results: Results;
  readonly limits: Limits;
  deployment: Deployment;
  /** Loads the deployment folder again; the new one serves only when it checks clean, and is audited as `by`'s. */
  readonly reload: (by: string) => Promise<{ ok: true } | { ok: false; problems: readonly string[] }>;
}
