// Bundles the command line into dist/bundle/ so `chitieu` starts by loading one file instead of
// hundreds of modules (chevrotain alone pulls in some 300 lodash-es files). Run after tsc: it
// bundles the compiled dist/ files, so the bundle runs exactly the code the library ships.
// The library (dist/index.js) stays unbundled ESM for API users. See bench/README.md for numbers.
//
// Left out of the bundle and loaded only when needed: exceljs (a runtime dependency, imported when
// a workbook is read or written), the service's libraries, and fast-check (an optional peer, for `chitieu test --properties`),
// which is why the bundle is split: the testing kit is a chunk loaded on demand.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// --outdir DIR (relative to the repository) builds elsewhere, for tests; keep it two levels deep.
const at = process.argv.indexOf("--outdir");
const outdir = join(root, at > 0 ? process.argv[at + 1] : join("dist", "bundle"));

// The entry the bin imports: the CLI and the language it picks from the environment.
const entry = `
export { main } from "./dist/cli/main.js";
export { languageFromEnvironment } from "./dist/cli/environment.js";
`;

/** zod's `z.locales` namespace pulls in every locale; the bundle keeps English (scripts/zod-locales.mjs). */
const englishZodOnly = {
  name: "english-zod-only",
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${"node_modules"}/zod/`) ? { path: join(root, "scripts", "zod-locales.mjs") } : undefined));
  },
};

/**
 * The parser's lookahead, computed here once from the compiled grammar (the same one the bundle
 * holds) and embedded, instead of at every start of the CLI (src/syntax/lookahead.ts).
 */
const { grammar } = await import(pathToFileURL(join(root, "dist", "syntax", "grammar.js")).href);
const lookahead = JSON.stringify(grammar.lookahead.table());
const precomputedLookahead = {
  name: "precomputed-lookahead",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]syntax[\\/]lookahead-table\.js$/ }, () => ({ contents: `export const PRECOMPUTED = ${lookahead};`, loader: "js" }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  stdin: { contents: entry, resolveDir: root, sourcefile: "chitieu-entry.js", loader: "js" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // dist/bundle/chitieu.js sits as deep as dist/cli/main.js, so main's `../../package.json` still resolves.
  outdir,
  absWorkingDir: root,
  entryNames: "chitieu",
  chunkNames: "chunks/[name]-[hash]",
  // The service's libraries stay packages too: better-sqlite3 is native, and fastify's own files
  // look themselves up by __filename, which a bundle no longer has. `chitieu serve` loads them when it starts.
  external: ["exceljs", "fast-check", "playwright-core", "fastify", "@fastify/*", "fastify-type-provider-zod", "better-sqlite3", "pg"],
  // Some bundled CommonJS packages (cli-table3) call require(); give the ES module bundle one.
  banner: { js: 'import { createRequire as __chitieuRequire } from "node:module";\nconst require = __chitieuRequire(import.meta.url);' },
  // The grammar's definitions are checked by the test suite; the CLI need not check them at every start.
  define: { 'process.env["CHITIEU_SKIP_GRAMMAR_VALIDATION"]': '"1"' },
  plugins: [englishZodOnly, precomputedLookahead],
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});

const inputs = Object.keys(result.metafile.inputs).length;
const outputs = Object.entries(result.metafile.outputs).map(([file, o]) => `${file.replace(/^.*dist\//, "dist/")} ${(o.bytes / 1024).toFixed(0)} KiB`);
console.log(`bundle: ${inputs} modules -> ${outputs.join(", ")}`);
