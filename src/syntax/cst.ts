// Generated from src/syntax by `npm run generate`; do not edit.
import type { CstNode, IToken } from "chevrotain";

export interface FileCstNode extends CstNode {
  name: "file";
  children: FileCstChildren;
}

export type FileCstChildren = {
  header?: HeaderCstNode[];
  statement?: StatementCstNode[];
};

export interface HeaderCstNode extends CstNode {
  name: "header";
  children: HeaderCstChildren;
}

export type HeaderCstChildren = {
  Policy: IToken[];
  Identifier: IToken[];
  StringLiteral?: IToken[];
  decision?: DecisionCstNode[];
  effective?: EffectiveCstNode[];
  supersedes?: SupersedesCstNode[];
};

export interface DecisionCstNode extends CstNode {
  name: "decision";
  children: DecisionCstChildren;
}

export type DecisionCstChildren = {
  Decision: IToken[];
  number: IToken[];
  Dated?: IToken[];
  DateLiteral?: IToken[];
  IssuedBy?: IToken[];
  issuer?: IToken[];
};

export interface EffectiveCstNode extends CstNode {
  name: "effective";
  children: EffectiveCstChildren;
}

export type EffectiveCstChildren = {
  Effective: IToken[];
  from: IToken[];
  Until?: IToken[];
  By?: IToken[];
  until?: IToken[];
};

export interface SupersedesCstNode extends CstNode {
  name: "supersedes";
  children: SupersedesCstChildren;
}

export type SupersedesCstChildren = {
  Supersedes: IToken[];
  Identifier: IToken[];
};

export interface StatementCstNode extends CstNode {
  name: "statement";
  children: StatementCstChildren;
}

export type StatementCstChildren = {
  importFile?: ImportFileCstNode[];
  tierDeclaration?: TierDeclarationCstNode[];
  tagDeclaration?: TagDeclarationCstNode[];
  unitDeclaration?: UnitDeclarationCstNode[];
  fieldDeclaration?: FieldDeclarationCstNode[];
  metricDeclaration?: MetricDeclarationCstNode[];
  targetDeclaration?: TargetDeclarationCstNode[];
  scoreDeclaration?: ScoreDeclarationCstNode[];
  indexDeclaration?: IndexDeclarationCstNode[];
  dataCheck?: DataCheckCstNode[];
};

export interface ImportFileCstNode extends CstNode {
  name: "importFile";
  children: ImportFileCstChildren;
}

export type ImportFileCstChildren = {
  Import: IToken[];
  StringLiteral: IToken[];
};

export interface TierDeclarationCstNode extends CstNode {
  name: "tierDeclaration";
  children: TierDeclarationCstChildren;
}

export type TierDeclarationCstChildren = {
  Tier: IToken[];
  Identifier: IToken[];
  StringLiteral?: IToken[];
};

export interface TagDeclarationCstNode extends CstNode {
  name: "tagDeclaration";
  children: TagDeclarationCstChildren;
}

export type TagDeclarationCstChildren = {
  Tag: IToken[];
  Identifier: IToken[];
  StringLiteral?: IToken[];
};

export interface UnitDeclarationCstNode extends CstNode {
  name: "unitDeclaration";
  children: UnitDeclarationCstChildren;
}

export type UnitDeclarationCstChildren = {
  Unit: IToken[];
  Identifier: IToken[];
  StringLiteral?: IToken[];
  Tier: IToken[];
  tier: IToken[];
  Tagged?: IToken[];
  tags?: IToken[];
  Comma?: IToken[];
};

export interface FieldDeclarationCstNode extends CstNode {
  name: "fieldDeclaration";
  children: FieldDeclarationCstChildren;
}

export type FieldDeclarationCstChildren = {
  Field: IToken[];
  Identifier: IToken[];
  StringLiteral?: IToken[];
  Column?: IToken[];
  columns?: IToken[];
  Comma?: IToken[];
};

export interface MetricDeclarationCstNode extends CstNode {
  name: "metricDeclaration";
  children: MetricDeclarationCstChildren;
}

export type MetricDeclarationCstChildren = {
  Metric: IToken[];
  Identifier: IToken[];
  StringLiteral?: IToken[];
  Equals: IToken[];
  numerator: IToken[];
  Slash: IToken[];
  denominator: IToken[];
  window?: WindowCstNode[];
  Complete?: IToken[];
};

export interface WindowCstNode extends CstNode {
  name: "window";
  children: WindowCstChildren;
}

export type WindowCstChildren = {
  Over: IToken[];
  Months?: IToken[];
  Quarter?: IToken[];
  YearToDate?: IToken[];
  SinceStart?: IToken[];
  rolling?: IToken[];
  rollingMonths?: IToken[];
};

export interface TargetDeclarationCstNode extends CstNode {
  name: "targetDeclaration";
  children: TargetDeclarationCstChildren;
}

export type TargetDeclarationCstChildren = {
  Target: IToken[];
  Identifier: IToken[];
  StringLiteral?: IToken[];
  For: IToken[];
  selector: SelectorCstNode[];
  Colon: IToken[];
  schedule: ScheduleCstNode[];
  Score?: IToken[];
  Equals?: IToken[];
  points?: PointsCstNode[];
};

export interface SelectorCstNode extends CstNode {
  name: "selector";
  children: SelectorCstChildren;
}

export type SelectorCstChildren = {
  include: SelectorItemCstNode[];
  Comma?: (IToken)[];
  Except?: IToken[];
  exclude?: SelectorItemCstNode[];
};

export interface SelectorItemCstNode extends CstNode {
  name: "selectorItem";
  children: SelectorItemCstChildren;
}

export type SelectorItemCstChildren = {
  All?: IToken[];
  Tier?: IToken[];
  Tag?: IToken[];
  Unit?: IToken[];
  Identifier?: IToken[];
};

