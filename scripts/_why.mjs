import { build } from "esbuild";
const root = process.cwd();
const r = await build({ entryPoints: ["dist/cli/main.js"], bundle: true, format: "esm", platform: "node", write: false, outdir: "/tmp/x", metafile: true, splitting: true,
 external: ["exceljs", "fast-check", "playwright-core", "fastify", "@fastify/*", "fastify-type-provider-zod", "better-sqlite3", "pg"] });
const ins = r.metafile.inputs;
// static-only reachability from main, BFS with parent
const target = process.argv[2];
const parent = new Map([["dist/cli/main.js", null]]); const q = ["dist/cli/main.js"];
while (q.length) { const f = q.shift(); for (const i of ins[f]?.imports ?? []) { if (i.kind !== "import-statement" || i.external) continue; if (!parent.has(i.path)) { parent.set(i.path, f); q.push(i.path); } } }
const pk = new Map(); let bytes = 0;
for (const f of parent.keys()) { const m = f.match(/node_modules\/((@[^/]+\/)?[^/]+)/); const k = m ? m[1] : f.split("/").slice(0, 2).join("/"); pk.set(k, (pk.get(k) ?? 0) + ins[f].bytes); bytes += ins[f].bytes; }
console.log("static from main:", parent.size, "modules", bytes, "bytes"); console.log([...pk].sort((a,b)=>b[1]-a[1]).map(([k,v])=>`  ${k} ${v}`).join("\n"));
if (target) for (const f of parent.keys()) if (f.includes(target)) { const chain = []; let c = f; while (c) { chain.push(c); c = parent.get(c); } console.log(chain.reverse().join(" -> ")); break; }
