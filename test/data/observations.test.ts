import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SUGGESTION_BUDGET } from "../../src/text/suggest.js";
import { writeCsv } from "../../src/data/csv.js";
import { readObservations, type ObservationReadOptions } from "../../src/data/observations.js";
import { parsePeriod } from "../../src/data/period.js";
import { MAX_INPUT_BYTES } from "../../src/data/records.js";
import type { DataIssueCode, Observation } from "../../src/data/types.js";
import { div, rational, round, toDecimalString } from "../../src/number/rational.js";

const fields = new Set(["dossiers", "online_dossiers"]);
const units = new Set(["tam-ky", "quang-tri", "dong-ha"]);
const options = (more: Partial<ObservationReadOptions> = {}): ObservationReadOptions => ({ file: "data.csv", format: "csv", fields, units, ...more });
const read = (text: string, more: Partial<ObservationReadOptions> = {}) => readObservations(text, options(more));

/** An observation without its source, for comparing what was read across formats. */
const plain = (o: Observation) => ({ unit: o.unit, period: o.period.text, counts: Object.fromEntries(o.counts) });

describe("readObservations", () => {
  it("reads Tam Kỳ's 2023 figures written the Vietnamese way, and refuses June inside Q2", () => {
    const text = ["unit,period,online_dossiers,dossiers", "tam-ky,Q1/2023,6.705,13.796", "tam-ky,Q2/2023,1.373,3.332", "tam-ky,6/2023,43,2.150"].join("\n");
    const result = read(text, { numbers: "vi" });
    expect(result.observations.map(plain)).toEqual([
      { unit: "tam-ky", period: "2023-Q1", counts: { online_dossiers: 6705, dossiers: 13796 } },
      { unit: "tam-ky", period: "2023-Q2", counts: { online_dossiers: 1373, dossiers: 3332 } },
    ]);
    expect(result.issues).toEqual([
      {
        code: "duplicate-row",
        file: "data.csv",
        line: 4,
        column: "period",
        message: "`tam-ky` 2023-06 overlaps 2023-Q2 on line 3; report each month once",
        rejected: true,
        args: { kind: "overlapping-period", unit: "tam-ky", period: "2023-06", earlier: "2023-Q2", at: { where: "line", line: 3 } },
      },
    ]);
    expect(result.rows).toEqual({ read: 3, used: 2, rejected: 1 });
    // The shares the source prints: 48.6% and 41.21%.
    const share = (o: Observation, decimals: number) =>
      toDecimalString(round(div(rational(o.counts.get("online_dossiers")! * 100), rational(o.counts.get("dossiers")!))!, decimals));
    expect(share(result.observations[0]!, 1)).toBe("48.6");
    expect(share(result.observations[1]!, 2)).toBe("41.21");
  });

  it("refuses the same file read as plain numbers, and says why", () => {
    const result = read("unit,period,online_dossiers\ntam-ky,2023-Q2,1.373\n");
    expect(result.issues).toEqual([expect.objectContaining({ line: 2, column: "online_dossiers", code: "bad-count", rejected: true })]);
    expect(result.issues[0]?.message).toBe('`online_dossiers` is not a whole count: `1.373`; if the dot groups thousands, read the file with numbers: "vi"');
  });

  it("reads CSV, JSON and NDJSON to the same observations", () => {
    const csv = "\uFEFFunit,period,dossiers,online_dossiers\r\nquang-tri,2024-H1,150969,\r\ndong-ha,2024,0,0\r\n";
    const json = '[{"unit":"quang-tri","period":"2024-H1","dossiers":150969,"online_dossiers":null},{"unit":"dong-ha","period":2024,"dossiers":0,"online_dossiers":"0"}]';
    const ndjson = '{"unit":"quang-tri","period":"H1/2024","dossiers":"150969"}\n\n{"unit":"dong-ha","period":"2024","dossiers":0,"online_dossiers":0}\n';
    const expected = [
      { unit: "quang-tri", period: "2024-H1", counts: { dossiers: 150969 } },
      { unit: "dong-ha", period: "2024", counts: { dossiers: 0, online_dossiers: 0 } },
    ];
    for (const [text, format, lines] of [
      [csv, "csv", [2, 3]],
      [json, "json", [1, 2]],
      [ndjson, "ndjson", [1, 3]],
    ] as const) {
      const result = read(text, { format });
      expect(result.issues).toEqual([]);
      expect(result.observations.map(plain)).toEqual(expected);
      expect(result.observations.map((o) => o.source)).toEqual(lines.map((line) => ({ file: "data.csv", line })));
      expect(result.rows).toEqual({ read: 2, used: 2, rejected: 0 });
    }
  });

  it("keeps the period as parsed", () => {
    const [o] = read("unit,period,dossiers\ntam-ky,Q3/2022,1\n").observations;
    expect(o?.period).toEqual(parsePeriod("2022-Q3"));
  });

  it("does not count blank lines, or the empty lines spreadsheets leave, as rows", () => {
    const result = read("\nunit,period,dossiers\n\ntam-ky,2023-01,1\n , ,\n,,\n   \ntam-ky,2023-02,2\n\n");
    expect(result.observations.map((o) => o.source.line)).toEqual([4, 8]);
    expect(result.rows).toEqual({ read: 2, used: 2, rejected: 0 });
  });

  it("matches unit ids however their accents are encoded, and trims cells and header names", () => {
    const nfc = "đông-hà".normalize("NFC");
    const result = read(` unit , period ,dossiers\n${"đông-hà".normalize("NFD")} , 2023-01 , 7 \n`, { units: new Set([nfc]) });
    expect(result.issues).toEqual([]);
    expect(result.observations.map(plain)).toEqual([{ unit: nfc, period: "2023-01", counts: { dossiers: 7 } }]);
  });

  interface Case {
    readonly text: string;
    readonly format?: ObservationReadOptions["format"];
    readonly numbers?: "vi";
    readonly line: number;
    readonly column: string | undefined;
    readonly code: DataIssueCode;
    readonly fragment: string;
    readonly rejected: boolean;
  }
  const csv = (...rows: string[]) => ["unit,period,dossiers,online_dossiers", ...rows].join("\n");
  const cases: Record<string, Case> = {
    "an unknown unit, with a suggestion": {
      text: csv("tam-ki,2023-Q1,2,1"),
      line: 2, column: "unit", code: "unknown-unit", fragment: "`unit` names no known unit: `tam-ki`; did you mean `tam-ky`?", rejected: true,
    },
    "an empty unit": {
      text: csv(",2023-Q1,2,1"),
      line: 2, column: "unit", code: "bad-row", fragment: "`unit` has no value", rejected: true,
    },
    "an unknown field column, on the header": {
      text: "unit,period,dossiers,onine_dossiers\ntam-ky,2023-Q1,2,1",
      line: 1, column: "onine_dossiers", code: "unknown-field", fragment: "`onine_dossiers` is not a field of the policy, so the column is ignored; did you mean `online_dossiers`?", rejected: false,
    },
    "a bad period": {
      text: csv("tam-ky,2023-Q5,2,1"),
      line: 2, column: "period", code: "bad-period", fragment: "`period` is not a period: `2023-Q5`", rejected: true,
    },
    "a negative count": {
      text: csv("tam-ky,2023-Q1,-3,1"),
      line: 2, column: "dossiers", code: "bad-count", fragment: "`dossiers` is negative: `-3`", rejected: true,
    },
    "a fractional count": {
      text: csv("tam-ky,2023-Q1,2,\"48,6\""), numbers: "vi",
      line: 2, column: "online_dossiers", code: "bad-count", fragment: "`online_dossiers` is not a whole count: `48,6`", rejected: true,
    },
    "a count that is not a number": {
      text: csv("tam-ky,2023-Q1,n/a,1"),
      line: 2, column: "dossiers", code: "bad-count", fragment: "`dossiers` is not a number: `n/a`", rejected: true,
    },
    "a count too large to hold exactly": {
      text: csv("tam-ky,2023-Q1,9007199254740993,1"),
      line: 2, column: "dossiers", code: "bad-count", fragment: "`dossiers` is too large to be counted exactly", rejected: true,
    },
    "a JSON count that is not whole": {
      text: '[{"unit":"tam-ky","period":"2023-Q1","dossiers":13796.5}]', format: "json",
      line: 1, column: "dossiers", code: "bad-count", fragment: "item 1: `dossiers` is not a whole count: 13796.5", rejected: true,
    },
    "a duplicate unit and period, naming the first line": {
      text: csv("tam-ky,2023-Q1,2,1", "dong-ha,2023-Q1,2,1", "tam-ky,Q1/2023,3,1"),
      line: 4, column: "period", code: "duplicate-row", fragment: "`tam-ky` already reported 2023-Q1 on line 2", rejected: true,
    },
    "overlapping periods, rejecting the later": {
      text: csv("quang-tri,2022-10,2,1", "quang-tri,2022-Q4,6,3"),
      line: 3, column: "period", code: "duplicate-row", fragment: "`quang-tri` 2022-Q4 overlaps 2022-10 on line 2", rejected: true,
    },
    "a duplicate in a JSON array, by item": {
      text: '[{"unit":"tam-ky","period":"2023"},{"unit":"tam-ky","period":"2023-06"}]', format: "json",
      line: 2, column: "period", code: "duplicate-row", fragment: "item 2: `tam-ky` 2023-06 overlaps 2023 in item 1", rejected: true,
    },
    "a row with a cell missing": {
      text: csv("tam-ky,2023-Q1,2"),
      line: 2, column: undefined, code: "bad-row", fragment: "the row has 3 cells where the header has 4", rejected: true,
    },
    "a quote never closed": {
      text: csv('tam-ky,"2023-Q1,2,1', "dong-ha,2023-Q1,2,1"),
      line: 2, column: undefined, code: "bad-row", fragment: "the quote that opens cell 2 on line 2 is never closed", rejected: true,
    },
    "a header without a period column": {
      text: "unit,dossiers\ntam-ky,1\ndong-ha,2",
      line: 1, column: "period", code: "bad-row", fragment: "the header has no `period` column, so none of its 2 rows is read", rejected: true,
    },
    "a header naming a field twice": {
      text: "unit,period,dossiers,dossiers\ntam-ky,2023,1,2",
      line: 1, column: "dossiers", code: "bad-row", fragment: "names `dossiers` twice", rejected: true,
    },
    "a JSON item that is not an object": {
      text: '[{"unit":"tam-ky","period":"2023"}, 42]', format: "json",
      line: 2, column: undefined, code: "bad-row", fragment: "item 2: the row is not an object of named values", rejected: true,
    },
    "an unknown JSON key, once": {
      text: '[{"unit":"tam-ky","period":"2023-01","dosiers":1},{"unit":"tam-ky","period":"2023-02","dosiers":1}]', format: "json",
      line: 1, column: "dosiers", code: "unknown-field", fragment: "item 1: `dosiers` is not a field of the policy", rejected: false,
    },
    "an NDJSON line that is not JSON": {
      text: '{"unit":"tam-ky","period":"2023-01"}\n\n{"unit":"tam-ky",\n', format: "ndjson",
      line: 3, column: undefined, code: "bad-row", fragment: "not valid JSON", rejected: true,
    },
    "an NDJSON row, by line": {
      text: '\n{"unit":"tam-ky","period":"2023-01","dossiers":-1}\n', format: "ndjson",
      line: 2, column: "dossiers", code: "bad-count", fragment: "`dossiers` is negative: -1", rejected: true,
    },
    "a JSON file that is not an array": {
      text: '{"unit":"tam-ky","period":"2023-01"}', format: "json",
      line: 1, column: undefined, code: "bad-row", fragment: "the file is not a JSON array of rows", rejected: true,
    },
  };

  it.each(Object.entries(cases))("reports %s", (_, c) => {
    const result = read(c.text, { format: c.format ?? "csv", ...(c.numbers ? { numbers: c.numbers } : {}) });
    const matching = result.issues.filter((i) => i.code === c.code);
    expect(matching, JSON.stringify(result.issues)).toHaveLength(1);
    expect(matching[0]).toMatchObject({ file: "data.csv", line: c.line, column: c.column, rejected: c.rejected });
    expect(matching[0]?.message).toContain(c.fragment);
    expect(result.rows.read).toBe(result.rows.used + result.rows.rejected);
  });

  it("reports every bad cell of a row, and rejects the row once", () => {
    const result = read(csv("tam-ki,2023-13,-1,x"));
    expect(result.issues.map((i) => [i.column, i.code])).toEqual([
      ["unit", "unknown-unit"],
      ["period", "bad-period"],
      ["dossiers", "bad-count"],
      ["online_dossiers", "bad-count"],
    ]);
    expect(result.rows).toEqual({ read: 1, used: 0, rejected: 1 });
  });

  it("leaves empty cells out of the counts: not reported is not zero", () => {
    const [o] = read(csv("tam-ky,2023-01,,0")).observations;
    expect(o?.counts).toEqual(new Map([["online_dossiers", 0]]));
  });

  it("keeps `__proto__` and `constructor` as names, polluting no prototype", () => {
    const text = '[{"unit":"tam-ky","period":"2023-01","__proto__":{"polluted":1},"constructor":5,"prototype":{"polluted":1}}]';
    const asFields = read(text, { format: "json", fields: new Set(["__proto__", "constructor"]) });
    expect(asFields.issues.map((i) => [i.code, i.column])).toEqual([
      ["unknown-field", "prototype"],
      ["bad-count", "__proto__"],
    ]);
    const counted = read(text.replace('{"polluted":1},"constructor"', '7,"constructor"'), { format: "json", fields: new Set(["__proto__", "constructor"]) });
    expect(counted.observations[0]?.counts).toEqual(new Map([["__proto__", 7], ["constructor", 5]]));
    const ignored = read(text, { format: "json" });
    expect(ignored.issues.map((i) => i.column)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(ignored.observations).toHaveLength(1);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("suggests for the first wrong ids only, so a file read against the wrong registry stays fast", () => {
    const registry = new Set(Array.from({ length: 2000 }, (_, i) => `commune-${i}`));
    const rows = Array.from({ length: 10000 }, (_, i) => `comune-${i % 1000},2023-${(Math.floor(i / 1000) % 12) + 1},1`);
    const result = read(["unit,period,dossiers", ...rows].join("\n"), { units: registry });
    expect(result.rows).toEqual({ read: 10000, used: 0, rejected: 10000 });
    const suggested = new Set(result.issues.filter((i) => i.message.includes("did you mean")).map((i) => i.message));
    expect(suggested.size).toBe(SUGGESTION_BUDGET / 2000);
    expect(result.issues[0]?.message).toBe("`unit` names no known unit: `comune-0`; did you mean `commune-0`?");
    expect(result.issues[1000]?.message).toBe(result.issues[0]?.message);
    expect(result.issues.at(-1)?.message).toBe("`unit` names no known unit: `comune-999`");
  });

  it("refuses a text over the size limit, counting bytes rather than characters", () => {
    const row = "unit,period\nđà,2023\n";
    expect(Buffer.byteLength(row)).toBe(22);
    expect(read(row, { maxBytes: 21 }).issues).toEqual([
      expect.objectContaining({ line: 1, code: "bad-row", rejected: true, message: expect.stringContaining("larger than 21 bytes") }),
    ]);
    expect(read(row, { maxBytes: 22, units: new Set(["đà"]) }).issues).toEqual([]);
    expect(MAX_INPUT_BYTES).toBe(512 * 1024 * 1024);
  });
});

describe("properties", () => {
  const unit = fc.constantFrom("tam-ky", "quang-tri", "dong-ha", "tam-ki", "", "hue");
  const period = fc.constantFrom("2023-01", "2023-02", "2023-Q1", "Q2/2023", "2023", "2023-13", "", "2023-H2");
  const count = fc.oneof(fc.nat({ max: 100000 }).map(String), fc.constantFrom("", "-1", "4.5", "x", "1.373", "99999999999999999"));
  const row = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(unit, period, count, count) },
    { weight: 1, arbitrary: fc.tuple(unit, period, count) },
    { weight: 1, arbitrary: fc.constant(["", "", "", ""]) },
  );

  function asText(rows: readonly (readonly string[])[], format: ObservationReadOptions["format"]): string {
    const header = ["unit", "period", "dossiers", "online_dossiers"];
    if (format === "csv") return writeCsv([header, ...rows]);
    const objects = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    return format === "json" ? JSON.stringify(objects) : objects.map((o) => JSON.stringify(o)).join("\n");
  }

  it("accounts for every row: read = used + rejected, and each rejection is an issue on its line", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.constantFrom("csv", "json", "ndjson" as const), (rows, format) => {
        const result = read(asText(rows, format), { format });
        const { read: total, used, rejected } = result.rows;
        expect(total).toBe(used + rejected);
        expect(used).toBe(result.observations.length);
        const nonBlank = format === "csv" ? rows.filter((r) => r.some((c) => c !== "")).length : rows.length;
        expect(total).toBe(nonBlank);
        expect(new Set(result.issues.filter((i) => i.rejected).map((i) => i.line)).size).toBe(rejected);
        const usedLines = new Set(result.observations.map((o) => o.source.line));
        expect(result.issues.some((i) => i.rejected && usedLines.has(i.line))).toBe(false);
      }),
    );
  });

  it("never uses two rows covering the same month of a unit", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const { observations } = read(asText(rows, "csv"));
        const months = observations.flatMap((o) => Array.from({ length: o.period.to - o.period.from + 1 }, (_, i) => `${o.unit} ${o.period.from + i}`));
        expect(new Set(months).size).toBe(months.length);
      }),
    );
  });
});
