/** `chitieu eval` given several policies, or a folder: each milestone decided by the policy in force on it. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { Evaluation } from "../../src/evaluate/result.js";
import { runMain } from "../support/main.js";

const DATA = ["--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv"];
const OLD = "examples/amendment/qd-100-2022.ct";
const NEW = "examples/amendment/qd-200-2022.ct";

describe("chitieu eval over time", () => {
  test("a folder: results name the policy that decided them, in JSON and NDJSON", async () => {
    const run = await runMain(["eval", "examples/amendment", ...DATA, "--as-of", "2022-11-30", "--format", "json"]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    const e = Evaluation.parse(JSON.parse(run.stdout));
    expect(e.policy).toBe("qd-200-2022");
    expect(e.timeline).toEqual([
      { policy: "qd-100-2022", from: "2022-08-01", until: "2022-10-31" },
      { policy: "qd-200-2022", from: "2022-11-01", until: "2022-12-31" },
    ]);
    // The amendment moved the provincial 60% to 2022-12-31: the latest milestone in force is the old policy's 45% of 2022-10-31.
    const province = e.results.find((r) => r.unit === "so-noi-vu")!;
    expect([province.policy, province.milestone, province.threshold, province.next?.date]).toEqual(["qd-100-2022", "2022-10-31", 45, "2022-12-31"]);
    // Districts and communes: the amendment's own 45% on 2022-11-30.
    const local = e.results.filter((r) => r.tier !== "province");
    expect(new Set(local.map((r) => `${r.policy} ${r.milestone} ${r.threshold}`))).toEqual(new Set(["qd-200-2022 2022-11-30 45"]));
    const ndjson = await runMain(["eval", OLD, NEW, ...DATA, "--as-of", "2022-11-30", "--format", "ndjson"]);
    expect(ndjson.stdout.split("\n").filter(Boolean).map((line) => JSON.parse(line) as unknown)).toEqual(e.results);
  });

  test("the table says how many results each policy decided, in the language asked", async () => {
    const run = await runMain(["eval", NEW, OLD, ...DATA, "--as-of", "2022-11-30"]);
    expect(run.stdout).toMatch(/^qd-200-2022 as of 2022-11-30\n/);
    expect(run.stdout).toMatch(/\nresults decided by each policy: qd-100-2022 20, qd-200-2022 90\n$/);
    const vi = await runMain(["eval", NEW, OLD, ...DATA, "--as-of", "2022-11-30", "--lang", "vi"]);
    expect(vi.stdout).toMatch(/\nkết quả theo văn bản quyết định: qd-100-2022 20, qd-200-2022 90\n$/);
  });

  test("one policy as before: no `policy` on results, no `timeline`", async () => {
    const run = await runMain(["eval", OLD, ...DATA, "--as-of", "2022-11-30", "--format", "json"]);
    const e = JSON.parse(run.stdout) as { timeline?: unknown; results: object[] };
    expect(e.timeline).toBeUndefined();
    expect(e.results.some((r) => "policy" in r)).toBe(false);
    // A folder holding one policy (and shared definitions) is that policy.
    const dir = mkdtempSync(join(tmpdir(), "chitieu-one-policy-"));
    writeFileSync(join(dir, "qd-100-2022.ct"), readFileSync(OLD, "utf8"));
    writeFileSync(join(dir, "shared.ct"), "tier t\n");
    const folder = await runMain(["eval", dir, ...DATA, "--as-of", "2022-11-30", "--format", "json"]);
    expect(folder.stdout).toBe(run.stdout.replaceAll(OLD, join(dir, "qd-100-2022.ct")));
  });

  test("policies that are not one line of amendments are refused (exit 2)", async () => {
    const run = await runMain(["eval", OLD, "policies/brvt-2139-2022.ct", ...DATA, "--as-of", "2022-11-30"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("chitieu: `brvt-2139-2022` supersedes none of the other policies given: policies evaluated together must follow one another from `qd-100-2022`\n");
    const dir = mkdtempSync(join(tmpdir(), "chitieu-over-time-"));
    writeFileSync(join(dir, "shared.ct"), "tier t\n");
    const empty = await runMain(["eval", dir, ...DATA, "--as-of", "2022-11-30", "--lang", "vi"]);
    expect(empty).toMatchObject({ status: 2, stderr: `chitieu: không có tệp chính sách nào (có dòng \`policy\`) trong ${dir}\n` });
  });
});
