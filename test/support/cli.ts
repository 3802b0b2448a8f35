/**
 * Runs the built CLI as a separate process, as users and scheduled jobs do. Most tests run it
 * in-process with `runMain` (main.ts); this is for what only a process shows.
 */
import { spawnSync } from "node:child_process";

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LANG: "C" };
delete env["FORCE_COLOR"];
delete env["LC_ALL"];

export function runCli(args: readonly string[], input?: string): Run {
  const result = spawnSync(process.execPath, ["bin/chitieu.js", ...args], { encoding: "utf8", env, input, timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
