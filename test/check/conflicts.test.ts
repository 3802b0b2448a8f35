import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { findConflicts, type MeasuredTarget } from "../../src/check/conflicts.js";
import { analyse, selectorOf } from "../../src/check/facts.js";
import { localize, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { select, type UnitFacts } from "../../src/model/selector.js";
import type { SelectorItem } from "../../src/syntax/ast.js";
import { parse } from "../../src/syntax/parse.js";

const HEAD = "policy p effective 2020-01-01\ntier t0\ntier t1\ntag g0\ntag g1\ntag g2\nfield a\nfield b\nmetric m = a / b\nmetric n = b / a\n";

/** The targets with a defined metric and the declared units of a policy, as the file check gives them. */
function inputs(text: string): { targets: MeasuredTarget[]; units: UnitFacts[] } {
  const { ast } = parse(text, "p.ct");
  if (!ast) throw new Error("does not parse");
  const { facts } = analyse({ file: "p.ct", ast }, [{ file: "p.ct", ast }]);
  const targets = ast.statements.flatMap((s): MeasuredTarget[] => {
    const metric = s.kind === "target" ? facts.measuredMetric(s) : undefined;
    return s.kind === "target" && metric ? [{ declaration: s, metric: metric.text, file: "p.ct" }] : [];
  });
  const units = ast.statements.flatMap((s) => (s.kind === "unit" ? [{ id: s.id.text, tier: s.tier.text, tags: s.tags.map((t) => t.text) }] : []));
  return { targets, units };
}

const conflictsIn = (text: string): Diagnostic[] => {
  const { targets, units } = inputs(text);
  return findConflicts(targets, units);
};

const equal = (count: number, selector = "all"): string =>
  HEAD + Array.from({ length: count }, (_, i) => `target x${i} for ${selector}: in 2020 m >= 1%`).join("\n");

describe("targets equally specific on one item", () => {
  test("three are two findings, each at the later target's copy of the item, against the first", () => {
    const found = conflictsIn(equal(3, "tag g0"));
    expect(found.map((d) => d.message)).toEqual([
      "targets `x0` and `x1` both set `m` for tag `g0`, equally specifically",
      "targets `x0` and `x2` both set `m` for tag `g0`, equally specifically, and so does 1 other target before `x2`",
    ]);
    expect(found.map((d) => [d.span.start.line, d.span.start.column])).toEqual([
      [12, 15],
      [13, 15],
    ]);
    expect(found.map((d) => d.related?.map((r) => r.span.start.line))).toEqual([[11], [11]]);
  });

  test("a thousand are one finding per target after the first, not one per pair", () => {
    const found = conflictsIn(equal(1000));
    expect(found).toHaveLength(999);
    expect(found.every((d, i) => d.span.start.line === 12 + i && d.related?.[0]?.span.start.line === 11)).toBe(true);
    const last = found.at(-1);
    expect(last?.message).toContain("and so do 998 other targets before `x999`");
    expect(last && localize(last, "vi").message).toContain("cùng với 998 chỉ tiêu khác đứng trước `x999`");
  });

  test("the earliest clash wins, on the later target's first item that the earlier one names", () => {
    const text = `${HEAD}target a for tag g0: in 2020 m >= 1%\ntarget b for tier t0: in 2020 m >= 1%\ntarget c for tier t0, tag g0: in 2020 m >= 1%`;
    expect(conflictsIn(text).map((d) => d.message)).toEqual([
      "targets `a` and `c` both set `m` for tag `g0`, equally specifically",
    ]);
  });
});

describe("targets equally specific in a declared unit", () => {
  const units = "unit u0 tier t0 tagged g0\nunit u1 tier t1 tagged g1, g2\nunit u2 tier t0 tagged g0, g1, g2\n";

  test("two tags meeting in units are reported at the later selector, naming the first such unit declared", () => {
    const found = conflictsIn(`${HEAD}${units}target a for tag g1: in 2020 m >= 1%\ntarget b for tag g2: in 2020 m >= 1%`);
    expect(found.map((d) => [d.message, d.span.start.line, d.span.start.column])).toEqual([
      ["targets `a` and `b` both set `m` for unit `u1`, equally specifically", 15, 14],
    ]);
  });

  test("excluding the unit they meet in, or naming it, leaves the next unit", () => {
    const text = `${HEAD}${units}target a for tag g1: in 2020 m >= 1%\ntarget b for tag g2, unit u1: in 2020 m >= 1%`;
    expect(conflictsIn(text).map((d) => d.message)).toEqual(["targets `a` and `b` both set `m` for unit `u2`, equally specifically"]);
    const excluded = `${HEAD}${units}target a for tag g1 except tier t0: in 2020 m >= 1%\ntarget b for tag g2 except unit u1: in 2020 m >= 1%`;
    expect(conflictsIn(excluded)).toEqual([]);
  });

  test("a target meeting many earlier ones in units is one finding", () => {
    const tags = Array.from({ length: 50 }, (_, i) => `tag h${i}`).join("\n");
    const unit = `unit big tier t0 tagged ${Array.from({ length: 50 }, (_, i) => `h${i}`).join(", ")}`;
    const targets = Array.from({ length: 50 }, (_, i) => `target x${i} for tag h${i}: in 2020 m >= 1%`).join("\n");
    const found = conflictsIn(`${HEAD}${tags}\n${unit}\n${targets}`);
    expect(found).toHaveLength(49);
    expect(found.every((d) => d.message.startsWith("targets `x0` and ") && d.message.includes("for unit `big`"))).toBe(true);
  });
});

/** The definition before grouping: every pair of targets of a metric, the later one reported. */
function pairwise(targets: readonly MeasuredTarget[], units: readonly UnitFacts[]) {
  const pairs: { earlier: number; later: number; item?: SelectorItem; overlap: string; line: number; column: number }[] = [];
  targets.forEach((later, j) => {
    targets.slice(0, j).forEach((earlier, i) => {
      if (earlier.metric !== later.metric) return;
      const item = later.declaration.selector.include.find((y) => earlier.declaration.selector.include.some((x) => sameItem(x, y)));
      const [a, b] = [selectorOf(earlier.declaration.selector), selectorOf(later.declaration.selector)];
      const unit = units.find((u) => {
        const [x, y] = [select(a, u), select(b, u)];
        return x.kind === "selected" && y.kind === "selected" && x.specificity === y.specificity;
      });
      const span = item ? item.span : later.declaration.selector.span;
      const overlap = item ? (item.kind === "all" ? "all units" : `${item.kind} \`${item.id.text}\``) : unit && `unit \`${unit.id}\``;
      if (overlap) pairs.push({ earlier: i, later: j, ...(item ? { item } : {}), overlap, line: span.start.line, column: span.start.column });
    });
  });
  return pairs;
}

const sameItem = (x: SelectorItem, y: SelectorItem): boolean =>
  x.kind === y.kind && (x.kind === "all" || (y.kind !== "all" && x.id.text === y.id.text));

describe("against every pair", () => {
  const item = fc.oneof(
    fc.constant("all"),
    fc.constantFrom("tier t0", "tier t1"),
    fc.constantFrom("tag g0", "tag g1", "tag g2"),
    fc.constantFrom("unit u0", "unit u1", "unit u2", "unit u3"),
  );
  const target = fc.record({
    include: fc.array(item, { minLength: 1, maxLength: 3 }),
    exclude: fc.array(item.filter((i) => i !== "all"), { maxLength: 2 }),
    metric: fc.constantFrom("m", "n"),
  });
  const unit = fc.record({ tier: fc.constantFrom("t0", "t1"), tags: fc.subarray(["g0", "g1", "g2"]) });
  const policy = fc.tuple(fc.array(unit, { maxLength: 4 }), fc.array(target, { maxLength: 8 })).map(([units, targets]) => {
    const declared = units.map((u, i) => `unit u${i} tier ${u.tier}${u.tags.length > 0 ? ` tagged ${u.tags.join(", ")}` : ""}`);
    const rules = targets.map((t, i) => `target x${i} for ${t.include.join(", ")}${t.exclude.length > 0 ? ` except ${t.exclude.join(", ")}` : ""}: in 2020 ${t.metric} >= 1%`);
    return `${HEAD}${[...declared, ...rules].join("\n")}`;
  });

  test("each target clashing with an earlier one is reported once, against the first, where the pair would be", () => {
    fc.assert(
      fc.property(policy, (text) => {
        const { targets, units } = inputs(text);
        const pairs = pairwise(targets, units);
        const expected = targets.flatMap((later, j) => {
          const first = pairs.find((p) => p.later === j);
          const earlier = first && targets[first.earlier];
          if (!first || !earlier) return [];
          const others = first.item ? naming(first.item, targets.slice(0, j), later.metric) - 1 : 0;
          return [{ earlier: earlier.declaration.id.text, later: later.declaration.id.text, overlap: first.overlap, line: first.line, column: first.column, others }];
        });
        const actual = findConflicts(targets, units).map((d) => {
          const [, earlier, later] = /`([^`]+)` and `([^`]+)`/.exec(d.message) ?? [];
          const overlap = /for (all units|\w+ `[^`]+`),/.exec(d.message)?.[1];
          const others = Number(/so (?:does|do) (\d+)/.exec(d.message)?.[1] ?? 0);
          return { earlier, later, overlap, line: d.span.start.line, column: d.span.start.column, others };
        });
        // Grouped per metric, as before; the order within each metric is the targets'.
        expect(actual.sort(byLine)).toEqual(expected.sort(byLine));
      }),
      { numRuns: 300 },
    );
  });
});

const byLine = (a: { line: number }, b: { line: number }): number => a.line - b.line;

/** How many of `targets` for `metric` include `item`. */
const naming = (item: SelectorItem, targets: readonly MeasuredTarget[], metric: string): number =>
  targets.filter((t) => t.metric === metric && t.declaration.selector.include.some((x) => sameItem(x, item))).length;
