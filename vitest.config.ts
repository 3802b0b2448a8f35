import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/build.ts"],
    // Several suites start the CLI as a process (about a second each on a busy 2-core machine).
    testTimeout: 30_000,
    // A focused test left behind would silently skip the rest of the suite.
    allowOnly: false,
  },
});
