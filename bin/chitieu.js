#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

const write = (stream) => (text) => stream.write(text);
process.exitCode = await main(process.argv.slice(2), { out: write(process.stdout), err: write(process.stderr) });
