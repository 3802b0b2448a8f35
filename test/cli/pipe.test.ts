/**
 * A reader that stops early (`| head -1`) closes the pipe under chitieu. The process must end
 * quietly, as `cat` does, not with Node's EPIPE stack trace.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LANG: "C" };
const brvt = ["policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30"];

/** Runs chitieu with its stdout read until the first chunk, then closes the read side. */
function readFirstChunk(args: readonly string[]): Promise<{ code: number | null; signal: string | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/chitieu.js", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let first = "";
    let stderr = "";
    child.stdout.once("data", (chunk: Buffer) => {
      first = chunk.toString("utf8");
      child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, first, stderr }));
  });
}

/** `node bin/chitieu.js ARGS | READER` in bash, and chitieu's exit status as bash saw it. */
function pipedInto(reader: string, args: readonly string[], redirect = ""): { stdout: string; stderr: string } {
  const script = `node bin/chitieu.js ${args.join(" ")} ${redirect} | ${reader}; echo "exit \${PIPESTATUS[0]}"`;
  const run = spawnSync("bash", ["-c", script], { env, encoding: "utf8", timeout: 30_000 });
  return { stdout: run.stdout, stderr: run.stderr };
}

/**
 * 3,000 communes reporting one month: about 3 MB of results, more than the socket between the
 * processes holds, so chitieu is still writing when its reader leaves.
 */
function largeData(dir: string): string[] {
  const ids = Array.from({ length: 3000 }, (_, i) => `xa-${i + 1}`);
  writeFileSync(join(dir, "units.csv"), ["id,name,tier,parent,tags,valid_from,valid_to", ...ids.map((id) => `${id},${id},commune,,,,`)].join("\n"));
  writeFileSync(join(dir, "data.csv"), ["unit,period,dossiers,online_dossiers,online_services,services_with_dossiers", ...ids.map((id) => `${id},2022-11,100,50,10,8`)].join("\n"));
  return ["policies/brvt-2139-2022.ct", "--units", join(dir, "units.csv"), "--data", join(dir, "data.csv"), "--as-of", "2022-11-30"];
}

describe("a closed pipe on standard output", () => {
  test("ends eval quietly when the reader leaves after the first chunk of a large output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-pipe-"));
    const run = await readFirstChunk(["eval", ...largeData(dir), "--format", "ndjson"]).finally(() => rmSync(dir, { recursive: true }));
    expect(run.first).toMatch(/^\{"unit":"xa-1"/);
    expect(run).toMatchObject({ code: 0, signal: null, stderr: "" });
  });

  test.each([
    ["eval --help", ["eval", "--help"]],
    ["eval's table", ["eval", ...brvt]],
  ])("ends %s quietly when nothing reads it at all", (_, args) => {
    // `true` leaves at once, so the pipe is closed before the slower Node process writes to it.
    expect(pipedInto("true", args)).toEqual({ stdout: "exit 0\n", stderr: "" });
  });

  test("through head -1, the first line is all that is printed", () => {
    const run = spawnSync("sh", ["-c", `node bin/chitieu.js eval ${brvt.join(" ")} --format ndjson | head -1`], { env, encoding: "utf8", timeout: 30_000 });
    expect(run.stdout.split("\n")).toHaveLength(2);
    expect(run.stderr).toBe("");
  });
});

test("a closed pipe on standard error loses the message, not the exit code", () => {
  expect(pipedInto("true", ["check", "nowhere.ct"], "2>&1 >/dev/null")).toEqual({ stdout: "exit 2\n", stderr: "" });
});
