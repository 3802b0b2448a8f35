/**
 * How the parser chooses between alternatives: chevrotain's LL(k) lookahead, with the paths it
 * would compute given instead when they are known. Computing every decision's paths was 40% of
 * building the parser, which the command line does at every start; the grammar is fixed when the
 * CLI is bundled, so scripts/bundle.mjs computes the table once (`table()`) and the bundle reads it
 * back (lookahead-table.ts). The library and the tests compute it as before. Either way the paths
 * are chevrotain's own (`getLookaheadPaths`), and the functions built from them decide as
 * chevrotain's do: the first alternative, in order, with a path that the next tokens match.
 */
import { getLookaheadPaths, LLkLookaheadStrategy, type ILookaheadStrategy, type ILookaheadValidationError, type IOrAlt, type IToken, type OptionalProductionType, type Rule, type TokenType } from "chevrotain";

/** Per decision (`rule:production:occurrence`), each alternative's paths as token names. */
export type LookaheadTable = Readonly<Record<string, readonly (readonly (readonly string[])[])[]>>;

type Paths = readonly (readonly TokenType[])[];

/** What a lookahead function is called on: the parser, reading ahead. */
interface Reader {
  LA(howMuch: number): IToken;
}

export class PrecomputedLookahead implements ILookaheadStrategy {
  readonly #llk: ILookaheadStrategy;
  readonly #given: LookaheadTable | undefined;
  readonly #tokens: ReadonlyMap<string, TokenType>;
  readonly #computed: Record<string, string[][][]> = {};

  constructor(tokens: readonly TokenType[], maxLookahead: number, given?: LookaheadTable) {
    this.#llk = new LLkLookaheadStrategy({ maxLookahead });
    this.#given = given;
    this.#tokens = new Map(tokens.map((token) => [token.name, token]));
  }

  validate(options: { rules: Rule[]; tokenTypes: TokenType[]; grammarName: string }): ILookaheadValidationError[] {
    return this.#llk.validate(options);
  }

  buildLookaheadForAlternation(options: { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    if (options.dynamicTokensEnabled) return this.#llk.buildLookaheadForAlternation(options);
    return alternation(this.#paths(options.rule, "Alternation", options.prodOccurrence, options.maxLookahead), options.hasPredicates);
  }

  buildLookaheadForOptional(options: { prodOccurrence: number; prodType: OptionalProductionType; rule: Rule; maxLookahead: number; dynamicTokensEnabled: boolean }): () => boolean {
    if (options.dynamicTokensEnabled) return this.#llk.buildLookaheadForOptional(options);
    // The paths into the production; the second alternative is what follows it.
    const [inside = []] = this.#paths(options.rule, options.prodType, options.prodOccurrence, options.maxLookahead);
    return optional(inside);
  }

  /** The paths computed here rather than read from the given table: all of them when none was given. */
  table(): LookaheadTable {
    return this.#computed;
  }

  #paths(rule: Rule, prodType: OptionalProductionType | "Alternation", occurrence: number, maxLookahead: number): readonly Paths[] {
    const key = `${rule.name}:${prodType}:${occurrence}`;
    const given = this.#given?.[key]?.map((alt) => alt.map((path) => path.map((name) => this.#tokens.get(name))));
    if (given?.every((alt) => alt.every((path) => path.every((token) => token !== undefined)))) return given;
    const paths = getLookaheadPaths({ occurrence, rule, prodType, maxLookahead });
    this.#computed[key] = paths.map((alt) => alt.map((path) => path.map((token) => token.name)));
    return paths;
  }
}

const matches = (reader: Reader, path: readonly TokenType[]): boolean => path.every((token, i) => reader.LA(i + 1).tokenTypeIdx === token.tokenTypeIdx);

function alternation(alts: readonly Paths[], hasPredicates: boolean): (this: Reader, orAlts?: IOrAlt<unknown>[]) => number | undefined {
  if (!hasPredicates && alts.every((alt) => alt.every((path) => path.length === 1))) {
    // One token decides (the common case): a table from the next token's type to the first alternative it starts.
    const choice = new Map<number, number>();
    alts.forEach((alt, i) => alt.forEach(([token]) => choice.has(token!.tokenTypeIdx!) || choice.set(token!.tokenTypeIdx!, i)));
    return function (this: Reader) {
      return choice.get(this.LA(1).tokenTypeIdx);
    };
  }
  return function (this: Reader, orAlts?: IOrAlt<unknown>[]) {
    for (let i = 0; i < alts.length; i++) {
      const gate = hasPredicates ? orAlts?.[i]?.GATE : undefined;
      if (gate !== undefined && !gate.call(this)) continue;
      // An empty path (an empty alternative) matches at once.
      if (alts[i]!.some((path) => matches(this, path))) return i;
    }
    return undefined;
  };
}

function optional(paths: Paths): (this: Reader) => boolean {
  return function (this: Reader) {
    return paths.some((path) => matches(this, path));
  };
}
