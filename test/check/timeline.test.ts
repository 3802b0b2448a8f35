/** Policies that supersede one another, checked together: a gap or an overlap in time is a warning. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkTimeline } from "../../src/check/timeline.js";
import { localize } from "../../src/diagnostics/diagnostic.js";
import { compile } from "../../src/files/policy.js";
import { runMain } from "../support/main.js";

const BODY = "\ntier t\nfield x field y\nmetric m = x / y\ntarget a for all: by 2022-12-31 m >= 10%\n";
/** A policy with one target due on `due`, which must be within its period. */
const policy = (file: string, header: string, due = "2022-12-31") => {
  const compiled = compile(`${header}${BODY.replace("2022-12-31", due)}`, { file });
  expect(compiled.policy, file).toBeDefined();
  return compiled;
};
const OLD = "policy old\n  effective 2022-01-01 until 2022-06-30";

const warningsOf = (header: string, old = OLD) => checkTimeline([policy("old.ct", old, "2022-06-30"), policy("new.ct", header)]);

describe("checkTimeline", () => {
  test("the day after the old one ends, or an open-ended old one: no warning", () => {
    expect(warningsOf("policy new\n  effective 2022-07-01\n  supersedes old")).toEqual([]);
    expect(warningsOf("policy new\n  effective 2022-07-01\n  supersedes old", "policy old\n  effective 2022-01-01")).toEqual([]);
  });

  test("policies that do not supersede one another are not compared", () => {
    expect(warningsOf("policy new\n  effective 2022-03-01")).toEqual([]);
    expect(warningsOf("policy new\n  effective 2022-03-01\n  supersedes another")).toEqual([]);
  });

  test("a gap names both policies and the days no policy is in force, at the new one's `effective`", () => {
    const [gap, ...rest] = warningsOf("policy new\n  effective 2022-08-01\n  supersedes old");
    expect(rest).toEqual([]);
    expect(gap).toMatchObject({
      code: "CT400",
      severity: "warning",
      file: "new.ct",
      span: { start: { line: 2, column: 3 } },
      message: "no policy is in force from 2022-07-01 to 2022-07-31: `old` ends before `new`, which supersedes it, takes effect",
      related: [{ file: "old.ct", message: "`old`'s period is here", span: { start: { line: 2, column: 3 } } }],
    });
    expect(localize(gap!, "vi").message).toBe("không có văn bản nào có hiệu lực từ 2022-07-01 đến 2022-07-31: `old` hết hiệu lực trước khi `new`, văn bản thay thế nó, có hiệu lực");
  });

  test("overlaps: the old one still in force, the new one starting first, two superseding one", () => {
    const still = warningsOf("policy new\n  effective 2022-05-01\n  supersedes old");
    expect(still.map((d) => [d.code, d.message])).toEqual([
      ["CT401", "`old` is still in force from 2022-05-01 to 2022-06-30, when `new`, which supersedes it, is too; `new` decides those dates"],
    ]);
    const before = warningsOf("policy new\n  effective 2022-01-01\n  supersedes old");
    expect(before[0]?.message).toBe("`new` takes effect on 2022-01-01, on or before `old`, which it supersedes, does (2022-01-01): `old` is never in force");
    const fork = checkTimeline([
      policy("old.ct", OLD, "2022-06-30"),
      policy("a.ct", "policy a\n  effective 2022-07-01\n  supersedes old"),
      policy("b.ct", "policy b\n  effective 2022-07-01\n  supersedes old"),
    ]);
    expect(fork.map((d) => [d.file, d.message, d.related?.[0]?.file])).toEqual([["b.ct", "`b` and `a` both supersede `old`, so both claim the dates after it", "a.ct"]]);
  });

  test("a superseding policy with no `effective` date", () => {
    expect(warningsOf("policy new\n  supersedes old").map((d) => [d.code, d.message, d.span.start.line])).toEqual([
      ["CT402", "`new` supersedes `old` but has no `effective` date, so it is not known from when", 2],
    ]);
  });
});

describe("`chitieu check` checks the policies it is given together", () => {
  test("the example amendment is clean; a gap is a warning in the superseding file, an error only with --strict", async () => {
    expect(await runMain(["check", "examples/amendment"])).toMatchObject({ status: 0, stdout: "checked 2 files: 0 errors, 0 warnings\n" });
    const dir = mkdtempSync(join(tmpdir(), "chitieu-timeline-"));
    writeFileSync(join(dir, "old.ct"), `${OLD}${BODY.replace("2022-12-31", "2022-06-30")}`);
    writeFileSync(join(dir, "new.ct"), `policy new\n  effective 2022-08-01\n  supersedes old${BODY}`);
    const run = await runMain(["check", dir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`warning[CT400] timeline-gap: no policy is in force from 2022-07-01 to 2022-07-31`);
    expect(run.stdout).toContain(`--> ${join(dir, "new.ct")}:2:3`);
    expect(run.stdout).toContain("checked 2 files: 0 errors, 1 warning\n");
    expect((await runMain(["check", "--strict", dir])).status).toBe(1);
    const json = JSON.parse((await runMain(["check", "--format", "json", dir])).stdout) as { files: { diagnostics: { code: string }[] }[] };
    expect(json.files.map((f: { diagnostics: { code: string }[] }) => f.diagnostics.map((d) => d.code))).toEqual([["CT400"], []]);
    // One file alone has nothing to compare with.
    expect((await runMain(["check", join(dir, "new.ct")])).stdout).toBe("checked 1 file: 0 errors, 0 warnings\n");
  });
});
