/**
 * What each problem says, in English and Vietnamese, from the names, dates and values it carries.
 * Checking code records the arguments; whoever prints picks the language. Ids, keywords, dates and
 * figures are quoted as the policy writes them, so they read the same in both languages.
 */
import { didYouMean, TERMS } from "../i18n/glossary.js";
import type { Lang } from "../i18n/lang.js";
import { grouped } from "../i18n/numbers.js";
import type { CodeName } from "./codes.js";

export type DefinitionKind = "tier" | "tag" | "unit" | "field" | "metric";

/** What would fix a name that is not declared: the nearest id, the kind it really is, or the ids there are. */
export type NameHint =
  | { readonly kind: "near"; readonly id: string }
  | { readonly kind: "other-kind"; readonly other: DefinitionKind }
  | { readonly kind: "known"; readonly ids: readonly string[]; readonly more?: number };

/** Why an import was not read (the reader's rules, see src/check/load.ts): nothing of the file is quoted. */
export type ImportRefusal = "outside-root" | "not-a-policy-file" | "not-a-regular-file" | "too-large";

/** What to do when the policy named to a command cannot be read. */
const NAMED_HELP: Readonly<Record<Lang, Readonly<Record<ImportRefusal | "missing", string>>>> = {
  en: {
    "missing": "check the path; policy files end in .ct",
    "outside-root": "check the path",
    "not-a-policy-file": "check the path; policy files end in .ct",
    "not-a-regular-file": "name a policy file, not a folder, a device or a pipe",
    "too-large": "split the policy into files that import each other",
  },
  vi: {
    "missing": "kiểm tra lại đường dẫn; tệp chính sách có đuôi .ct",
    "outside-root": "kiểm tra lại đường dẫn",
    "not-a-policy-file": "kiểm tra lại đường dẫn; tệp chính sách có đuôi .ct",
    "not-a-regular-file": "hãy chỉ ra một tệp chính sách, không phải thư mục, thiết bị hay đường ống",
    "too-large": "hãy tách văn bản thành nhiều tệp import lẫn nhau",
  },
};

const REFUSAL: Readonly<Record<Lang, Readonly<Record<ImportRefusal, string>>>> = {
  en: {
    "outside-root": "it is outside the policy's folder, which imports may not leave",
    "not-a-policy-file": "only policy files (.ct) are imported",
    "not-a-regular-file": "it is not a regular file",
    "too-large": "it is larger than a policy file may be (10 MiB)",
  },
  vi: {
    "outside-root": "tệp nằm ngoài thư mục của văn bản chính sách, lệnh import không được ra ngoài thư mục này",
    "not-a-policy-file": "chỉ import được tệp chính sách (.ct)",
    "not-a-regular-file": "đây không phải là tệp thông thường",
    "too-large": "tệp lớn hơn giới hạn của một tệp chính sách (10 MiB)",
  },
};

/** What a parse error expected (labels with keywords spelled as the file spells them) and what it found. */
export interface Expectation {
  /** Labels of what could come next, such as "a number", "`>=`" or "`từ`". */
  readonly expected: readonly string[];
  /** The word found instead, or null at the end of the file. */
  readonly found: string | null;
}

const EXPECTATION_WORDS = {
  en: { expected: "expected", but: "but found", end: "the end of the file", or: "or", more: "more" },
  vi: { expected: "cần", but: "nhưng gặp", end: "cuối tệp", or: "hoặc", more: "thêm nội dung" },
} as const;

/** `a`, `a or b`, `a, b or c`. */
export const oneOf = (labels: readonly string[], or: string, none: string): string =>
  labels.length <= 1 ? (labels[0] ?? none) : `${labels.slice(0, -1).join(", ")} ${or} ${labels.at(-1)}`;

/** The labels of literals (src/syntax/tokens.ts) in Vietnamese; keywords and symbols are quoted as written. */
export const LITERAL_LABELS_VI: Readonly<Record<string, string>> = {
  "a date (2022-09-30 or 30/09/2022)": "ngày tháng (2022-09-30 hoặc 30/09/2022)",
  "a percentage (50% or 48,6%)": "tỷ lệ phần trăm (50% hoặc 48,6%)",
  "a number": "một số",
  "a quoted name": "tên đặt trong dấu ngoặc kép",
  "a name": "mã định danh",
  "a new statement": "câu lệnh mới",
};

function labelText(label: string, lang: Lang): string {
  if (lang === "en") return label;
  const listed = /^a new statement \((.*)\)$/.exec(label);
  if (listed?.[1] !== undefined) return `${LITERAL_LABELS_VI["a new statement"]} (${listed[1].replace(/ or ([^ ]+)$/, " hoặc $1")})`;
  return LITERAL_LABELS_VI[label] ?? label;
}

/** "expected a number or `(` but found `x`", in the language asked for. */
export function expectationText(e: Expectation, lang: Lang): string {
  const w = EXPECTATION_WORDS[lang];
  const found = e.found === null ? w.end : `\`${e.found}\``;
  return `${w.expected} ${oneOf(e.expected.map((l) => labelText(l, lang)), w.or, w.more)} ${w.but} ${found}`;
}

export type SyntaxHint =
  | { readonly kind: "comparison" }
  | { readonly kind: "percent"; readonly found: string }
  | { readonly kind: "date" }
  | { readonly kind: "near"; readonly word: string }
  | { readonly kind: "example"; readonly title: string; readonly example: string }
  | { readonly kind: "none" };

/** Which units a later-starting target leaves without a threshold: a declared unit, or units of a tier, with a tag. */
export type Subjects = { readonly unit: string } | { readonly tier?: string; readonly tag?: string };

/** How two policies of one line of amendments overlap in time (see src/check/timeline.ts). */
export type TimeOverlap =
  | { readonly kind: "still-in-force"; readonly from: string; readonly until: string }
  | { readonly kind: "before-start"; readonly from: string; readonly start: string }
  | { readonly kind: "same-predecessor"; readonly other: string };

/** What two conflicting targets both select. */
export type Overlap = { readonly kind: "all" } | { readonly kind: "tier" | "tag" | "unit"; readonly id: string };

export type WholeNumber = "rolling" | "year" | "step" | "decimals";

type Unknown = { readonly name: string; readonly hint: NameHint };
type Nothing = Readonly<Record<string, never>>;

