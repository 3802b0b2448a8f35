/**
 * Builds dist/ once before any test runs, for the tests that run the CLI or README examples as
 * processes, and bundles the CLI as `npm run build` does, so they run what users run.
 */
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/bundle.mjs"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/bundle-playground.mjs"], { stdio: "inherit" });
}
