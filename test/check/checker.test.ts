import { describe, expect, test } from "vitest";
import { compile } from "../../src/files/policy.js";
import { resolveTarget } from "../../src/model/selector.js";
import { bundledPolicies } from "../support/policies.js";

const BASE = 'policy p effective 2020-01-01\ntier province "Cấp tỉnh"\ntier district\ntag pilot\nfield dossiers field online\nmetric share = online / dossiers\n';

const diagnose = (text: string, options = {}) =>
  compile(BASE + text, options).diagnostics.map((d) => ({ name: d.name, severity: d.severity, message: d.message, help: d.help ?? "", line: d.span.start.line, related: d.related }));

describe("names", () => {
  test.each([
    ["target t for tier provnce: by 2022-12-31 share >= 1%", "unknown-tier", "unknown tier `provnce`", "did you mean `province`?"],
    ["target t for tag pilto: by 2022-12-31 share >= 1%", "unknown-tag", "unknown tag `pilto`", "did you mean `pilot`?"],
    ["target t for unit so-y-te: by 2022-12-31 share >= 1%", "unknown-unit", "unknown unit `so-y-te`", "declare it"],
    ["target t for all: by 2022-12-31 shar >= 1%", "unknown-metric", "unknown metric `shar`", "did you mean `share`?"],
    ["metric m = onlne / dossiers", "unknown-field", "unknown field `onlne`", "did you mean `online`?"],
    ["target t for tier pilot: by 2022-12-31 share >= 1%", "unknown-tier", "unknown tier `pilot`", "`pilot` is a tag, not a tier"],
    ["unit u tier distrct", "unknown-tier", "unknown tier `distrct`", "did you mean `district`?"],
  ])("%s", (text, name, message, help) => {
    expect(diagnose(text)).toMatchObject([{ name, message, help: expect.stringContaining(help) }]);
  });

  test("a second definition of an id points back at the first", () => {
    const [d] = diagnose("tier district");
    expect(d).toMatchObject({ name: "duplicate-id", message: "tier `district` is already defined", line: 7 });
    expect(d!.related).toMatchObject([{ message: "first defined here", span: { start: { line: 3, column: 6 } } }]);
  });

  test("two targets or scores with one id", () => {
    expect(diagnose("target t for tier province: by 2022-12-31 share >= 1%\nscore t for all = share when empty 0")).toMatchObject([{ name: "duplicate-id", line: 8 }]);
  });
});

describe("overrides and conflicts", () => {
  const policy = (rules: string) => compile(`${BASE}unit so-ct "Sở Công Thương" tier province tagged pilot\n${rules}`);

  test("a unit over a tag over a tier over all", () => {
    const result = policy(
      [
        "target everyone for all: in 2020 share >= 10%",
        "target provincial for tier province: in 2020 share >= 40%",
        "target piloting for tag pilot: in 2020 share >= 45%",
        "target named for unit so-ct: in 2020 share >= 50%",
      ].join("\n"),
    );
    expect(result.diagnostics).toEqual([]);
    const targets = result.policy!.targets;
    const decide = (unit: { id: string; tier: string; tags: string[] }) => {
      const r = resolveTarget(targets, unit);
      return r.kind === "applies" ? [r.target.id, r.overrides.map((t) => t.id)] : r.kind;
    };
    expect(decide({ id: "so-ct", tier: "province", tags: ["pilot"] })).toEqual(["named", ["everyone", "provincial", "piloting"]]);
    expect(decide({ id: "x", tier: "province", tags: ["pilot"] })).toEqual(["piloting", ["everyone", "provincial"]]);
    expect(decide({ id: "x", tier: "province", tags: [] })).toEqual(["provincial", ["everyone"]]);
    expect(decide({ id: "x", tier: "district", tags: [] })).toEqual(["everyone", []]);
  });

  test("an excluded unit has no target and says which rule excluded it", () => {
    const result = policy("target t for tier province except unit so-ct: in 2020 share >= 40%");
    const r = resolveTarget(result.policy!.targets, { id: "so-ct", tier: "province", tags: [] });
    expect(r).toMatchObject({ kind: "excluded", by: [{ id: "t" }] });
  });

  test("two targets for one tier and metric conflict, naming both", () => {
    const [d] = policy("target a for tier province: in 2020 share >= 40%\ntarget b for tier district, tier province: in 2020 share >= 30%").diagnostics;
    expect(d).toMatchObject({ name: "conflicting-rules", message: "targets `a` and `b` both set `share` for tier `province`, equally specifically" });
    expect(d!.span.start).toMatchObject({ line: 9, column: 29 });
    expect(d!.related).toMatchObject([{ message: "`a` is here" }]);
  });

  test("two tags that meet in a declared unit conflict for that unit", () => {
    const result = compile(`${BASE}tag big\nunit u tier district tagged pilot, big\ntarget a for tag pilot: in 2020 share >= 40%\ntarget b for tag big: in 2020 share >= 30%`);
    expect(result.diagnostics).toMatchObject([{ name: "conflicting-rules", message: expect.stringContaining("for unit `u`") }]);
  });

  test("targets for different metrics never conflict", () => {
    expect(diagnose("metric other = dossiers / dossiers\ntarget a for all: in 2020 share >= 40%\ntarget b for all: in 2020 other >= 30%").map((d) => d.name)).toEqual(["same-fields"]);
  });

  test("excluding what is included is a warning", () => {
    expect(diagnose("target a for tier province except tier province: in 2020 share >= 40%")).toMatchObject([{ name: "excluded-everything", severity: "warning" }]);
  });
});

