/**
 * The grammar of chitieu policy files, top to bottom like a spec. It builds a concrete syntax tree
 * only; `ast.ts` turns that into the typed tree the rest of the pipeline reads. The syntax diagrams
 * and the reference page in grammar/ are generated from this class.
 */
import { CstParser } from "chevrotain";
import { PrecomputedLookahead, type LookaheadTable } from "./lookahead.js";
import { PRECOMPUTED } from "./lookahead-table.js";
import { errorMessages } from "./messages.js";
import * as t from "./tokens.js";

const MAX_LOOKAHEAD = 3;

export class PolicyGrammar extends CstParser {
  /** How it chooses between alternatives; `lookahead.table()` is what the bundle precomputes. */
  readonly lookahead: PrecomputedLookahead;

  constructor(precomputed: LookaheadTable | undefined = PRECOMPUTED) {
    const lookahead = new PrecomputedLookahead(t.allTokens, MAX_LOOKAHEAD, precomputed);
    super(t.allTokens, {
      recoveryEnabled: true,
      maxLookahead: MAX_LOOKAHEAD,
      nodeLocationTracking: "full",
      errorMessageProvider: errorMessages,
      skipValidations: t.skipGrammarChecks,
      lookaheadStrategy: lookahead,
    });
    this.lookahead = lookahead;
    this.performSelfAnalysis();
  }

  /** A file: an optional policy header, then definitions and rules in any order. */
  file = this.RULE("file", () => {
    this.OPTION(() => this.SUBRULE(this.header));
    this.MANY(() => this.SUBRULE(this.statement));
  });

