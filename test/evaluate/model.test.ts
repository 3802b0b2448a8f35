/**
 * Model-based test: the evaluator against a deliberately simple reference written here, on random
 * policies, registries and data. The reference loops and brute-forces where the evaluator is clever.
 */
import fc from "fast-check";
import { expect, test } from "vitest";
import { countPair, ROUND_SHARES } from "../../src/testing/data.js";
import { evaluatePolicy, resultOf, type RowSpec, type UnitSpec } from "../support/evaluation.js";

type Op = ">=" | ">" | "<=" | "<";
type Window = "month" | "quarter" | "year-to-date" | "2 months";
interface Milestone {
  month: number; // 1..12 of 2022, due on that month's last day
  tenths: number; // threshold in tenths of a percent
}
interface Rule {
  selector: { kind: "all" } | { kind: "tier" | "tag" | "unit"; id: string };
  milestones: Milestone[];
}
interface Case {
  op: Op;
  window: Window;
  /** The metric requires complete windows. */
  complete: boolean;
  units: { id: string; tier: string; tags: string[] }[];
  general: Rule;
  specific: Rule | undefined;
  rows: { unit: string; month: number; a: number; b: number }[];
  asOfMonth: number;
  asOfDay: number;
}

const lastDay = (month: number): number => new Date(Date.UTC(2022, month, 0)).getUTCDate();
const iso = (month: number, day: number): string => `2022-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
const pct = (tenths: number): string => `${tenths / 10}%`;

// Round thresholds half the time, so small counts land exactly on them and `>=` meets `>` apart.
const threshold = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 200, 250, 400, 500, 600, 750, 800, 1000));

/** A month's counts, often exactly on a round share so thresholds are hit exactly. */
const counts = countPair(ROUND_SHARES).map(({ part, total }) => ({ a: part, b: total }));

const milestones = fc
  .uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 })
  .chain((months) => fc.tuple(fc.constant([...months].sort((x, y) => x - y)), fc.array(threshold, { minLength: months.length, maxLength: months.length })))
  .map(([months, values]) => months.map((month, i) => ({ month, tenths: values[i]! })));

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    op: fc.constantFrom<Op>(">=", ">", "<=", "<"),
    window: fc.constantFrom<Window>("month", "quarter", "year-to-date", "2 months"),
    complete: fc.boolean(),
    units: fc.uniqueArray(
      fc.record({ id: fc.constantFrom("u1", "u2", "u3", "u4", "u5"), tier: fc.constantFrom("t1", "t2"), tags: fc.subarray(["g"]) }),
      { minLength: 1, maxLength: 5, selector: (u) => u.id },
    ),
    general: milestones.map((ms) => ({ selector: { kind: "all" as const }, milestones: ms })),
    specific: fc.option(
      fc.record({
        selector: fc.oneof(
          fc.constant({ kind: "tier" as const, id: "t1" }),
          fc.constant({ kind: "tag" as const, id: "g" }),
          fc.constantFrom("u1", "u2").map((id) => ({ kind: "unit" as const, id })),
        ),
        milestones,
      }),
      { nil: undefined },
    ),
    asOfMonth: fc.integer({ min: 1, max: 12 }),
    asOfDay: fc.integer({ min: 1, max: 31 }),
  })
  .chain((c) =>
    fc
      .tuple(...c.units.map((u) => fc.array(fc.option(counts, { freq: 4, nil: undefined }), { minLength: 12, maxLength: 12 }).map((months) => ({ unit: u.id, months }))))
      .map((perUnit) => ({
        ...c,
        rows: perUnit.flatMap(({ unit, months }) => months.flatMap((row, i) => (row ? [{ unit, month: i + 1, ...row }] : []))),
      })),
  );

function policyText(c: Case): string {
  const schedule = (r: Rule) => r.milestones.map((m, i) => `by ${iso(m.month, lastDay(m.month))} ${i === 0 ? "share " : ""}${c.op} ${pct(m.tenths)}`).join(", ");
  const selector = (r: Rule) => (r.selector.kind === "all" ? "all" : `${r.selector.kind} ${r.selector.id}`);
  return [
    "policy p effective 2022-01-01",
    "tier t1 tier t2 tag g",
    "unit u1 tier t1 unit u2 tier t2",
    "field a field b",
    `metric share = a / b over ${c.window}${c.complete ? " complete" : ""}`,
    `target general for all: ${schedule(c.general)}`,
    ...(c.specific ? [`target specific for ${selector(c.specific)}: ${schedule(c.specific)}`] : []),
  ].join("\n");
}

/** The reference: which rule, which milestone, which months, and the verdict by brute force. */
function reference(c: Case, unit: Case["units"][number]) {
  const matches = (r: Rule): number | undefined => {
    const s = r.selector;
    if (s.kind === "all") return 0;
    if (s.kind === "tier") return s.id === unit.tier ? 1 : undefined;
    if (s.kind === "tag") return unit.tags.includes(s.id) ? 2 : undefined;
    return s.id === unit.id ? 3 : undefined;
  };
  const rule = c.specific && matches(c.specific) !== undefined ? c.specific : c.general;
  const asOf = Math.min(c.asOfDay, lastDay(c.asOfMonth));
  const due = rule.milestones.filter((m) => m.month < c.asOfMonth || (m.month === c.asOfMonth && lastDay(m.month) <= asOf)).at(-1);
  if (!due) return { target: rule === c.general ? "general" : "specific", status: "not-due" };
  const months: number[] = [];
  for (let m = 1; m <= due.month; m++) {
    const inWindow =
      c.window === "month" ? m === due.month
      : c.window === "quarter" ? Math.ceil(m / 3) === Math.ceil(due.month / 3)
      : c.window === "2 months" ? m >= due.month - 1
      : true;
    if (inWindow) months.push(m);
  }
  const rows = c.rows.filter((r) => r.unit === unit.id && months.includes(r.month));
  const target = rule === c.general ? "general" : "specific";
  // The rolling window reaches back into 2021, where no unit reported.
  const owed = c.window === "2 months" ? 2 : months.length;
  const window = { months: owed, monthsWithData: rows.length };
  if (rows.length === 0) return { target, status: "no-data", explanation: { window } };
  const a = rows.reduce((s, r) => s + r.a, 0);
  const b = rows.reduce((s, r) => s + r.b, 0);
  if (c.complete && rows.length < owed) return { target, status: "incomplete", numerator: a, denominator: b, needed: null, gapPoints: null, rank: null, explanation: { window } };
  if (b === 0) return { target, status: "no-denominator" };
  const holds = (num: number) => {
    const left = BigInt(num) * 1000n;
    const right = BigInt(due.tenths) * BigInt(b);
    return c.op === ">=" ? left >= right : c.op === ">" ? left > right : c.op === "<=" ? left <= right : left < right;
  };
  let needed: number | null = null;
  const adding = c.op === ">=" || c.op === ">";
  for (let k = 0; adding ? a + k <= b : a - k >= 0; k++) {
    if (holds(adding ? a + k : a - k)) {
      needed = k;
      break;
    }
  }
  return { target, status: holds(a) ? "met" : "missed", numerator: a, denominator: b, needed, threshold: due.tenths / 10, milestone: iso(due.month, lastDay(due.month)), explanation: { window } };
}

test("the evaluator agrees with the simple reference on random policies and data", () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const units: UnitSpec[] = c.units.map((u) => ({ id: u.id, tier: u.tier, tags: u.tags }));
      const rows: RowSpec[] = c.rows.map((r) => ({ unit: r.unit, period: `2022-${String(r.month).padStart(2, "0")}`, a: r.a, b: r.b }));
      const asOf = iso(c.asOfMonth, Math.min(c.asOfDay, lastDay(c.asOfMonth)));
      const evaluation = evaluatePolicy(policyText(c), units, rows, asOf);
      for (const unit of c.units) {
        expect(resultOf(evaluation, unit.id)).toMatchObject(reference(c, unit));
      }
      expect(evaluation.results.filter((r) => r.status === "met").every((r) => r.needed === 0)).toBe(true);
      // Under `complete`, only a window with every owed month reported is judged.
      const judged = evaluation.results.filter((r) => r.status === "met" || r.status === "missed");
      if (c.complete) expect(judged.every((r) => r.explanation.window!.monthsWithData === r.explanation.window!.months)).toBe(true);
    }),
    { numRuns: 300 },
  );
});
