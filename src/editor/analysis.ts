/**
 * One policy as the editor sees it: the text as typed, everything the checker says of it, and what
 * the other features read (its imports' trees, the symbols in force, each target's schedule, the
 * tokens). The same steps as `compile` (src/check/compile.ts), kept apart so that nothing is
 * worked out twice: the trees and facts `compile` hands no one are what hover and navigation need.
 */
import type { IToken } from "chevrotain";
import { buildDefinitions, buildPolicy } from "../check/build.js";
import { analyse as analyseFiles, type Facts } from "../check/facts.js";
import { load, type LoadedFile, type ReadFile } from "../check/load.js";
import { runChecks } from "../check/registry.js";
import type { Symbols } from "../check/symbols.js";
import { byPosition, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Lang } from "../i18n/lang.js";
import type { Policy } from "../model/policy.js";
import type { PolicyFile } from "../syntax/ast.js";
import { keywordLanguage } from "../syntax/spelling.js";
import { lexer } from "../syntax/tokens.js";
import { occurrencesIn, type Occurrence } from "./names.js";
import { SourceMap } from "./source-map.js";

export interface Analysis {
  /** The file name diagnostics cite: a path for a file on disk, else the document's URI. */
  readonly file: string;
  readonly map: SourceMap;
  /** The language of the file's keywords, which messages and suggestions are given in. */
  readonly lang: Lang;
  /** The tokens and comments of the text as parsed. */
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  /** The file's tree, when it parses. */
  readonly ast: PolicyFile | undefined;
  /** The file (first) and its imports, each that parsed. */
  readonly files: readonly LoadedFile[];
  /** The text of every file read, as parsed. */
  readonly sources: ReadonlyMap<string, string>;
  readonly symbols: Symbols | undefined;
  readonly facts: Facts | undefined;
  /** The checked policy, when the file has a header and no errors. */
  readonly policy: Policy | undefined;
  /** Every diagnostic, of this file and its imports, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every name written in the file and its imports: definitions and references. */
  readonly names: readonly Occurrence[];
}

export function analysePolicy(file: string, text: string, readFile: ReadFile): Analysis {
  const map = new SourceMap(text);
  const loaded = load(file, text, readFile);
  const diagnostics = [...loaded.diagnostics];
  const entry = loaded.files[0]?.file === file ? loaded.files[0] : undefined;
  const analysis = entry && analyseFiles(entry, loaded.files);
  if (analysis) runChecks(analysis, (d) => diagnostics.push(d));
  const policy = entry && analysis && !hasErrors(diagnostics) ? buildPolicy(entry, buildDefinitions(analysis.symbols), analysis.facts) : undefined;
  // What only some requests read is worked out when first read: diagnostics after an edit need none of it.
  const lexed = once(() => lexer.tokenize(map.source));
  const lang = once(() => keywordLanguage(lexed().tokens));
  const names = once(() => (entry ? loaded.files.flatMap((f) => occurrencesIn(f.file, f.ast)) : []));
  return {
    file,
    map,
    get lang() {
      return lang();
    },
    get tokens() {
      return lexed().tokens;
    },
    get comments() {
      return lexed().groups["comments"] ?? [];
    },
    ast: entry?.ast,
    files: loaded.files,
    sources: loaded.sources,
    symbols: analysis?.symbols,
    facts: analysis?.facts,
    policy,
    diagnostics: diagnostics.sort(byPosition),
    get names() {
      return names();
    },
  };
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** The offset just past a token (the lexer tracks full positions, so `endOffset` is always set). */
export const endOf = (token: IToken): number => (token.endOffset ?? token.startOffset + token.image.length - 1) + 1;

/** The token at a source offset, or the one just before it (the end of a word being typed). */
export function tokenAt(tokens: readonly IToken[], offset: number): IToken | undefined {
  let [lo, hi] = [0, tokens.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const token = tokens[mid];
    if (token === undefined) return undefined;
    if (endOf(token) < offset) lo = mid + 1;
    else if (token.startOffset > offset) hi = mid - 1;
    else return token;
  }
  return undefined;
}
