/** Where a command writes, and what the terminal allows; the real streams in `bin/`, strings in tests. */
import type { ObservationChunks } from "../data/stream.js";
import type { Lang } from "../i18n/lang.js";

export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colour only on a terminal, and never when NO_COLOR is set. */
  readonly colour?: boolean;
  /** The language when --lang is not given, from the environment. */
  readonly lang?: Lang;
  /** Whether standard error is a terminal, where a progress bar may be drawn. */
  readonly progress?: boolean;
  /** Standard input, for `-` in place of a file: read as it is needed, and no further than the limit of what reads it. */
  readonly stdin?: () => ObservationChunks;
}

/** Exit codes, as documented in README. */
export const EXIT = { ok: 0, problems: 1, usage: 2, noData: 3 } as const;
