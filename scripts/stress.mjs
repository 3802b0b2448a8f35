/**
 * `npm run stress`: the hostile corpus (scripts/hostile.mjs) at full size, each case in its own
 * process, against its time and memory ceilings. Prints a table; exits 1 when a case is over a
 * ceiling, gets another exit code or lacks its message. `--only NAME` runs one case.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CASES, writeCase } from "./hostile.mjs";

/** Cases that need more than files: standard input from /dev/zero. */
const STREAMS = [
  {
    name: "stdin-zero",
    what: "--data - from /dev/zero (an abort, or ERR_STRING_TOO_LONG)",
    size: { full: 1 },
    files: () => ({ "p.ct": "policy p effective 2022-01-01\ntier commune\nfield a field b\nmetric m = a / b\ntarget t for all: by 2022-11-30 m >= 50%\n", "units.csv": "id,name,tier\nu0,u0,commune\n" }),
    args: ["eval", "{dir}/p.ct", "--units", "{dir}/units.csv", "--data", "-", "--as-of", "2022-11-30"],
    stdin: "/dev/zero",
    exit: 3,
    output: /-:1 rejected: the file is larger than 512 MiB/,
    ceiling: { seconds: 10, megabytes: 1000 },
  },
];

const runner = fileURLToPath(new URL("./stress-run.mjs", import.meta.url));
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const work = mkdtempSync(join(tmpdir(), "chitieu-stress-"));
let failed = 0;

console.log("case                        seconds   ceiling     MB  ceiling  exit  result");
for (const c of [...CASES, ...STREAMS].filter((c) => only === undefined || c.name === only)) {
  const dir = join(work, c.name);
  writeCase(c, c.size.full, dir);
  const args = c.args.map((a) => a.replaceAll("{dir}", dir));
  const stdin = c.stdin ? openSync(c.stdin, "r") : "ignore";
  const result = join(work, "result.json");
  const child = spawnSync(process.execPath, [runner, ...args], { stdio: [stdin, "ignore", "pipe"], env: { ...process.env, STRESS_RESULT: result }, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
  // A run that crashed wrote no result: its stack trace on stderr is its output.
  const run = child.status === 0 ? JSON.parse(readFileSync(result, "utf8")) : { exit: `crash (${child.status ?? child.signal})`, output: child.stderr };
  const problems = [
    ...(run.exit !== c.exit ? [`exit ${run.exit}, not ${c.exit}`] : []),
    ...(c.output.test(run.output ?? "") ? [] : ["message not found"]),
    ...(run.seconds > c.ceiling.seconds ? ["too slow"] : []),
    ...(run.megabytes > c.ceiling.megabytes ? ["too much memory"] : []),
  ];
  if (problems.length > 0) failed++;
  const row = [c.name.padEnd(26), run.seconds?.toFixed(2).padStart(8), String(c.ceiling.seconds).padStart(9), Math.round(run.megabytes ?? 0).toString().padStart(6), String(c.ceiling.megabytes).padStart(8), String(run.exit).padStart(5)];
  console.log(`${row.join(" ")}  ${problems.length === 0 ? "ok" : problems.join(", ")}`);
  if (problems.length > 0) console.log(`  ${c.what}\n  ${(run.output ?? child.stderr ?? "").slice(0, 600).replaceAll("\n", "\n  ")}`);
  rmSync(dir, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });
process.exitCode = failed === 0 ? 0 : 1;
