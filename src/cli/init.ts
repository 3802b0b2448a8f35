/**
 * `chitieu init [DIR]`: a policy, a unit registry, a month of data and a test that passes, so a new
 * author starts from something that checks, scores and tests clean, and edits from there.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import "../text/jitless.js";
import { z } from "zod";
import { formatSource } from "../syntax/format.js";
import { EXIT, type Output } from "./output.js";
import { cliWords } from "./words.js";

export const InitOptions = z.object({ lang: z.enum(["en", "vi"]).optional() });
export type InitOptions = z.infer<typeof InitOptions>;

type InitLang = NonNullable<InitOptions["lang"]>;

/** What a new author starts from, in one language throughout: keywords, comments, headings and the test's words. */
interface Scaffold {
  readonly policy: string;
  readonly units: string;
  readonly data: string;
  readonly caseName: string;
  readonly asOf: string;
}

const SCAFFOLDS: Readonly<Record<InitLang, Scaffold>> = {
  en: {
    policy: `# A target policy: replace the header with the decision's number, date and issuer.
policy my-policy "Giao chỉ tiêu DVCTT"
  decision "123/QĐ-UBND" dated 2024-01-15 issued by "UBND tỉnh"
  effective 2024-01-15 until 2024-12-31

tier province "Sở, ban, ngành"
tier commune "UBND cấp xã"

field dossiers "Số hồ sơ tiếp nhận"
field online_dossiers "Số hồ sơ tiếp nhận trực tuyến"

metric online_share "Tỷ lệ hồ sơ trực tuyến" = online_dossiers / dossiers

# From 31/03 at least 40%, then 10 more points each month, so that by 31/05 at least 60%.
target online_province "Tỷ lệ hồ sơ trực tuyến (cấp tỉnh)" for tier province:
  from 2024-03-31 online_share >= 40%, monthly +10%, by 2024-05-31 >= 60%

target online_commune "Tỷ lệ hồ sơ trực tuyến (cấp xã)" for tier commune:
  by 2024-05-31 online_share >= 30%

check online_dossiers <= dossiers
`,
    units: `id,name,tier,parent,tags,valid_from,valid_to
so-tu-phap,Sở Tư pháp,province,,,,
so-y-te,Sở Y tế,province,,,,
xa-an-phu,UBND xã An Phú,commune,,,,
`,
    data: `unit,period,dossiers,online_dossiers
so-tu-phap,2024-04,200,100
so-y-te,2024-04,300,140
xa-an-phu,2024-04,40,10
`,
    caseName: "on 30/04/2024 the ramp asks 50%: Sở Tư pháp is exactly on it, Sở Y tế needs 10 more dossiers",
    asOf: "2024-04-30",
  },
  vi: {
    policy: `# Chính sách giao chỉ tiêu: thay phần đầu bằng số, ngày ban hành và cơ quan ban hành quyết định.
chính sách my-policy "Giao chỉ tiêu DVCTT"
  quyết định "123/QĐ-UBND" ngày 15/01/2024 của "UBND tỉnh"
  hiệu lực 15/01/2024 đến hết 31/12/2024

cấp province "Sở, ban, ngành"
cấp commune "UBND cấp xã"

trường dossiers "Số hồ sơ tiếp nhận"
trường online_dossiers "Số hồ sơ tiếp nhận trực tuyến"

chỉ số online_share "Tỷ lệ hồ sơ trực tuyến" = online_dossiers / dossiers

# Từ 31/03 đạt tối thiểu 40%, sau đó mỗi tháng tăng thêm 10 điểm phần trăm, để đến 31/05 đạt tối thiểu 60%.
chỉ tiêu online_province "Tỷ lệ hồ sơ trực tuyến (cấp tỉnh)" cho cấp province:
  từ 31/03/2024 online_share tối thiểu 40%, hàng tháng +10%, đến 31/05/2024 tối thiểu 60%

chỉ tiêu online_commune "Tỷ lệ hồ sơ trực tuyến (cấp xã)" cho cấp commune:
  đến 31/05/2024 online_share tối thiểu 30%

kiểm tra online_dossiers tối đa dossiers
`,
    units: `Mã,Tên,Cấp,Đơn vị cấp trên,Nhóm,Hiệu lực từ,Hiệu lực đến
so-tu-phap,Sở Tư pháp,province,,,,
so-y-te,Sở Y tế,province,,,,
xa-an-phu,UBND xã An Phú,commune,,,,
`,
    data: `Đơn vị,Kỳ,Số hồ sơ tiếp nhận,Số hồ sơ tiếp nhận trực tuyến
so-tu-phap,04/2024,200,100
so-y-te,04/2024,300,140
xa-an-phu,04/2024,40,10
`,
    caseName: "ngày 30/04/2024 lộ trình yêu cầu 50%: Sở Tư pháp đạt đúng mức này, Sở Y tế cần thêm 10 hồ sơ",
    asOf: "30/04/2024",
  },
};

function testFile(scaffold: Scaffold): string {
  const test = {
    policy: "policy.ct",
    cases: [
      {
        name: scaffold.caseName,
        asOf: scaffold.asOf,
        unitsFile: "units.csv",
        dataFile: "data.csv",
        expect: [
          { unit: "so-tu-phap", metric: "online_share", threshold: 50, actual: 50, status: "met", needed: 0 },
          { unit: "so-y-te", metric: "online_share", threshold: 50, status: "missed", needed: 10 },
          { unit: "xa-an-phu", metric: "online_share", status: "not-due" },
        ],
      },
    ],
  };
  return `${JSON.stringify(test, null, 2)}\n`;
}

/** A new author has often just cloned or installed chitieu, and `chitieu` is not a command yet. */
const NOT_ON_PATH: Readonly<Record<InitLang, string>> = {
  en: "where `chitieu` is not on PATH: `npx chitieu ...` runs the one installed in the project, and `node bin/chitieu.js ...` the one in a checkout of chitieu (`npm link` there, or `npm install -g`, makes `chitieu` a command)",
  vi: "nếu chưa có lệnh `chitieu` trong PATH: `npx chitieu ...` chạy bản chitieu đã cài trong dự án, `node bin/chitieu.js ...` chạy bản trong thư mục mã nguồn chitieu (chạy `npm link` tại đó, hoặc `npm install -g`, để có lệnh `chitieu`)",
};

export function initCommand(dir: string, options: InitOptions, io: Output): number {
  const lang = options.lang ?? io.lang ?? "en";
  const scaffold = SCAFFOLDS[lang];
  const files: [string, string][] = [
    ["policy.ct", formatSource(scaffold.policy, { lang }).text ?? scaffold.policy],
    ["units.csv", scaffold.units],
    ["data.csv", scaffold.data],
    ["policy.test.json", testFile(scaffold)],
  ];
  const existing = files.map(([name]) => join(dir, name)).filter((path) => existsSync(path));
  if (existing.length > 0) {
    io.err(`chitieu: ${cliWords(io.lang).notOverwriting(existing)}\n`);
    return EXIT.usage;
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) {
    writeFileSync(join(dir, name), content);
    io.out(`${cliWords(io.lang).created(join(dir, name))}\n`);
  }
  io.out(`\n${cliWords(io.lang).next}\n  chitieu check ${join(dir, "policy.ct")}\n  chitieu test ${dir}\n  chitieu eval ${join(dir, "policy.ct")} --units ${join(dir, "units.csv")} --data ${join(dir, "data.csv")} --as-of 2024-04-30\n`);
  io.out(`(${NOT_ON_PATH[io.lang ?? "en"]})\n`);
  return EXIT.ok;
}
