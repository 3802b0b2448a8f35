#!/usr/bin/env node
// Runs the bundled CLI (dist/bundle/, made by `npm run build`): one file to load instead of
// hundreds of modules, which was most of the start-up time (bench/README.md). It runs the compiled
// modules in dist/ instead when there is no bundle, when the bundle is older than them (tsc ran
// again without the bundler, as the test setup does), or with CHITIEU_UNBUNDLED=1 (to debug with
// dist/'s source maps).
import { statSync } from "node:fs";

const bundle = new URL("../dist/bundle/chitieu.js", import.meta.url);
const modules = new URL("../dist/cli/main.js", import.meta.url);
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? Number.NaN;
const useBundle = process.env.CHITIEU_UNBUNDLED !== "1" && mtime(bundle) >= (mtime(modules) || 0);
const { main, languageFromEnvironment } = useBundle
  ? await import(bundle.href)
  : await Promise.all([import("../dist/cli/main.js"), import("../dist/cli/environment.js")]).then(([cli, words]) => ({ ...cli, ...words }));

// A reader that stops early (`chitieu eval ... | head -1`) closes the pipe, and the next write fails
// with EPIPE. `cat` would die of SIGPIPE there; Node ignores that signal and reports the failed write as
// an unhandled error with its stack. On standard output, end quietly instead, with exit code 0: the
// reader took what it wanted, and a non-zero code would fail a `set -o pipefail` job for an ordinary
// `| head`. On standard error only messages are lost: the command goes on, so its exit code still
// says whether something went wrong. Any other error on the streams is a real one, left to Node.
const unlessClosedPipe = (then) => (error) => {
  if (error.code !== "EPIPE") throw error;
  then();
};
process.stdout.on("error", unlessClosedPipe(() => process.exit(0)));
process.stderr.on("error", unlessClosedPipe(() => {}));

const write = (stream) => (text) => stream.write(text);
process.exitCode = await main(process.argv.slice(2), {
  out: write(process.stdout),
  err: write(process.stderr),
  colour: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  lang: languageFromEnvironment(process.env),
  progress: process.stderr.isTTY === true,
  stdin: () => process.stdin,
});
