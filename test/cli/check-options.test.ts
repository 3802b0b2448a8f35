/**
 * `chitieu check` reads its options without zod (check.ts says why) and falls back to the schema
 * only when they do not fit: the two must give the same verdict and the same options, whatever
 * the command line, or check would accept what the schema refuses, or word errors unlike the rest.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainCheckOptions } from "../../src/cli/check.js";
import { CheckOptions } from "../../src/cli/check-options.js";
import { runMain } from "../support/main.js";

const anything = fc.oneof(fc.constantFrom("text", "json", "en", "vi", "TEXT", "", " json"), fc.string(), fc.boolean(), fc.constant(undefined), fc.constant(null), fc.integer());
const raw = fc.record(
  { format: fc.oneof(fc.constantFrom("text", "json"), anything), strict: fc.oneof(fc.boolean(), anything), lang: fc.oneof(fc.constantFrom("en", "vi"), anything) },
  { requiredKeys: [] },
);

describe("check's options without zod", () => {
  it("are what the schema gives, and undefined exactly when the schema refuses them", () => {
    fc.assert(
      fc.property(raw, (options) => {
        const parsed = CheckOptions.safeParse(options);
        const plain = plainCheckOptions(options);
        expect(plain === undefined).toBe(!parsed.success);
        if (parsed.success) expect(plain).toStrictEqual(JSON.parse(JSON.stringify(parsed.data)));
      }),
      { numRuns: 2000 },
    );
  });

  it("fit what commander hands over for valid command lines: defaults filled in, flags as booleans", () => {
    expect(plainCheckOptions({ format: "text", strict: false })).toEqual({ format: "text", strict: false });
    expect(plainCheckOptions({ format: "json", strict: true, lang: "vi" })).toEqual({ format: "json", strict: true, lang: "vi" });
  });

  it("that do not fit get the schema's usage error, as other commands do", async () => {
    const r = await runMain(["check", "--format", "xml", "policies"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('chitieu: --format: Invalid option: expected one of "text"|"json"\n');
  });
});
