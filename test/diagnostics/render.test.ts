import { describe, expect, it } from "vitest";
import { diagnostic, type Diagnostic, type Related } from "../../src/diagnostics/diagnostic.js";
import { renderDiagnostic, renderDiagnostics, summary } from "../../src/diagnostics/render.js";
import { normalizeSource, positionAt, type Position, type Span } from "../../src/text/span.js";

const FILE = "policies/demo.ct";

/** A position; offsets play no part in rendering, so they are only roughly right. */
const at = (line: number, column: number): Position => ({ offset: (line - 1) * 100 + column - 1, line, column });
const span = (start: Position, end: Position = start): Span => ({ start, end });
const sources = (text: string, file = FILE): Map<string, string> => new Map([[file, text]]);

/** A span over `needle` in `text` (its first occurrence after `from`), located the way the parser locates tokens. */
function spanOf(text: string, needle: string, from = 0): Span {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`no ${needle} in ${text}`);
  return { start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
}

/** The rendered source line and caret line, without their gutters. */
function sourceAndCarets(rendered: string): { source: string; carets: string } {
  const lines = rendered.split("\n");
  const i = lines.findIndex((l) => /^\d+ \| /.test(l));
  expect(i, `no source line in:\n${rendered}`).toBeGreaterThan(0);
  const source = lines[i]!.replace(/^\d+ \| /, "");
  const caretLine = lines[i + 1]!;
  expect(caretLine).toMatch(/^ +\| /);
  return { source, carets: caretLine.replace(/^ +\| /, "") };
}

/** What sits above the carets: the code points of the source line under `^`. */
function underlined(rendered: string): string {
  const { source, carets } = sourceAndCarets(rendered);
  const chars = [...source];
  const marks = [...carets];
  expect(marks.join("")).toMatch(/^[ \t]*\^+$/);
  return marks.flatMap((m, i) => (m === "^" ? [chars[i] ?? "<end>"] : [])).join("");
}

