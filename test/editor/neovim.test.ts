/**
 * A real editor as the client: Debian's Neovim, headless, attaches `chitieu lsp` to a policy with
 * a mistake (test/editor/neovim/init.lua), prints the diagnostics it receives and a hover on a
 * target, and quits. CI installs Neovim (.ci/run): without it this test fails, it is never skipped.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { expect, it } from "vitest";

it("Neovim shows a policy's diagnostics and a target's milestones from chitieu lsp", () => {
  const home = mkdtempSync(resolve(tmpdir(), "chitieu-nvim-"));
  const run = spawnSync("nvim", ["--headless", "-n", "-i", "NONE", "-u", resolve("test/editor/neovim/init.lua")], {
    encoding: "utf8",
    timeout: 90_000,
    env: {
      ...process.env,
      CHITIEU_NODE: process.execPath,
      CHITIEU_BIN: resolve("bin/chitieu.js"),
      CHITIEU_ROOT: resolve("test/fixtures/bad"),
      CHITIEU_FILE: resolve("test/fixtures/bad/ramp_mismatch_bad.ct"),
      // `target online_share_local`, on line 34 (0-based 33).
      CHITIEU_LINE: "33",
      CHITIEU_COLUMN: "10",
      // Neovim's log, shada and state go to a folder of the test's own.
      XDG_CACHE_HOME: home,
      XDG_STATE_HOME: home,
      XDG_DATA_HOME: home,
      XDG_CONFIG_HOME: home,
    },
  });
  expect(run.error?.message ?? "", "nvim must be installed (apt-get install neovim; .ci/run does)").toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout.split("\n")).toEqual([
    "DIAGNOSTIC 36:71 CT203 ramp-mismatch: the ramp reaches 50% on 2022-11-30 but this milestone says 60% | help: a step of +20% over 2 steps would reach 60%; or make the deadline 50%",
    "HOVER **target** `online_share_local`",
    "HOVER ",
    "HOVER defined at `ramp_mismatch_bad.ct:34`",
    "HOVER ",
    "HOVER | tier or unit | date | comparison | threshold |",
    "HOVER |---|---|---|---|",
    "HOVER | the units selected | 2022-09-30 | >= | 20% |",
    "HOVER |  | 2022-10-31 | >= | 35% (step) |",
    "HOVER |  | 2022-11-30 | >= | 60% |",
    "",
  ]);
}, 120_000);
