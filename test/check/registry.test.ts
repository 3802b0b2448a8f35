import { describe, expect, test } from "vitest";
import { registry, runChecks } from "../../src/check/registry.js";
import { analyse } from "../../src/check/facts.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Statement } from "../../src/syntax/ast.js";
import { parse } from "../../src/syntax/parse.js";

/** One statement of every kind the language has. */
const EVERY_KIND = [
  'policy p effective 2020-01-01',
  'import "lib.ct"',
  "tier province",
  "tag pilot",
  "unit u tier province tagged pilot",
  "field a",
  "field b",
  "metric m = a / b",
  "target t for all: in 2020 m >= 1%",
  "score s for all = m when empty 0",
  "index i for all out of 100 = s",
  "check a >= b",
].join("\n");

// The type checker fails here when the syntax tree gains or loses a statement kind.
const STATEMENT_KINDS: Record<Statement["kind"], true> = { import: true, tier: true, tag: true, unit: true, field: true, metric: true, target: true, score: true, index: true, check: true };

const ast = (text: string, file = "policy.ct") => {
  const parsed = parse(text, file).ast;
  if (!parsed) throw new Error(`${file} does not parse`);
  return parsed;
};

describe("the registry", () => {
  test("has an entry for every statement kind, the file and its header, and no other", () => {
    const kinds = new Set(ast(EVERY_KIND).statements.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(Object.keys(STATEMENT_KINDS).sort());
    expect(Object.keys(registry).sort()).toEqual([...kinds, "file", "header"].sort());
  });

  test("checks every kind but imports, which are checked as they are loaded", () => {
    const empty = Object.entries(registry).flatMap(([kind, checks]) => (checks.length === 0 ? [kind] : []));
    expect(empty).toEqual(["import"]);
  });
});

describe("runChecks", () => {
  const run = (entry: string, lib: string): string[] => {
    const files = [{ file: "policy.ct", ast: ast(entry) }, { file: "lib.ct", ast: ast(lib, "lib.ct") }];
    const found: Diagnostic[] = [];
    runChecks(analyse(files[0]!, files), (d) => found.push(d));
    return found.map((d) => `${d.name} in ${d.file}`);
  };

  test("checks everything in the entry file", () => {
    expect(run(`${EVERY_KIND}\nunit v tier nowhere\ntarget x for all: in 2020 q >= 1%`, "")).toEqual(["unknown-tier in policy.ct", "unknown-metric in policy.ct"]);
  });

  test("checks only the definitions of an imported file, whose rules are not the policy's", () => {
    const lib = "policy other effective 2020-01-01 until 2019-01-01\nunit w tier nowhere\ntarget y for all: in 2020 q >= 1%";
    expect(run(EVERY_KIND, lib)).toEqual(["import-has-rules in policy.ct", "unknown-tier in lib.ct"]);
  });
});
