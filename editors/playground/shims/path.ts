/** node:path in the page (scripts/bundle-playground.mjs): imports are joined as on a POSIX disk. */
export { dirname, join, normalize } from "pathe";
