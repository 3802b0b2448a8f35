/**
 * One CLI run for `npm run stress`, measured from inside: `node scripts/stress-run.mjs ARGS...`
 * runs `chitieu ARGS...` in this process and writes to the file $STRESS_RESULT one JSON object with
 * the exit code, seconds, peak memory (maxRSS) and the first 256 KiB of the output, so the parent
 * needs no `/usr/bin/time`.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { main } from "../dist/cli/main.js";

const KEEP = 256 * 1024;
let output = "";
let dropped = 0;
const write = (text) => {
  if (output.length < KEEP) output += text;
  else dropped += text.length;
};
const started = performance.now();
const exit = await main(process.argv.slice(2), { out: write, err: write, colour: false, lang: "en", progress: false, stdin: () => process.stdin });
const seconds = (performance.now() - started) / 1000;
writeFileSync(process.env.STRESS_RESULT ?? "stress-result.json", JSON.stringify({ exit, seconds, megabytes: process.resourceUsage().maxRSS / 1024, output, dropped }));
// Standard input may still be open (/dev/zero): end here.
process.exit(0);
