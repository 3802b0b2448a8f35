/**
 * The public boundary. TypeScript callers cannot pass the wrong type, but JavaScript callers and
 * values read from JSON can; the exports of `chitieu` and `chitieu/testing` check the outer shape of
 * their arguments here and answer a wrong one with a value (their own kind of error, or an empty
 * result) instead of a TypeError from deep inside. Shapes only: a value that looks like a policy
 * is taken for one, as the types say it is.
 */
import { issueText, type Expected, type IssueKinds } from "./issue-words.js";

/** What a function with no error value of its own returns for an argument of the wrong type. */
export interface BadArgument {
  readonly error: "bad-argument";
  /** In English; `localizeIssue(bad, "vi")` words it in Vietnamese from `args`. */
  readonly message: string;
  readonly args: { readonly kind: "bad-argument" } & IssueKinds["bad-argument"];
}

/** One argument's check, and what to call the value it wants. */
export interface Arg {
  readonly check: (value: unknown) => boolean;
  readonly expected: Expected;
}

export const isObject = (value: unknown): value is Record<PropertyKey, unknown> => typeof value === "object" && value !== null;

/** An object whose `keys` hold values of the kinds named (`array`, `string`, `map`, `object`, `function`). */
const holding =
  (kinds: Readonly<Record<string, "array" | "string" | "map" | "object" | "function" | "bigint">>) =>
  (value: unknown): boolean =>
    isObject(value) && Object.entries(kinds).every(([key, kind]) => kindOf(value[key]) === kind);

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value instanceof Map) return "map";
  return value === null ? "null" : typeof value;
}

export const arg = (expected: Expected, check: (value: unknown) => boolean): Arg => ({ expected, check });

export const text = arg("text", (v) => typeof v === "string");
export const options = arg("options", (v) => v === undefined || isObject(v));
export const lang = arg("lang", (v) => v === "en" || v === "vi");
export const bytes = arg("bytes", (v) => v instanceof Uint8Array);
export const policy = arg("policy", holding({ id: "string", targets: "array", scores: "array", checks: "array", fields: "map" }));
export const schedule = arg("object", holding({ milestones: "array" }));
export const rational = arg("number", (v) => holding({ num: "bigint", den: "bigint" })(v) && (v as { den: bigint }).den > 0n);
export const diagnostic = arg("object", holding({ message: "string", file: "string", span: "object" }));
export const evaluation = arg("object", holding({ results: "array", groups: "array", scores: "array", dataIssues: "array" }));
export const chunks = arg("chunks", (v) => isObject(v) && (Symbol.iterator in v || Symbol.asyncIterator in v));

/** `check` for a list of things each passing `item`. */
export const listOf = (item: Arg): Arg => arg("list", (v) => Array.isArray(v) && v.every(item.check));
/** `check`, or left out. */
export const optional = (a: Arg): Arg => arg(a.expected, (v) => v === undefined || a.check(v));

/** The first argument that fails its check, as an error value; undefined when all pass. */
export function badArgument(name: string, args: readonly Arg[], given: readonly unknown[]): BadArgument | undefined {
  const at = args.findIndex((a, i) => !a.check(given[i]));
  if (at < 0) return undefined;
  const words = { kind: "bad-argument", function: name, position: at + 1, expected: args[at]?.expected ?? "object" } as const;
  return { error: "bad-argument", message: issueText("en", words), args: words };
}

export function isBadArgument(value: unknown): value is BadArgument {
  return isObject(value) && value.error === "bad-argument";
}

/** `fn` with its arguments checked first; a wrong one gets `fallback`'s answer instead of a call. */
export function guard<A extends unknown[], R>(name: string, args: readonly Arg[], fn: (...a: A) => R, fallback: (bad: BadArgument, given: readonly unknown[]) => R): (...a: A) => R {
  return (...given: A) => {
    const bad = badArgument(name, args, given);
    return bad === undefined ? fn(...given) : fallback(bad, given);
  };
}
