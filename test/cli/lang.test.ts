/**
 * Messages in Vietnamese: `--lang vi` before or after the command, or a Vietnamese locale. In-process
 * through `main`, a Vietnamese locale is `lang: "vi"`; one test runs the CLI as a process with LANG
 * set, for the step from the environment to that language.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Run } from "../support/cli.js";
import { runMain } from "../support/main.js";

const RAMP = "test/fixtures/bad/ramp_mismatch_bad.ct";

/** The CLI in a Vietnamese terminal: LANG set as a Vietnamese Ubuntu sets it, nothing overriding it. */
function processInVietnamese(args: readonly string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LANG: "vi_VN.UTF-8" };
  delete env["LC_ALL"];
  delete env["LC_MESSAGES"];
  delete env["FORCE_COLOR"];
  const result = spawnSync(process.execPath, ["bin/chitieu.js", ...args], { encoding: "utf8", env, timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `main` as bin/chitieu.js calls it in a Vietnamese locale. */
const inVietnamese = (args: readonly string[]): Promise<Run> => runMain(args, undefined, "vi");

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
  it("speaks Vietnamese with the global --lang vi", async () => {
    expectRampInVietnamese(await runMain(["--lang", "vi", "check", RAMP]));
  });

  it("speaks Vietnamese with --lang vi after the command", async () => {
    expectRampInVietnamese(await runMain(["check", RAMP, "--lang", "vi"]));
  });

  it("speaks Vietnamese in a Vietnamese locale, and English when --lang en says so", () => {
    expectRampInVietnamese(processInVietnamese(["check", RAMP]));
    const english = processInVietnamese(["--lang", "en", "check", RAMP]);
    expect(english.stdout).toContain("error[CT203] ramp-mismatch: the ramp reaches 50% on 2022-11-30 but this milestone says 60%");
    expect(english.stdout).toContain("checked 1 file: 1 error, 0 warnings");
  });

  it("keeps the English message in JSON and adds the Vietnamese one under `localized`", async () => {
    const r = await runMain(["--lang", "vi", "check", "--format", "json", RAMP]);
    const diagnostic = (JSON.parse(r.stdout) as { files: { diagnostics: Record<string, unknown>[] }[] }).files[0]!.diagnostics[0]!;
    expect(diagnostic).toMatchObject({
      code: "CT203",
      message: "the ramp reaches 50% on 2022-11-30 but this milestone says 60%",
      localized: { lang: "vi", message: "lộ trình đạt 50% vào ngày 2022-11-30 nhưng mốc này ghi 60%" },
    });
  });
});

