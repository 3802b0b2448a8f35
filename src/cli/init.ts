/**
 * `chitieu init [DIR]`: a policy, a unit registry, a month of data and a test that passes, so a new
 * author starts from something that checks, scores and tests clean, and edits from there.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { formatSource } from "../syntax/format.js";
import { EXIT, type Output } from "./output.js";
import { cliWords } from "./words.js";

export const InitOptions = z.object({ lang: z.enum(["en", "vi"]).optional() });
export type InitOptions = z.infer<typeof InitOptions>;

const POLICY = `# A target policy: replace the header with the decision's number, date and issuer.
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
`;

const UNITS = `id,name,tier,parent,tags,valid_from,valid_to
so-tu-phap,Sở Tư pháp,province,,,,
so-y-te,Sở Y tế,province,,,,
xa-an-phu,UBND xã An Phú,commune,,,,
`;

const DATA = `unit,period,dossiers,online_dossiers
so-tu-phap,2024-04,200,100
so-y-te,2024-04,300,140
xa-an-phu,2024-04,40,10
`;

const TEST = {
  policy: "policy.ct",
  cases: [
    {
      name: "on 30/04/2024 the ramp asks 50%: Sở Tư pháp is exactly on it, Sở Y tế needs 10 more dossiers",
      asOf: "2024-04-30",
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

export function initCommand(dir: string, options: InitOptions, io: Output): number {
  const lang = options.lang ?? io.lang ?? "en";
  const files: [string, string][] = [
    ["policy.ct", formatSource(POLICY, { lang }).text!],
    ["units.csv", UNITS],
    ["data.csv", DATA],
    ["policy.test.json", `${JSON.stringify(TEST, null, 2)}\n`],
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
  return EXIT.ok;
}
