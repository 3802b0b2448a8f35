// Streaming ingest of a large generated CSV: `streamObservations` against plain readline + split
// over the same file, and `readObservations` on a slice of it. See `--help`.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { mulberry32 } from "./generate.mjs";

const HELP = `node bench/ingest.mjs [--rows N] [--units N] [--seed N] [--slice N] [--chunk BYTES] [--dist DIR] [--keep]

  --rows N      rows of data to generate (10,000,000)
  --units N     units reporting every month (10,000); months = rows / units
  --seed N      mulberry32 seed (1592598564)
  --slice N     rows of the file readObservations reads as a baseline, 0 to skip (200,000)
  --chunk BYTES read size (1 MiB)
  --dist DIR    the build to measure (dist)
  --keep        keep the generated file and print its path`;

const FIELDS = ["dossiers", "online_dossiers", "on_time", "services", "services_used"];
/** One row in this many is bad (unknown unit, bad period or bad count), and one in this many has an empty cell. */
const BAD_EVERY = 100_003;
const EMPTY_EVERY = 997;

function options() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "10000000" },
      units: { type: "string", default: "10000" },
      seed: { type: "string", default: "1592598564" },
      slice: { type: "string", default: "200000" },
      chunk: { type: "string", default: String(1 << 20) },
      dist: { type: "string", default: "dist" },
      keep: { type: "boolean", default: false },
      // Internal: run one reader over an existing file and print its figures as JSON.
      measure: { type: "string" },
      file: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const number = (name) => {
    const n = Number(values[name].replaceAll("_", ""));
    if (!Number.isSafeInteger(n) || n < 0) {
      console.error(`--${name} must be a whole number, not ${values[name]}\n\n${HELP}`);
      process.exit(2);
    }
    return n;
  };
  return { rows: number("rows"), units: Math.max(1, number("units")), seed: number("seed"), slice: number("slice"), chunk: Math.max(1, number("chunk")), dist: values.dist, keep: values.keep, measure: values.measure, file: values.file };
}


/** 63 provinces, their communes numbered: `p01-c0001`. */
const unitIds = (n) => Array.from({ length: n }, (_, i) => `p${String((i % 63) + 1).padStart(2, "0")}-c${String(Math.floor(i / 63) + 1).padStart(4, "0")}`);

