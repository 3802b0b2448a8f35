/**
 * Results from the stored reports. Each policy's prepared data (checks, running sums, which target
 * applies to which unit) is kept in memory and made again only after a write, so a request for
 * results costs one evaluation, not a read of the store. `knownAt` replays an earlier moment from
 * the versions recorded by then, prepared for that request alone.
 */
import { parsePeriod } from "../data/period.js";
import type { Observation } from "../data/types.js";
import type { PreparedData } from "../evaluate/evaluate.js";
import type { Deployment, ServedPolicy } from "./deployment.js";
import type { ReportVersion, Store } from "./store/store.js";

export interface Prepared {
  readonly data: PreparedData;
  /** Stored reports (latest versions) by unit. */
  readonly reports: ReadonlyMap<string, number>;
}

export class Results {
  /** Bumped by every write: prepared data of an older generation is stale. */
  private generation = 0;
  private readonly prepared = new Map<string, { generation: number; data: Promise<Prepared> }>();

  constructor(
    private readonly store: Store,
    private deployment: Deployment,
  ) {}

  /** After a write, or a reload: the next request prepares again. */
  invalidate(deployment?: Deployment): void {
    this.generation++;
    if (deployment) {
      this.deployment = deployment;
      this.prepared.clear();
    }
  }

  async preparedFor(served: ServedPolicy, knownAt?: string): Promise<PreparedData> {
    return (await this.withReports(served, knownAt)).data;
  }

  /** The prepared data and how many stored reports each unit has in it, for a view of one unit. */
  withReports(served: ServedPolicy, knownAt?: string): Promise<Prepared> {
    if (knownAt !== undefined) return this.store.latest(knownAt).then((versions) => this.prepare(served, versions));
    const cached = this.prepared.get(served.id);
    if (cached && cached.generation === this.generation) return cached.data;
    const data = this.store.latest().then((versions) => this.prepare(served, versions));
    this.prepared.set(served.id, { generation: this.generation, data });
    // A failed read is not kept: the next request tries again.
    data.catch(() => this.prepared.delete(served.id));
    return data;
  }

  private prepare(served: ServedPolicy, versions: readonly ReportVersion[]): Prepared {
    const reports = new Map<string, number>();
    for (const v of versions) reports.set(v.unit, (reports.get(v.unit) ?? 0) + 1);
    return { data: served.evaluator.prepare({ registry: this.deployment.registry, observations: versions.flatMap(observationOf) }), reports };
  }
}

/** A stored version as the evaluator reads a row: its issues cite `unit/period` and the version as the line. */
function observationOf(v: ReportVersion): Observation[] {
  const period = parsePeriod(v.period);
  if (!period) return [];
  return [{ unit: v.unit, period, counts: new Map(Object.entries(v.counts)), source: { file: `${v.unit}/${v.period}`, line: v.version } }];
}
