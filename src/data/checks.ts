/**
 * Consistency of one row against the policy. A part above its total cannot be a rate, so the row
 * is rejected; a failed data check (totals that do not add up, as in most real reports) is flagged
 * with both sides and the difference, and the row is still used.
 */
import { evaluateExpression, holds, references } from "../model/expression.js";
import type { DataCheck, Expression, Policy } from "../model/policy.js";
import * as Q from "../number/rational.js";
import type { Rational } from "../number/rational.js";
import { issueText, type Figure, type IssueText, type Side } from "./issue-words.js";
import { monthOfDate } from "./period.js";
import type { DataIssue, Observation, RegistryUnit } from "./types.js";

/** `unit` is the registry's unit the row is of, whose validity dates the row's period must meet. */
export function checkObservation(observation: Observation, policy: Policy, unit?: RegistryUnit): DataIssue[] {
  const outside = unit ? outsideValidity(observation, unit) : undefined;
  if (outside) return [outside];
  return [...partsAboveTotals(observation, policy), ...policy.checks.flatMap((check) => failedCheck(observation, check))];
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

interface FieldPair {
  readonly numerator: string;
  readonly denominator: string;
  readonly metrics: string[];
}

// Worked out once per policy, not per row: metrics sharing a numerator and denominator (one per
// window) would otherwise repeat the same issue.
const pairsOf = new WeakMap<Policy, readonly FieldPair[]>();

function fieldPairs(policy: Policy): readonly FieldPair[] {
  const cached = pairsOf.get(policy);
  if (cached) return cached;
  const byPair = new Map<string, FieldPair>();
  for (const metric of policy.metrics.values()) {
    const key = `${metric.numerator}\u0000${metric.denominator}`;
    const pair = byPair.get(key) ?? { numerator: metric.numerator, denominator: metric.denominator, metrics: [] };
    pair.metrics.push(metric.id);
    byPair.set(key, pair);
  }
  const pairs = [...byPair.values()];
  pairsOf.set(policy, pairs);
  return pairs;
}

function partsAboveTotals(observation: Observation, policy: Policy): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const { numerator, denominator, metrics } of fieldPairs(policy)) {
    const part = observation.counts.get(numerator);
    const total = observation.counts.get(denominator);
    if (part === undefined || total === undefined || part <= total) continue;
    const text: IssueText = { kind: "part-above-total", numerator, part, denominator, total, metrics };
    issues.push(issue(observation, "numerator-above-denominator", numerator, text, true));
  }
  return issues;
}

function failedCheck(observation: Observation, check: DataCheck): DataIssue[] {
  const fields = [...references(check.left), ...references(check.right)];
  // A check over a field the row does not report says nothing about the row.
  if (fields.some((field) => !observation.counts.has(field))) return [];
  const count = (field: string) => Q.rational(observation.counts.get(field) ?? 0);
  const left = evaluateExpression(check.left, count);
  const right = evaluateExpression(check.right, count);
  if (left === undefined || right === undefined || holds(check.op, Q.compare(left, right))) return [];
  return [issue(observation, "failed-check", fields[0], describe(check, observation.counts, left, right), false)];
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
