/**
 * The service's commands as an administrator runs them on the server: `serve` (refusing a broken
 * policy set, reloading on SIGHUP), `token create | list | revoke` and `audit verify`, which finds
 * an audit entry changed behind the service's back.
 */
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runMain } from "../support/main.js";
import { makeDeployment } from "../support/service.js";

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function deployment(): string {
  const dir = makeDeployment();
  made.push(dir);
  return dir;
}

describe("chitieu token and chitieu audit verify", () => {
  it("makes a token shown once, lists it by id only, revokes it; every step in a log whose chain verifies", async () => {
    const dir = deployment();
    const made = await runMain(["token", "create", "--dir", dir, "--unit", "so-y-te", "--note", "Sở Y tế"]);
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^ct_unit_[A-Z0-9]{32}\n$/);
    const id = made.stdout.slice(0, "ct_unit_".length + 6);
    const listed = await runMain(["token", "list", "--dir", dir]);
    expect(listed.stdout).toContain(`${id}\tunit\tso-y-te\t`);
    expect(listed.stdout).not.toContain(made.stdout.trim());
    expect((await runMain(["token", "revoke", id, "--dir", dir])).status).toBe(0);
    expect((await runMain(["token", "list", "--dir", dir])).stdout).toMatch(/\trevoked /);
    expect(await runMain(["audit", "verify", "--dir", dir])).toMatchObject({ status: 0, stdout: "audit log verified\n" });
  });

  it("refuses a token of no role, two roles, or a unit not in the registry", async () => {
    const dir = deployment();
    expect((await runMain(["token", "create", "--dir", dir])).stderr).toContain("give one of --unit ID, --office or --admin");
    expect((await runMain(["token", "create", "--dir", dir, "--office", "--admin"])).status).toBe(2);
    expect((await runMain(["token", "create", "--dir", dir, "--unit", "nowhere"])).stderr).toContain("no unit `nowhere` in the registry");
  });

  it("finds an audit entry changed in the database, and one removed", async () => {
    const dir = deployment();
    for (const role of ["--office", "--admin", "--office"]) await runMain(["token", "create", "--dir", dir, role]);
    const db = new Database(join(dir, "chitieu.db"));
    db.prepare("UPDATE audit SET actor = 'someone' WHERE seq = 2").run();
    db.close();
    expect(await runMain(["audit", "verify", "--dir", dir])).toMatchObject({ status: 1, stdout: "audit log broken: entry 2 was changed\n" });
    const again = new Database(join(dir, "chitieu.db"));
    again.prepare("DELETE FROM audit WHERE seq = 2").run();
    again.close();
    expect(await runMain(["audit", "verify", "--dir", dir])).toMatchObject({ status: 1, stdout: "audit log broken: entry 3 follows 1; entries are missing\n" });
  });
});

/** `chitieu serve` as a process; resolves with its address once it listens. */
function serve(dir: string): Promise<{ url: string; stop: () => Promise<void>; hangUp: () => void; stderr: () => string }> {
  const child = spawn(process.execPath, ["bin/chitieu.js", "serve", dir, "--port", "0"], { env: { ...process.env, LANG: "C" } });
  // Its own lines on stderr; pino's log lines on stdout.
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const seen = setInterval(() => {
      const url = /serving .* on (http:\/\/\S+)/.exec(stderr)?.[1];
      if (url) {
        clearInterval(seen);
        resolve({ url, stop: () => (child.kill("SIGTERM"), exited), hangUp: () => child.kill("SIGHUP"), stderr: () => stderr });
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(seen);
      reject(new Error(`serve exited ${code}: ${stderr}`));
    });
  });
}

describe("chitieu serve", () => {
  it("does not start on a policy with errors, and says why", async () => {
    const dir = deployment();
    writeFileSync(join(dir, "policies", "broken.ct"), "policy broken effective 2022-01-01\ntarget t for tier nowhere: by 2022-11-30 x >= 50%\n");
    const run = await runMain(["serve", dir, "--port", "0"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the service does not start:\n[\s\S]*error\[CT\d+\]/);
  });

  it("reloads on SIGHUP only a set that checks clean, and stops on SIGTERM", async () => {
    const dir = deployment();
    const token = (await runMain(["token", "create", "--dir", dir, "--office"])).stdout.trim();
    const server = await serve(dir);
    try {
      const policies = async () => ((await (await fetch(`${server.url}/v1/policies`, { headers: { authorization: `Bearer ${token}` } })).json()) as { policies: { id: string }[] }).policies.map((p) => p.id);
      expect(await policies()).toEqual(["brvt-2139-2022"]);
      // Answers cite the policy from the deployment folder, not where the server keeps it.
      const results = (await (await fetch(`${server.url}/v1/results?policy=brvt-2139-2022&asOf=2022-11-30`, { headers: { authorization: `Bearer ${token}` } })).json()) as { results: { rule: { file: string } }[] };
      expect(new Set(results.results.map((r) => r.rule.file))).toEqual(new Set(["policies/brvt-2139-2022.ct"]));
      writeFileSync(join(dir, "policies", "second.ct"), "policy second effective 2022-01-01\ntier commune\nfield a field b\nmetric m = a / b\ntarget t for all: by 2022-11-30 m >= 5O%\n");
      server.hangUp();
      await expect.poll(() => server.stderr(), { timeout: 5000 }).toContain("reload refused");
      expect(await policies()).toEqual(["brvt-2139-2022"]);
      writeFileSync(join(dir, "policies", "second.ct"), "policy second effective 2022-01-01\ntier commune\nfield a field b\nmetric m = a / b\ntarget t for all: by 2022-11-30 m >= 50%\n");
      server.hangUp();
      await expect.poll(policies, { timeout: 5000 }).toEqual(["brvt-2139-2022", "second"]);
    } finally {
      await server.stop();
    }
    // The reload taken is in the audit log, by the signal; the one refused is not.
    const log = new Database(join(dir, "chitieu.db"), { readonly: true });
    const reloads = log.prepare("SELECT actor, subject FROM audit WHERE action = 'policy.reload'").all();
    log.close();
    expect(reloads).toEqual([{ actor: "SIGHUP", subject: "brvt-2139-2022,second" }]);
  });
});
