/**
 * Consistency of one row against the policy. A part above its total cannot be a rate, so the row
 * is rejected; a failed data check (totals that do not add up, as in most real reports) is flagged
 * with both sides and the difference, and the row is still used.
 */
import { evaluateExpression, holds, references } from "../model/expression.js";
import { compileRowFormula, orderOf, type RowFormula } from "./check-compile.js";
import type { DataCheck, Expression, Policy } from "../model/policy.js";
import * as Q from "../number/rational.js";
import type { Rational } from "../number/rational.js";
import { issueText, type Figure, type IssueText, type Side } from "./issue-words.js";
import { monthOfDate } from "./period.js";
import type { DataIssue, Observation, RegistryUnit } from "./types.js";

/** `unit` is the registry's unit the row is of, whose validity dates the row's period must meet. */
export function checkObservation(observation: Observation, policy: Policy, unit?: RegistryUnit): DataIssue[] {
  const checks = rowChecks(policy);
  return checks.issues(checks.rowOf(observation.counts), () => observation, unit);
}

/** The policy's row checks, compiled once: a row is its counts by field, in the policy's field order, NaN where not reported. */
const compiled = new WeakMap<Policy, RowChecks>();

export function rowChecks(policy: Policy): RowChecks {
  let checks = compiled.get(policy);
  if (!checks) compiled.set(policy, (checks = new RowChecks(policy)));
  return checks;
}

/** Metrics sharing a numerator and denominator (one per window) are one pair, so a row gets one issue for it. */
interface FieldPair {
  readonly numerator: number;
  readonly denominator: number;
  readonly metrics: string[];
}

interface CompiledCheck {
  readonly check: DataCheck;
  /** The fields it names, by index: a row that does not report one of them is not checked. */
  readonly fields: Int32Array;
  readonly left: RowFormula;
  readonly right: RowFormula;
}

export class RowChecks {
  /** The policy's fields in the order rows give their counts. */
  readonly fields: readonly string[];
  private readonly pairs: readonly (FieldPair & { readonly names: readonly [string, string] })[];
  private readonly checks: readonly CompiledCheck[];

  constructor(policy: Policy) {
    this.fields = [...policy.fields.keys()];
    const index = new Map(this.fields.map((f, i) => [f, i]));
    const byPair = new Map<string, FieldPair>();
    for (const metric of policy.metrics.values()) {
      const [numerator, denominator] = [index.get(metric.numerator), index.get(metric.denominator)];
      if (numerator === undefined || denominator === undefined) continue;
      const key = `${numerator}/${denominator}`;
      const pair = byPair.get(key) ?? { numerator, denominator, metrics: [] };
      pair.metrics.push(metric.id);
      byPair.set(key, pair);
    }
    this.pairs = [...byPair.values()].map((pair) => ({ ...pair, names: [this.fields[pair.numerator] ?? "", this.fields[pair.denominator] ?? ""] as const }));
    this.checks = policy.checks.map((check) => ({
      check,
      fields: Int32Array.from([...references(check.left), ...references(check.right)], (f) => index.get(f) ?? -1),
      left: compileRowFormula(check.left, index),
      right: compileRowFormula(check.right, index),
    }));
  }

  /** An observation's counts as a row. */
  rowOf(counts: ReadonlyMap<string, number>): Float64Array {
    return Float64Array.from(this.fields, (f) => counts.get(f) ?? NaN);
  }

  /**
   * The row's issues, or an empty list. `observation` gives the row as an observation, asked for
   * only when there is an issue to word, so a clean row costs no object.
   */
  issues(row: Float64Array, observation: () => Observation, unit?: RegistryUnit): DataIssue[] {
    if (unit && (unit.validFrom !== undefined || unit.validTo !== undefined)) {
      const outside = outsideValidity(observation(), unit);
      if (outside) return [outside];
    }
    let issues: DataIssue[] | undefined;
    for (const { numerator, denominator, metrics, names } of this.pairs) {
      // NaN (not reported) on either side compares false: no issue, as for a row without the field.
      const [part, total] = [row[numerator] ?? NaN, row[denominator] ?? NaN];
      if (!(part > total)) continue;
      const text: IssueText = { kind: "part-above-total", numerator: names[0], part, denominator: names[1], total, metrics };
      (issues ??= []).push(issue(observation(), "numerator-above-denominator", names[0], text, true));
    }
    for (const compiledCheck of this.checks) {
      const failed = this.failed(compiledCheck, row, observation);
      if (failed) (issues ??= []).push(failed);
    }
    return issues ?? [];
  }

