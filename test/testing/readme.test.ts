/** README's "Testing your policies": the vitest example passes where chitieu is installed, and the failure shown is what the kit prints. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";
import { compileFile } from "../../src/files/policy.js";
import type { Policy } from "../../src/model/policy.js";
import { rational } from "../../src/number/rational.js";
import { renderPropertyReport, scheduleConsistency } from "../../src/testing/index.js";

const readme = readFileSync("README.md", "utf8");
const start = readme.indexOf("## Testing your policies");
const section = readme.slice(start, readme.indexOf("\n## ", start + 1));

test("the vitest example passes in a project that installs chitieu, fast-check and vitest", () => {
  const code = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
  const project = mkdtempSync(join(tmpdir(), "chitieu-readme-"));
  try {
    // As `npm install chitieu fast-check vitest` lays it out, with this package (and its dist/) as chitieu.
    mkdirSync(join(project, "node_modules"));
    symlinkSync(process.cwd(), join(project, "node_modules", "chitieu"), "dir");
    for (const dependency of ["fast-check", "vitest"]) symlinkSync(resolve("node_modules", dependency), join(project, "node_modules", dependency), "dir");
    writeFileSync(join(project, "policies.test.ts"), code);
    // Run from here, so the example's paths (policies/, examples/) name the bundled files.
    const run = spawnSync(process.execPath, [resolve("node_modules/vitest/vitest.mjs"), "run", "--root", project], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", CI: "1" },
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Tests\s+9 passed \(9\)/);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}, 120_000);

test("the failure shown is what the schedule property prints for BR-VT's local ramp declared to reach 60%", () => {
  const policy = compileFile("policies/brvt-2139-2022.ct").policy!;
  const mistaken: Policy = {
    ...policy,
    targets: policy.targets.map((t) => {
      if (t.id !== "online_share_local") return t;
      const milestones = t.schedule.milestones.map((m, i, all) => (i === all.length - 1 ? { ...m, threshold: rational(60) } : m));
      return { ...t, schedule: { ...t.schedule, milestones } };
    }),
  };
  const shown = /```\n(FAIL[\s\S]*?)```/.exec(section)![1]!;
  expect(renderPropertyReport([scheduleConsistency(mistaken)])).toBe(shown);
});
