/** Messages in Vietnamese: `--lang vi` before or after the command, or a Vietnamese locale. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli, type Run } from "../support/cli.js";

const RAMP = "test/fixtures/bad/ramp_mismatch_bad.ct";

/** The CLI in a Vietnamese terminal: LANG set as a Vietnamese Ubuntu sets it, nothing overriding it. */
function runInVietnamese(args: readonly string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LANG: "vi_VN.UTF-8" };
  delete env["LC_ALL"];
  delete env["LC_MESSAGES"];
  delete env["FORCE_COLOR"];
  const result = spawnSync(process.execPath, ["bin/chitieu.js", ...args], { encoding: "utf8", env, timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectRampInVietnamese(r: Run): void {
  expect(r.status).toBe(1);
  expect(r.stdout).toContain("lỗi[CT203] ramp-mismatch: lộ trình đạt 50% vào ngày 2022-11-30 nhưng mốc này ghi 60%");
  expect(r.stdout).toContain(`--> ${RAMP}:36:71`);
  expect(r.stdout).toMatch(/\n +\| +\^\^\^\n/);
  expect(r.stdout).toContain("= gợi ý: mỗi bước +20%, qua 2 bước, sẽ đạt 60%; hoặc sửa mốc hạn thành 50%");
  expect(r.stdout).toContain("đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo");
  expect(r.stdout).not.toMatch(/error\[|= help|checked/);
}

describe("chitieu check in Vietnamese", () => {
  it("speaks Vietnamese with the global --lang vi", () => {
    expectRampInVietnamese(runCli(["--lang", "vi", "check", RAMP]));
  });

  it("speaks Vietnamese with --lang vi after the command", () => {
    expectRampInVietnamese(runCli(["check", RAMP, "--lang", "vi"]));
  });

  it("speaks Vietnamese in a Vietnamese locale, and English when --lang en says so", () => {
    expectRampInVietnamese(runInVietnamese(["check", RAMP]));
    const english = runInVietnamese(["--lang", "en", "check", RAMP]);
    expect(english.stdout).toContain("error[CT203] ramp-mismatch: the ramp reaches 50% on 2022-11-30 but this milestone says 60%");
    expect(english.stdout).toContain("checked 1 file: 1 error, 0 warnings");
  });

  it("keeps the English message in JSON and adds the Vietnamese one under `localized`", () => {
    const r = runCli(["--lang", "vi", "check", "--format", "json", RAMP]);
    const diagnostic = (JSON.parse(r.stdout) as { files: { diagnostics: Record<string, unknown>[] }[] }).files[0]!.diagnostics[0]!;
    expect(diagnostic).toMatchObject({
      code: "CT203",
      message: "the ramp reaches 50% on 2022-11-30 but this milestone says 60%",
      localized: { lang: "vi", message: "lộ trình đạt 50% vào ngày 2022-11-30 nhưng mốc này ghi 60%" },
    });
  });
});

describe("usage and I/O errors in Vietnamese", () => {
  it("words a bad option value", () => {
    const r = runCli(["check", "--lang", "vi", "--format", "xml", RAMP]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("chitieu: --format: `xml` không hợp lệ; chọn một trong: text, json\n");
  });

  it("words a missing argument and a missing file in a Vietnamese locale", () => {
    const missing = runInVietnamese(["check"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("lỗi: thiếu tham số bắt buộc 'paths'");
    const nowhere = runInVietnamese(["check", "nowhere.ct"]);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toBe("chitieu: không đọc được nowhere.ct: không có tệp hoặc thư mục này\n");
  });
});

describe("chitieu test in Vietnamese", () => {
  it("reports each case and the totals", () => {
    const r = runCli(["--lang", "vi", "test", "policies/brvt-2139-2022.test.json"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ĐẠT policies\/brvt-2139-2022\.test\.json: /m);
    expect(r.stdout).toMatch(/\n\d+ đạt, 0 không đạt\n$/);
  });
});