describe("scores and data checks", () => {
  test.each([
    ["score s for all = mean(share) when empty 0", "unknown-function", "the functions are `min` and `max`"],
    ["score s for all = max()", "unknown-function", "as in `max(2,"],
    ["score s for all = 20 * online when empty 0", "score-refs", "define a metric over `online`"],
    ["score s for all = 20 * share when empty 0 round 2 half_up", "unknown-rounding", "did you mean `half-up`?"],
    ["check share <= dossiers", "check-fields", "use the fields of `share`"],
    ["check online <= dossier", "unknown-field", "did you mean `dossiers`?"],
  ])("%s", (text, name, help) => {
    expect(diagnose(text)).toMatchObject([{ name, help: expect.stringContaining(help) }]);
  });

  test("a target's points are checked like a score's", () => {
    expect(diagnose("target t for all: in 2020 share >= 50% score = if shar >= 50% then 2 else 1")).toMatchObject([{ name: "unknown-metric", help: "did you mean `share`?" }]);
    const result = compile(`${BASE}target t for all: in 2020 share >= 50% score = 2 * share round 0 up`);
    expect(result.policy!.targets[0]!.points).toMatchObject({ decimals: 0, rounding: "up" });
  });

  test("a score keeps its rounding, half-up with 2 decimals unless said", () => {
    const result = compile(`${BASE}score a for all = 20 * share\nscore b for all = 20 * share round 1 down`);
    expect(result.policy!.scores.map((s) => [s.points.decimals, s.points.rounding])).toEqual([
      [2, "half-up"],
      [1, "down"],
    ]);
  });
});

describe("header", () => {
  test("a file with rules needs a policy header; one with only definitions does not", () => {
    expect(compile("field a field b\nmetric m = a / b\ntarget t for all: in 2020 m >= 1%").diagnostics).toMatchObject([{ name: "missing-header" }]);
    const library = compile("tier t\nfield a");
    expect(library.diagnostics).toEqual([]);
    expect(library.policy).toBeUndefined();
    expect([...library.definitions!.tiers.keys()]).toEqual(["t"]);
  });

  test("an effective period that ends before it starts", () => {
    expect(compile("policy p effective 2022-12-31 until 2022-01-01").diagnostics).toMatchObject([{ name: "effective-period" }]);
  });
});

