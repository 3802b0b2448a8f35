/**
 * README's section on `chitieu serve`, run: the setup lines start the built CLI as a process on a
 * free port (`chitieu` is a shell function for `node bin/chitieu.js`, `deploy` a new folder), and
 * every curl example runs against it with the $CHITIEU and $TOKEN they define, exiting 0 and
 * printing JSON (or writing the file `-o` names). The routes and problem types it lists are the
 * service's own.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { PROBLEMS } from "../../src/service/problems.js";

const run = promisify(execFile);
const readme = readFileSync("README.md", "utf8");
const HEADING = "## The service: `chitieu serve`";
const section = readme.slice(readme.indexOf(HEADING), readme.indexOf("\n## ", readme.indexOf(HEADING) + HEADING.length));
const shellBlocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

/** A block's commands, a line ending in `\` or `|` continued on the next. */
function commandsOf(block: string): string[] {
  const commands: string[] = [];
  let current = "";
  for (const line of block.split("\n")) {
    current += `${line}\n`;
    if (!/[\\|]\s*$/.test(line)) {
      if (current.trim() !== "") commands.push(current.trim());
      current = "";
    }
  }
  return commands;
}

const [setup = "", examples = ""] = shellBlocks;
const CLI = resolve("bin/chitieu.js");
const prelude = `chitieu() { "${process.execPath}" "${CLI}" "$@"; }\n`;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

let work: string;
let server: ChildProcess;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "chitieu-readme-serve-"));
  const port = String(await freePort());
  const local = (command: string) => command.replace(/\bdeploy\b/g, join(work, "deploy")).replace(/\b8080\b/g, port);
  const [serve = "", ...exports] = commandsOf(setup);
  expect(serve).toMatch(/^chitieu serve deploy --init --port 8080 &$/);
  server = spawn(process.execPath, [CLI, ...local(serve).replace(/\s*&$/, "").split(/\s+/).slice(1)], { cwd: work, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; !(await fetch(`${base}/health`).then((r) => r.ok, () => false)); tries++) {
    if (tries > 100 || server.exitCode !== null) throw new Error(`the service did not start:\n${log}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
  // The export lines, as README has them, then what they set.
  const shell = await run("sh", ["-c", `${prelude}${exports.map(local).join("\n")}\nprintf '%s\\n%s\\n' "$CHITIEU" "$TOKEN"`], { cwd: work });
  const [chitieu, token] = shell.stdout.trim().split("\n");
  expect(chitieu).toBe(base);
  expect(token).toMatch(/^ct_admin_[A-Z0-9]{32}$/);
  env = { ...process.env, CHITIEU: chitieu, TOKEN: token };
}, 60_000);

afterAll(async () => {
  if (server.exitCode === null) {
    const closed = new Promise((done) => server.once("exit", done));
    server.kill("SIGTERM");
    await closed;
  }
  rmSync(work, { recursive: true, force: true });
});

test("README's section has its setup and its curl examples", () => {
  expect(section).toContain("chitieu serve DIR --init");
  expect(commandsOf(examples).length).toBeGreaterThanOrEqual(8);
  expect(commandsOf(examples).every((c) => c.includes("curl "))).toBe(true);
});

test.each(commandsOf(examples).map((c) => [c.split("\n")[0] ?? c, c]))("%s", async (_first, command) => {
  const ran = await run("sh", ["-c", command], { cwd: work, env }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
  expect("code" in ran ? ran.code : 0, `${ran.stderr ?? ""}${ran.stdout ?? ""}`).toBe(0);
  const out = /-o (\S+)\s*$/.exec(command)?.[1];
  if (out !== undefined) expect(statSync(join(work, out)).size).toBeGreaterThan(1000);
  else expect(() => JSON.parse(ran.stdout ?? "") as unknown).not.toThrow();
});

test("`chitieu audit verify` from the shell, as README says", async () => {
  const verified = await run("sh", ["-c", `${prelude}chitieu audit verify --dir deploy`], { cwd: work });
  expect(verified.stdout).toBe("audit log verified\n");
});

test("README's routes table lists every route the service describes, and its problem table every type", async () => {
  const spec = (await (await fetch(`${env.CHITIEU ?? ""}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  for (const [path, methods] of Object.entries(spec.paths)) for (const method of Object.keys(methods)) expect(section).toContain(`${method.toUpperCase()} ${path}`);
  for (const path of ["/health", "/ready", "/openapi.json"]) expect(section).toContain(`GET ${path}`);
  for (const [type, { status }] of Object.entries(PROBLEMS)) expect(section).toContain(`| \`${type}\` | ${status} |`);
});