describe("renderDiagnostic", () => {
  it("renders header, location, source line and carets exactly", () => {
    const text = 'policy demo "Demo"\n  in 2020 level34_share >= 120%\n';
    const d = diagnostic("percent-range", FILE, spanOf(text, "120%"), "120% is outside 0% to 100%", {
      help: "write a percentage from 0% to 100%",
    });
    expect(renderDiagnostic(d, sources(text))).toBe(
      [
        "error[CT211] percent-range: 120% is outside 0% to 100%",
        " --> policies/demo.ct:2:28",
        "  |",
        "2 |   in 2020 level34_share >= 120%",
        "  |                            ^^^^",
        "  = help: write a percentage from 0% to 100%",
      ].join("\n"),
    );
  });

  it("shows warnings with their severity and code", () => {
    const text = "  in 2024 x >= 70%, in 2025 >= 65%";
    const d = diagnostic("non-monotone", FILE, spanOf(text, "65%"), "the threshold falls");
    const rendered = renderDiagnostic(d, sources(text));
    expect(rendered.split("\n")[0]).toBe("warning[CT208] non-monotone: the threshold falls");
    expect(underlined(rendered)).toBe("65%");
  });

  it("puts the caret under the right column after Vietnamese letters", () => {
    const text = 'unit so-y-te "Sở Y tế tỉnh Bà Rịa - Vũng Tàu" tier provnce';
    const d = diagnostic("unknown-tier", FILE, spanOf(text, "provnce"), "unknown tier `provnce`");
    const rendered = renderDiagnostic(d, sources(text));
    expect(rendered).toContain(`--> ${FILE}:1:${[...text.slice(0, text.indexOf("provnce"))].length + 1}`);
    expect(underlined(rendered)).toBe("provnce");
    const { carets } = sourceAndCarets(rendered);
    expect(carets).toBe(" ".repeat([...text.slice(0, text.indexOf("provnce"))].length) + "^".repeat(7));
  });

  it("underlines a Vietnamese name itself one caret per letter", () => {
    const text = 'tier so "Sở Y tế"';
    const d = diagnostic("duplicate-id", FILE, spanOf(text, "Sở Y tế"), "already defined");
    const rendered = renderDiagnostic(d, sources(text));
    expect(underlined(rendered)).toBe("Sở Y tế");
    expect(sourceAndCarets(rendered).carets).toBe("         ^^^^^^^");
  });

  it("lines up on a source saved decomposed (NFD) once it is normalised", () => {
    const raw = 'unit so-y-te "Sở Y tế" tier provnce'.normalize("NFD");
    expect(raw.length).toBeGreaterThan(raw.normalize("NFC").length);
    const text = normalizeSource(raw);
    const d = diagnostic("unknown-tier", FILE, spanOf(text, "provnce"), "unknown tier `provnce`");
    const rendered = renderDiagnostic(d, sources(text));
    expect(rendered).toContain(`--> ${FILE}:1:29`);
    expect(underlined(rendered)).toBe("provnce");
  });

  it("counts a character outside the BMP as one column", () => {
    const line = "x 📄 bad";
    expect(line.length).toBe(8);
    expect([...line].length).toBe(7);
    const d = diagnostic("unexpected-character", FILE, spanOf(line, "bad"), "unexpected");
    const rendered = renderDiagnostic(d, sources(line));
    expect(rendered).toContain(`--> ${FILE}:1:5`);
    expect(underlined(rendered)).toBe("bad");
    expect(sourceAndCarets(rendered).carets).toBe("    ^^^");
  });

  it("copies tabs into the caret line so the caret lines up", () => {
    const text = "target t:\n\tfrom 2022-09-30 online_share => 50%";
    const d = diagnostic("syntax", FILE, spanOf(text, "=>"), "expected `>=`");
    const rendered = renderDiagnostic(d, sources(text));
    expect(rendered).toContain(`--> ${FILE}:2:31`);
    const { carets } = sourceAndCarets(rendered);
    expect(carets).toBe(`\t${" ".repeat(29)}^^`);
    expect(underlined(rendered)).toBe("=>");
  });

  it("keeps every tab before the span, also after other text", () => {
    const text = "a\tbb\t\tccc";
    const d = diagnostic("syntax", FILE, spanOf(text, "ccc"), "here");
    const { carets } = sourceAndCarets(renderDiagnostic(d, sources(text)));
    expect(carets).toBe(" \t  \t\t^^^");
  });

  it("gives a span of n characters n carets", () => {
    const text = "0123456789abcdef";
    for (const [start, length] of [
      [1, 1],
      [1, 5],
      [4, 3],
      [10, 7],
    ] as const) {
      const d = diagnostic("syntax", FILE, span(at(1, start), at(1, start + length)), "x");
      const { carets } = sourceAndCarets(renderDiagnostic(d, sources(text)));
      expect(carets).toBe(" ".repeat(start - 1) + "^".repeat(length));
    }
  });

  it("gives an empty span one caret", () => {
    const text = "  from 2022-09-30 x >= 30%, monthly +15%, by >= 60%";
    const column = text.indexOf(">= 60%") + 1;
    const d = diagnostic("syntax", FILE, span(at(1, column)), "expected a date");
    const { carets } = sourceAndCarets(renderDiagnostic(d, sources(text)));
    expect(carets).toBe(`${" ".repeat(column - 1)}^`);
  });

  it("puts one caret just past the end of the line for a span at its end", () => {
    const text = 'tier x "unterminated';
    const d = diagnostic("syntax", FILE, span(at(1, text.length + 1)), "expected more");
    const { carets } = sourceAndCarets(renderDiagnostic(d, sources(text)));
    expect(carets).toBe(`${" ".repeat(text.length)}^`);
  });

  it("underlines a span over several lines to the end of its first line", () => {
    const text = "target t:\n  for tier province:\n  in 2020 x >= 40%\n";
    const start = positionAt(text, text.indexOf("tier province"));
    const end = positionAt(text, text.indexOf("40%") + 3);
    expect(end.line).toBe(3);
    const d = diagnostic("conflicting-rules", FILE, span(start, end), "two targets");
    const rendered = renderDiagnostic(d, sources(text));
    expect(rendered).toContain(`--> ${FILE}:2:7`);
    expect(rendered).toContain("2 |   for tier province:");
    expect(underlined(rendered)).toBe("tier province:");
    expect(sourceAndCarets(rendered).carets).toBe("      ^^^^^^^^^^^^^^");
    expect(rendered).not.toContain("in 2020");
  });

  it("shows 1-based line and column, with the gutter as wide as the line number", () => {
    const text = Array.from({ length: 120 }, (_, i) => `line ${i + 1}`).join("\n");
    const d = diagnostic("syntax", FILE, span(at(112, 6), at(112, 9)), "bad");
    const lines = renderDiagnostic(d, sources(text)).split("\n");
    expect(lines).toEqual(["error[CT003] syntax: bad", `   --> ${FILE}:112:6`, "    |", "112 | line 112", "    |      ^^^"]);

    const first = diagnostic("syntax", FILE, span(at(1, 1), at(1, 5)), "bad");
    expect(renderDiagnostic(first, sources(text)).split("\n").slice(1)).toEqual([` --> ${FILE}:1:1`, "  |", "1 | line 1", "  | ^^^^"]);
  });

  it("reads the line of a CRLF source without its carriage return", () => {
    const text = "policy p\r\n  in 2020 x >= 120%\r\n";
    const d = diagnostic("percent-range", FILE, span(at(2, 16), at(2, 20)), "out of range");
    const rendered = renderDiagnostic(d, sources(text));
    expect(rendered).not.toContain("\r");
    expect(rendered).toContain("2 |   in 2020 x >= 120%\n");
    expect(underlined(rendered)).toBe("120%");
  });

  it("shows the help and every related note in order, with their 1-based positions", () => {
    const text = 'tier district "A"\ntier district "B"\n';
    const related: Related[] = [
      { message: "first defined here", file: FILE, span: span(at(1, 6), at(1, 14)) },
      { message: "imported from here", file: "policies/shared/vn-tiers.ct", span: span(at(17, 1), at(17, 5)) },
    ];
    const d = diagnostic("duplicate-id", FILE, span(at(2, 6), at(2, 14)), "tier `district` is already defined", {
      help: "give this one another id",
      related,
    });
    const lines = renderDiagnostic(d, sources(text)).split("\n");
    expect(lines).toEqual([
      "error[CT100] duplicate-id: tier `district` is already defined",
      ` --> ${FILE}:2:6`,
      "  |",
      '2 | tier district "B"',
      "  |      ^^^^^^^^",
      "  = help: give this one another id",
      `  = note: first defined here: ${FILE}:1:6`,
      "  = note: imported from here: policies/shared/vn-tiers.ct:17:1",
    ]);
  });

  it("omits help and notes when there are none", () => {
    const text = "x";
    const d = diagnostic("syntax", FILE, span(at(1, 1), at(1, 2)), "bad", { help: undefined, related: [] });
    const rendered = renderDiagnostic(d, sources(text));
    expect(rendered).not.toContain("= help");
    expect(rendered).not.toContain("= note");
    expect(rendered.split("\n")).toHaveLength(5);
  });

  it("prints the header and location, then help and notes, when the source is missing", () => {
    const d = diagnostic("import-not-found", "nope.ct", span(at(1, 1)), "cannot read `nope.ct`", {
      help: "check the path; policy files end in .ct",
      related: [{ message: "imported here", file: FILE, span: span(at(3, 8), at(3, 17)) }],
    });
    expect(renderDiagnostic(d, new Map()).split("\n")).toEqual([
      "error[CT010] import-not-found: cannot read `nope.ct`",
      " --> nope.ct:1:1",
      "  = help: check the path; policy files end in .ct",
      `  = note: imported here: ${FILE}:3:8`,
    ]);
    // The sources of other files are no help either.
    expect(renderDiagnostic(d, sources("import \"nope.ct\"\n")).split("\n").slice(0, 2)).toEqual([
      "error[CT010] import-not-found: cannot read `nope.ct`",
      " --> nope.ct:1:1",
    ]);
  });

  it("prints only the header and location when the line is past the end of the source", () => {
    const d = diagnostic("syntax", FILE, span(at(9, 3)), "unexpected end");
    expect(renderDiagnostic(d, sources("one line")).split("\n")).toEqual(["error[CT003] syntax: unexpected end", ` --> ${FILE}:9:3`]);
  });
});