describe("imports", () => {
  const files: Record<string, string> = {
    "a/main.ct": 'policy p effective 2020-01-01\nimport "shared/defs.ct"\ntarget t for tier x: in 2020 m >= 1%',
    "a/shared/defs.ct": 'import "more.ct"\ntier x\nmetric m = f / g',
    "a/shared/more.ct": "field f field g",
  };
  const readFile = (path: string) => files[path];

  test("follow relative paths through several files", () => {
    const result = compile(files["a/main.ct"]!, { file: "a/main.ct", readFile });
    expect(result.diagnostics).toEqual([]);
    expect([...result.sources.keys()]).toEqual(["a/main.ct", "a/shared/defs.ct", "a/shared/more.ct"]);
    expect(result.policy!.fields.has("f")).toBe(true);
  });

  test("a missing import is reported on its path", () => {
    const result = compile('import "nowhere.ct"', { file: "a/main.ct", readFile });
    expect(result.diagnostics).toMatchObject([{ name: "import-not-found", message: expect.stringContaining("a/nowhere.ct") }]);
  });

  test("a cycle is reported with its chain", () => {
    const cyclic: Record<string, string> = { "x.ct": 'import "y.ct"\ntier a', "y.ct": 'import "x.ct"\ntier b' };
    const result = compile(cyclic["x.ct"]!, { file: "x.ct", readFile: (p) => cyclic[p] });
    expect(result.diagnostics).toMatchObject([{ name: "import-cycle", file: "y.ct", help: expect.stringContaining("x.ct -> y.ct -> x.ct") }]);
  });

  test("rules in an imported file are left out, with a warning", () => {
    const withRules: Record<string, string> = {
      "m.ct": 'policy p\nimport "o.ct"',
      "o.ct": "policy o\nfield a field b\nmetric m = a / b\ntarget t for all: in 2020 m >= 1%",
    };
    const result = compile(withRules["m.ct"]!, { file: "m.ct", readFile: (p) => withRules[p] });
    expect(result.diagnostics).toMatchObject([{ name: "import-has-rules", severity: "warning", file: "m.ct" }]);
    expect(result.policy!.targets).toEqual([]);
  });

  test("errors in an imported file are reported in that file", () => {
    const broken: Record<string, string> = { "m.ct": 'import "o.ct"', "o.ct": "tier" };
    expect(compile(broken["m.ct"]!, { file: "m.ct", readFile: (p) => broken[p] }).diagnostics).toMatchObject([{ name: "syntax", file: "o.ct" }]);
  });
});

describe("bundled policies", () => {
  const brvt = bundledPolicies().find((p) => p.file.endsWith("brvt-2139-2022.ct"))!;
  const policy = compile(brvt.text, { file: brvt.file }).policy!;

  test("Thái Bình's named departments get 50% where their tier has 40%", () => {
    const tb = bundledPolicies().find((p) => p.file.endsWith("thaibinh-2020.ct"))!;
    const { targets, units } = compile(tb.text, { file: tb.file }).policy!;
    const threshold = (unit: { id: string; tier: string; tags: readonly string[] }) => {
      const r = resolveTarget(targets, unit);
      return r.kind === "applies" ? r.target.schedule.milestones.at(-1)!.threshold : undefined;
    };
    // The three departments the policy names, not a loop over whatever units there happen to be.
    expect([...units.keys()]).toEqual(["so-cong-thuong", "so-y-te", "so-gtvt"]);
    for (const unit of units.values()) expect(threshold(unit)).toEqual({ num: 50n, den: 1n });
    expect(threshold({ id: "so-noi-vu", tier: "province", tags: [] })).toEqual({ num: 40n, den: 1n });
  });

  test("BR-VT's inspectorate is excluded from both targets", () => {
    const inspectorate = policy.units.get("thanh-tra-tinh")!;
    for (const metric of ["service_usage", "online_share"]) {
      expect(resolveTarget(policy.targets.filter((t) => t.metric === metric), inspectorate).kind).toBe("excluded");
    }
  });

  test("each target cites the line it is written on", () => {
    const lines = brvt.text.split("\n");
    for (const target of policy.targets) expect(lines[target.rule.line - 1]).toContain(`target ${target.id}`);
  });
});
