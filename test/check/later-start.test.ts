/**
 * A more specific target that starts later than the general one it replaces leaves its units with
 * no threshold in between: the checker says so (CT310), and it does exactly when the coverage
 * property finds such a gap.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { localize, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { MessageArgs } from "../../src/diagnostics/messages.js";
import type { Registry, RegistryUnit } from "../../src/data/types.js";
import { compile } from "../../src/files/policy.js";
import type { Policy } from "../../src/model/policy.js";
import { coverageProblems } from "../../src/testing/coverage.js";
import { registryFor } from "../../src/testing/data.js";
import { runMain } from "../support/main.js";

const HEAD = "policy p effective 2022-01-01\ntier t0\ntier t1\ntag g0\ntag g1\nunit u0 tier t0 tagged g1\nfield x field y\nmetric m = x / y\n";

const laterStarts = (text: string): Diagnostic[] => compile(text, { file: "p.ct" }).diagnostics.filter((d) => d.name === "later-start");

describe("the later-start warning", () => {
  test("names both targets, the units, the days without a threshold, and points at the other rule", () => {
    const text = `${HEAD}target general for all: by 2022-03-31 m >= 10%, by 2022-06-30 >= 20%\ntarget late for tag g0: by 2022-06-30 m >= 30%\n`;
    const [d, ...rest] = laterStarts(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: "CT310",
      severity: "warning",
      file: "p.ct",
      message: "target `late` starts on 2022-06-30, later than `general` (2022-03-31), which it replaces for units of tier `t0` with tag `g0`: from 2022-03-31 to 2022-06-29 they have no threshold for `m`",
      related: [{ message: "`general` is here", file: "p.ct", span: { start: { line: 9, column: 8 } } }],
    });
    // The caret is on the later target's first date, where the fix goes.
    expect(d!.span.start).toMatchObject({ line: 10, column: 28 });
    expect(localize(d!, "vi").message).toBe(
      "chỉ tiêu `late` bắt đầu từ 2022-06-30, muộn hơn `general` (2022-03-31) mà nó thay thế đối với các đơn vị cấp `t0` thuộc nhóm `g0`: từ 2022-03-31 đến 2022-06-29 các đơn vị này không có ngưỡng cho `m`",
    );
  });

  test("a declared unit, a tier, and the earliest-starting of several overridden targets", () => {
    const text = `${HEAD}target a for all: by 2022-06-30 m >= 10%\ntarget b for tier t0: by 2022-03-31 m >= 10%\ntarget c for unit u0: by 2022-09-30 m >= 30%\ntarget d for tier t1: by 2022-09-30 m >= 30%\n`;
    const found = laterStarts(text).map((d) => d.args as MessageArgs["later-start"]);
    expect(found).toEqual([
      { later: "c", earlier: "b", metric: "m", starts: "2022-09-30", from: "2022-03-31", until: "2022-09-29", units: { unit: "u0" } },
      { later: "d", earlier: "a", metric: "m", starts: "2022-09-30", from: "2022-06-30", until: "2022-09-29", units: { tier: "t1" } },
    ]);
  });

  test("no warning when the specific target starts first or together, is excluded, or is for another metric", () => {
    const together = `${HEAD}target general for all: by 2022-03-31 m >= 10%\ntarget special for tag g0: by 2022-03-31 m >= 30%\n`;
    const earlier = `${HEAD}target general for all: by 2022-06-30 m >= 10%\ntarget special for tag g0: by 2022-03-31 m >= 30%\n`;
    const excluded = `${HEAD}target general for all except tag g0: by 2022-03-31 m >= 10%\ntarget special for tag g0: by 2022-06-30 m >= 30%\n`;
    const other = `${HEAD}metric n = y / x\ntarget general for all: by 2022-03-31 n >= 10%\ntarget special for tag g0: by 2022-06-30 m >= 30%\n`;
    for (const text of [together, earlier, excluded, other]) expect(laterStarts(text)).toEqual([]);
  });

  test("`chitieu check` shows it, and fails on it only with --strict", async () => {
    const file = "test/fixtures/later-start.ct";
    const run = await runMain(["check", file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("warning[CT310] later-start: target `late` starts on 2022-06-30, later than `general` (2022-03-31), which it replaces for unit `special`");
    expect(run.stdout).toContain("`general` is here");
    expect((await runMain(["check", "--strict", file])).status).toBe(1);
    const json = JSON.parse((await runMain(["check", "--format", "json", "--lang", "vi", file])).stdout);
    expect(json.files[0].diagnostics[0]).toMatchObject({ code: "CT310", name: "later-start", localized: { lang: "vi" } });
  });
});

const DATES = ["2022-03-31", "2022-06-30", "2022-09-30"];
const ITEMS = ["all", "tier t0", "tier t1", "tag g0", "tag g1", "unit u0"];

const targetText = fc
  .record({ include: fc.uniqueArray(fc.constantFrom(...ITEMS), { minLength: 1, maxLength: 2 }), exclude: fc.option(fc.constantFrom(...ITEMS.slice(1)), { nil: undefined }), start: fc.constantFrom(...DATES) })
  .map(({ include, exclude, start }) => ({ selector: `${include.join(", ")}${exclude ? ` except ${exclude}` : ""}`, start }));

/** Policies of 2 to 4 targets of one metric that compile (no conflict between them). */
const policies = fc
  .array(targetText, { minLength: 2, maxLength: 4 })
  .map((targets) => `${HEAD}${targets.map((t, i) => `target r${i} for ${t.selector}: by ${t.start} m >= 10%, by 2022-12-31 >= 20%\n`).join("")}`)
  .map((text) => ({ text, compiled: compile(text, { file: "p.ct" }) }))
  .filter(({ compiled }) => compiled.policy !== undefined);