export interface MessageArgs {
  "unexpected-character": { readonly character: string };
  "unterminated-string": Nothing;
  /** `keywords`: the language the file's keywords are written in, which expected keywords and examples are spelled in. */
  "syntax":
    | ({ readonly kind: "expected"; readonly hint: SyntaxHint; readonly keywords: Lang } & Expectation)
    | { readonly kind: "nesting"; readonly depth: number }
    | { readonly kind: "terms"; readonly terms: number }
    | { readonly kind: "tokens"; readonly tokens: number }
    | { readonly kind: "more-errors"; readonly count: number };
  "invalid-date": { readonly date: string };
  "invalid-number": { readonly what: WholeNumber; readonly min: number; readonly max: number; readonly found: string };
  "duplicate-clause": { readonly clause: string };
  "decimal-comma": { readonly whole: string; readonly fraction: string };
  "keyword-spelling": { readonly written: string; readonly keyword: string; readonly english: string };
  /** `ascii` is absent when the id has no letter left in ASCII. */
  "non-ascii-id": { readonly id: string; readonly ascii: string | undefined };
  /** `named`: the file is the policy named to the command, not an import. */
  "import-not-found": { readonly path: string; readonly lookedFor?: string; readonly refused?: ImportRefusal; readonly named?: boolean };
  "import-cycle": { readonly path: string; readonly chain: readonly string[] };
  "import-has-rules": { readonly file: string };
  "bad-argument": { readonly function: string; readonly position: number; readonly expected: "text" | "options" | "diagnostic" };
  "missing-header": Nothing;
  "effective-period": { readonly from: string; readonly until: string };
  "duplicate-id": { readonly kind: DefinitionKind | "rule"; readonly id: string };
  "unknown-tier": Unknown;
  "unknown-tag": Unknown;
  "unknown-unit": Unknown;
  "unknown-field": Unknown;
  "unknown-metric": Unknown;
  "unknown-function":
    | { readonly name: string; readonly problem: "unknown"; readonly near?: string }
    | { readonly name: string; readonly problem: "no-arguments" }
    | { readonly name: string; readonly problem: "one-argument"; readonly comma?: { readonly whole: string; readonly fraction: string } };
  "unknown-rounding": { readonly mode: string; readonly near?: string; readonly modes: readonly string[] };
  "same-fields": { readonly metric: string; readonly field: string };
  "divides-by-zero": Record<never, never>;
  "missing-metric": { readonly op: string; readonly value: string };
  "metric-changes": { readonly metric: string; readonly first: string };
  "comparison-changes": { readonly op: string; readonly first: string };
  "ramp-mismatch": { readonly reached: string; readonly date: string; readonly stated: string; readonly step: string; readonly steps: number };
  "ramp-off-deadline":
    | { readonly kind: "too-many-steps"; readonly max: number }
    | { readonly kind: "off"; readonly from: string; readonly before: string; readonly after: string; readonly deadline: string };
  "step-without-start": Nothing;
  "ramp-without-deadline": Nothing;
  "dates-not-increasing": { readonly date: string; readonly previous: string };
  "non-monotone": { readonly direction: "falls" | "rises"; readonly from: string; readonly to: string; readonly date: string };
  "rising-on-at-most": { readonly op: string; readonly step: string };
  "falling-on-at-least": { readonly op: string; readonly step: string };
  "percent-range": { readonly value: string; readonly onStep: boolean };
  "outside-effective-period": { readonly date: string; readonly bound: "takes-effect" | "ends"; readonly on: string };
  "consecutive-steps": Nothing;
  /** `others`: how many more targets before `later` name the same item, when that is why they conflict. */
  "conflicting-rules": { readonly earlier: string; readonly later: string; readonly metric: string; readonly overlap: Overlap; readonly others?: number };
  "excluded-everything": Nothing;
  /** `from`..`until`: the days `later`'s units have no threshold, from `earlier`'s start to the day before `later`'s. */
  "later-start": { readonly later: string; readonly earlier: string; readonly metric: string; readonly starts: string; readonly from: string; readonly until: string; readonly units: Subjects };
  /** `from`..`until`: the days no policy of the line is in force, between `earlier`'s end and `later`'s start. */
  "timeline-gap": { readonly earlier: string; readonly later: string; readonly from: string; readonly until: string };
  "timeline-overlap": { readonly earlier: string; readonly later: string; readonly overlap: TimeOverlap };
  "timeline-undated": { readonly policy: string; readonly supersedes: string };
  "check-fields": { readonly name: string };
  "score-refs": { readonly name: string };
  /** `metric`: the metric that can have no denominator; absent for a division by a value that can be zero. */
  "may-be-empty": { readonly metric?: string };
  "unknown-score": { readonly name: string; readonly near?: string; readonly scores: readonly string[] };
  "index-component-twice": { readonly name: string };
  "index-maximum": { readonly sum: string; readonly stated: string };
  "index-windows": { readonly score: string; readonly window: string; readonly first: string; readonly firstWindow: string };
}

/** A problem in words: the message, the fix, and one note per related place, in order. */
export interface Text {
  readonly message: string;
  readonly help?: string;
  readonly notes?: readonly string[];
}

export type Catalogue = { readonly [N in CodeName]: (args: MessageArgs[N]) => Text };

const quoted = (ids: readonly string[]): string => ids.map((id) => `\`${id}\``).join(", ");

const unknownEn = (kind: DefinitionKind) => ({ name, hint }: Unknown): Text => ({
  message: `unknown ${kind} \`${name}\``,
  help:
    hint.kind === "near"
      ? didYouMean(hint.id, "en")
      : hint.kind === "other-kind"
        ? `\`${name}\` is a ${hint.other}, not a ${kind}`
        : hint.ids.length === 0
          ? `declare it: \`${kind} ${name} "..."\``
          : `the ${kind}s defined are ${quoted(hint.ids)}${hint.more ? ` and ${hint.more} more` : ""}; declare it if it is new`,
});

const WHOLE_NUMBER_EN: Record<WholeNumber, string> = { rolling: "a rolling window", year: "a year", step: "a step", decimals: "the number of decimals" };

const SYNTAX_HINT_EN = (h: SyntaxHint): string => {
  switch (h.kind) {
    case "comparison": return "comparisons are written `>=` and `<=`, with `>` or `<` first";
    case "percent": return `thresholds are percentages: write \`${h.found}%\``;
    case "date": return "write the date as 2022-09-30 or 30/09/2022";
    case "near": return didYouMean(h.word, "en");
    case "example": return `a ${h.title.toLowerCase()} looks like: ${h.example}`;
    case "none": return "";
  }
};

