import { describe, expect, test } from "vitest";
import { compile } from "../../src/files/policy.js";
import { SUGGESTION_BUDGET } from "../../src/text/suggest.js";

const HEAD = "policy p effective 2020-01-01\nfield a\nfield b\nmetric m = a / b\n";
const tiers = (count: number): string => Array.from({ length: count }, (_, i) => `tier tier-${i}`).join("\n");

describe("an unknown name in a policy of many ids", () => {
  test("with none near, the help lists ten ids and how many more", () => {
    const [d] = compile(`${HEAD}${tiers(30)}\ntarget x for tier q: in 2020 m >= 1%`).diagnostics;
    expect(d?.name).toBe("unknown-tier");
    expect(d?.help).toMatch(/^the tiers defined are `tier-0`, .*`tier-9` and 20 more; declare it if it is new$/);
  });

  test("suggestions are remembered per name and stop once their budget is spent", () => {
    const count = 2000;
    const targets = Array.from({ length: count }, (_, i) => `target x${i} for tier tier-${i}x: in 2020 m >= 1%`).join("\n");
    const found = compile(`${HEAD}${tiers(count)}\n${targets}`).diagnostics.filter((d) => d.name === "unknown-tier");
    expect(found).toHaveLength(count);
    const suggested = found.filter((d) => d.help?.startsWith("did you mean"));
    expect(suggested).toHaveLength(SUGGESTION_BUDGET / count);
    expect(suggested[0]?.help).toContain("`tier-0`");
  });
});
