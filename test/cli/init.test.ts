/** `chitieu init` in-process: what it writes in each language, and what it tells a new author to run. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compileFile } from "../../src/files/policy.js";
import { initCommand } from "../../src/cli/init.js";
import { runTestFiles } from "../../src/policy-test/run.js";
import { formatSource } from "../../src/syntax/format.js";
import { keywordLanguage } from "../../src/syntax/spelling.js";
import { lexer } from "../../src/syntax/tokens.js";

function init(lang: "en" | "vi", speaking: "en" | "vi" = lang) {
  const dir = join(mkdtempSync(join(tmpdir(), "chitieu-init-")), "new");
  let out = "";
  const code = initCommand(dir, { lang }, { out: (t) => (out += t), err: (t) => (out += t), lang: speaking });
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  return { code, out, dir, read };
}

const commentsOf = (policy: string): string => policy.split("\n").filter((l) => l.startsWith("#")).join("\n");
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

describe.each(["en", "vi"] as const)("chitieu init --lang %s", (lang) => {
  test("writes a policy that checks clean, is formatted, and whose test passes", async () => {
    const { code, dir, read } = init(lang);
    expect(code).toBe(0);
    expect(compileFile(join(dir, "policy.ct")).diagnostics).toEqual([]);
    expect(formatSource(read("policy.ct"), { lang }).text).toBe(read("policy.ct"));
    const report = await runTestFiles([join(dir, "policy.test.json")]);
    expect([report.passed, report.failed]).toEqual([1, 0]);
  });
});

describe("chitieu init in Vietnamese", () => {
  const { read } = init("vi");

  test("writes every keyword and comment of the policy in Vietnamese", () => {
    expect(keywordLanguage(lexer.tokenize(read("policy.ct")).tokens)).toBe("vi");
    expect(read("policy.ct")).not.toMatch(/^(policy|tier|field|metric|target|check)\b/m);
    expect(commentsOf(read("policy.ct"))).toMatch(/^# Chính sách giao chỉ tiêu: .*\n# Từ 31\/03 đạt tối thiểu 40%/);
  });

  test("heads the registry and the data in Vietnamese, and names the test case in Vietnamese", () => {
    expect(read("units.csv").split("\n")[0]).toBe("Mã,Tên,Cấp,Đơn vị cấp trên,Nhóm,Hiệu lực từ,Hiệu lực đến");
    expect(read("data.csv").split("\n")[0]).toBe("Đơn vị,Kỳ,Số hồ sơ tiếp nhận,Số hồ sơ tiếp nhận trực tuyến");
    const test = JSON.parse(read("policy.test.json")) as { cases: { name: string; asOf: string }[] };
    expect(test.cases[0]).toMatchObject({ name: expect.stringMatching(VIETNAMESE_LETTER), asOf: "30/04/2024" });
  });
});

describe("the next steps init prints", () => {
  test.each([
    ["en", "where `chitieu` is not on PATH: `npx chitieu ...`", "`node bin/chitieu.js ...` the one in a checkout of chitieu (`npm link` there"],
    ["vi", "nếu chưa có lệnh `chitieu` trong PATH: `npx chitieu ...`", "`node bin/chitieu.js ...` chạy bản trong thư mục mã nguồn chitieu (chạy `npm link` tại đó"],
  ] as const)("say how to run chitieu when it is not a command (%s)", (speaking, npx, checkout) => {
    const { out, dir } = init("vi", speaking);
    expect(out).toContain(`  chitieu test ${dir}\n`);
    expect(out).toContain(npx);
    expect(out).toContain(checkout);
  });
});
