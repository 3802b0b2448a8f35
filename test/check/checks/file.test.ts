import { describe, expect, test } from "vitest";
import { headerPresent, importsOnlyDefine, ruleIdsUnique, targetsDoNotConflict } from "../../../src/check/checks/file.js";
import type { PolicyFile } from "../../../src/syntax/ast.js";
import { reported, where } from "./run.js";

const whole = (file: PolicyFile) => file;
const BASE = "policy p effective 2020-01-01\ntier province\ntag pilot\ntag big\nfield a\nfield b\nmetric m = a / b\nmetric n = b / a\n";

describe("importsOnlyDefine", () => {
  test("an imported file with rules is reported at the import, pointing at its first rule", () => {
    const [d] = reported(importsOnlyDefine, `${BASE}import "lib.ct"`, whole, { "lib.ct": "tier t\ncheck a >= 0" });
    expect(d).toMatchObject({ name: "import-has-rules", file: "policy.ct", span: { start: { line: 9 } }, related: [{ file: "lib.ct", span: { start: { line: 2 } } }] });
  });

  test("an imported file of definitions only is not", () => {
    expect(reported(importsOnlyDefine, `${BASE}import "lib.ct"`, whole, { "lib.ct": "tier t\nfield c" })).toEqual([]);
  });
});

describe("ruleIdsUnique", () => {
  test("targets take their ids first, then scores", () => {
    const text = `${BASE}score t for all = m\ntarget t for all: in 2020 m >= 1%\ntarget t for tag pilot: in 2020 m >= 1%`;
    expect(where(reported(ruleIdsUnique, text, whole))).toEqual(["duplicate-id@11:8", "duplicate-id@9:7"]);
  });

  test("a rule may share its id with a definition", () => {
    expect(reported(ruleIdsUnique, `${BASE}target m for all: in 2020 m >= 1%\nscore s for all = m`, whole)).toEqual([]);
  });
});

describe("targetsDoNotConflict", () => {
  test("two targets for one metric and one item", () => {
    const [d] = reported(targetsDoNotConflict, `${BASE}target x for tier province: in 2020 m >= 1%\ntarget y for tag big, tier province: in 2020 m >= 2%`, whole);
    expect(d).toMatchObject({ name: "conflicting-rules", message: "targets `x` and `y` both set `m` for tier `province`, equally specifically" });
    expect(d?.span.start).toMatchObject({ line: 10, column: 23 });
  });

  test("two tags that meet in a declared unit", () => {
    const text = `${BASE}unit u tier province tagged pilot, big\ntarget x for tag pilot: in 2020 m >= 1%\ntarget y for tag big: in 2020 m >= 2%`;
    expect(reported(targetsDoNotConflict, text, whole)).toMatchObject([{ message: expect.stringContaining("for unit `u`") }]);
  });

  test.each([
    ["different metrics", "target x for all: in 2020 m >= 1%\ntarget y for all: in 2020 n >= 2%"],
    ["a more specific selector", "target x for all: in 2020 m >= 1%\ntarget y for tier province: in 2020 m >= 2%"],
    ["a target whose metric is not defined", "target x for all: in 2020 m >= 1%\ntarget y for all: in 2020 q >= 2%"],
  ])("none between %s", (_, rules) => {
    expect(reported(targetsDoNotConflict, `${BASE}${rules}`, whole)).toEqual([]);
  });
});

describe("headerPresent", () => {
  test("a file with rules needs a header, shown at its first statement", () => {
    expect(where(reported(headerPresent, "field a\nfield b\ncheck a >= b", whole))).toEqual(["missing-header@1:1"]);
  });

  test.each(["policy p\ncheck a >= 0", "field a\nmetric m = a / a", ""])("%j needs none", (text) => {
    expect(reported(headerPresent, text, whole)).toEqual([]);
  });
});