const CHARACTER_HELP_EN = {
  quote: 'quote names with straight double quotes: "Sở Y tế"',
  letter: "ids are written in ASCII letters, digits, `_` and `-` (thanh-tra-tinh); put names with accents in quotes, and check the spelling of the keyword",
  other: "remove it, or put it inside a quoted name",
};

/** Curly quotes are the usual slip of people typing in Word; a letter here is of another script, as Latin ones lex into ids. */
function characterKind(character: string): keyof typeof CHARACTER_HELP_EN {
  if (/[“”„‟'’]/.test(character)) return "quote";
  return /\p{L}/u.test(character) ? "letter" : "other";
}

const english: Catalogue = {
  "unexpected-character": ({ character }) => ({ message: `unexpected character \`${character}\``, help: CHARACTER_HELP_EN[characterKind(character)] }),
  "unterminated-string": () => ({
    message: "this quoted name has no closing `\"` on its line",
    help: 'close it with `"` before the end of the line; write `\\"` for a quote inside it',
  }),
  "syntax": (a) =>
    a.kind === "tokens"
      ? { message: `the policy has more than ${grouped(String(a.tokens), "en")} words, numbers and symbols, more than any decision needs`, help: "split it into files that import each other, and keep units in the registry, not the policy" }
      : a.kind === "more-errors"
      ? { message: `and ${grouped(String(a.count), "en")} more syntax errors from here on`, help: "fix the errors above first: one mistake often causes many of the rest" }
      : a.kind === "terms"
      ? { message: `a formula of more than ${grouped(String(a.terms), "en")} terms`, help: "split the formula into metrics or scores and add those" }
      : a.kind === "nesting"
      ? { message: `nested more than ${a.depth} deep (brackets open at once, \`if\`s in one statement, or minus signs in a row)`, help: "split the formula into metrics or simplify it" }
      : { message: expectationText(a, "en"), help: SYNTAX_HINT_EN(a.hint) },
  "invalid-date": ({ date }) => ({
    message: `\`${date}\` is not a date in the calendar`,
    help: "write the date as 2022-09-30 or 30/09/2022, with a day that exists in that month",
  }),
  "invalid-number": ({ what, min, max, found }) => ({ message: `${WHOLE_NUMBER_EN[what]} must be a whole number from ${min} to ${max}`, help: `found \`${found}\`` }),
  "duplicate-clause": ({ clause }) => ({ message: `the header has more than one \`${clause}\` clause`, help: "keep one and delete the others" }),
  "decimal-comma": ({ whole, fraction }) => ({
    message: `\`${whole},${fraction}\` reads as two numbers, ${whole} and ${fraction}`,
    help: `write \`${whole}.${fraction}\` for a decimal, or \`${whole}, ${fraction}\` for two arguments`,
  }),
  "keyword-spelling": ({ written, keyword, english }) => ({
    message: `\`${written}\` is not a keyword; keywords are written with their accents`,
    help: `did you mean \`${keyword}\`? (or, in English, \`${english}\`)`,
  }),
  "non-ascii-id": ({ id, ascii }) => ({
    message: `the id \`${id}\` has letters outside ASCII`,
    help: `ids are ASCII letters, digits, \`_\` and \`-\`${ascii === undefined ? "" : `: write \`${ascii}\``}; a name with accents goes in quotes, as the title`,
  }),
  "import-not-found": ({ path, lookedFor, refused, named }) =>
    named === true
      ? { message: `cannot read \`${path}\`${refused === undefined ? "" : `: ${REFUSAL.en[refused]}`}`, help: NAMED_HELP.en[refused ?? "missing"] }
      : refused !== undefined
      ? { message: `cannot import \`${path}\`: ${REFUSAL.en[refused]}`, help: "import the shared definitions from a .ct file beside the policy or in a folder below it" }
      : lookedFor === undefined
      ? { message: `cannot read \`${path}\``, help: "check the path; policy files end in .ct" }
      : { message: `cannot read \`${path}\` (looked for ${lookedFor})`, help: "import paths are relative to the importing file" },
  "import-cycle": ({ path, chain }) => ({
    message: `\`${path}\` imports this file back`,
    help: `the chain is ${chain.join(" -> ")}; move the shared definitions to a file both import`,
  }),
  "bad-argument": ({ function: name, position, expected }) => ({
    message:
      expected === "text"
        ? `argument ${position} of ${name} must be text: the policy, or the path of its file`
        : expected === "diagnostic"
        ? `argument ${position} of ${name} must be a diagnostic, as compile and parse return them`
        : `argument ${position} of ${name} must be an object of options (\`file\` text, \`readFile\` a function), or left out`,
    help: "compile takes the policy's text, compileFile the path of a .ct file",
  }),
  "import-has-rules": ({ file }) => ({
    message: `\`${file}\` has a header, targets, scores or checks, which an import leaves out`,
    help: "move the shared tiers, tags, units, fields and metrics to a file of their own and import that",
    notes: ["left out from here"],
  }),
  "missing-header": () => ({ message: "this file has rules but no `policy` header", help: 'start it with `policy ID "Title" effective DATE`' }),
  "effective-period": ({ from, until }) => ({ message: `the policy ends on ${until}, before it takes effect on ${from}`, help: "check the two dates against the decision" }),
  "duplicate-id": ({ kind, id }) =>
    kind === "rule"
      ? { message: `a target or score \`${id}\` is already defined`, help: "give each target and score its own id", notes: ["first defined here"] }
      : { message: `${kind} \`${id}\` is already defined`, help: "give this one another id, or delete one of the two", notes: ["first defined here"] },
  "unknown-tier": unknownEn("tier"),
  "unknown-tag": unknownEn("tag"),
  "unknown-unit": unknownEn("unit"),
  "unknown-field": unknownEn("field"),
  "unknown-metric": unknownEn("metric"),
  "unknown-function": (a) =>
    a.problem === "unknown"
      ? { message: `unknown function \`${a.name}\``, help: a.near ? didYouMean(a.near, "en") : "the functions are `min` and `max`" }
      : a.problem === "no-arguments"
        ? { message: `\`${a.name}\` needs at least one argument`, help: `as in \`${a.name}(2, 2 * provision / 80%)\`` }
        : {
            message: `\`${a.name}\` of one value is that value`,
            help: a.comma
              ? `\`${a.comma.whole},${a.comma.fraction}%\` reads as one percentage, ${a.comma.whole}.${a.comma.fraction}%; for two arguments write \`${a.comma.whole}, ${a.comma.fraction}%\``
              : `give it two values or more, as in \`${a.name}(2, 2 * provision / 80%)\``,
          },
  "unknown-rounding": ({ mode, near, modes }) => ({ message: `unknown rounding \`${mode}\``, help: near ? didYouMean(near, "en") : `use one of ${modes.join(", ")}` }),
  "same-fields": ({ metric, field }) => ({ message: `\`${metric}\` divides \`${field}\` by itself`, help: "the denominator is usually the total the numerator is part of" }),
  "divides-by-zero": () => ({ message: "this divides by zero", help: "a formula has no value divided by 0; for a metric with no denominator, say what it gives with `when empty`" }),
  "missing-metric": ({ op, value }) => ({
    message: "the first milestone does not name the metric it sets",
    help: `name it before the comparison, as in \`by 2022-11-30 online_share ${op} ${value}\``,
  }),
  "metric-changes": ({ metric, first }) => ({
    message: `this milestone names \`${metric}\` but the schedule is for \`${first}\``,
    help: "write a separate target for the other metric",
  }),
  "comparison-changes": ({ op, first }) => ({
    message: `this milestone compares with \`${op}\` but the first one with \`${first}\``,
    help: `use \`${first}\` throughout the schedule`,
  }),
  "ramp-mismatch": ({ reached, date, stated, step, steps }) => ({
    message: `the ramp reaches ${reached} on ${date} but this milestone says ${stated}`,
    help: `a step of ${step} over ${steps} step${steps === 1 ? "" : "s"} would reach ${stated}; or make the deadline ${reached}`,
  }),
  "ramp-off-deadline": (a) =>
    a.kind === "too-many-steps"
      ? { message: `more than ${a.max} steps before the next milestone`, help: "use a longer period, or put milestones between" }
      : {
          message: `the steps from ${a.from} fall on ${a.before} and ${a.after}, never on ${a.deadline}`,
          help: "start the ramp on a date the steps lead to the deadline from (a month end for a month-end deadline), or move the deadline onto a step",
        },
  "step-without-start": () => ({
    message: "this step has no milestone before it to start from",
    help: "start the schedule with a milestone, as in `from 2022-09-30 rate >= 50%, monthly +15%`",
  }),
  "ramp-without-deadline": () => ({
    message: "this step keeps changing the threshold with no deadline to stop at",
    help: "end the schedule with the milestone the ramp leads to, as in `by 2022-11-30 >= 80%`, or drop the increment to hold the target every period",
  }),
  "dates-not-increasing": ({ date, previous }) => ({
    message: `\`${date}\` is not after the milestone before it (${previous})`,
    help: "list milestones in date order, each on a later date",
  }),
  "non-monotone": ({ direction, from, to, date }) => ({
    message: `the threshold ${direction} from ${from} to ${to} on ${date}`,
    help:
      direction === "falls"
        ? "an `at least` target usually only rises; check the figures in the decision"
        : "an `at most` target usually only falls; check the figures in the decision",
  }),
  "rising-on-at-most": ({ op, step }) => ({
    message: `this step raises the ceiling of a \`${op}\` target by ${step} each period`,
    help: "an `at most` target tightens by lowering: write a negative step such as `-5%`",
  }),
  "falling-on-at-least": ({ op, step }) => ({
    message: `this step lowers the floor of a \`${op}\` target by ${step} each period`,
    help: "an `at least` target tightens by rising: write a positive step such as `+15%`",
  }),
  "percent-range": ({ value, onStep }) => ({
    message: `${value} is outside 0% to 100%`,
    help: onStep ? "the ramp leaves the range before its deadline: check the step and the deadline" : "a threshold is a share: write a percentage from 0% to 100%",
  }),
  "outside-effective-period": ({ date, bound, on }) => ({
    message: `the milestone on ${date} falls outside the policy, which ${bound === "takes-effect" ? `takes effect on ${on}` : `ends on ${on}`}`,
    help: "check the date against the decision, or the policy's `effective` clause",
  }),
  "consecutive-steps": () => ({
    message: "two steps follow each other with no milestone between them",
    help: "keep one step, or put the milestone the first one leads to between them",
  }),
  "conflicting-rules": ({ earlier, later, metric, overlap, others = 0 }) => ({
    message: `targets \`${earlier}\` and \`${later}\` both set \`${metric}\` for ${overlap.kind === "all" ? "all units" : `${overlap.kind} \`${overlap.id}\``}, equally specifically${others > 0 ? `, and so ${others === 1 ? "does 1 other target" : `do ${others} other targets`} before \`${later}\`` : ""}`,
    help: "merge them into one target with all its milestones, or make one more specific (a unit over a tag over a tier)",
    notes: [`\`${earlier}\` is here`],
  }),
  "excluded-everything": () => ({
    message: "this selector excludes what it includes",
    help: "exclude something narrower than what is included, such as one unit of a tier",
  }),
  "later-start": ({ later, earlier, metric, starts, from, until, units }) => ({
    message: `target \`${later}\` starts on ${starts}, later than \`${earlier}\` (${from}), which it replaces for ${subjectsEn(units)}: from ${from} to ${until} they have no threshold for \`${metric}\``,
    help: `give \`${later}\` a milestone on ${from} too (such as \`${earlier}\`'s threshold then): a more specific target alone sets its units' thresholds`,
    notes: [`\`${earlier}\` is here`],
  }),
  "timeline-gap": ({ earlier, later, from, until }) => ({
    message: `no policy is in force from ${from} to ${until}: \`${earlier}\` ends before \`${later}\`, which supersedes it, takes effect`,
    help: `make \`${later}\` take effect on ${from}, or \`${earlier}\` end on ${until}, as the decisions say`,
    notes: [`\`${earlier}\`'s period is here`],
  }),
  "timeline-overlap": ({ earlier, later, overlap }) => ({
    message:
      overlap.kind === "still-in-force"
        ? `\`${earlier}\` is still in force from ${overlap.from} to ${overlap.until}, when \`${later}\`, which supersedes it, is too; \`${later}\` decides those dates`
        : overlap.kind === "before-start"
          ? `\`${later}\` takes effect on ${overlap.from}, on or before \`${earlier}\`, which it supersedes, does (${overlap.start}): \`${earlier}\` is never in force`
          : `\`${later}\` and \`${overlap.other}\` both supersede \`${earlier}\`, so both claim the dates after it`,
    help:
      overlap.kind === "same-predecessor"
        ? `make one of them supersede the other instead of \`${earlier}\``
        : overlap.kind === "still-in-force"
          ? `end \`${earlier}\` the day before \`${later}\` takes effect, or leave its end open`
          : "check the two policies' `effective` dates and which supersedes which",
    notes: [overlap.kind === "same-predecessor" ? `\`${overlap.other}\` is here` : `\`${earlier}\`'s period is here`],
  }),
  "timeline-undated": ({ policy, supersedes }) => ({
    message: `\`${policy}\` supersedes \`${supersedes}\` but has no \`effective\` date, so it is not known from when`,
    help: "say when the policy takes effect: `effective 2022-10-01`",
  }),
  "check-fields": ({ name }) => ({ message: `\`${name}\` is a metric, but data checks compare the counts units report`, help: `use the fields of \`${name}\`` }),
  "score-refs": ({ name }) => ({ message: `\`${name}\` is a field, but scores are computed from metrics`, help: `define a metric over \`${name}\` and use it here` }),
  "may-be-empty": ({ metric }) => ({
    message: metric ? `\`${metric}\` can have no denominator, and this score says nothing for it` : "this divides by a value that can be zero, and this score says nothing for it",
    help: `the unit would get no points; give the formula \`when empty N\` after it, or the term its own: \`(4 * ${metric ?? "x"} when empty 4)\``,
  }),
  "unknown-score": ({ name, near, scores }) => ({
    message: `\`${name}\` is not a score of this policy`,
    help: near ? didYouMean(near, "en") : scores.length > 0 ? `an index adds scores: ${quoted(scores)}` : "declare the score with `score`, then add it here",
  }),
  "index-component-twice": ({ name }) => ({ message: `\`${name}\` is added twice`, help: "add each score once" }),
  "index-maximum": ({ sum, stated }) => ({
    message: `the components give at most ${sum} points, but the index says ${stated}`,
    help: `make it \`out of ${sum}\`, or correct a component's \`out of\``,
  }),
  "index-windows": ({ score, window, first, firstWindow }) => ({
    message: `\`${score}\` is scored over ${window} but \`${first}\` over ${firstWindow}`,
    help: "score every component of an index over the same window, so the total covers one period",
  }),
};

