// `npm test`: type-check, then lint and the test suite side by side (lint waits on type
// information, vitest on processes and files, so together they take less wall time than one
// after the other). Vitest's output streams; lint's is printed when it ends. Fails when any fails.
import { spawn, spawnSync } from "node:child_process";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
// editors/ (the VS Code client, the playground's page script) has its own: DOM types, bundled by esbuild.
for (const project of ["tsconfig.json", "editors/tsconfig.json"]) {
  const typecheck = spawnSync(npx, ["tsc", "-p", project, "--noEmit"], { stdio: "inherit" });
  if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
}

function run(args, { quiet }) {
  return new Promise((done) => {
    const child = spawn(npx, args, { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => done({ code: code ?? 1, output }));
  });
}

const lint = (async () => {
  const eslint = await run(["eslint", "src", "test"], { quiet: true });
  const knip = eslint.code === 0 ? await run(["knip"], { quiet: true }) : { code: 0, output: "" };
  return { code: eslint.code || knip.code, output: eslint.output + knip.output };
})();
const tests = await run(["vitest", "run", ...process.argv.slice(2)], { quiet: false });
const linted = await lint;
process.stdout.write(linted.code === 0 ? "lint: eslint and knip found nothing\n" : `lint failed:\n${linted.output}`);
process.exit(tests.code || linted.code);
