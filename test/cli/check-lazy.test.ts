/** `chitieu check` loads its options' schema (and so zod) only for options that do not fit. */
import { afterEach, expect, it, vi } from "vitest";
import { runMain } from "../support/main.js";

const loaded = vi.hoisted(() => ({ schema: 0 }));
vi.mock("../../src/cli/check-options.js", async (original) => {
  loaded.schema += 1;
  return original();
});

afterEach(() => {
  vi.resetModules();
  loaded.schema = 0;
});

it("valid command lines never load the schema", async () => {
  for (const args of [[], ["--format", "json"], ["--strict"], ["--lang", "vi"], ["--format", "text", "--strict", "--lang", "en"]]) {
    expect((await runMain(["check", ...args, "policies"])).status).toBe(0);
  }
  expect(loaded.schema).toBe(0);
});

it("an option that does not fit loads it, for the usage error every command gives", async () => {
  const r = await runMain(["check", "--format", "xml", "policies"]);
  expect([r.status, r.stderr]).toEqual([2, 'chitieu: --format: Invalid option: expected one of "text"|"json"\n']);
  expect(loaded.schema).toBe(1);
});