  private failed({ check, fields, left, right }: CompiledCheck, row: Float64Array, observation: () => Observation): DataIssue | undefined {
    // A check over a field the row does not report says nothing about the row.
    for (const f of fields) if (f < 0 || Number.isNaN(row[f])) return undefined;
    const order = orderOf(left(row), right(row));
    if (!Number.isNaN(order) && holds(check.op, order as -1 | 0 | 1)) return undefined;
    // Failed, or past what doubles hold exactly: rationals decide, and word the issue.
    const o = observation();
    const count = (field: string) => Q.rational(o.counts.get(field) ?? 0);
    const [l, r] = [evaluateExpression(check.left, count), evaluateExpression(check.right, count)];
    if (l === undefined || r === undefined || holds(check.op, Q.compare(l, r))) return undefined;
    return issue(o, "failed-check", references(check.left)[0] ?? references(check.right)[0], describe(check, o.counts, l, r), false);
  }
}

/** A row whose whole period lies before the unit existed or after it ended cannot be the unit's counts. */
function outsideValidity(observation: Observation, unit: RegistryUnit): DataIssue | undefined {
  const { period } = observation;
  const before = unit.validFrom !== undefined && period.to < monthOfDate(unit.validFrom);
  const after = unit.validTo !== undefined && period.from > monthOfDate(unit.validTo);
  if (!before && !after) return undefined;
  const text: IssueText = {
    kind: "outside-validity",
    unit: unit.id,
    period: period.text,
    ...(unit.validFrom === undefined ? {} : { validFrom: unit.validFrom }),
    ...(unit.validTo === undefined ? {} : { validTo: unit.validTo }),
  };
  return issue(observation, "outside-validity", "period", text, true);
}

function issue(observation: Observation, code: DataIssue["code"], column: string | undefined, text: IssueText, rejected: boolean): DataIssue {
  return { code, file: observation.source.file, line: observation.source.line, column, message: issueText("en", text), rejected, args: text };
}

// Counts go into the expression as marked field names, then out as numbers, so each language groups their digits its own way.
const MARK = "\u0000";

function describe(check: DataCheck, counts: ReadonlyMap<string, number>, left: Rational, right: Rational): IssueText {
  const name = (field: string): string => field;
  const marked = (field: string): string => `${MARK}${field}${MARK}`;
  const side = (e: Expression, value: Rational): Side => {
    if (isLeaf(e)) return { value: figure(value) };
    const parts = show(e, marked).split(MARK);
    return { value: figure(value), detail: parts.map((part, i) => (i % 2 === 1 ? (counts.get(part) ?? 0) : part)).filter((part) => part !== "") };
  };
  return {
    kind: "failed-check",
    rule: checkRule(check, name),
    left: side(check.left, left),
    right: side(check.right, right),
    apart: figure(abs(Q.sub(left, right))),
    check: `${check.rule.file}:${check.rule.line}`,
  };
}

/** A data check as the policy writes it, each field shown by `field` (its id, or its title for a form). */
export const checkRule = (check: DataCheck, field: (name: string) => string): string => `${show(check.left, field)} ${check.op} ${show(check.right, field)}`;

const isLeaf = (e: Expression): boolean => e.kind === "ref" || e.kind === "number" || e.kind === "percent";

const abs = (r: Rational): Rational => (r.num < 0n ? Q.neg(r) : r);

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

/** The expression as a policy would write it, with each field shown by `field`. */
function show(e: Expression, field: (name: string) => string, context = 0): string {
  const text = bare(e, field);
  return precedence(e) < context ? `(${text})` : text;
}

function precedence(e: Expression): number {
  if (e.kind === "binary") return PRECEDENCE[e.op];
  if (e.kind === "if") return 0;
  return e.kind === "negate" ? 3 : 4;
}

function bare(e: Expression, field: (name: string) => string): string {
  switch (e.kind) {
    case "number":
      return Q.toDecimalString(e.value);
    case "percent":
      return `${Q.toDecimalString(e.points)}%`;
    case "ref":
      return field(e.name.text);
    case "negate":
      return `-${show(e.operand, field, 4)}`;
    case "binary": {
      const p = PRECEDENCE[e.op];
      // `a - (b - c)` and `a / (b / c)` need their brackets; `a + (b + c)` reads the same without.
      const right = e.op === "-" || e.op === "/" ? p + 1 : p;
      return `${show(e.left, field, p)} ${e.op} ${show(e.right, field, right)}`;
    }
    case "call":
      return `${e.function.text}(${e.arguments.map((a) => show(a, field)).join(", ")})`;
    case "if":
      return `if ${show(e.left, field, 1)} ${e.comparison} ${show(e.right, field, 1)} then ${show(e.then, field, 1)} else ${show(e.else, field, 1)}`;
    case "when-empty":
      return `(${show(e.term, field)} when empty ${show(e.value, field)})`;
  }
}

/** Whole values as they are; others to four decimals, marked when rounded. */
function figure(value: Rational): Figure {
  if (Q.isInteger(value)) return { digits: (value.num / value.den).toString(), exact: true };
  return { digits: Q.toDecimalString(value, 4), exact: Q.equals(Q.round(value, 4), value) };
}
