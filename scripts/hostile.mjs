/**
 * The hostile corpus (issue 13): inputs that once crashed chitieu, hung it or exhausted the machine,
 * each built at two sizes. `small` still crosses the limit it tests and is written to
 * test/fixtures/hostile/ for the suite (test/hostile.test.ts checks exit code and message);
 * `full` is the size that was measured, which `npm run stress` runs with time and memory ceilings.
 *
 *   node scripts/hostile.mjs            writes the small corpus to test/fixtures/hostile/
 *   node scripts/hostile.mjs --check    exits 1 when the written corpus differs from what this builds
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HEAD = "policy p effective 2022-01-01 until 2022-12-31\ntier commune\nfield a field b\nmetric m = a / b\n";
const TARGET = "target t for all: by 2022-11-30 m >= 50%\n";
const score = (formula) => `${HEAD}${TARGET}score s for all = ${formula}\n`;
const nestedIfs = (n) => {
  let e = "m";
  for (let i = 0; i < n; i++) e = `if m >= 1% then ${e} else 1`;
  return e;
};
const ids = (n) => Array.from({ length: n }, (_, i) => `u${i}`);
const units = (n) => `id,name,tier\n${ids(n).map((id) => `${id},${id},commune`).join("\n")}\n`;
const policy = `${HEAD}${TARGET}`;
const evalArgs = (...more) => ["eval", "{dir}/p.ct", "--units", "{dir}/units.csv", "--data", "{dir}/data.csv", "--as-of", "2022-11-30", ...more];

/**
 * Each case: the files it is made of at size `n`, the command (`{dir}` is where the files are),
 * the exit code and a pattern the output (stdout then stderr) must match, and the ceilings of the
 * full size: seconds and megabytes of peak memory on the 2-core machine of DEVELOPERS.md.
 */