const month = (i) => `${1950 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

/**
 * Every unit every month from 1950-01, month by month as national exports come, written in
 * pieces so the file is never held. Returns the sums of the counts of the good rows by field.
 */
async function generate(path, { rows, units, seed }) {
  const random = mulberry32(seed);
  const ids = unitIds(units);
  const sums = FIELDS.map(() => 0);
  const out = createWriteStream(path);
  let piece = `unit,period,${FIELDS.join(",")}\n`;
  let bad = 0;
  for (let r = 0; r < rows; r++) {
    const unit = ids[r % units];
    const period = month(Math.floor(r / units));
    const dossiers = Math.floor(random() * 5000);
    const counts = [dossiers, Math.floor(dossiers * random()), Math.floor(dossiers * random()), 40 + Math.floor(random() * 60), Math.floor(random() * 40)];
    if (r % EMPTY_EVERY === 5) counts[1 + (r % 4)] = "";
    if (r % BAD_EVERY === 7) {
      bad++;
      const kind = bad % 3;
      piece += kind === 0 ? `${unit}x,${period},${counts.join(",")}\n` : kind === 1 ? `${unit},${period}-13,${counts.join(",")}\n` : `${unit},${period},${counts.join(",")}.5\n`;
    } else {
      piece += `${unit},${period},${counts.join(",")}\n`;
      counts.forEach((c, k) => (sums[k] += c === "" ? 0 : c));
    }
    if (piece.length > 1 << 20) {
      if (!out.write(piece)) await new Promise((resolve) => out.once("drain", resolve));
      piece = "";
    }
  }
  out.end(piece);
  await new Promise((resolve, reject) => out.on("finish", resolve).on("error", reject));
  return { sums, bad };
}

async function streamed(lib, path, ids, chunk) {
  const sums = FIELDS.map(() => 0);
  let progress = 0;
  let issues = 0;
  const rows = { read: 0, used: 0 };
  const input = createReadStream(path, { highWaterMark: chunk });
  const batches = lib.streamObservations(input, {
    file: path,
    fields: new Set(FIELDS),
    units: new Set(ids),
    maxBytes: Infinity,
    onProgress: () => progress++,
  });
  for await (const batch of batches) {
    // By name, since the header decides the order of `counts`.
    batch.fields.forEach((field, k) => {
      const column = batch.counts[k];
      let sum = 0;
      for (let i = 0; i < batch.size; i++) if (column[i] === column[i]) sum += column[i];
      sums[FIELDS.indexOf(field)] += sum;
    });
    rows.read += batch.rows.read;
    rows.used += batch.rows.used;
    issues += batch.issues.length;
  }
  return { sums, rows, issues, progress };
}

async function readlineSplit(path, chunk) {
  const sums = FIELDS.map(() => 0);
  let rows = -1;
  const lines = createInterface({ input: createReadStream(path, { highWaterMark: chunk }), crlfDelay: Infinity });
  for await (const line of lines) {
    rows++;
    if (rows === 0) continue;
    const cells = line.split(",");
    for (let k = 0; k < FIELDS.length; k++) sums[k] += Number(cells[k + 2]) || 0;
  }
  return { rows, sums };
}

/** The header and the first `rows` rows, as one text. */
async function slice(path, rows) {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(Math.min((await stat(path)).size, (rows + 1) * 64));
    await file.read(buffer, 0, buffer.length, 0);
    const text = buffer.toString("utf8");
    let end = -1;
    for (let i = 0; i <= rows && (end = text.indexOf("\n", end + 1)) >= 0; i++);
    return text.slice(0, end < 0 ? text.length : end + 1);
  } finally {
    await file.close();
  }
}

/** Wall and CPU seconds, since other work on the machine stretches the first. */
async function time(run) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

const MEASURES = {
  async stream(lib, path, opts) {
    const run = await time(() => streamed(lib, path, unitIds(opts.units), opts.chunk));
    return { ...run, rows: run.result.rows.read };
  },
  async readline(lib, path, opts) {
    const run = await time(() => readlineSplit(path, opts.chunk));
    return { ...run, rows: run.result.rows };
  },
  async whole(lib, path, opts) {
    const text = await slice(path, opts.slice);
    const run = await time(async () => lib.readObservations(text, { file: path, format: "csv", fields: new Set(FIELDS), units: new Set(unitIds(opts.units)) }).rows);
    return { ...run, rows: run.result.read, bytes: Buffer.byteLength(text) };
  },
};

/** Each reader in a process of its own, so its peak RSS is its own. */
function measure(kind, path, opts) {
  const passed = ["units", "slice", "chunk", "dist"].flatMap((name) => [`--${name}`, String(opts[name])]);
  const args = [...process.execArgv, fileURLToPath(import.meta.url), "--measure", kind, "--file", path, ...passed];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${kind}: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

const rate = (n, seconds) => `${(n / seconds / 1e6).toFixed(2)} M rows/s`;
const mbps = (bytes, seconds) => `${(bytes / seconds / 1e6).toFixed(0)} MB/s`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
const line = (name, m, bytes) =>
  `${name}: ${rate(m.rows, m.seconds)}, ${mbps(bytes, m.seconds)} (${m.seconds.toFixed(2)} s wall; per CPU second ${rate(m.rows, m.cpu)}, ${mbps(bytes, m.cpu)}); peak RSS ${mb(m.maxRSS)}`;

// The data modules rather than index.js, whose other imports (the workbook writer, the parser)
// would add some 40 MB to every figure of peak memory.
async function load(dist) {
  const module = (name) => import(new URL(`../${dist}/data/${name}.js`, import.meta.url).href);
  return { ...(await module("stream")), ...(await module("observations")) };
}

async function child(opts) {
  const lib = await load(opts.dist);
  const m = await MEASURES[opts.measure](lib, opts.file, opts);
  process.stdout.write(JSON.stringify({ ...m, maxRSS: process.resourceUsage().maxRSS }));
}

async function main() {
  const opts = options();
  if (opts.measure) return child(opts);
  try {
    await load(opts.dist);
  } catch {
    console.error(`no build in ${opts.dist}/: run npx tsc -p tsconfig.build.json first`);
    process.exit(2);
  }
  const dir = await mkdtemp(join(tmpdir(), "chitieu-ingest-"));
  const path = join(dir, "data.csv");
  try {
    const made = await time(() => generate(path, opts));
    const bytes = (await stat(path)).size;
    const months = Math.ceil(opts.rows / opts.units);
    console.log(`generated ${opts.rows.toLocaleString("en")} rows (${opts.units.toLocaleString("en")} units x ${months} months, ${made.result.bad} bad rows), ${(bytes / 1e6).toFixed(0)} MB in ${made.seconds.toFixed(1)} s`);

    const s = await measure("stream", path, opts);
    const same = s.result.sums.every((sum, k) => sum === made.result.sums[k]);
    console.log(line("streamObservations", s, bytes));
    console.log(`  ${s.result.rows.read.toLocaleString("en")} read, ${s.result.rows.used.toLocaleString("en")} used, ${s.result.issues} issues, ${s.result.progress} progress calls; sums per field ${same ? "match" : "DIFFER"}`);
    console.log(line("readline + split, no validation", await measure("readline", path, opts), bytes));
    if (opts.slice > 0) {
      const whole = await measure("whole", path, opts);
      console.log(line(`readObservations, first ${whole.rows.toLocaleString("en")} rows as one text`, whole, whole.bytes));
    }
    if (!same) process.exitCode = 1;
  } finally {
    if (opts.keep) console.log(`kept ${path}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

await main();
