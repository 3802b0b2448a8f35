/** `npm run bench:smoke`: seconds-long runs of the benchmark harnesses (test/bench/), kept out of `npm test`. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/bench/**/*.test.ts"],
    // The harnesses import dist/ and run bin/chitieu.js, as `npm run bench` does after its build.
    globalSetup: ["test/support/build.ts"],
    testTimeout: 120_000,
    allowOnly: false,
  },
});