/** The names of what a policy declares, as Vietnamese decisions call them. */
const KIND_VI: Record<DefinitionKind, string> = TERMS.vi;

const unknownVi = (kind: DefinitionKind) => ({ name, hint }: Unknown): Text => ({
  message: `${KIND_VI[kind]} \`${name}\` chưa được khai báo`,
  help:
    hint.kind === "near"
      ? didYouMean(hint.id, "vi")
      : hint.kind === "other-kind"
        ? `\`${name}\` là ${KIND_VI[hint.other]}, không phải ${KIND_VI[kind]}`
        : hint.ids.length === 0
          ? `hãy khai báo: \`${kind} ${name} "..."\``
          : `các ${KIND_VI[kind]} đã khai báo là ${quoted(hint.ids)}${hint.more ? ` và ${hint.more} ${KIND_VI[kind]} khác` : ""}; nếu là ${KIND_VI[kind]} mới thì hãy khai báo`,
});

const WHOLE_NUMBER_VI: Record<WholeNumber, string> = {
  rolling: "số tháng của cửa sổ trượt",
  year: "năm",
  step: "chu kỳ của bước",
  decimals: "số chữ số thập phân",
};

const SYNTAX_HINT_VI = (h: SyntaxHint): string => {
  switch (h.kind) {
    case "comparison": return "phép so sánh viết là `>=` và `<=`, dấu `>` hoặc `<` đứng trước";
    case "percent": return `ngưỡng là tỷ lệ phần trăm: viết \`${h.found}%\``;
    case "date": return "viết ngày theo dạng 2022-09-30 hoặc 30/09/2022";
    case "near": return didYouMean(h.word, "vi");
    case "example": return `viết theo mẫu: ${h.example}`;
    case "none": return "";
  }
};

