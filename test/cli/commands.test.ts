import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { runMain } from "../support/main.js";

const brvt = ["policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv"];

describe("chitieu fmt", () => {
  test("the bundled policies are formatted, each in its own language", async () => {
    const r = await runMain(["fmt", "--check", "policies"]);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, "", ""]);
  });

  test("rewrites a file in place, then --check passes; --lang vi switches keywords", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-fmt-"));
    const file = join(dir, "p.ct");
    writeFileSync(file, 'policy p   "P"\neffective 2022-01-01\ntier   t   # the only tier\nfield a field b\nmetric m = a/b\ntarget x for all: by 2022-12-31 m >= 48.6%\n');
    expect(await runMain(["fmt", "--check", file])).toMatchObject({ status: 1, stdout: `${file}: not formatted\n` });
    expect(await runMain(["fmt", file])).toMatchObject({ status: 0, stdout: `${file}: formatted\n` });
    expect(readFileSync(file, "utf8")).toBe(
      'policy p "P"\n  effective 2022-01-01\n\ntier t # the only tier\n\nfield a\nfield b\n\nmetric m\n  = a / b\n\ntarget x\n  for all:\n  by 2022-12-31 m >= 48.6%\n',
    );
    expect((await runMain(["fmt", "--check", file])).status).toBe(0);
    const vi = await runMain(["fmt", "--lang", "vi", "-"], readFileSync(file, "utf8"));
    expect(vi.status).toBe(0);
    expect(vi.stdout).toContain("chỉ tiêu x\n  cho tất cả:\n  đến 31/12/2022 m tối thiểu 48,6%\n");
  });

  test("a file that does not parse is left alone and reported", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-fmt-"));
    copyFileSync("test/fixtures/bad/syntax_arrow_bad.ct", join(dir, "bad.ct"));
    const before = readFileSync(join(dir, "bad.ct"), "utf8");
    const r = await runMain(["fmt", join(dir, "bad.ct")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("error[CT003] syntax");
    expect(readFileSync(join(dir, "bad.ct"), "utf8")).toBe(before);
  });
});

describe("chitieu explain", () => {
  test("says which rule applied, the numbers, the gap and the dossiers needed", async () => {
    const r = await runMain(["explain", ...brvt, "--as-of", "2022-11-30", "--unit", "chau-duc", "--metric", "online_share"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        "Huyện Châu Đức (chau-duc): Tỷ lệ hồ sơ TTHC xử lý trực tuyến (online_share)",
        'Rule: target online_share_local "Tỷ lệ hồ sơ xử lý trực tuyến (UBND cấp huyện, xã)" at policies/brvt-2139-2022.ct:52, for tier district, tier commune.',
        "Milestone due: 2022-11-30, at least 50.00%.",
        "Counts for 2022-11 (1 of 1 month reported): 936 Số hồ sơ TTHC tiếp nhận, xử lý trực tuyến trong kỳ of 3,900 Số hồ sơ TTHC tiếp nhận trong kỳ = 24.00%.",
        "Missed by 26.00 percentage points. 1,014 more at the same denominator would meet it.",
        "This is the last milestone.",
        "",
      ].join("\n"),
    );
  });

  test("in Vietnamese, for a unit exactly on the threshold, with the next milestone", async () => {
    const r = await runMain(["explain", ...brvt, "--as-of", "2022-10-31", "--unit", "so-y-te", "--metric", "online_share", "--lang", "vi"]);
    expect(r.stdout).toContain("Đạt, đúng bằng ngưỡng.\nMốc tiếp theo: 30/11/2022, tối thiểu 60,00%: cần tăng 15,00 điểm phần trăm mỗi tháng.\n");
  });

  test("the excluded inspectorate, and an unknown unit with a suggestion", async () => {
    expect((await runMain(["explain", ...brvt, "--as-of", "2022-11-30", "--unit", "thanh-tra-tinh", "--metric", "online_share"])).stdout).toContain(
      "No threshold applies: excluded by target `online_share_province`.",
    );
    const r = await runMain(["explain", ...brvt, "--as-of", "2022-11-30", "--unit", "so-yte"]);
    expect(r).toMatchObject({ status: 2, stdout: "", stderr: "chitieu: no result for unit `so-yte`: did you mean `so-y-te`?\n" });
  });
});

describe("chitieu eval formats and exit codes", () => {
  test("csv has a header and one row per result", async () => {
    const r = await runMain(["eval", ...brvt, "--as-of", "2022-11-30", "--format", "csv"]);
    const lines = r.stdout.trimEnd().split("\r\n");
    expect(lines[0]).toBe("unit,tier,metric,target,milestone,op,threshold,actual,numerator,denominator,status,gapPoints,needed,score,rank,nextDate,nextThreshold,ruleFile,ruleLine,months,monthsWithData");
    expect(lines).toHaveLength(1 + 220);
    expect(lines.find((l) => l.startsWith("chau-duc,district,online_share"))).toContain(",936,3900,missed,");
  });

  test("ndjson is one result per line", async () => {
    const r = await runMain(["eval", ...brvt, "--as-of", "2022-11-30", "--format", "ndjson"]);
    const results = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { status: string });
    expect(results).toHaveLength(220);
  });

  test("--fail-on-miss exits 1 when a unit missed, for scheduled jobs", async () => {
    expect((await runMain(["eval", ...brvt, "--as-of", "2022-11-30", "--fail-on-miss", "--format", "json"])).status).toBe(1);
    expect((await runMain(["eval", ...brvt, "--as-of", "2022-09-29", "--fail-on-miss", "--format", "json"])).status).toBe(0);
  });

  test("the table in Vietnamese", async () => {
    const r = await runMain(["eval", ...brvt, "--as-of", "2022-11-30", "--lang", "vi"]);
    expect(r.stdout).toMatch(/^brvt-2139-2022 tính đến 30\/11\/2022\n\nCơ quan hành chính cấp tỉnh \(sở, ban, ngành\) \(province\)\n {2}đơn vị +mã +chỉ tiêu +mốc +ngưỡng +thực tế +kết quả/);
    expect(r.stdout).toMatch(/\n {2}Huyện Châu Đức +chau-duc +online_share_local .* chưa đạt +26,00 +1\.014/);
  });
});

