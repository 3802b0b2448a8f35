import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The benchmarks' smoke runs take seconds each and test the harnesses, not chitieu:
    // `npm run bench:smoke` runs them (vitest.bench.config.ts), and CI after `npm test`.
    exclude: [...configDefaults.exclude, "test/bench/**"],
    globalSetup: ["test/support/build.ts"],
    // A few suites start the CLI as a process (about a second each on a busy 2-core machine).
    testTimeout: 30_000,
    // A focused test left behind would silently skip the rest of the suite.
    allowOnly: false,
  },
});
