/** node:crypto in the page (scripts/bundle-playground.mjs): only the HTML report's page hashes, and the playground shows its body. */
export function createHash(): never {
  throw new Error("node:crypto is not in the playground");
}
