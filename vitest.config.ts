import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/build.ts"],
    // A focused test left behind would silently skip the rest of the suite.
    allowOnly: false,
  },
});
