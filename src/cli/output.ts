/** Where a command writes; the real streams in `bin/`, strings in tests. */
export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Exit codes, as documented in README. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
