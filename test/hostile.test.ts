/**
 * The hostile corpus (scripts/hostile.mjs, issue 13), each case at its small size: the exit code and
 * message it must get. Its time and memory at full size are `npm run stress`'s to check, not a test's.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain script, typed by use
import { CASES, CORPUS, writeCase } from "../scripts/hostile.mjs";
import { runMain } from "./support/main.js";

interface Case {
  readonly name: string;
  readonly what: string;
  readonly size: { readonly small: number };
  readonly args: readonly string[];
  readonly exit: number;
  readonly output: RegExp;
  readonly large?: boolean;
}

const work = mkdtempSync(join(tmpdir(), "chitieu-hostile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the case's files (built, for a case too large to keep in the repository), since some commands write beside them. */
function dirOf(c: Case): string {
  const dir = join(work, c.name);
  if (c.large) (writeCase as (c: Case, n: number, dir: string) => void)(c, c.size.small, dir);
  else cpSync(join(CORPUS as string, c.name), dir, { recursive: true });
  return dir;
}

describe("the hostile corpus", () => {
  it.each((CASES as Case[]).map((c) => [c.name, c] as const))("%s: exit code and message, no stack trace", async (_, c) => {
    const dir = dirOf(c);
    const run = await runMain(c.args.map((a) => a.replaceAll("{dir}", dir)));
    const output = run.stdout + run.stderr;
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect({ exit: run.status, matches: c.output.test(output) }, `${c.what}\n${output.slice(0, 2000)}`).toEqual({ exit: c.exit, matches: true });
  });
});