  header = this.RULE("header", () => {
    this.CONSUME(t.Policy);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.decision) },
        { ALT: () => this.SUBRULE(this.effective) },
        { ALT: () => this.SUBRULE(this.supersedes) },
      ]),
    );
  });

  /** The legal basis: decision number, date and issuer. */
  decision = this.RULE("decision", () => {
    this.CONSUME(t.Decision);
    this.CONSUME(t.StringLiteral, { LABEL: "number" });
    this.OPTION(() => {
      this.CONSUME(t.Dated);
      this.CONSUME(t.DateLiteral);
    });
    this.OPTION2(() => {
      this.CONSUME(t.IssuedBy);
      this.CONSUME2(t.StringLiteral, { LABEL: "issuer" });
    });
  });

  effective = this.RULE("effective", () => {
    this.CONSUME(t.Effective);
    this.CONSUME(t.DateLiteral, { LABEL: "from" });
    // `đến 31/12/2023` as decisions write it, beside `đến hết`: no statement starts with `đến`.
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(t.Until) }, { ALT: () => this.CONSUME(t.By) }]);
      this.CONSUME2(t.DateLiteral, { LABEL: "until" });
    });
  });

  supersedes = this.RULE("supersedes", () => {
    this.CONSUME(t.Supersedes);
    this.CONSUME(t.Identifier);
  });

  statement = this.RULE("statement", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.importFile) },
      { ALT: () => this.SUBRULE(this.tierDeclaration) },
      { ALT: () => this.SUBRULE(this.tagDeclaration) },
      { ALT: () => this.SUBRULE(this.unitDeclaration) },
      { ALT: () => this.SUBRULE(this.fieldDeclaration) },
      { ALT: () => this.SUBRULE(this.metricDeclaration) },
      { ALT: () => this.SUBRULE(this.targetDeclaration) },
      { ALT: () => this.SUBRULE(this.scoreDeclaration) },
      { ALT: () => this.SUBRULE(this.indexDeclaration) },
      { ALT: () => this.SUBRULE(this.dataCheck) },
    ]);
  });

  /** Shared definitions (tiers, tags, units, fields, metrics) from another file. */
  importFile = this.RULE("importFile", () => {
    this.CONSUME(t.Import);
    this.CONSUME(t.StringLiteral);
  });

  tierDeclaration = this.RULE("tierDeclaration", () => {
    this.CONSUME(t.Tier);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
  });

  tagDeclaration = this.RULE("tagDeclaration", () => {
    this.CONSUME(t.Tag);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
  });

  /** A unit named in the policy itself, so that selectors can single it out. */
  unitDeclaration = this.RULE("unitDeclaration", () => {
    this.CONSUME(t.Unit);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
    this.CONSUME(t.Tier);
    this.CONSUME2(t.Identifier, { LABEL: "tier" });
    this.OPTION2(() => {
      this.CONSUME(t.Tagged);
      this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME3(t.Identifier, { LABEL: "tags" }) });
    });
  });

  /** A count that units report. */
  fieldDeclaration = this.RULE("fieldDeclaration", () => {
    this.CONSUME(t.Field);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
    this.OPTION2(() => {
      this.CONSUME(t.Column);
      this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME2(t.StringLiteral, { LABEL: "columns" }) });
    });
  });

  /** A ratio of two fields, summed over a window, which the policy may require to be fully reported. */
  metricDeclaration = this.RULE("metricDeclaration", () => {
    this.CONSUME(t.Metric);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
    this.CONSUME(t.Equals);
    this.CONSUME2(t.Identifier, { LABEL: "numerator" });
    this.CONSUME(t.Slash);
    this.CONSUME3(t.Identifier, { LABEL: "denominator" });
    this.OPTION2(() => this.SUBRULE(this.window));
    this.OPTION3(() => this.CONSUME(t.Complete));
  });

  window = this.RULE("window", () => {
    this.CONSUME(t.Over);
    this.OR([
      { ALT: () => this.CONSUME(t.Months) },
      { ALT: () => this.CONSUME(t.Quarter) },
      { ALT: () => this.CONSUME(t.YearToDate) },
      { ALT: () => this.CONSUME(t.SinceStart) },
      {
        ALT: () => {
          this.CONSUME(t.NumberLiteral, { LABEL: "rolling" });
          this.CONSUME2(t.Months, { LABEL: "rollingMonths" });
        },
      },
    ]);
  });

  /** Who must reach what by when. */
  targetDeclaration = this.RULE("targetDeclaration", () => {
    this.CONSUME(t.Target);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
    this.CONSUME(t.For);
    this.SUBRULE(this.selector);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.schedule);
    // `score =` gives the target points; `score ID` after a target starts a score statement.
    this.OPTION2({
      GATE: () => this.LA(2).tokenType === t.Equals,
      DEF: () => {
        this.CONSUME(t.Score);
        this.CONSUME(t.Equals);
        this.SUBRULE(this.points);
      },
    });
  });

  selector = this.RULE("selector", () => {
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.selectorItem, { LABEL: "include" }) });
    this.OPTION(() => {
      this.CONSUME(t.Except);
      this.AT_LEAST_ONE_SEP2({
        SEP: t.Comma,
        DEF: () => this.SUBRULE2(this.selectorItem, { LABEL: "exclude" }),
      });
    });
  });

  selectorItem = this.RULE("selectorItem", () => {
    this.OR([
      { ALT: () => this.CONSUME(t.All) },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(t.Tier) },
            { ALT: () => this.CONSUME(t.Tag) },
            { ALT: () => this.CONSUME(t.Unit) },
          ]);
          this.CONSUME(t.Identifier);
        },
      },
    ]);
  });

  /** Milestones and the steps between them, separated by commas. */
  schedule = this.RULE("schedule", () => {
    this.AT_LEAST_ONE_SEP({
      SEP: t.Comma,
      DEF: () =>
        this.OR([
          { ALT: () => this.SUBRULE(this.milestone) },
          { ALT: () => this.SUBRULE(this.step) },
        ]),
    });
  });

  milestone = this.RULE("milestone", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.From);
          this.CONSUME(t.DateLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.By);
          this.CONSUME2(t.DateLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.In);
          this.CONSUME(t.NumberLiteral, { LABEL: "year" });
        },
      },
    ]);
    this.OPTION(() => this.CONSUME(t.Identifier, { LABEL: "metric" }));
    this.SUBRULE(this.comparison);
    this.CONSUME(t.PercentLiteral);
  });

  comparison = this.RULE("comparison", () => {
    this.OR([
      { ALT: () => this.CONSUME(t.AtLeast) },
      { ALT: () => this.CONSUME(t.Above) },
      { ALT: () => this.CONSUME(t.AtMost) },
      { ALT: () => this.CONSUME(t.Below) },
    ]);
  });

  /** A repeat every period; `+15%` adds 15 percentage points each time. */
  step = this.RULE("step", () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Monthly) },
      { ALT: () => this.CONSUME(t.Quarterly) },
      { ALT: () => this.CONSUME(t.Weekly) },
      { ALT: () => this.CONSUME(t.Yearly) },
      {
        ALT: () => {
          this.CONSUME(t.Every);
          this.CONSUME(t.NumberLiteral, { LABEL: "count" });
          this.OR2([{ ALT: () => this.CONSUME(t.Months) }, { ALT: () => this.CONSUME(t.Weeks) }]);
        },
      },
    ]);
    this.OPTION(() => {
      this.OR3([{ ALT: () => this.CONSUME(t.Plus) }, { ALT: () => this.CONSUME(t.Minus) }]);
      this.CONSUME(t.PercentLiteral, { LABEL: "increment" });
    });
  });

  /** Points computed from metrics, as in Decision 766's index. */
  scoreDeclaration = this.RULE("scoreDeclaration", () => {
    this.CONSUME(t.Score);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
    this.CONSUME(t.For);
    this.SUBRULE(this.selector);
    this.OPTION2(() => this.SUBRULE(this.scoreWindow));
    this.OPTION3(() => this.SUBRULE(this.maximum));
    this.CONSUME(t.Equals);
    this.SUBRULE(this.points);
  });

  /** The months a score sums, as the portal publishes them: the last complete month, quarter, or the year to date. */
  scoreWindow = this.RULE("scoreWindow", () => {
    this.CONSUME(t.Over);
    this.OR([
      { ALT: () => this.CONSUME(t.Months) },
      { ALT: () => this.CONSUME(t.Quarter) },
      { ALT: () => this.CONSUME(t.YearToDate) },
    ]);
  });

  /** The most points a score or an index gives: `out of 20`. */
  maximum = this.RULE("maximum", () => {
    this.CONSUME(t.OutOf);
    this.CONSUME(t.NumberLiteral);
  });

  /** Named scores summed into a total, ranked per tier: Decision 766's index out of 100. */
  indexDeclaration = this.RULE("indexDeclaration", () => {
    this.CONSUME(t.Index);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
    this.CONSUME(t.For);
    this.SUBRULE(this.selector);
    this.SUBRULE(this.maximum);
    this.CONSUME(t.Equals);
    this.AT_LEAST_ONE_SEP({ SEP: t.Plus, DEF: () => this.CONSUME2(t.Identifier, { LABEL: "components" }) });
  });

  /** A formula for points, what it gives when a metric has no denominator, and its rounding. */
  points = this.RULE("points", () => {
    this.SUBRULE(this.expression, { LABEL: "formula" });
    this.OPTION(() => {
      this.CONSUME(t.WhenEmpty);
      this.SUBRULE2(this.expression, { LABEL: "whenEmpty" });
    });
    this.OPTION2(() => {
      this.CONSUME(t.Round);
      this.CONSUME(t.NumberLiteral, { LABEL: "decimals" });
      this.OPTION3(() => this.CONSUME(t.Identifier, { LABEL: "mode" }));
    });
  });

  /** A consistency rule every report must satisfy, over fields. */
  dataCheck = this.RULE("dataCheck", () => {
    this.CONSUME(t.Check);
    this.SUBRULE(this.expression, { LABEL: "left" });
    this.OR([{ ALT: () => this.CONSUME(t.Equals) }, { ALT: () => this.SUBRULE(this.comparison) }]);
    this.SUBRULE2(this.expression, { LABEL: "right" });
  });

  expression = this.RULE("expression", () => {
    this.SUBRULE(this.product, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(t.Plus) }, { ALT: () => this.CONSUME(t.Minus) }]);
      this.SUBRULE2(this.product, { LABEL: "operands" });
    });
  });

  product = this.RULE("product", () => {
    this.SUBRULE(this.factor, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(t.Star) }, { ALT: () => this.CONSUME(t.Slash) }]);
      this.SUBRULE2(this.factor, { LABEL: "operands" });
    });
  });

  factor = this.RULE("factor", () => {
    this.OR([
      { ALT: () => this.CONSUME(t.NumberLiteral) },
      { ALT: () => this.CONSUME(t.PercentLiteral) },
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.CONSUME(t.Identifier) },
      { ALT: () => this.SUBRULE(this.negation) },
      { ALT: () => this.SUBRULE(this.parenthesised) },
      { ALT: () => this.SUBRULE(this.conditional) },
    ]);
  });

  negation = this.RULE("negation", () => {
    this.CONSUME(t.Minus);
    this.SUBRULE(this.factor);
  });

  call = this.RULE("call", () => {
    this.CONSUME(t.Identifier, { LABEL: "function" });
    this.CONSUME(t.LParen);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: "arguments" }) });
    this.CONSUME(t.RParen);
  });

  /** A bracketed term may say its own value when it divides by zero: `(4 * usage when empty 4)`. */
  parenthesised = this.RULE("parenthesised", () => {
    this.CONSUME(t.LParen);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(t.WhenEmpty);
      this.SUBRULE2(this.expression, { LABEL: "whenEmpty" });
    });
    this.CONSUME(t.RParen);
  });

  /** `if provision >= 80% then 2 else 1.6`: one row of a step table; nest for more rows. */
  conditional = this.RULE("conditional", () => {
    this.CONSUME(t.If);
    this.SUBRULE(this.expression, { LABEL: "left" });
    this.SUBRULE(this.comparison);
    this.SUBRULE2(this.expression, { LABEL: "right" });
    this.CONSUME(t.Then);
    this.SUBRULE3(this.expression, { LABEL: "then" });
    this.CONSUME(t.Else);
    this.SUBRULE4(this.expression, { LABEL: "else" });
  });
}

/** One parser for the process: chevrotain parsers are built once and fed new input. */
export const grammar = new PolicyGrammar();

