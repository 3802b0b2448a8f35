/** Imports stay in the policy's tree (issue 13): what the disk reader refuses, and that nothing of a refused file is quoted. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileFile } from "../../src/files/policy.js";

const dir = mkdtempSync(join(tmpdir(), "chitieu-imports-"));
const root = join(dir, "policies");
mkdirSync(join(root, "shared"), { recursive: true });
writeFileSync(join(dir, "secret.ct"), "tier secret_outside\n");
writeFileSync(join(dir, "passwd"), "root:x:0:0:root:/root:/bin/bash\n");
writeFileSync(join(root, "shared", "tiers.ct"), "tier province\n");
symlinkSync(dir, join(root, "escape"));
symlinkSync(".", join(root, "a"));
symlinkSync(".", join(root, "b"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(imports: string[]) {
  const file = join(root, "p.ct");
  writeFileSync(file, `policy p effective 2022-01-01\n${imports.map((i) => `import "${i}"`).join("\n")}\n`);
  return compileFile(file).diagnostics.map((d) => ({ name: d.name, refused: (d.args as { refused?: string }).refused, message: d.message }));
}

describe("imports", () => {
  it("read a .ct file below the policy's folder", () => {
    expect(check(["shared/tiers.ct"])).toEqual([]);
  });

  it.each([
    ["a file outside the folder", "../secret.ct", "outside-root"],
    ["a link leading outside", "escape/secret.ct", "outside-root"],
    ["a file that is not a policy", "../passwd", "not-a-policy-file"],
    ["an absolute path to a system file", "/etc/passwd", "not-a-policy-file"],
  ])("refuse %s, quoting nothing of it", (_, path, refused) => {
    const [d, ...more] = check([path]);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ name: "import-not-found", refused });
    expect(d!.message).not.toMatch(/root:x|secret_outside/);
  });

  it("end a loop of links to the folder itself, reading each file once", () => {
    const diagnostics = check(["a/b/a/b/shared/tiers.ct", "b/a/shared/tiers.ct", "shared/tiers.ct"]);
    expect(diagnostics).toEqual([]);
    expect(check(["a/b/p.ct"]).map((d) => d.name)).toEqual(["import-cycle"]);
  });

  it("follow a chain of 3,000 imports without running out of stack, and find a cycle at its end", () => {
    const chain = join(root, "chain");
    mkdirSync(chain);
    const depth = 3000;
    for (let i = 0; i < depth; i++) writeFileSync(join(chain, `c${i}.ct`), `tier t${i}\nimport "c${i + 1 < depth ? i + 1 : 0}.ct"\n`);
    const found = check(["chain/c0.ct"]);
    expect(found.map((d) => d.name)).toEqual(["import-cycle"]);
  });
});