const CHARACTER_HELP_VI: Record<keyof typeof CHARACTER_HELP_EN, string> = {
  quote: 'đặt tên trong dấu ngoặc kép thẳng: "Sở Y tế"',
  letter: "mã định danh chỉ gồm chữ cái không dấu, chữ số, `_` và `-` (thanh-tra-tinh); tên có dấu phải đặt trong dấu ngoặc kép; kiểm tra lại chính tả của từ khóa",
  other: "xóa ký tự này, hoặc đặt nó trong một tên có dấu ngoặc kép",
};

const vietnamese: Catalogue = {
  "unexpected-character": ({ character }) => ({ message: `ký tự không hợp lệ \`${character}\``, help: CHARACTER_HELP_VI[characterKind(character)] }),
  "unterminated-string": () => ({
    message: "tên trong dấu ngoặc kép này thiếu dấu `\"` đóng trên cùng dòng",
    help: 'đóng tên bằng `"` trước khi hết dòng; viết `\\"` nếu cần dấu ngoặc kép bên trong tên',
  }),
  "syntax": (a) =>
    a.kind === "tokens"
      ? { message: `văn bản chính sách có hơn ${grouped(String(a.tokens), "vi")} từ, số và ký hiệu, nhiều hơn mọi quyết định cần`, help: "hãy tách thành nhiều tệp import lẫn nhau, và để danh sách đơn vị trong danh mục đơn vị thay vì trong văn bản chính sách" }
      : a.kind === "more-errors"
      ? { message: `và ${grouped(String(a.count), "vi")} lỗi cú pháp khác từ đây trở đi`, help: "hãy sửa các lỗi phía trên trước: một lỗi thường kéo theo nhiều lỗi sau đó" }
      : a.kind === "terms"
      ? { message: `công thức có hơn ${grouped(String(a.terms), "vi")} số hạng`, help: "tách công thức thành các chỉ số hoặc điểm rồi cộng lại" }
      : a.kind === "nesting"
      ? { message: `lồng nhau quá ${a.depth} cấp (dấu ngoặc mở cùng lúc, số \`nếu\` trong một câu lệnh, hoặc dấu trừ liên tiếp)`, help: "tách công thức thành các chỉ số, hoặc viết gọn lại" }
      : { message: expectationText(a, "vi"), help: SYNTAX_HINT_VI(a.hint) },
  "invalid-date": ({ date }) => ({
    message: `\`${date}\` không phải là ngày có thật trên lịch`,
    help: "viết ngày theo dạng 2022-09-30 hoặc 30/09/2022, với ngày có trong tháng đó",
  }),
  "invalid-number": ({ what, min, max, found }) => ({ message: `${WHOLE_NUMBER_VI[what]} phải là số nguyên từ ${min} đến ${max}`, help: `giá trị đang ghi là \`${found}\`` }),
  "duplicate-clause": ({ clause }) => ({ message: `phần đầu có nhiều hơn một mệnh đề \`${clause}\``, help: "giữ lại một mệnh đề và xóa các mệnh đề còn lại" }),
  "decimal-comma": ({ whole, fraction }) => ({
    message: `\`${whole},${fraction}\` được đọc thành hai số, ${whole} và ${fraction}`,
    help: `viết \`${whole}.${fraction}\` nếu là số thập phân, hoặc \`${whole}, ${fraction}\` nếu là hai đối số`,
  }),
  "keyword-spelling": ({ written, keyword, english }) => ({
    message: `\`${written}\` không phải là từ khóa; từ khóa phải viết đúng dấu`,
    help: `có phải là \`${keyword}\` không? (hoặc viết bằng tiếng Anh: \`${english}\`)`,
  }),
  "non-ascii-id": ({ id, ascii }) => ({
    message: `mã định danh \`${id}\` có chữ ngoài bảng mã ASCII`,
    help: `mã định danh chỉ gồm chữ cái không dấu, chữ số, \`_\` và \`-\`${ascii === undefined ? "" : `: viết \`${ascii}\``}; tên có dấu đặt trong dấu ngoặc kép, làm tiêu đề`,
  }),
  "import-not-found": ({ path, lookedFor, refused, named }) =>
    named === true
      ? { message: `không đọc được \`${path}\`${refused === undefined ? "" : `: ${REFUSAL.vi[refused]}`}`, help: NAMED_HELP.vi[refused ?? "missing"] }
      : refused !== undefined
      ? { message: `không import được \`${path}\`: ${REFUSAL.vi[refused]}`, help: "import các định nghĩa dùng chung từ một tệp .ct đặt cạnh văn bản chính sách hoặc trong thư mục con" }
      : lookedFor === undefined
      ? { message: `không đọc được \`${path}\``, help: "kiểm tra lại đường dẫn; tệp chính sách có đuôi .ct" }
      : { message: `không đọc được \`${path}\` (đã tìm tại ${lookedFor})`, help: "đường dẫn import tính từ thư mục của tệp có lệnh import" },
  "import-cycle": ({ path, chain }) => ({
    message: `\`${path}\` lại import ngược tệp này`,
    help: `chuỗi import là ${chain.join(" -> ")}; chuyển các định nghĩa dùng chung sang một tệp mà cả hai cùng import`,
  }),
  "bad-argument": ({ function: name, position, expected }) => ({
    message:
      expected === "text"
        ? `đối số thứ ${position} của ${name} phải là văn bản: nội dung chính sách, hoặc đường dẫn tới tệp chính sách`
        : expected === "diagnostic"
        ? `đối số thứ ${position} của ${name} phải là một chẩn đoán, như compile và parse trả về`
        : `đối số thứ ${position} của ${name} phải là một đối tượng tùy chọn (\`file\` là văn bản, \`readFile\` là một hàm), hoặc bỏ trống`,
    help: "compile nhận nội dung chính sách, compileFile nhận đường dẫn tới một tệp .ct",
  }),
  "import-has-rules": ({ file }) => ({
    message: `\`${file}\` có phần đầu, chỉ tiêu, điểm hoặc phép kiểm tra; lệnh import bỏ qua những phần này`,
    help: "chuyển các cấp, nhóm, đơn vị, trường số liệu và chỉ số dùng chung sang một tệp riêng rồi import tệp đó",
    notes: ["phần bị bỏ qua bắt đầu từ đây"],
  }),
  "missing-header": () => ({ message: "tệp này có quy tắc nhưng thiếu phần đầu `policy`", help: 'mở đầu tệp bằng `policy ID "Title" effective DATE`' }),
  "effective-period": ({ from, until }) => ({
    message: `văn bản hết hiệu lực ngày ${until}, trước ngày có hiệu lực ${from}`,
    help: "đối chiếu hai ngày này với quyết định",
  }),
  "duplicate-id": ({ kind, id }) =>
    kind === "rule"
      ? { message: `chỉ tiêu hoặc điểm \`${id}\` đã được khai báo`, help: "đặt cho mỗi chỉ tiêu, mỗi điểm một mã riêng", notes: ["khai báo lần đầu tại đây"] }
      : { message: `${KIND_VI[kind]} \`${id}\` đã được khai báo`, help: "đổi mã cho mục này, hoặc xóa một trong hai", notes: ["khai báo lần đầu tại đây"] },
  "unknown-tier": unknownVi("tier"),
  "unknown-tag": unknownVi("tag"),
  "unknown-unit": unknownVi("unit"),
  "unknown-field": unknownVi("field"),
  "unknown-metric": unknownVi("metric"),
  "unknown-function": (a) =>
    a.problem === "unknown"
      ? { message: `không có hàm \`${a.name}\``, help: a.near ? didYouMean(a.near, "vi") : "chỉ có hai hàm `min` và `max`" }
      : a.problem === "no-arguments"
        ? { message: `hàm \`${a.name}\` cần ít nhất một đối số`, help: `ví dụ \`${a.name}(2, 2 * provision / 80%)\`` }
        : {
            message: `hàm \`${a.name}\` của một giá trị chính là giá trị đó`,
            help: a.comma
              ? `\`${a.comma.whole},${a.comma.fraction}%\` được đọc là một tỷ lệ phần trăm, ${a.comma.whole},${a.comma.fraction}%; nếu là hai đối số, hãy viết \`${a.comma.whole}, ${a.comma.fraction}%\``
              : `hãy ghi từ hai giá trị trở lên, ví dụ \`${a.name}(2, 2 * provision / 80%)\``,
          },
  "unknown-rounding": ({ mode, near, modes }) => ({
    message: `không có cách làm tròn \`${mode}\``,
    help: near ? didYouMean(near, "vi") : `dùng một trong các cách: ${modes.join(", ")}`,
  }),
  "same-fields": ({ metric, field }) => ({ message: `\`${metric}\` chia \`${field}\` cho chính nó`, help: "mẫu số thường là tổng số mà tử số là một phần trong đó" }),
  "divides-by-zero": () => ({ message: "phép chia này chia cho 0", help: "công thức không có giá trị khi chia cho 0; khi chỉ số không có mẫu số, hãy ghi kết quả bằng `khi trống`" }),
  "missing-metric": ({ op, value }) => ({
    message: "mốc đầu tiên chưa nêu chỉ số được giao",
    help: `nêu tên chỉ số trước phép so sánh, ví dụ \`by 2022-11-30 online_share ${op} ${value}\``,
  }),
  "metric-changes": ({ metric, first }) => ({
    message: `mốc này nêu \`${metric}\` nhưng lộ trình là của \`${first}\``,
    help: "viết một chỉ tiêu riêng cho chỉ số kia",
  }),
  "comparison-changes": ({ op, first }) => ({
    message: `mốc này so sánh bằng \`${op}\` nhưng mốc đầu tiên dùng \`${first}\``,
    help: `dùng \`${first}\` cho toàn bộ lộ trình`,
  }),
  "ramp-mismatch": ({ reached, date, stated, step, steps }) => ({
    message: `lộ trình đạt ${reached} vào ngày ${date} nhưng mốc này ghi ${stated}`,
    help: `mỗi bước ${step}, qua ${steps} bước, sẽ đạt ${stated}; hoặc sửa mốc hạn thành ${reached}`,
  }),
  "ramp-off-deadline": (a) =>
    a.kind === "too-many-steps"
      ? { message: `có hơn ${a.max} bước trước mốc tiếp theo`, help: "dùng chu kỳ dài hơn, hoặc thêm các mốc xen giữa" }
      : {
          message: `các bước tính từ ${a.from} rơi vào ngày ${a.before} và ${a.after}, không trùng mốc hạn ${a.deadline}`,
          help: "bắt đầu lộ trình từ ngày mà các bước dẫn đúng tới mốc hạn (ngày cuối tháng nếu mốc hạn là ngày cuối tháng), hoặc dời mốc hạn vào đúng một bước",
        },
  "step-without-start": () => ({
    message: "bước này không có mốc nào phía trước để bắt đầu",
    help: "mở đầu lộ trình bằng một mốc, ví dụ `from 2022-09-30 rate >= 50%, monthly +15%`",
  }),
  "ramp-without-deadline": () => ({
    message: "bước này tiếp tục thay đổi ngưỡng mà không có mốc hạn để dừng",
    help: "kết thúc lộ trình bằng mốc mà các bước dẫn tới, ví dụ `by 2022-11-30 >= 80%`, hoặc bỏ mức tăng để giữ nguyên chỉ tiêu ở mọi kỳ",
  }),
  "dates-not-increasing": ({ date, previous }) => ({
    message: `\`${date}\` không sau mốc liền trước (${previous})`,
    help: "liệt kê các mốc theo thứ tự thời gian, mốc sau có ngày muộn hơn mốc trước",
  }),
  "non-monotone": ({ direction, from, to, date }) => ({
    message: direction === "falls" ? `ngưỡng giảm từ ${from} xuống ${to} vào ngày ${date}` : `ngưỡng tăng từ ${from} lên ${to} vào ngày ${date}`,
    help:
      direction === "falls"
        ? "chỉ tiêu `at least` (tối thiểu) thường chỉ tăng dần; đề nghị kiểm tra lại số liệu trong quyết định"
        : "chỉ tiêu `at most` (tối đa) thường chỉ giảm dần; đề nghị kiểm tra lại số liệu trong quyết định",
  }),
  "rising-on-at-most": ({ op, step }) => ({
    message: `bước này nâng mức trần của chỉ tiêu \`${op}\` thêm ${step} mỗi kỳ`,
    help: "chỉ tiêu `at most` (tối đa) được siết bằng cách giảm dần: viết bước âm, ví dụ `-5%`",
  }),
  "falling-on-at-least": ({ op, step }) => ({
    message: `bước này hạ mức sàn của chỉ tiêu \`${op}\` đi ${step} mỗi kỳ`,
    help: "chỉ tiêu `at least` (tối thiểu) được siết bằng cách tăng dần: viết bước dương, ví dụ `+15%`",
  }),
  "percent-range": ({ value, onStep }) => ({
    message: `${value} nằm ngoài khoảng từ 0% đến 100%`,
    help: onStep
      ? "lộ trình vượt ra ngoài khoảng này trước mốc hạn: kiểm tra lại bước và mốc hạn"
      : "ngưỡng là một tỷ lệ: viết tỷ lệ phần trăm từ 0% đến 100%",
  }),
  "outside-effective-period": ({ date, bound, on }) => ({
    message: `mốc ngày ${date} nằm ngoài thời gian hiệu lực của văn bản, ${bound === "takes-effect" ? `ngày hiệu lực là ${on}` : `văn bản hết hiệu lực ngày ${on}`}`,
    help: "đối chiếu ngày này với quyết định, hoặc với mệnh đề `effective` của văn bản",
  }),
  "consecutive-steps": () => ({
    message: "hai bước đi liền nhau, không có mốc nào ở giữa",
    help: "giữ lại một bước, hoặc đặt mốc mà bước thứ nhất dẫn tới vào giữa hai bước",
  }),
  "conflicting-rules": ({ earlier, later, metric, overlap, others = 0 }) => ({
    message: `hai chỉ tiêu \`${earlier}\` và \`${later}\` cùng giao \`${metric}\` cho ${overlap.kind === "all" ? "toàn bộ đơn vị" : `${KIND_VI[overlap.kind]} \`${overlap.id}\``} với mức cụ thể như nhau${others > 0 ? `, cùng với ${others} chỉ tiêu khác đứng trước \`${later}\`` : ""}`,
    help: "gộp thành một chỉ tiêu với đủ các mốc, hoặc làm cho một chỉ tiêu cụ thể hơn (đơn vị cụ thể hơn nhóm, nhóm cụ thể hơn cấp)",
    notes: [`\`${earlier}\` ở đây`],
  }),
  "excluded-everything": () => ({
    message: "phạm vi áp dụng này loại trừ chính những gì nó bao gồm",
    help: "loại trừ một phạm vi hẹp hơn phạm vi đã chọn, ví dụ một đơn vị trong một cấp",
  }),
  "later-start": ({ later, earlier, metric, starts, from, until, units }) => ({
    message: `chỉ tiêu \`${later}\` bắt đầu từ ${starts}, muộn hơn \`${earlier}\` (${from}) mà nó thay thế đối với ${subjectsVi(units)}: từ ${from} đến ${until} các đơn vị này không có ngưỡng cho \`${metric}\``,
    help: `thêm cho \`${later}\` một mốc ngày ${from} (chẳng hạn bằng ngưỡng của \`${earlier}\` khi đó): chỉ tiêu cụ thể hơn một mình quyết định ngưỡng của các đơn vị của nó`,
    notes: [`\`${earlier}\` ở đây`],
  }),
  "timeline-gap": ({ earlier, later, from, until }) => ({
    message: `không có văn bản nào có hiệu lực từ ${from} đến ${until}: \`${earlier}\` hết hiệu lực trước khi \`${later}\`, văn bản thay thế nó, có hiệu lực`,
    help: `cho \`${later}\` có hiệu lực từ ${from}, hoặc \`${earlier}\` hết hiệu lực ngày ${until}, theo đúng các quyết định`,
    notes: [`thời gian hiệu lực của \`${earlier}\` ở đây`],
  }),
  "timeline-overlap": ({ earlier, later, overlap }) => ({
    message:
      overlap.kind === "still-in-force"
        ? `\`${earlier}\` vẫn còn hiệu lực từ ${overlap.from} đến ${overlap.until}, khi \`${later}\`, văn bản thay thế nó, cũng có hiệu lực; \`${later}\` quyết định những ngày này`
        : overlap.kind === "before-start"
          ? `\`${later}\` có hiệu lực từ ${overlap.from}, không muộn hơn \`${earlier}\` mà nó thay thế (${overlap.start}): \`${earlier}\` không bao giờ có hiệu lực`
          : `cả \`${later}\` và \`${overlap.other}\` cùng thay thế \`${earlier}\`, nên cả hai cùng có hiệu lực sau văn bản đó`,
    help:
      overlap.kind === "same-predecessor"
        ? `cho một văn bản thay thế văn bản kia, thay vì cùng thay thế \`${earlier}\``
        : overlap.kind === "still-in-force"
          ? `cho \`${earlier}\` hết hiệu lực một ngày trước khi \`${later}\` có hiệu lực, hoặc bỏ ngày hết hiệu lực`
          : "kiểm tra ngày `effective` của hai văn bản và văn bản nào thay thế văn bản nào",
    notes: [overlap.kind === "same-predecessor" ? `\`${overlap.other}\` ở đây` : `thời gian hiệu lực của \`${earlier}\` ở đây`],
  }),
  "timeline-undated": ({ policy, supersedes }) => ({
    message: `\`${policy}\` thay thế \`${supersedes}\` nhưng không có ngày \`effective\`, nên không biết có hiệu lực từ khi nào`,
    help: "ghi ngày văn bản có hiệu lực: `effective 2022-10-01`",
  }),
  "check-fields": ({ name }) => ({
    message: `\`${name}\` là chỉ số, nhưng phép kiểm tra số liệu chỉ so sánh các số liệu đơn vị báo cáo`,
    help: `dùng các trường số liệu của \`${name}\``,
  }),
  "score-refs": ({ name }) => ({
    message: `\`${name}\` là trường số liệu, nhưng điểm được tính từ các chỉ số`,
    help: `khai báo một chỉ số dựa trên \`${name}\` rồi dùng chỉ số đó tại đây`,
  }),
  "may-be-empty": ({ metric }) => ({
    message: metric ? `\`${metric}\` có thể có mẫu số bằng 0, và điểm này không ghi kết quả cho trường hợp đó` : "phép chia này có thể chia cho 0, và điểm này không ghi kết quả cho trường hợp đó",
    help: `đơn vị sẽ không có điểm; hãy ghi \`khi trống N\` sau công thức, hoặc cho riêng số hạng: \`(4 * ${metric ?? "x"} khi trống 4)\``,
  }),
  "unknown-score": ({ name, near, scores }) => ({
    message: `\`${name}\` không phải là điểm của chính sách này`,
    help: near ? didYouMean(near, "vi") : scores.length > 0 ? `bộ chỉ số cộng các điểm: ${quoted(scores)}` : "khai báo điểm bằng `điểm`, rồi cộng vào đây",
  }),
  "index-component-twice": ({ name }) => ({ message: `\`${name}\` được cộng hai lần`, help: "mỗi điểm chỉ cộng một lần" }),
  "index-maximum": ({ sum, stated }) => ({
    message: `các thành phần cho tối đa ${sum} điểm, nhưng bộ chỉ số ghi ${stated}`,
    help: `hãy ghi \`thang điểm ${sum}\`, hoặc sửa \`thang điểm\` của một thành phần`,
  }),
  "index-windows": ({ score, window, first, firstWindow }) => ({
    message: `\`${score}\` được tính theo ${window} nhưng \`${first}\` theo ${firstWindow}`,
    help: "hãy tính mọi thành phần của bộ chỉ số theo cùng một kỳ, để tổng điểm ứng với một kỳ",
  }),
};

/** The units a later-starting target leaves without a threshold, in words. */
function subjectsEn(s: Subjects): string {
  if ("unit" in s) return `unit \`${s.unit}\``;
  const tier = s.tier === undefined ? "units" : `units of tier \`${s.tier}\``;
  return s.tag === undefined ? (s.tier === undefined ? "all units" : tier) : `${tier} with tag \`${s.tag}\``;
}

function subjectsVi(s: Subjects): string {
  if ("unit" in s) return `đơn vị \`${s.unit}\``;
  const tier = s.tier === undefined ? "các đơn vị" : `các đơn vị cấp \`${s.tier}\``;
  return s.tag === undefined ? (s.tier === undefined ? "toàn bộ đơn vị" : tier) : `${tier} thuộc nhóm \`${s.tag}\``;
}

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en: english, vi: vietnamese };

/** One problem's words in one language. */
export function wording<N extends CodeName>(lang: Lang, name: N, args: MessageArgs[N]): Text {
  return (CATALOGUES[lang][name] as (a: MessageArgs[N]) => Text)(args);
}
