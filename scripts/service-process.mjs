/**
 * What the stress and bench scripts share: `chitieu serve` as a child process, and a PostgreSQL
 * scratch database, made with a random name and dropped by `drop` (FORCE ends connections a killed
 * server left open).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";

const BIN = join(fileURLToPath(new URL("..", import.meta.url)), "bin", "chitieu.js");

/** The server as a child process; resolves once /ready answers, with the time that took. */
export async function startServer(dir, database, init = false) {
  const began = performance.now();
  const args = ["serve", dir, "--port", "0", ...(init ? ["--init"] : []), ...(database ? ["--database", database] : [])];
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  let stderr = "";
  const base = await new Promise((resolve, reject) => {
    child.stderr.on("data", (d) => {
      stderr += d;
      const m = /serving .* on (http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code, signal) => reject(new Error(`the server ended (${code ?? signal}) before serving:\n${stderr}`)));
  });
  for (;;) {
    const ok = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, base, recovery: performance.now() - began };
}

export async function scratchDatabase(url, purpose) {
  const name = `chitieu_${purpose}_${randomBytes(6).toString("hex")}`;
  const admin = async (sql) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return { url: scratch.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
