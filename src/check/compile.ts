/**
 * Parsed files -> checked policy. Runs every check it can, so one mistake does not hide the next,
 * and hands out a policy only when there is no error left.
 */
import { normalize } from "node:path";
import { byPosition, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type * as M from "../model/policy.js";
import { buildDefinitions, buildPolicy } from "./build.js";
import { analyse } from "./facts.js";
import { load, type ReadFile } from "./load.js";
import { runChecks } from "./registry.js";

export interface CompileOptions {
  /** The file name diagnostics and results cite; imports are resolved relative to it. */
  readonly file?: string;
  /** How imports are read; none can be read unless given (files/policy.ts reads them from disk). Return undefined for a missing file. */
  readonly readFile?: ReadFile;
}

export interface CompileResult {
  /** The checked policy; absent when there are errors, or for a file of shared definitions only. */
  readonly policy: M.Policy | undefined;
  /** What the file and its imports define; present whenever the file parsed. */
  readonly definitions: M.Definitions | undefined;
  /** Errors and warnings, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The normalised text of every file read, by name, for rendering diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
}

const NO_FILES: ReadFile = () => undefined;

export function compile(text: string, options: CompileOptions = {}): CompileResult {
  const file = normalize(options.file ?? "<input>");
  const loaded = load(file, text, options.readFile ?? NO_FILES);
  const diagnostics = [...loaded.diagnostics];
  const entry = loaded.files[0];
  if (!entry || entry.file !== file) {
    return { policy: undefined, definitions: undefined, diagnostics: diagnostics.sort(byPosition), sources: loaded.sources };
  }
  const analysis = analyse(entry, loaded.files);
  runChecks(analysis, (d) => diagnostics.push(d));
  const definitions = buildDefinitions(analysis.symbols);
  const policy = buildPolicy(entry, definitions, analysis.facts);
  return {
    policy: hasErrors(diagnostics) ? undefined : policy,
    definitions,
    diagnostics: diagnostics.sort(byPosition),
    sources: loaded.sources,
  };
}