describe("chitieu init", () => {
  test.each(["en", "vi"])("scaffolds files that check, test and score clean (%s)", async (lang) => {
    const dir = join(mkdtempSync(join(tmpdir(), "chitieu-init-")), "new");
    const init = await runMain(["init", dir, "--lang", lang]);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(`created ${join(dir, "policy.test.json")}`);
    expect(await runMain(["check", "--strict", dir])).toMatchObject({ status: 0, stdout: "checked 1 file: 0 errors, 0 warnings\n" });
    expect(await runMain(["test", dir])).toMatchObject({ status: 0, stdout: expect.stringMatching(/\n1 passed, 0 failed\n$/) });
    expect((await runMain(["fmt", "--check", dir])).status).toBe(0);
    expect(readFileSync(join(dir, "policy.ct"), "utf8")).toContain(lang === "vi" ? "chỉ tiêu online_province" : "target online_province");
  });

  test("refuses to overwrite, and says which files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-init-"));
    writeFileSync(join(dir, "policy.ct"), "tier t\n");
    const r = await runMain(["init", dir]);
    expect(r).toMatchObject({ status: 2, stdout: "", stderr: `chitieu: not overwriting ${join(dir, "policy.ct")}\n` });
    expect(readFileSync(join(dir, "policy.ct"), "utf8")).toBe("tier t\n");
  });
});

describe("chitieu test --properties", () => {
  test("the ready properties pass on every bundled policy, and on BR-VT with its example registry", async () => {
    const all = await runMain(["test", "--properties", "policies", "--runs", "20", "--seed", "1"]);
    expect(all.status).toBe(0);
    expect(all.stdout.match(/^\d+ passed, 0 failed$/gm)).toHaveLength(8);
    const brvt = await runMain(["test", "--properties", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--runs", "20"]);
    expect(brvt).toMatchObject({ status: 0, stdout: expect.stringContaining("policies/brvt-2139-2022.ct\nPASS schedule-consistency\nPASS coverage\n") });
  });

  test("a registry that does not fit the policy fails coverage, naming the units", async () => {
    const r = await runMain(["test", "--properties", "policies/vungtau-2244-2024.ct", "--units", "examples/brvt-2022/units.csv", "--runs", "5"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("FAIL coverage\n  unit `so-noi-vu` has tier `province`, which the policy does not define (city_agency, ward_commune)");
  });

  describe("on a small registry of the example's units", () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-units-"));
    afterAll(() => rmSync(dir, { recursive: true }));
    const registryOf = (count: number): string => {
      const file = join(dir, `units-${count}.csv`);
      writeFileSync(file, readFileSync("examples/brvt-2022/units.csv", "utf8").split("\n").slice(0, count + 1).join("\n"));
      return file;
    };
    const properties = (units: string) => runMain(["test", "--properties", "policies/brvt-2139-2022.ct", "--units", units, "--runs", "10", "--seed", "3"]);

    test.each([1, 5])("%i of them: runs every property with no stack trace", async (count) => {
      const r = await properties(registryOf(count));
      expect(r.stderr).not.toMatch(/^ {4}at /m);
      expect(r.stdout).not.toMatch(/^ {4}at /m);
      expect(r).toMatchObject({ status: 0, stderr: "", stdout: expect.stringContaining("\n7 passed, 0 failed\n") });
    });

    test("of no units, says there is nothing to test and fails, in English or Vietnamese", async () => {
      const units = registryOf(0);
      expect(await properties(units)).toEqual({
        status: 2,
        stdout: "",
        stderr: `chitieu: ${units} has no units to test the properties on; leave out --units to test on generated registries\n`,
      });
      const vi = await runMain(["--lang", "vi", "test", "--properties", "policies/brvt-2139-2022.ct", "--units", units]);
      expect(vi).toMatchObject({ status: 2, stderr: `chitieu: ${units} không có đơn vị nào để kiểm tra các thuộc tính; bỏ --units để kiểm tra trên danh mục đơn vị sinh ngẫu nhiên\n` });
    });
  });

  test("a policy that does not compile fails with its diagnostics; a missing registry is a usage error", async () => {
    expect(await runMain(["test", "--properties", "test/fixtures/bad/ramp_mismatch_bad.ct"])).toMatchObject({ status: 1, stdout: expect.stringContaining("error[CT203] ramp-mismatch") });
    expect(await runMain(["test", "--properties", "policies", "--units", "nowhere.csv"])).toMatchObject({ status: 2, stderr: "chitieu: cannot read nowhere.csv: no such file\n" });
  });
});
