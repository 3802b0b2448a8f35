/** `chitieu diff OLD NEW`: text in English and Vietnamese, JSON in its documented shape, exit codes. */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { PolicyDiff } from "../../src/schedule/diff.js";
import { runMain } from "../support/main.js";

const OLD = "examples/amendment/qd-100-2022.ct";
const NEW = "examples/amendment/qd-200-2022.ct";

describe("chitieu diff", () => {
  test("lists what the example amendment changes, tier by tier", async () => {
    const run = await runMain(["diff", OLD, NEW]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toBe(
      [
        "qd-100-2022 -> qd-200-2022 (from 2022-11-01, when qd-200-2022 takes effect)",
        "",
        "online_share, tier commune: target online_local",
        "  threshold  2022-11-30  >= 50% -> >= 45%",
        "",
        "online_share, tier district: target online_local",
        "  threshold  2022-11-30  >= 50% -> >= 45%",
        "",
        "online_share, tier province: target online_province",
        "  moved      2022-11-30 -> 2022-12-31  >= 60%",
        "",
        "3 schedules change",
        "",
      ].join("\n"),
    );
  });

  test("in Vietnamese", async () => {
    const run = await runMain(["diff", OLD, NEW, "--lang", "vi"]);
    expect(run.stdout).toContain("qd-100-2022 -> qd-200-2022 (từ 01/11/2022, ngày qd-200-2022 có hiệu lực)\n");
    expect(run.stdout).toContain("online_share, cấp province: chỉ tiêu online_province\n  dời mốc     30/11/2022 -> 31/12/2022  >= 60%\n");
    expect(run.stdout).toContain("\n3 lịch chỉ tiêu thay đổi\n");
  });

  test("as JSON, in the shape PolicyDiff describes; --exit-code exits 1 on changes, 0 on none", async () => {
    const run = await runMain(["diff", OLD, NEW, "--format", "json", "--exit-code"]);
    expect(run.status).toBe(1);
    const diff = PolicyDiff.parse(JSON.parse(run.stdout));
    expect(diff).toMatchObject({ old: { policy: "qd-100-2022", file: OLD }, new: { policy: "qd-200-2022", file: NEW }, since: "2022-11-01" });
    expect(diff.changes[2]).toEqual({
      metric: "online_share",
      subject: { kind: "tier", id: "province" },
      old: { status: "applies", targets: ["online_province"], comparison: ">=" },
      new: { status: "applies", targets: ["online_province"], comparison: ">=" },
      changes: [{ kind: "moved", from: "2022-11-30", to: "2022-12-31", threshold: 60 }],
    });
    const same = await runMain(["diff", OLD, OLD, "--exit-code"]);
    expect(same).toMatchObject({ status: 0, stdout: "qd-100-2022 -> qd-100-2022\n\nno change: the same thresholds on the same dates for the same units\n" });
  });

  test("usage errors exit 2; a policy with errors exits 1 with its diagnostics", async () => {
    expect(await runMain(["diff", OLD])).toMatchObject({ status: 2, stderr: "chitieu: diff compares two policy files, the old and the new; 1 given\n" });
    expect((await runMain(["diff", OLD, "missing.ct"])).status).toBe(2);
    const bad = await runMain(["diff", OLD, "test/fixtures/bad/ramp_mismatch_bad.ct"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("error[CT203]");
  });
});

test("README shows what `chitieu diff` prints on the example amendment", async () => {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## Amendments: policies over time"));
  const [command, output] = [...section.matchAll(/```(?:sh)?\n([\s\S]*?)```/g)].slice(1, 3).map((m) => m[1]!);
  const args = command!.trim().split(/\s+/).slice(2);
  expect(args).toEqual(["diff", OLD, NEW]);
  expect((await runMain(args)).stdout).toBe(output);
});
