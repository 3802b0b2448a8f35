/** The progress bar: drawn on a terminal for a large data file only, throttled, wiped at the end. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Output } from "../../src/cli/output.js";
import { PROGRESS_MIN_BYTES, progressFor, progressLine } from "../../src/cli/progress.js";

function capture(progress: boolean): { io: Output; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t), colour: false, lang: "en", progress }, out, err };
}

describe("progressLine", () => {
  test("shows the file, a bar in proportion, the percentage and megabytes", () => {
    const mb = 1024 * 1024;
    expect(progressLine("data.csv", 0, 100 * mb)).toBe(`data.csv [${".".repeat(24)}]   0%  0/100 MB`);
    expect(progressLine("data.csv", 50 * mb, 100 * mb)).toBe(`data.csv [${"#".repeat(12)}${".".repeat(12)}]  50%  50/100 MB`);
    expect(progressLine("data.csv", 100 * mb, 100 * mb)).toBe(`data.csv [${"#".repeat(24)}] 100%  100/100 MB`);
  });
});

describe("progressFor", () => {
  test("draws nothing off a terminal or for a small file", () => {
    for (const [progress, size] of [[false, PROGRESS_MIN_BYTES * 2], [true, PROGRESS_MIN_BYTES - 1]] as const) {
      const { io, err } = capture(progress);
      const bar = progressFor(io, "data.csv", size);
      bar.update(size / 2);
      bar.done();
      expect(err).toEqual([]);
    }
  });

  test("redraws at most every 100 ms and wipes its line when done", () => {
    const { io, err } = capture(true);
    let clock = 0;
    const bar = progressFor(io, "data.csv", PROGRESS_MIN_BYTES * 4, () => clock);
    bar.update(PROGRESS_MIN_BYTES);
    clock = 50;
    bar.update(PROGRESS_MIN_BYTES * 2);
    clock = 150;
    bar.update(PROGRESS_MIN_BYTES * 3);
    bar.done();
    expect(err).toEqual([`\r${progressLine("data.csv", PROGRESS_MIN_BYTES, PROGRESS_MIN_BYTES * 4)}`, `\r${progressLine("data.csv", PROGRESS_MIN_BYTES * 3, PROGRESS_MIN_BYTES * 4)}`, "\r\x1b[K"]);
  });
});

describe("chitieu eval on a large file", () => {
  // 800 units x 360 months of BR-VT's four fields: about 9 MB, past the bar's threshold.
  const dir = mkdtempSync(join(tmpdir(), "chitieu-progress-"));
  const units = Array.from({ length: 800 }, (_, i) => `xa-${i},Xã ${i},commune,,,,`);
  writeFileSync(join(dir, "units.csv"), `id,name,tier,parent,tags,valid_from,valid_to\n${units.join("\n")}\n`);
  const rows: string[] = [];
  for (let u = 0; u < 800; u++) {
    for (let m = 0; m < 360; m++) rows.push(`xa-${u},${1995 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")},${200 + (m % 7)},${90 + (u % 50)},${100 + (u % 9)},${40 + (m % 30)}`);
  }
  writeFileSync(join(dir, "data.csv"), `unit,period,dossiers,online_dossiers,online_services,services_with_dossiers\n${rows.join("\n")}\n`);
  const args = ["eval", "policies/brvt-2139-2022.ct", "--units", join(dir, "units.csv"), "--data", join(dir, "data.csv"), "--as-of", "2022-11-30", "--format", "csv"];

  test("shows the bar on a terminal, and the same results as without it", async () => {
    expect(readFileSync(join(dir, "data.csv")).length).toBeGreaterThan(PROGRESS_MIN_BYTES);
    const terminal = capture(true);
    const piped = capture(false);
    expect(await main(args, terminal.io)).toBe(0);
    expect(await main(args, piped.io)).toBe(0);
    expect(terminal.out.join("")).toBe(piped.out.join(""));
    expect(terminal.out.join("").split("\n").length).toBeGreaterThan(400);
    const drawn = terminal.err.join("");
    expect(drawn).toMatch(/^\rdata\.csv \[[#.]{24}\] +\d+%/);
    expect(drawn.endsWith("\r\x1b[K")).toBe(true);
    expect(piped.err).toEqual([]);
  }, 120_000);
});