describe("usage and I/O errors in Vietnamese", () => {
  it("words a bad option value", async () => {
    const r = await runMain(["check", "--lang", "vi", "--format", "xml", RAMP]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("chitieu: --format: `xml` không hợp lệ; chọn một trong: text, json\n");
  });

  it("words a missing argument and a missing file in a Vietnamese locale", async () => {
    const missing = await inVietnamese(["check"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("lỗi: thiếu tham số bắt buộc 'paths'");
    const nowhere = await inVietnamese(["check", "nowhere.ct"]);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toBe("chitieu: không đọc được nowhere.ct: không có tệp hoặc thư mục này\n");
  });
});

describe("chitieu test in Vietnamese", () => {
  it("reports each case and the totals", async () => {
    const r = await runMain(["--lang", "vi", "test", "policies/brvt-2139-2022.test.json"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ĐẠT policies\/brvt-2139-2022\.test\.json: /m);
    expect(r.stdout).toMatch(/\n\d+ đạt, 0 không đạt\n$/);
  });
});

describe("chitieu test in Vietnamese: failures and problems", () => {
  const FIXTURES = "test/fixtures/policy-test-vi";

  it("words a failing case's expected and actual values, and exits 1", async () => {
    const file = `${FIXTURES}/failing.test.json`;
    const r = await runMain(["--lang", "vi", "test", file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        `KHÔNG ĐẠT ${file}: Sở Y tế trên mốc 45%`,
        "  so-y-te online_share: cần status missed, thực tế met",
        "  so-y-te online_share: cần needed 3, thực tế 0",
        "  so-y-t online_share: cần có kết quả, thực tế không có: `so-y-t` không thuộc danh sách đơn vị của trường hợp kiểm thử; có phải là `so-y-te` không?",
        "  vấn đề dữ liệu: cần không có vấn đề nào, thực tế unknown-unit ở dòng 2 của `data`: mục 2: cột `unit` ghi đơn vị không có trong danh mục: `so-y-tee`; có phải là `so-y-te` không?",
        "0 đạt, 1 không đạt",
        "",
      ].join("\n"),
    );
  });

  it("keeps English in a Vietnamese locale when --lang en says so, and the JSON message in English with its args", async () => {
    const file = `${FIXTURES}/failing.test.json`;
    expect((await inVietnamese(["--lang", "en", "test", file])).stdout).toContain("  so-y-t online_share: expected a result, got none: `so-y-t` is not among the case's units; did you mean `so-y-te`?\n");
    const report = JSON.parse((await runMain(["--lang", "vi", "test", "--format", "json", file])).stdout) as { files: { cases: { mismatches: Record<string, unknown>[] }[] }[] };
    expect(report.files[0]!.cases[0]!.mismatches[2]).toMatchObject({ expected: "a result", args: { expected: { kind: "a-result" }, actual: { kind: "not-among-units", unit: "so-y-t" } } });
  });

  it("words an unknown key in an invalid test file, and exits 2", async () => {
    const file = `${FIXTURES}/invalid.test.json`;
    const r = await inVietnamese(["test", file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(`KHÔNG ĐẠT ${file}: tệp kiểm thử không hợp lệ\n0 đạt, 1 không đạt\n`);
    expect(r.stderr).toContain(`chitieu: ${file}: cases[0]: khóa không xác định \`expcet\`; có phải là \`expect\` không?\n`);
  });

  it("words JSON that does not parse, with the line and column", async () => {
    const file = `${FIXTURES}/not-json.test.json`;
    const r = await runMain(["test", file, "--lang", "vi"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`chitieu: ${file}: không phải JSON hợp lệ ở dòng 3, cột 13: Unexpected token ','\n`);
  });
});

describe("chitieu eval in Vietnamese", () => {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-lang-"));
  const data = join(dir, "data.csv");
  writeFileSync(
    data,
    ["unit,period,dossiers,online_dossiers,online_services,services_with_dossiers", "so-noi-vu,2022-10,259,47,95,42", "so-y-tee,2022-10,1.373,2,1,1"].join("\n"),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const evalArgs = (more: readonly string[]) => ["eval", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--as-of", "2022-11-30", ...more];

  it("words a bad data row in Vietnamese, and exits as in English", async () => {
    const vi = await runMain(["--lang", "vi", ...evalArgs(["--data", data])]);
    const en = await runMain(evalArgs(["--data", data]));
    expect(vi.status).toBe(en.status);
    expect(en.stdout).toContain("[unit] rejected: `unit` names no known unit: `so-y-tee`; did you mean `so-y-te`?");
    expect(vi.stdout).toContain("[unit] loại: cột `unit` ghi đơn vị không có trong danh mục: `so-y-tee`; có phải là `so-y-te` không?");
    expect(vi.stdout).toContain(
      '[dossiers] loại: cột `dossiers` không phải là số nguyên: `1.373`; nếu dấu chấm dùng để phân cách hàng nghìn, hãy đọc tệp với numbers: "vi" (--numbers vi)',
    );
    expect(vi.stdout).not.toMatch(/rejected|names no known/);
  });

  it("keeps the English message in JSON, with the arguments to word it", async () => {
    const r = await runMain(["--lang", "vi", ...evalArgs(["--data", data, "--format", "json"])]);
    const issue = (JSON.parse(r.stdout) as { dataIssues: Record<string, unknown>[] }).dataIssues.find((i) => i["column"] === "unit");
    expect(issue).toMatchObject({ message: "`unit` names no known unit: `so-y-tee`; did you mean `so-y-te`?", args: { kind: "cell", column: "unit" } });
  });

  it("words a missing file", async () => {
    const r = await runMain(evalArgs(["--data", join(dir, "nowhere.csv"), "--lang", "vi"]));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`chitieu: không đọc được ${join(dir, "nowhere.csv")}: không có tệp hoặc thư mục này\n`);
  });

  it("words --format xlsx without --out", async () => {
    const r = await inVietnamese(evalArgs(["--data", data, "--format", "xlsx"]));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("chitieu: --format xlsx ghi ra một tệp Excel: hãy chỉ định --out TÊN_TỆP.xlsx\n");
  });
});

describe("chitieu schedule in Vietnamese", () => {
  it("words the header and the milestones, dates and decimal marks the Vietnamese way, and keeps ids", async () => {
    const r = await runMain(["schedule", "policies/brvt-2139-2022.ct", "--tier", "province", "--lang", "vi"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("\n  quyết định số 2139/QĐ-UBND, UBND tỉnh Bà Rịa - Vũng Tàu\n  hiệu lực từ 03/08/2022 đến 31/12/2022\n");
    expect(r.stdout).toContain("\nCơ quan hành chính cấp tỉnh (sở, ban, ngành) (cấp province)\n");
    expect(r.stdout).toContain("  online_share: chỉ tiêu online_share_province (policies/brvt-2139-2022.ct:48)\n    30/09/2022  >= 30%\n    31/10/2022  >= 45%  (bước)\n");
    expect(r.stdout).not.toMatch(/decision|effective|target |\(step\)/);
  });
});
