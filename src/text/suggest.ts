/** The longest word a suggestion is looked for. */
const MAX_SUGGESTED = 128;

/** "Did you mean" by edit distance, as people mistype: a few letters off, never a different word. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  // Ids are short; a megabyte "id" is no slip of the keyboard, and comparing it would be quadratic.
  if (word.length > MAX_SUGGESTED) return undefined;
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // `thanh-tra` for `thanh-tra-tinh`: a shortened id is a likely slip however many letters are cut.
    if (word.length >= 4 && candidate.toLowerCase().startsWith(word.toLowerCase())) return candidate;
    // The distance is at least the difference in length: skip what cannot be near without comparing.
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent transpositions (`taregt` is one step from `target`). */
export function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}

/** Known ids compared, over one read or one check, before suggestions stop: about half a second of work. */
export const SUGGESTION_BUDGET = 50_000;

/** The known id nearest to one that is not, as issue arguments: `{ near: "x" }`, or `{}` for none. */
export type Suggestion = { readonly near?: string };

/**
 * The nearest known id, if any. Each suggestion compares the id with every known id, so a file
 * whose ids are all wrong (read against the wrong registry, most likely) would take rows x ids
 * steps: suggestions are remembered, and stop once the budget is spent.
 */
export function suggester(known: Iterable<string>): (id: string) => Suggestion {
  // A copy, since an iterator such as `map.keys()` would be used up by the first suggestion; made
  // at the first suggestion, not here: a service reading one good row against 40,000 units needs none.
  let copy: string[] | undefined;
  const made = new Map<string, Suggestion>();
  let budget = SUGGESTION_BUDGET;
  return (id) => {
    const remembered = made.get(id);
    if (remembered !== undefined) return remembered;
    const candidates = (copy ??= [...known]);
    if (budget < candidates.length) return {};
    budget -= candidates.length;
    const near = closest(id, candidates);
    const suggestion = near === undefined ? {} : { near };
    made.set(id, suggestion);
    return suggestion;
  };
}
