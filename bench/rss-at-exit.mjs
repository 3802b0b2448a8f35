// Preloaded with `node --import ./bench/rss-at-exit.mjs ...`: writes the process's peak resident
// set (bytes) to the file named by CHITIEU_BENCH_RSS when it exits, for bench/end-to-end.mjs.
import { writeFileSync } from "node:fs";

const file = process.env.CHITIEU_BENCH_RSS;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
