/**
 * The files generated from the grammar: typed CST nodes, syntax diagrams and the language
 * reference. `npm run generate` writes them; a test fails when the committed copies are stale.
 */
import { createSyntaxDiagramsCode, generateCstDts } from "chevrotain";
import { codes } from "../diagnostics/codes.js";
import { grammar } from "./grammar.js";
import { ruleDocs } from "./rules.js";
import { keywords } from "./tokens.js";

export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

export function generatedFiles(): GeneratedFile[] {
  return [
    { path: "src/syntax/cst.ts", content: cstTypes() },
    { path: "grammar/diagrams.html", content: createSyntaxDiagramsCode(grammar.getSerializedGastProductions()) },
    { path: "grammar/REFERENCE.md", content: referencePage() },
  ];
}

const GENERATED = "Generated from src/syntax by `npm run generate`; do not edit.";

function cstTypes(): string {
  const types = generateCstDts(grammar.getGAstProductions(), { includeVisitorInterface: false });
  return `// ${GENERATED}\n${types.replace("import type { CstNode, ICstVisitor, IToken }", "import type { CstNode, IToken }")}`;
}

interface Gast {
  readonly type: string;
  readonly name?: string;
  readonly label?: string;
  readonly definition?: readonly Gast[];
  readonly separator?: Gast;
}

const literalNames: Record<string, string> = {
  DateLiteral: "DATE",
  PercentLiteral: "PERCENT",
  NumberLiteral: "NUMBER",
  StringLiteral: "STRING",
  Identifier: "ID",
};

function terminal(name: string, label: string | undefined): string {
  const keyword = keywords.find((k) => k.token.name === name);
  if (keyword) return `"${keyword.en[0]}"`;
  return literalNames[name] ?? label?.replace(/`/g, '"') ?? name;
}

/** EBNF of one production: `[ ]` optional, `{ }` repeated, `|` alternatives. */
function ebnf(node: Gast): string {
  const inner = (): string => (node.definition ?? []).map(ebnf).join(" ");
  const separated = (): string => {
    const sep = node.separator ? ebnf(node.separator) : "";
    return `${inner()} { ${sep} ${inner()} }`;
  };
  switch (node.type) {
    case "Terminal":
      return terminal(node.name!, node.label);
    case "NonTerminal":
      return node.name!;
    case "Alternative":
      return inner();
    case "Alternation":
      return `( ${(node.definition ?? []).map(ebnf).join(" | ")} )`;
    case "Option":
      return `[ ${inner()} ]`;
    case "Repetition":
      return `{ ${inner()} }`;
    case "RepetitionMandatory":
      return `${inner()} { ${inner()} }`;
    case "RepetitionMandatoryWithSeparator":
      return separated();
    case "RepetitionWithSeparator":
      return `[ ${separated()} ]`;
    default:
      return inner();
  }
}

function referencePage(): string {
  const rules = grammar.getSerializedGastProductions() as unknown as Gast[];
  const sections = rules.map((rule) => {
    const doc = ruleDocs[rule.name!];
    return [
      `### ${doc?.title ?? rule.name} (\`${rule.name}\`)`,
      "",
      doc?.summary ?? "",
      "",
      "```ebnf",
      `${rule.name} = ${ebnf(rule)} ;`,
      "```",
      "",
      "```",
      doc?.example ?? "",
      "```",
    ].join("\n");
  });
  return [
    "# The chitieu policy language",
    "",
    `<!-- ${GENERATED} -->`,
    "",
    "Policy files end in `.ct`. They are read as UTF-8 and normalised to NFC. Whitespace and line breaks",
    "separate words and mean nothing else; `#` starts a comment to the end of the line.",
    "Syntax diagrams: [diagrams.html](diagrams.html).",
    "",
    "## Words",
    "",
    "| written | meaning |",
    "|---|---|",
    "| `thanh-tra-tinh`, `online_share` | an id: ASCII letters, digits, `_` and `-`, starting with a letter or `_` |",
    '| `"Sở Y tế"` | a display name or path, any Unicode; `\\"` for a quote inside |',
    "| `2022-09-30`, `30/09/2022` | a date in Asia/Ho_Chi_Minh |",
    "| `50%`, `48.6%`, `48,6%` | a percentage; a decimal comma is allowed here only |",
    "| `20`, `1.6` | a number |",
    "",
    "## Keywords",
    "",
    "Keywords are case-insensitive. English and Vietnamese forms are interchangeable and give the same syntax tree.",
    "",
    "| token | English | Tiếng Việt |",
    "|---|---|---|",
    ...keywords.map((k) => `| ${k.token.name} | ${k.en.map((w) => `\`${w}\``).join(", ")} | ${k.vi.map((w) => `\`${w}\``).join(", ")} |`),
    "",
    "## Constructs",
    "",
    sections.join("\n\n"),
    "",
    "## Diagnostics",
    "",
    "| code | name | severity | meaning |",
    "|---|---|---|---|",
    ...Object.entries(codes).map(([name, c]) => `| ${c.code} | \`${name}\` | ${c.severity} | ${c.summary} |`),
    "",
  ].join("\n");
}
