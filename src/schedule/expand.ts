/**
 * A target's clauses -> dated milestones, checking what authors get wrong: ramps that do not reach
 * their deadline, steps that do not land on it, thresholds out of range or out of order.
 */
import { rises } from "../model/expression.js";
import type { CodeName } from "../diagnostics/codes.js";
import { problem, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { MessageArgs } from "../diagnostics/messages.js";
import type { Comparison, Milestone, Schedule } from "../model/policy.js";
import { add, compare, div, equals, isZero, mul, rational, sub, toDecimalString, type Rational } from "../number/rational.js";
import type { MilestoneClause, Name, StepClause, TargetDeclaration } from "../syntax/ast.js";
import { formatDate, type IsoDate } from "../time/calendar.js";
import { advance } from "./schedule.js";

export interface ExpandedSchedule {
  readonly schedule: Schedule;
  readonly metric: Name | undefined;
  readonly comparison: Comparison;
  readonly diagnostics: readonly Diagnostic[];
}

export interface EffectivePeriod {
  readonly from: IsoDate;
  readonly until: IsoDate | undefined;
}

/** More steps than any real decision has; bounds the work a hostile file can ask for. */
const MAX_STEPS = 1000;
const HUNDRED = rational(100);

const points = (value: Rational): string => `${toDecimalString(value)}%`;
const signedPoints = (value: Rational): string => `${compare(value, rational(0)) < 0 ? "" : "+"}${points(value)}`;

export function expandSchedule(target: TargetDeclaration, file: string, effective?: EffectivePeriod): ExpandedSchedule {
  return new Expansion(target, file, effective).run();
}


class Expansion {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly milestones: Milestone[] = [];
  private last: { clause: MilestoneClause; date: IsoDate; value: Rational } | undefined;
  private pending: StepClause | undefined;
  private readonly first: MilestoneClause | undefined;

  constructor(
    private readonly target: TargetDeclaration,
    private readonly file: string,
    private readonly effective: EffectivePeriod | undefined,
  ) {
    this.first = target.schedule.find((c): c is MilestoneClause => c.kind === "milestone");
  }

  run(): ExpandedSchedule {
    for (const clause of this.target.schedule) {
      if (clause.kind === "milestone") this.milestone(clause);
      else this.step(clause);
    }
    return {
      schedule: { milestones: this.milestones, repeat: this.repeat() },
      metric: this.metric(),
      comparison: this.first?.comparison.op ?? ">=",
      diagnostics: this.diagnostics,
    };
  }

  private metric(): Name | undefined {
    const named = this.first?.metric;
    if (this.first && !named) {
      this.report("missing-metric", this.first, { op: this.first.comparison.op, value: points(this.first.value.points) });
    }
    return named;
  }

  private milestone(clause: MilestoneClause): void {
    this.sameMetricAndComparison(clause);
    this.inRange(clause.value.points, clause);
    const date = clause.date.date;
    if (date === null) return;
    if (this.last && date <= this.last.date) {
      this.report("dates-not-increasing", clause.date, { date: formatDate(date, "iso"), previous: this.last.date });
      return;
    }
    // A step only ramps from a milestone before it; one without is reported where it stands.
    const step = this.last ? this.pending : undefined;
    if (step) this.ramp(step, clause, date);
    if (!step?.increment) this.monotone(clause, date);
    this.pending = undefined;
    this.add({ date, threshold: clause.value.points, origin: "stated" }, clause);
    this.last = { clause, date, value: clause.value.points };
  }

  private sameMetricAndComparison(clause: MilestoneClause): void {
    const first = this.first!;
    if (clause.metric && first.metric && clause.metric.text !== first.metric.text) {
      this.report("metric-changes", clause.metric, { metric: clause.metric.text, first: first.metric.text });
    }
    if (clause.comparison.op !== first.comparison.op) {
      this.report("comparison-changes", clause.comparison, { op: clause.comparison.op, first: first.comparison.op });
    }
  }

  private step(clause: StepClause): void {
    if (this.pending) {
      this.report("consecutive-steps", clause, {});
    } else if (!this.last) {
      this.report("step-without-start", clause, {});
    }
    this.pending = clause;
    if (clause.increment) this.direction(clause);
  }

  private direction(clause: StepClause): void {
    const sign = compare(clause.increment!.points, rational(0));
    const op = this.first?.comparison.op ?? ">=";
    if (sign > 0 && !rises(op)) {
      this.report("rising-on-at-most", clause, { op, step: signedPoints(clause.increment!.points) });
    } else if (sign < 0 && rises(op)) {
      this.report("falling-on-at-least", clause, { op, step: points(clause.increment!.points) });
    }
  }

  /** Steps from the previous milestone up to this one, which they must land on and reach exactly. */
  private ramp(step: StepClause, deadline: MilestoneClause, date: IsoDate): void {
    const start = this.last!;
    const increment = step.increment?.points ?? rational(0);
    for (let k = 1; k <= MAX_STEPS; k++) {
      const at = advance(start.date, step.period, k);
      const value = add(start.value, mul(rational(k), increment));
      if (at < date) {
        this.add({ date: at, threshold: value, origin: "step" }, step);
        continue;
      }
      if (at > date && step.increment) this.offDeadline(step, deadline, date, k);
      else if (at === date && step.increment) this.reaches(deadline, value, k);
      return;
    }
    this.report("ramp-off-deadline", step, { kind: "too-many-steps", max: MAX_STEPS });
  }

  private reaches(deadline: MilestoneClause, reached: Rational, steps: number): void {
    const stated = deadline.value.points;
    if (equals(reached, stated)) return;
    const start = this.last!.value;
    const needed = div(sub(stated, start), rational(steps))!;
    this.report("ramp-mismatch", deadline.value, {
      reached: points(reached),
      date: this.show(deadline.date.date!),
      stated: points(stated),
      step: signedPoints(needed),
      steps,
    });
  }

  private offDeadline(step: StepClause, deadline: MilestoneClause, date: IsoDate, k: number): void {
    const before = advance(this.last!.date, step.period, k - 1);
    const after = advance(this.last!.date, step.period, k);
    this.report("ramp-off-deadline", deadline.date, { kind: "off", from: this.show(this.last!.date), before: this.show(before), after: this.show(after), deadline: this.show(date) });
  }

  /** Stated thresholds that go against the comparison are allowed but usually a slip. */
  private monotone(clause: MilestoneClause, date: IsoDate): void {
    if (!this.last) return;
    const op = this.first!.comparison.op;
    const order = compare(clause.value.points, this.last.value);
    if ((rises(op) && order < 0) || (!rises(op) && order > 0)) {
      this.report("non-monotone", clause.value, { direction: rises(op) ? "falls" : "rises", from: points(this.last.value), to: points(clause.value.points), date: this.show(date) });
    }
  }

  private repeat(): Schedule["repeat"] {
    const step = this.pending;
    if (!step || !this.last) return undefined;
    if (step.increment && !isZero(step.increment.points)) {
      this.report("ramp-without-deadline", step, {});
      return undefined;
    }
    return { period: step.period, until: this.effective?.until };
  }

  private add(milestone: Milestone, at: MilestoneClause | StepClause): void {
    if (milestone.origin === "step") this.inRange(milestone.threshold, at);
    this.inEffectivePeriod(milestone.date, at.kind === "milestone" ? at.date : at);
    this.milestones.push(milestone);
  }

  private inRange(value: Rational, at: MilestoneClause | StepClause): void {
    if (compare(value, rational(0)) >= 0 && compare(value, HUNDRED) <= 0) return;
    const where = at.kind === "milestone" ? at.value : at;
    if (at.kind === "step" && this.diagnostics.some((d) => d.name === "percent-range" && d.span === where.span)) return;
    this.report("percent-range", where, { value: points(value), onStep: at.kind === "step" });
  }

  private inEffectivePeriod(date: IsoDate, at: { span: MilestoneClause["span"] }): void {
    const period = this.effective;
    if (!period) return;
    const before = date < period.from;
    const after = period.until !== undefined && date > period.until;
    if (!before && !after) return;
    if (this.diagnostics.some((d) => d.name === "outside-effective-period" && d.span === at.span)) return;
    this.report("outside-effective-period", at, {
      date: this.show(date),
      ...(before ? { bound: "takes-effect", on: this.show(period.from) } : { bound: "ends", on: this.show(period.until!) }),
    });
  }

  private show(date: IsoDate): string {
    return formatDate(date, "iso");
  }

  private report<N extends CodeName>(name: N, at: { span: MilestoneClause["span"] }, args: MessageArgs[N]): void {
    this.diagnostics.push(problem(name, this.file, at.span, args));
  }
}
