/**
 * A deployment folder, as `chitieu serve --dir DIR` reads it:
 *
 *   DIR/policies/*.ct    the policies served, each checked clean before the service starts
 *   DIR/units.csv        the unit registry (or units.json, units.xlsx)
 *   DIR/merges.csv       merges, if any
 *   DIR/chitieu.db       the embedded store, made on first start
 *
 * Loading never throws: what is wrong comes back as messages, and the service refuses to start on them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { formatOfPath, readingOf } from "../data/load.js";
import { readMerges, readUnitFiles } from "../data/registry.js";
import type { DataIssue, Registry, RegistryUnit } from "../data/types.js";
import { renderDiagnostics } from "../diagnostics/render.js";
import { compileEvaluator, type Evaluator } from "../evaluate/evaluate.js";
import type { ReadFile } from "../check/load.js";
import { compileFile, policyReader } from "../files/policy.js";
import type { Lang } from "../i18n/lang.js";
import type { Policy } from "../model/policy.js";
import { sha256 } from "./audit.js";

export interface ServedPolicy {
  readonly id: string;
  readonly title: string | undefined;
  readonly file: string;
  /** The SHA-256 of the policy's sources (the file and its imports, by name): which text decided. */
  readonly revision: string;
  readonly policy: Policy;
  readonly evaluator: Evaluator;
}

export interface Deployment {
  readonly dir: string;
  readonly policies: ReadonlyMap<string, ServedPolicy>;
  readonly registry: Registry;
  /** The registry's units by id, made once: requests look units up, never scan 40,000 of them. */
  readonly units: ReadonlyMap<string, RegistryUnit>;
  /** Their ids, as the readers take them. */
  readonly unitIds: ReadonlySet<string>;
  readonly registryIssues: readonly DataIssue[];
  /** The fields every policy reads, for reading submissions once for all of them. */
  readonly reading: ReturnType<typeof readingOf>;
}

export type Loaded = { readonly ok: true; readonly deployment: Deployment } | { readonly ok: false; readonly problems: readonly string[] };

export function loadDeployment(dir: string, lang: Lang = "en"): Loaded {
  const policies = loadPolicies(join(dir, "policies"), lang);
  if (!policies.ok) return policies;
  const registry = loadRegistry(dir, policies.served);
  if (!registry.ok) return registry;
  const served = new Map(policies.served.map((p) => [p.id, p]));
  const units = new Map(registry.registry.units.map((u) => [u.id, u]));
  return { ok: true, deployment: { dir, policies: served, registry: registry.registry, units, unitIds: new Set(units.keys()), registryIssues: registry.issues, reading: unionReading(policies.served) } };
}

function loadPolicies(folder: string, lang: Lang): { ok: true; served: ServedPolicy[] } | { ok: false; problems: string[] } {
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".ct")).sort() : [];
  if (files.length === 0) return { ok: false, problems: [`no policy (.ct) in ${folder}`] };
  const served: ServedPolicy[] = [];
  const problems: string[] = [];
  // Named from the deployment folder (`policies/x.ct`), so that answers cite the policy, not where the server keeps it.
  const base = dirname(folder);
  const reader = policyReader(folder);
  const read: ReadFile = Object.assign((path: string) => reader(resolve(base, path)), { identify: (path: string) => reader.identify?.(resolve(base, path)) ?? resolve(base, path) });
  for (const name of files) {
    const file = join(basename(folder), name);
    const compiled = compileFile(file, { readFile: read });
    const errors = compiled.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) problems.push(renderDiagnostics(errors, compiled.sources, { lang }));
    else if (compiled.policy) served.push(servedPolicy(compiled.policy, file, compiled.sources));
  }
  const ids = served.map((p) => p.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length > 0) problems.push(`two policy files declare \`${twice[0]}\`: policy ids must be unique in a deployment`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, served };
}

function servedPolicy(policy: Policy, file: string, sources: ReadonlyMap<string, string>): ServedPolicy {
  const revision = sha256(JSON.stringify([...sources].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, text]) => [name.slice(name.lastIndexOf("/") + 1), text])));
  return { id: policy.id, title: policy.title, file, revision, policy, evaluator: compileEvaluator(policy) };
}

const REGISTRY_FILES = ["units.csv", "units.json", "units.xlsx"];

function loadRegistry(dir: string, policies: readonly ServedPolicy[]): { ok: true; registry: Registry; issues: DataIssue[] } | { ok: false; problems: string[] } {
  const name = REGISTRY_FILES.find((f) => existsSync(join(dir, f)));
  if (!name) return { ok: false, problems: [`no unit registry in ${dir}: put the units in units.csv (id,name,tier,parent)`] };
  const tiers = new Set(policies.flatMap((p) => [...p.policy.tiers.keys()]));
  const format = formatOfPath(name) === "json" ? "json" : "csv";
  const units = readUnitFiles([{ input: readFileSync(join(dir, name), "utf8"), options: { file: name, format, ...(tiers.size > 0 ? { tiers } : {}) } }]);
  const mergesFile = join(dir, "merges.csv");
  const ids = new Set(units.registry.units.map((u) => u.id));
  const merges = existsSync(mergesFile) ? readMerges(readFileSync(mergesFile, "utf8"), { file: "merges.csv", format: "csv", units: ids }) : { merges: [], issues: [] };
  if (units.registry.units.length === 0) return { ok: false, problems: [`the registry ${name} has no usable unit`, ...units.issues.slice(0, 10).map((i) => `${i.file}:${i.line} ${i.message}`)] };
  return { ok: true, registry: { units: units.registry.units, merges: [...units.registry.merges, ...merges.merges] }, issues: [...units.issues, ...merges.issues] };
}

/** One reading for all policies: every field any of them declares, with its headings, and what any metric needs. */
function unionReading(policies: readonly ServedPolicy[]): ReturnType<typeof readingOf> {
  const readings = policies.map((p) => readingOf(p.policy));
  const merge = <V>(maps: readonly ReadonlyMap<string, readonly V[]>[]): Map<string, V[]> => {
    const out = new Map<string, V[]>();
    for (const map of maps) for (const [key, values] of map) out.set(key, [...new Set([...(out.get(key) ?? []), ...values])]);
    return out;
  };
  return {
    fields: new Set(readings.flatMap((r) => [...r.fields])),
    headings: merge(readings.map((r) => r.headings ?? new Map())),
    needed: merge(readings.map((r) => r.needed ?? new Map())),
  };
}
