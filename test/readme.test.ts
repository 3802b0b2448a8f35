/** README's examples are run, and what they print must be what README says they print. */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { runMain } from "./support/main.js";

const readme = readFileSync("README.md", "utf8");

/** The fenced block of the given language that follows a heading, and the plain block after it. */
function blocksAfter(heading: string, language: string): [string, string] {
  const section = readme.slice(readme.indexOf(heading));
  const code = new RegExp("```" + language + "\\n([\\s\\S]*?)```").exec(section)![1]!;
  const rest = section.slice(section.indexOf(code) + code.length + 3);
  const output = /```\n([\s\S]*?)```/.exec(rest)![1]!;
  return [code, output];
}

test("the API example prints what README shows", () => {
  const [code, output] = blocksAfter("## Using chitieu from code", "js");
  // Inside the package folder, `import "chitieu"` resolves to this package through its exports.
  writeFileSync("dist/readme-example.mjs", code);
  const run = spawnSync(process.execPath, ["dist/readme-example.mjs"], { encoding: "utf8" });
  rmSync("dist/readme-example.mjs");
  expect(run.stderr).toBe("");
  expect(run.stdout).toBe(output);
});

// In-process through `main`, in English whatever the developer's LANG (README shows English).
test("the mistake README shows is what `chitieu check` prints", async () => {
  const [command, output] = blocksAfter("## Checking a policy", "sh");
  expect(command).toContain("check");
  const run = await runMain(["check", "test/fixtures/bad/ramp_mismatch_bad.ct"]);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe(output);
});

test("the explanation README shows is what `chitieu explain` prints", async () => {
  const [command, output] = blocksAfter("## Command line", "sh");
  const args = command.replace(/\\\n/g, " ").trim().split(/\s+/).slice(2);
  const run = await runMain(args);
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(output);
});

test("the index README shows is what `chitieu eval` prints for Decision 766's example", async () => {
  const [command, output] = blocksAfter("### Scores, group scores and the index", "sh");
  const args = command.replace(/\\\n/g, " ").trim().split(/\s+/).slice(2);
  const run = await runMain(args);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`\n${output}`);
});
