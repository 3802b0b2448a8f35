// Lint that can fail: typescript-eslint with type information over src/, bin/ and test/.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/", "grammar/", "bench/", "examples/", "scripts/", "test/fixtures/", "editors/", "bin/", "*.config.*"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error: every one is awaited, returned or marked `void`.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // `x!` says "I know better than the types"; outside typed-array code (see the override below) say why in code instead.
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Typed arrays and columns read by index, where an index in range is the loop's invariant.
    files: ["src/evaluate/**", "src/data/stream*.ts", "src/data/csv.ts", "src/data/check-compile.ts", "src/data/count-rows.ts", "src/data/totals.ts", "src/number/**", "src/text/**", "src/editor/source-map.ts", "src/time/**", "src/report/chart.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // The concrete syntax tree has the children its grammar rule consumed: chevrotain types every
    // child list as optional, and the rule that built the node is the proof that it is there.
    // So do the keyword tables (every keyword has a spelling) and chevrotain's errors (they carry a token).
    files: ["src/syntax/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // Generated cases are indexed by construction (an array drawn with its length, a schedule with
    // its milestones); a wrong index is a bug of the generator that its own tests catch.
    files: ["src/testing/**", "src/schedule/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // Tests read back what they just built; a missing value fails the assertion that follows.
    files: ["test/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "@typescript-eslint/no-unsafe-assignment": "off", "@typescript-eslint/no-unsafe-member-access": "off" },
  },
  {
    // Code that runs in the browser page (page.evaluate, with DOM types the project does not load)
    // and benchmark scripts imported as plain JavaScript.
    files: ["test/report/browser.test.ts", "test/playground/browser.test.ts", "test/bench/**"],
    rules: { "@typescript-eslint/no-unsafe-call": "off", "@typescript-eslint/no-unsafe-return": "off", "@typescript-eslint/no-unsafe-argument": "off" },
  },
);
