// The playground page's script (editors/playground/main.ts): chitieu's own parser, checker, schedules
// and evaluator with CodeMirror 6, bundled for the browser into dist/browser/playground.js, which
// `chitieu playground` inlines into one page. Run by `npm run build` after tsc.
//
// The page runs the library's own source; the three Node-only modules it names are swapped for
// browser ones: node:path for pathe (imports are joined the same way), node:crypto and exceljs for
// modules that refuse. Workbooks stay out: exceljs's browser build is 860 KiB (240 KiB gzipped, four
// times the rest) and needs `Function()`, which the page's CSP forbids; the page reads CSV, JSON, NDJSON.
import { build } from "esbuild";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "browser");

// The Node modules the shared code names, in their browser versions (editors/playground/shims/).
const shims = join(root, "editors", "playground", "shims");
const alias = { "node:path": join(shims, "path.ts"), "node:crypto": join(shims, "crypto.ts"), exceljs: join(shims, "exceljs.ts") };

/** zod's `z.locales` namespace pulls in every locale; the page keeps English, as the CLI's bundle (scripts/zod-locales.mjs). */
const englishZodOnly = {
  name: "english-zod-only",
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (args.importer.includes(`${"node_modules"}/zod/`) ? { path: join(root, "scripts", "zod-locales.mjs") } : undefined));
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  entryPoints: [join(root, "editors", "playground", "main.ts")],
  outfile: join(outdir, "playground.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["chrome110", "firefox110", "safari16"],
  minify: true,
  // The grammar's definitions are checked by the test suite, not in every visitor's browser.
  define: { 'process.env["CHITIEU_SKIP_GRAMMAR_VALIDATION"]': '"1"' },
  alias,
  plugins: [englishZodOnly],
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(`playground bundle: ${Object.keys(result.metafile.inputs).length} modules -> dist/browser/playground.js ${(bytes / 1024).toFixed(0)} KiB`);
