import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineBreaks, parseCsv, writeCsv } from "../../src/data/csv.js";

const rows = (text: string) => parseCsv(text).map((r) => ({ line: r.line, cells: r.cells, problem: r.problem }));
const record = (line: number, cells: string[], problem?: string) => ({ line, cells, problem });

describe("parseCsv", () => {
  it.each([
    ["plain rows", "a,b\n1,2\n", [record(1, ["a", "b"]), record(2, ["1", "2"])]],
    ["no final line break", "a,b\n1,2", [record(1, ["a", "b"]), record(2, ["1", "2"])]],
    ["CRLF", "a,b\r\n1,2\r\n", [record(1, ["a", "b"]), record(2, ["1", "2"])]],
    ["a lone CR", "a,b\r1,2", [record(1, ["a", "b"]), record(2, ["1", "2"])]],
    ["a byte-order mark", "\uFEFFa,b\n", [record(1, ["a", "b"])]],
    ["a comma inside quotes", '"Quảng Trị, tỉnh",2\n', [record(1, ["Quảng Trị, tỉnh", "2"])]],
    ["doubled quotes", '"Sở ""A""",""\n', [record(1, ['Sở "A"', ""])]],
    ["a line break inside quotes", 'a,"x\r\ny"\nb,c\n', [record(1, ["a", "x\r\ny"]), record(3, ["b", "c"])]],
    ["empty cells", ",,\n", [record(1, ["", "", ""])]],
    ["an empty line", "a\n\nb\n", [record(1, ["a"]), record(2, [""]), record(3, ["b"])]],
    ["a quote inside an unquoted cell", 'ab"c,d\n', [record(1, ['ab"c', "d"])]],
    ["a trailing delimiter", "a,\n", [record(1, ["a", ""])]],
  ])("%s", (_, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it("reports a quote that is never closed, on the line it opens", () => {
    const [header, row] = parseCsv('a,b\n1,"two\nthree\n');
    expect(header?.problem).toBeUndefined();
    expect(row?.line).toBe(2);
    expect(row?.problem).toEqual({ kind: "unclosed-quote", cell: 2, line: 2 });
  });

  it("reports text after a closing quote", () => {
    expect(parseCsv('"a"b,c\n')[0]?.problem).toEqual({ kind: "text-after-quote", cell: 1 });
  });

  it("reads a semicolon-separated file when told", () => {
    expect(parseCsv("a;b\n1,5;2\n", ";").map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1,5", "2"],
    ]);
  });

  const cell = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", "\r\n", " ", "ư", "Đ", "ệ", ";") }),
  );
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 12 });

  it("reads back what writeCsv writes, with each record's starting line", () => {
    fc.assert(
      fc.property(table, (written) => {
        const text = writeCsv(written);
        const read = parseCsv(text);
        expect(read.map((r) => r.cells)).toEqual(written);
        expect(read.every((r) => r.problem === undefined)).toBe(true);
        read.forEach((r, i) => expect(r.line).toBe(1 + lineBreaks(writeCsv(written.slice(0, i)))));
      }),
    );
  });
});

describe("delimiterFor", () => {
  it("takes the delimiter that splits the header into the required columns, commas in a heading notwithstanding", async () => {
    const { delimiterFor } = await import("../../src/data/records.js");
    const { columnsFor } = await import("../../src/data/observations.js");
    const columns = columnsFor(new Set(["dossiers"]));
    expect(delimiterFor("unit;period;Số, hồ, sơ", columns)).toBe(";");
    expect(delimiterFor("Đơn vị\tKỳ\tTiếp nhận, trực tuyến, đúng hạn", columns)).toBe("\t");
    expect(delimiterFor("unit,period,dossiers", columns)).toBe(",");
    // None fits: the one the header holds most, as before.
    expect(delimiterFor("a;b;c", columns)).toBe(";");
  });
});
