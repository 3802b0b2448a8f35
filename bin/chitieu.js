#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { main } from "../dist/cli/main.js";
import { languageFromEnvironment } from "../dist/report/words.js";

const write = (stream) => (text) => stream.write(text);
process.exitCode = await main(process.argv.slice(2), {
  out: write(process.stdout),
  err: write(process.stderr),
  colour: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  lang: languageFromEnvironment(process.env),
  stdin: () => readFileSync(0, "utf8"),
});
