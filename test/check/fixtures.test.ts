import { basename } from "node:path";
import { describe, expect, test } from "vitest";
import { compile } from "../../src/files/policy.js";
import { badFixtures, bundledPolicies } from "../support/policies.js";

describe("bundled policies", () => {
  test.each(bundledPolicies().map((p) => [p.file, p.text]))("%s checks clean", (file, text) => {
    const result = compile(text, { file });
    expect(result.diagnostics).toEqual([]);
    if (file.startsWith("policies/shared/")) {
      // A library has no policy header: it compiles to the definitions its importers share.
      expect(result.policy).toBeUndefined();
      expect([...result.definitions!.tiers.keys()]).toEqual(["province", "district", "commune"]);
      expect([...result.definitions!.fields.keys()]).toEqual(["dossiers", "online_dossiers", "online_services"]);
    } else {
      // No diagnostics is not enough: a file of definitions alone has none either.
      expect(result.policy?.id).toBe(basename(file, ".ct"));
    }
  });

  test.each([
    ["brvt-2139-2022.ct", "2139/QĐ-UBND"],
    ["hoabinh-1546-2022.ct", "1546/QĐ-UBND"],
    ["thaibinh-2020.ct", "Thái Bình 2020"],
    ["national-fullprocess-2024-2025.ct", "Thủ tướng"],
    ["vungtau-2244-2024.ct", "2244/QĐ-UBND"],
    ["decision-766-scoring.ct", "766/QĐ-TTg"],
    ["decision-766-steps.ct", "766/QĐ-TTg"],
  ])("%s compiles to a policy citing %s", (name, decision) => {
    const policy = bundledPolicies().find((p) => p.file.endsWith(`/${name}`))!;
    expect(compile(policy.text, { file: policy.file }).policy?.basis?.number).toContain(decision);
  });
});

describe("each _bad fixture gets exactly the diagnostic it names", () => {
  const expectation = /^# expect: ([a-z-]+) at (\d+):(\d+)/;

  test.each(badFixtures().map((f) => [f.file, f.text]))("%s", (file, text) => {
    const [, name, line, column] = expectation.exec(text)!;
    const result = compile(text, { file });
    expect(result.diagnostics.map((d) => `${d.name} at ${d.span.start.line}:${d.span.start.column}`)).toEqual([`${name} at ${line}:${column}`]);
    expect(result.diagnostics[0]!.help).toBeTruthy();
    const isError = result.diagnostics[0]!.severity === "error";
    expect(result.policy === undefined).toBe(isError);
  });
});