export interface ScheduleCstNode extends CstNode {
  name: "schedule";
  children: ScheduleCstChildren;
}

export type ScheduleCstChildren = {
  milestone?: MilestoneCstNode[];
  step?: StepCstNode[];
  Comma?: IToken[];
};

export interface MilestoneCstNode extends CstNode {
  name: "milestone";
  children: MilestoneCstChildren;
}

export type MilestoneCstChildren = {
  From?: IToken[];
  DateLiteral?: (IToken)[];
  By?: IToken[];
  In?: IToken[];
  year?: IToken[];
  metric?: IToken[];
  comparison: ComparisonCstNode[];
  PercentLiteral: IToken[];
};

export interface ComparisonCstNode extends CstNode {
  name: "comparison";
  children: ComparisonCstChildren;
}

export type ComparisonCstChildren = {
  AtLeast?: IToken[];
  Above?: IToken[];
  AtMost?: IToken[];
  Below?: IToken[];
};

export interface StepCstNode extends CstNode {
  name: "step";
  children: StepCstChildren;
}

export type StepCstChildren = {
  Monthly?: IToken[];
  Quarterly?: IToken[];
  Weekly?: IToken[];
  Yearly?: IToken[];
  Every?: IToken[];
  count?: IToken[];
  Months?: IToken[];
  Weeks?: IToken[];
  Plus?: IToken[];
  Minus?: IToken[];
  increment?: IToken[];
};

export interface ScoreDeclarationCstNode extends CstNode {
  name: "scoreDeclaration";
  children: ScoreDeclarationCstChildren;
}

export type ScoreDeclarationCstChildren = {
  Score: IToken[];
  Identifier: IToken[];
  StringLiteral?: IToken[];
  For: IToken[];
  selector: SelectorCstNode[];
  scoreWindow?: ScoreWindowCstNode[];
  maximum?: MaximumCstNode[];
  Equals: IToken[];
  points: PointsCstNode[];
};

export interface ScoreWindowCstNode extends CstNode {
  name: "scoreWindow";
  children: ScoreWindowCstChildren;
}

export type ScoreWindowCstChildren = {
  Over: IToken[];
  Months?: IToken[];
  Quarter?: IToken[];
  YearToDate?: IToken[];
};

export interface MaximumCstNode extends CstNode {
  name: "maximum";
  children: MaximumCstChildren;
}

export type MaximumCstChildren = {
  OutOf: IToken[];
  NumberLiteral: IToken[];
};

export interface IndexDeclarationCstNode extends CstNode {
  name: "indexDeclaration";
  children: IndexDeclarationCstChildren;
}

export type IndexDeclarationCstChildren = {
  Index: IToken[];
  Identifier: IToken[];
  StringLiteral?: IToken[];
  For: IToken[];
  selector: SelectorCstNode[];
  maximum: MaximumCstNode[];
  Equals: IToken[];
  components: IToken[];
  Plus?: IToken[];
};

export interface PointsCstNode extends CstNode {
  name: "points";
  children: PointsCstChildren;
}

export type PointsCstChildren = {
  formula: ExpressionCstNode[];
  WhenEmpty?: IToken[];
  whenEmpty?: ExpressionCstNode[];
  Round?: IToken[];
  decimals?: IToken[];
  mode?: IToken[];
};

export interface DataCheckCstNode extends CstNode {
  name: "dataCheck";
  children: DataCheckCstChildren;
}

export type DataCheckCstChildren = {
  Check: IToken[];
  left: ExpressionCstNode[];
  Equals?: IToken[];
  comparison?: ComparisonCstNode[];
  right: ExpressionCstNode[];
};

export interface ExpressionCstNode extends CstNode {
  name: "expression";
  children: ExpressionCstChildren;
}

export type ExpressionCstChildren = {
  operands: (ProductCstNode)[];
  Plus?: IToken[];
  Minus?: IToken[];
};

export interface ProductCstNode extends CstNode {
  name: "product";
  children: ProductCstChildren;
}

export type ProductCstChildren = {
  operands: (FactorCstNode)[];
  Star?: IToken[];
  Slash?: IToken[];
};

export interface FactorCstNode extends CstNode {
  name: "factor";
  children: FactorCstChildren;
}

export type FactorCstChildren = {
  NumberLiteral?: IToken[];
  PercentLiteral?: IToken[];
  call?: CallCstNode[];
  Identifier?: IToken[];
  negation?: NegationCstNode[];
  parenthesised?: ParenthesisedCstNode[];
  conditional?: ConditionalCstNode[];
};

export interface NegationCstNode extends CstNode {
  name: "negation";
  children: NegationCstChildren;
}

export type NegationCstChildren = {
  Minus: IToken[];
  factor: FactorCstNode[];
};

export interface CallCstNode extends CstNode {
  name: "call";
  children: CallCstChildren;
}

export type CallCstChildren = {
  function: IToken[];
  LParen: IToken[];
  arguments?: ExpressionCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface ParenthesisedCstNode extends CstNode {
  name: "parenthesised";
  children: ParenthesisedCstChildren;
}

export type ParenthesisedCstChildren = {
  LParen: IToken[];
  expression: ExpressionCstNode[];
  WhenEmpty?: IToken[];
  whenEmpty?: ExpressionCstNode[];
  RParen: IToken[];
};

export interface ConditionalCstNode extends CstNode {
  name: "conditional";
  children: ConditionalCstChildren;
}

export type ConditionalCstChildren = {
  If: IToken[];
  left: ExpressionCstNode[];
  comparison: ComparisonCstNode[];
  right: ExpressionCstNode[];
  Then: IToken[];
  then: ExpressionCstNode[];
  Else: IToken[];
  else: ExpressionCstNode[];
};