describe("renderDiagnostics", () => {
  it("separates diagnostics with one blank line, in the order given", () => {
    const text = "a b c";
    const one = diagnostic("syntax", FILE, span(at(1, 1), at(1, 2)), "first");
    const two = diagnostic("non-monotone", FILE, span(at(1, 5), at(1, 6)), "second");
    const rendered = renderDiagnostics([one, two], sources(text));
    expect(rendered).toBe(`${renderDiagnostic(one, sources(text))}\n\n${renderDiagnostic(two, sources(text))}`);
    expect(renderDiagnostics([], sources(text))).toBe("");
  });
});

describe("summary", () => {
  const error = (): Diagnostic => diagnostic("syntax", FILE, span(at(1, 1)), "e");
  const warning = (): Diagnostic => diagnostic("non-monotone", FILE, span(at(1, 1)), "w");
  const times = (n: number, make: () => Diagnostic): Diagnostic[] => Array.from({ length: n }, make);

  it("pluralises errors and warnings separately", () => {
    expect(summary([])).toBe("0 errors, 0 warnings");
    expect(summary([error()])).toBe("1 error, 0 warnings");
    expect(summary([warning()])).toBe("0 errors, 1 warning");
    expect(summary([error(), warning()])).toBe("1 error, 1 warning");
    expect(summary([...times(2, error), warning()])).toBe("2 errors, 1 warning");
    expect(summary([error(), ...times(3, warning)])).toBe("1 error, 3 warnings");
    expect(summary([...times(11, error), ...times(21, warning)])).toBe("11 errors, 21 warnings");
  });

  it("counts by severity, not by position in the list", () => {
    expect(summary([warning(), error(), warning(), error()])).toBe("2 errors, 2 warnings");
  });
});

describe("a long line", () => {
  const line = `score s for all = ${Array(1200).fill("m").join(" + ")}`;
  const render = (column: number) => sourceAndCarets(renderDiagnostic(diagnostic("syntax", FILE, span(at(1, column), at(1, column + 1)), "too long"), sources(line)));

  it("is shown cut around the span, the caret still under it", () => {
    const { source, carets } = render(4017);
    expect(source.length).toBeLessThan(170);
    expect(source).toMatch(/^….* m \+ m \+ .*…$/);
    expect(source[carets.indexOf("^")]).toBe(line[4016]);
  });

  it("near its start is cut only at the end", () => {
    const { source, carets } = render(19);
    expect(source).toMatch(/^score s for all = m \+ .*…$/);
    expect(carets.indexOf("^")).toBe(18);
  });
});