export const CASES = [
  {
    name: "unary-minus",
    what: "a score of 700 minus signs in a row (a stack overflow once)",
    size: { small: 70, full: 700 },
    files: (n) => ({ "p.ct": score(`${"-".repeat(n)}m`) }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /error\[CT003\] syntax: .*nested more than 64 deep/,
    ceiling: { seconds: 1, megabytes: 200 },
  },
  {
    name: "nested-ifs",
    what: "780 nested `if ... then` (a stack overflow once)",
    size: { small: 70, full: 780 },
    files: (n) => ({ "p.ct": score(nestedIfs(n)) }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /error\[CT003\] syntax: .*nested more than 64 deep/,
    ceiling: { seconds: 1, megabytes: 200 },
  },
  {
    name: "long-sum",
    what: "a score summing 8,150 terms (8.4 s then a stack overflow in the checker)",
    size: { small: 1001, full: 8150 },
    files: (n) => ({ "p.ct": score(Array(n).fill("m").join(" + ")) }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /error\[CT003\] syntax: .*more than 1,000 terms/,
    ceiling: { seconds: 1, megabytes: 200 },
  },
  {
    name: "misspelt-statements",
    what: "1,500 misspelt statement pairs (parser recovery overflowed the stack)",
    size: { small: 150, full: 1500 },
    files: (n) => ({ "p.ct": `${HEAD}${"tiier x\nfeild y\n".repeat(n)}` }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /error\[CT003\] syntax/,
    ceiling: { seconds: 5, megabytes: 1000 },
  },
  {
    name: "statements-then-typo",
    what: "123,000 statements before one typo (Math.max over them overflowed the stack)",
    size: { small: 3000, full: 123_000 },
    files: (n) => ({ "p.ct": `${HEAD}${Array.from({ length: n }, (_, i) => `tag g${i}\n`).join("")}tiier x\n` }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /error\[CT003\] syntax/,
    ceiling: { seconds: 5, megabytes: 1000 },
  },
  {
    name: "long-string",
    what: "a quoted title of 8.4 million characters (the lexer's regex overflowed the stack)",
    size: { small: 100_000, full: 8_400_000 },
    files: (n) => ({ "p.ct": `${HEAD}${TARGET}tier x "${"a".repeat(n)}"\n` }),
    args: ["check", "{dir}/p.ct"],
    exit: 0,
    output: /checked 1 file: 0 errors, 0 warnings/,
    ceiling: { seconds: 3, megabytes: 600 },
  },
  {
    name: "policy-too-large",
    what: "a policy file over 10 MiB",
    size: { small: 10 * 1024 * 1024 + 1, full: 10 * 1024 * 1024 + 1 },
    files: (n) => ({ "p.ct": `${HEAD}#${"x".repeat(n - HEAD.length)}\n` }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /cannot read `.*p\.ct`: it is larger than a policy file may be \(10 MiB\)\n[\s\S]*help: split the policy into files that import each other/,
    ceiling: { seconds: 1, megabytes: 200 },
    large: true,
  },
  {
    name: "import-outside",
    what: "an import of a file outside the policy's folder (it printed the file's first line)",
    size: { small: 8, full: 8 },
    files: (n) => ({ "p.ct": `${HEAD}import "${"../".repeat(n)}etc/passwd"\n${TARGET}` }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /error\[CT010\] import-not-found(?![\s\S]*root:)/,
    ceiling: { seconds: 1, megabytes: 200 },
  },
  {
    name: "stray-characters",
    what: "200,000 characters outside the language (over 120 s: each error located from the file's start)",
    size: { small: 2000, full: 200_000 },
    files: (n) => ({ "p.ct": `${HEAD}${"@ ".repeat(n)}\n` }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /and [\d,]+ more syntax errors from here on/,
    ceiling: { seconds: 2, megabytes: 400 },
  },
  {
    name: "many-statements",
    what: "100,000 tiers each with a target, 6.5 MB (5.5 s and 1.5 GB to parse)",
    size: { small: 38_500, full: 100_000 },
    files: (n) => ({ "p.ct": `${HEAD}${Array.from({ length: n }, (_, i) => `tier t${i}\ntarget x${i} for tier t${i}: by 2022-11-30 m >= 50%\n`).join("")}` }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /more than 500,000 words, numbers and symbols/,
    ceiling: { seconds: 2, megabytes: 600 },
    large: true,
  },
  {
    name: "equal-targets",
    what: "1,000 targets `for all` on one metric (499,500 errors, 98 s and 1.4 GB)",
    size: { small: 50, full: 1000 },
    files: (n) => ({ "p.ct": `${HEAD}${Array.from({ length: n }, (_, i) => `target t${i} for all: by 2022-11-30 m >= 50%\n`).join("")}` }),
    args: ["check", "{dir}/p.ct"],
    exit: 1,
    output: /and so do \d+ other targets before/,
    ceiling: { seconds: 2, megabytes: 300 },
  },
  {
    name: "unit-targets",
    what: "2,000 declared units each with its own target and a target for all (210 s: pairs of targets times units)",
    size: { small: 50, full: 2000 },
    files: (n) => ({ "p.ct": `${HEAD}${Array.from({ length: n }, (_, i) => `unit u${i} tier commune\ntarget t${i} for unit u${i}: by 2022-11-30 m >= 50%\n`).join("")}` }),
    args: ["check", "{dir}/p.ct"],
    exit: 0,
    output: /checked 1 file: 0 errors/,
    ceiling: { seconds: 2, megabytes: 300 },
  },
  {
    name: "json-deep-cell",
    what: "a JSON cell nested 5,000 arrays deep (JSON.stringify overflowed the stack)",
    size: { small: 5000, full: 50_000 },
    files: (n) => ({ "p.ct": policy, "units.csv": units(1), "data.json": `[{"unit": ${"[".repeat(n)}${"]".repeat(n)}, "period": "2022-10", "a": 1, "b": 2}]` }),
    args: ["eval", "{dir}/p.ct", "--units", "{dir}/units.csv", "--data", "{dir}/data.json", "--as-of", "2022-11-30"],
    exit: 3,
    output: /`unit` must be text, not \[…\]/,
    ceiling: { seconds: 2, megabytes: 300 },
  },
  {
    name: "far-months",
    what: "rows dated 1900-01 and 2999-12 for 10,000 units (12 s and 3.2 GB: the month axis was the span)",
    size: { small: 100, full: 10_000 },
    files: (n) => ({ "p.ct": policy, "units.csv": units(n), "data.csv": `unit,period,a,b\n${ids(n).map((id) => `${id},1900-01,1,2\n${id},2999-12,1,2\n${id},2022-11,1,2`).join("\n")}\n` }),
    args: evalArgs("--format", "csv"),
    exit: 0,
    output: /^unit,/,
    ceiling: { seconds: 5, megabytes: 500 },
  },
  {
    name: "report-far-as-of",
    what: "a report as of 2999-12-31 (20 s and 1.7 GB on the example: a chart point per month)",
    size: { small: 100, full: 1000 },
    files: (n) => ({ "p.ct": policy.replace(" until 2022-12-31", ""), "units.csv": units(n), "data.csv": `unit,period,a,b\n${ids(n).map((id) => `${id},2022-10,1,2\n${id},2022-11,1,2`).join("\n")}\n` }),
    args: ["report", "{dir}/p.ct", "--units", "{dir}/units.csv", "--data", "{dir}/data.csv", "--as-of", "2999-12-31", "--out", "{dir}/report.html"],
    exit: 0,
    output: /wrote .*report\.html/,
    ceiling: { seconds: 5, megabytes: 600 },
  },
  {
    name: "long-unknown-id",
    what: "a unit id of 1 MB that names no unit (88 s and 1.7 GB for its did-you-mean)",
    size: { small: 20_000, full: 1_000_000 },
    files: (n) => ({ "p.ct": policy, "units.csv": units(50), "data.csv": `unit,period,a,b\nx${"u".repeat(n)},2022-11,1,2\n` }),
    args: evalArgs(),
    exit: 3,
    output: /names no known unit: `xuuu/,
    ceiling: { seconds: 2, megabytes: 300 },
  },
  {
    name: "rejected-flood",
    what: "a million rows of an unknown unit (2.2 GB and 358 MB of JSON)",
    size: { small: 2000, full: 1_000_000 },
    files: (n) => ({ "p.ct": policy, "units.csv": units(1), "data.csv": `unit,period,a,b\n${"nowhere,2022-11,1,2\n".repeat(n)}` }),
    args: evalArgs("--format", "json"),
    exit: 3,
    output: /more issues like this \(unknown-unit\)/,
    ceiling: { seconds: 5, megabytes: 500 },
  },
  {
    name: "wide-header",
    what: "a CSV header of 100,000 columns (16.6 s: the duplicate check was quadratic)",
    size: { small: 5000, full: 100_000 },
    files: (n) => ({ "p.ct": policy, "units.csv": units(1), "data.csv": `unit,period,a,b,${Array.from({ length: n }, (_, i) => `c${i}`).join(",")}\nu0,2022-11,1,2${",".repeat(n)}\n` }),
    args: evalArgs("--format", "csv"),
    exit: 0,
    output: /and 99?1 more; --format json lists them all/,
    ceiling: { seconds: 5, megabytes: 500 },
  },
  {
    name: "sum-past-2-53",
    what: "counts whose sum passes 2^53 (reported 100% met where the exact rate is not)",
    size: { small: 1, full: 1 },
    files: () => ({ "p.ct": policy, "units.csv": units(1), "data.csv": "unit,period,a,b\nu0,2022-10,9007199254740991,9007199254740991\nu0,2022-11,1,2\n" }),
    args: evalArgs("--format", "json"),
    exit: 0,
    output: /would sum past 9,007,199,254,740,991/,
    ceiling: { seconds: 1, megabytes: 200 },
  },
  {
    name: "csv-injection",
    what: "unit ids that a spreadsheet would run as formulas",
    size: { small: 1, full: 1 },
    files: () => ({ "p.ct": policy, "units.csv": 'id,name,tier\n"=HYPERLINK(""http://x"",""y"")",a,commune\n+cmd|x,b,commune\n', "data.csv": 'unit,period,a,b\n"=HYPERLINK(""http://x"",""y"")",2022-11,1,2\n+cmd|x,2022-11,1,2\n' }),
    args: evalArgs("--format", "csv"),
    exit: 0,
    output: /^(?![\s\S]*\n"?[=+])[\s\S]*\n"'=HYPERLINK[\s\S]*\n'\+cmd/,
    ceiling: { seconds: 1, megabytes: 200 },
  },
  {
    name: "escape-sequences",
    what: "terminal escape sequences in a unit's name and a data cell",
    size: { small: 1, full: 1 },
    files: () => ({ "p.ct": policy, "units.csv": "id,name,tier\nu0,\u001b]0;owned\u0007\u001b[2J,commune\n", "data.csv": "unit,period,a,b\nu0,2022-11,\u001b[31mred,2\n" }),
    args: ["explain", "{dir}/p.ct", "--units", "{dir}/units.csv", "--data", "{dir}/data.csv", "--as-of", "2022-11-30", "--unit", "u0"],
    exit: 0,
    output: /^[^\u001b\u0007]*$/,
    ceiling: { seconds: 1, megabytes: 200 },
  },
];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CORPUS = join(root, "test/fixtures/hostile");

/** The small corpus as files: `name/file` -> content. */
function smallCorpus() {
  const files = new Map();
  for (const c of CASES) {
    if (c.large) continue;
    for (const [file, content] of Object.entries(c.files(c.size.small))) files.set(join(c.name, file), content);
  }
  return files;
}

/** Writes `c`'s files at size `n` under `dir`. */
export function writeCase(c, n, dir) {
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(c.files(n))) writeFileSync(join(dir, file), content);
}

function main(argv) {
  const files = smallCorpus();
  if (argv.includes("--check")) {
    const stale = [...files].filter(([file, content]) => {
      try {
        return readFileSync(join(CORPUS, file), "utf8") !== content;
      } catch {
        return true;
      }
    });
    for (const [file] of stale) console.error(`stale: test/fixtures/hostile/${file}; run node scripts/hostile.mjs`);
    return stale.length === 0 ? 0 : 1;
  }
  rmSync(CORPUS, { recursive: true, force: true });
  for (const [file, content] of files) {
    mkdirSync(dirname(join(CORPUS, file)), { recursive: true });
    writeFileSync(join(CORPUS, file), content);
  }
  console.log(`wrote ${files.size} files in ${readdirSync(CORPUS).length} cases to test/fixtures/hostile/`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
