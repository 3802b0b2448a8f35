/** README's "Testing a policy" example is a shortened case of the bundled BR-VT tests, and passes. */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { PolicyTestFile, type PolicyTestFileInput } from "../../src/policy-test/format.js";
import { findTestFiles, runTestFile, runTestFiles } from "../../src/policy-test/run.js";

const readme = readFileSync("README.md", "utf8");
const section = readme.slice(readme.indexOf("## Testing a policy"), readme.indexOf("\n## ", readme.indexOf("## Testing a policy") + 1));
const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as PolicyTestFileInput;

test("the example is a valid test file and passes", async () => {
  expect(PolicyTestFile.safeParse(example).success).toBe(true);
  const text = JSON.stringify(example);
  const report = await runTestFile("policies/readme.test.json", {
    readFile: (path) => (path === "policies/readme.test.json" ? text : readFileSync(path, "utf8")),
  });
  expect(report.problems).toEqual([]);
  expect(report.cases.map((c) => [c.passed, c.mismatches])).toEqual([[true, []]]);
});

test("the example is taken from policies/brvt-2139-2022.test.json, and its output from a failing variant", async () => {
  const bundled = JSON.parse(readFileSync("policies/brvt-2139-2022.test.json", "utf8")) as PolicyTestFileInput;
  expect(example.policy).toBe(bundled.policy);
  for (const c of example.cases) {
    const original = bundled.cases.find((b) => b.name === c.name);
    expect(original, c.name).toBeDefined();
    expect(original!.asOf).toBe(c.asOf);
    for (const unit of c.units ?? []) expect(original!.units).toContainEqual(expect.objectContaining(unit));
    for (const row of c.data ?? []) expect(original!.data).toContainEqual(expect.objectContaining(row));
    for (const e of c.expect ?? []) expect(original!.expect).toContainEqual(expect.objectContaining(e));
  }
  const output = /```\n(PASS[\s\S]*?)```/.exec(section)![1]!;
  for (const name of [bundled.cases[0]!.name, example.cases[0]!.name]) expect(output).toContain(`policies/brvt-2139-2022.test.json: ${name}\n`);
  // `chitieu test` runs every bundled file; one case made to fail leaves the others passing.
  const all = await runTestFiles(findTestFiles(["policies"]).files);
  expect(all.failed).toBe(0);
  expect(output).toMatch(new RegExp(`\\n${all.passed - 1} passed, 1 failed\\n$`));
});
