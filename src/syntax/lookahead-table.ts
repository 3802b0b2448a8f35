/**
 * The parser's lookahead paths when they were computed ahead of time: never in the library, where
 * the parser computes them when it is built. scripts/bundle.mjs replaces this module in the bundled
 * CLI with the table it computed from the same grammar at build time (lookahead.ts says why).
 */
import type { LookaheadTable } from "./lookahead.js";

export const PRECOMPUTED: LookaheadTable | undefined = undefined;
