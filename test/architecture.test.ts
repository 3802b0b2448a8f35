/**
 * The pipeline, enforced: src/ folders in layers, each importing only from its own folder and from
 * layers below it, and no module importing itself back through others. A new edge that points up
 * the pipeline, or a cycle, fails here with the modules that make it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** Bottom to top: text -> syntax -> checked model -> evaluator -> results -> reports -> interfaces. */
const LAYERS: readonly (readonly string[])[] = [
  ["text", "time", "number"],
  ["i18n"],
  ["diagnostics"],
  ["syntax"],
  ["model"],
  ["schedule"],
  ["check"],
  ["files"],
  ["data"],
  ["evaluate"],
  ["report"],
  ["api"],
  ["testing"],
  ["policy-test"],
  ["playground"],
  ["service", "editor"],
  ["cli"],
  ["index.ts"],
];

const layerOf = (module: string): number => {
  const folder = module.split("/")[0]!;
  const layer = LAYERS.findIndex((names) => names.includes(folder));
  if (layer < 0) throw new Error(`src/${folder} is in no layer: add it to LAYERS in test/architecture.test.ts`);
  return layer;
};

/** Every relative import of every module under src/, static or dynamic, as paths relative to src/. */
function imports(): Map<string, string[]> {
  const modules = readdirSync("src", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  const graph = new Map<string, string[]>();
  for (const module of modules) {
    const text = readFileSync(join("src", module), "utf8");
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+"(\.[^"]+)"|import\(\s*"(\.[^"]+)"\s*\)/g)].map((m) =>
      relative("src", normalize(join("src", dirname(module), m[1] ?? m[2]!))).replace(/\.js$/, ".ts"),
    );
    graph.set(module, targets);
  }
  return graph;
}

/** The modules on some cycle, as strongly connected components of more than one module (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) !== indexOf.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
  return found;
}

describe("the pipeline", () => {
  const graph = imports();

  it("imports point down the layers or stay in their folder", () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => to.split("/")[0] !== from.split("/")[0] && layerOf(to) >= layerOf(from)).map((to) => `${from} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it("no module imports itself back", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("finds an upward edge and a cycle when there is one", () => {
    expect(cycles(new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]], ["d.ts", ["a.ts"]]]))).toEqual([["a.ts", "b.ts", "c.ts"]]);
    expect(layerOf("report/html.ts")).toBeGreaterThan(layerOf("evaluate/evaluate.ts"));
    expect(graph.get("cli/main.ts")!.length).toBeGreaterThan(0);
  });
});