/** The units coverage finds without a threshold because their target starts after one it overrides. */
function laterStartGaps(policy: Policy, registry: Registry): string[] {
  const start = (id: string) => policy.targets.find((t) => t.id === id)!.schedule.milestones[0]!.date;
  return coverageProblems(policy, registry)
    .filter((p) => p.kind === "uncovered" && p.targets.slice(1).some((o) => start(o.id) < start(p.targets[0]!.id)))
    .map((p) => p.targets[0]!.id);
}

const unitOf = (policy: Policy, units: MessageArgs["later-start"]["units"]): RegistryUnit => {
  const declared = "unit" in units ? policy.units.get(units.unit)! : undefined;
  const facts = declared ?? { id: "witness", tier: ("tier" in units && units.tier) || "t0", tags: "tag" in units && units.tag ? [units.tag] : [] };
  return { id: facts.id, name: facts.id, tier: facts.tier, parent: undefined, tags: [...facts.tags], validFrom: undefined, validTo: undefined };
};

describe("the checker warns exactly when the coverage property finds a later-start gap", () => {
  test("every gap coverage finds on a generated registry is a warning for the target that starts late", () => {
    let gaps = 0;
    fc.assert(
      fc.property(
        policies.chain(({ compiled }) => fc.tuple(fc.constant(compiled), registryFor(compiled.policy!))),
        ([compiled, registry]) => {
          gaps += laterStartGaps(compiled.policy!, registry).length;
          const warned = new Set(compiled.diagnostics.filter((d) => d.name === "later-start").map((d) => (d.args as MessageArgs["later-start"]).later));
          for (const late of laterStartGaps(compiled.policy!, registry)) expect(warned).toContain(late);
        },
      ),
      { numRuns: 200, seed: 17 },
    );
    // Not vacuous: the generated policies and registries do have such gaps.
    expect(gaps).toBeGreaterThan(10);
  });

  test("every warning names units on which coverage finds that gap", () => {
    let warnings = 0;
    fc.assert(
      fc.property(policies, ({ compiled }) => {
        const policy = compiled.policy!;
        for (const d of compiled.diagnostics.filter((x) => x.name === "later-start")) {
          warnings += 1;
          const args = d.args as MessageArgs["later-start"];
          expect(laterStartGaps(policy, { units: [unitOf(policy, args.units)], merges: [] })).toEqual([args.later]);
        }
      }),
      { numRuns: 200, seed: 17 },
    );
    expect(warnings).toBeGreaterThan(10);
  });
});
