import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeCsv } from "../../src/data/csv.js";
import { plainUnit, readMerges, readUnits, unitRow } from "../../src/data/registry.js";
import type { DataIssue, DataIssueCode, RegistryUnit, RowCounts } from "../../src/data/types.js";
import { isoDate, type IsoDate } from "../../src/time/calendar.js";

const date = (text: string) => text as IsoDate;
const unit = (id: string, name: string, tier: string, more: Partial<RegistryUnit> = {}): RegistryUnit => ({
  id,
  name,
  tier,
  parent: undefined,
  tags: [],
  validFrom: undefined,
  validTo: undefined,
  ...more,
});

function balanced(rows: RowCounts): void {
  expect(rows.read).toBe(rows.used + rows.rejected);
}

describe("readUnits", () => {
  it("reads a CSV with its columns in any order, dates either way, tags split on `;`", () => {
    const text = [
      "\uFEFFtier,id,valid_to,name,tags,parent,valid_from",
      'province,quang-tri,30/06/2025,"Quảng Trị, tỉnh",coastal; central ,,',
      "district,dong-ha,,Thành phố Đông Hà,,quang-tri,2022-01-01",
      "",
    ].join("\r\n");
    const read = readUnits(text, { file: "units.csv", format: "csv" });
    expect(read.issues).toEqual([]);
    expect(read.rows).toEqual({ read: 2, used: 2, rejected: 0 });
    expect(read.registry).toEqual({
      units: [
        unit("quang-tri", "Quảng Trị, tỉnh", "province", { tags: ["coastal", "central"], validTo: date("2025-06-30") }),
        unit("dong-ha", "Thành phố Đông Hà", "district", { parent: "quang-tri", validFrom: date("2022-01-01") }),
      ],
      merges: [],
    });
  });

  it("reads JSON, as a list of units or with merges beside them", () => {
    const units = [
      { id: "ba-ria-vung-tau", name: "Bà Rịa - Vũng Tàu", tier: "province", tags: ["coastal"], valid_to: "2025-06-30" },
      { id: "ho-chi-minh", name: "Hồ Chí Minh", tier: "province", tags: "city;south", parent: null },
    ];
    const merges = [{ id: "ba-ria-vung-tau", successor: "ho-chi-minh", date: "01/07/2025" }];
    const expected = [
      unit("ba-ria-vung-tau", "Bà Rịa - Vũng Tàu", "province", { tags: ["coastal"], validTo: date("2025-06-30") }),
      unit("ho-chi-minh", "Hồ Chí Minh", "province", { tags: ["city", "south"] }),
    ];
    const list = readUnits(JSON.stringify(units), { file: "u.json", format: "json" });
    expect(list.registry).toEqual({ units: expected, merges: [] });
    const both = readUnits(JSON.stringify({ units, merges }), { file: "u.json", format: "json" });
    expect(both.issues).toEqual([]);
    expect(both.registry).toEqual({ units: expected, merges: [{ id: "ba-ria-vung-tau", successor: "ho-chi-minh", date: "2025-07-01" }] });
    expect(both.rows).toEqual({ read: 3, used: 3, rejected: 0 });
  });

  const header = "id,name,tier,parent,tags,valid_from,valid_to";
  const csv = (...lines: string[]) => [header, ...lines].join("\n");
  interface Case {
    readonly text: string;
    readonly format?: "csv" | "json";
    readonly line: number;
    readonly column: string | undefined;
    readonly code: DataIssueCode;
    readonly fragment: string;
    readonly rejected: boolean;
  }
  const cases: Record<string, Case> = {
    "an unknown column, once on the header": {
      text: "id,name,tier,tiers\na,A,x,1\nb,B,x,2",
      line: 1, column: "tiers", code: "unknown-column", fragment: "unknown column `tiers` is ignored; did you mean `tier`?", rejected: false,
    },
    "a duplicate id": {
      text: csv("a,A,x,,,,", "b,B,x,,,,", "a,A again,x,,,,"),
      line: 4, column: "id", code: "duplicate-row", fragment: "unit `a` is already given on line 2", rejected: true,
    },
    "a day that does not exist": {
      text: csv("a,A,x,,,31/02/2022,"),
      line: 2, column: "valid_from", code: "bad-row", fragment: "`valid_from` is not a date: `31/02/2022`", rejected: true,
    },
    "an end before the start": {
      text: csv("a,A,x,,,2025-07-01,2025-06-30"),
      line: 2, column: "valid_to", code: "bad-row", fragment: "`valid_to` is 2025-06-30, before valid_from 2025-07-01", rejected: true,
    },
    "an empty name": {
      text: csv("a, ,x,,,,"),
      line: 2, column: "name", code: "bad-row", fragment: "`name` has no value", rejected: true,
    },
    "a header without a required column": {
      text: "id,name\na,A\nb,B",
      line: 1, column: "tier", code: "bad-row", fragment: "no `tier` column, so none of its 2 rows is read", rejected: true,
    },
    "a row with a cell too many": {
      text: csv("a,A,x,,,,,"),
      line: 2, column: undefined, code: "bad-row", fragment: "the row has 8 cells where the header has 7", rejected: true,
    },
    "an unknown parent": {
      text: csv("quang-tri,Quảng Trị,province,,,,", "dong-ha,Đông Hà,district,quang-tr,,,"),
      line: 3, column: "parent", code: "unknown-unit", fragment: "parent `quang-tr` is not in the registry; did you mean `quang-tri`?", rejected: true,
    },
    "parents that loop": {
      text: csv("a,A,x,a,,,"),
      line: 2, column: "parent", code: "bad-row", fragment: "parent `a` leads back to `a`", rejected: true,
    },
    "a JSON item that is not an object": {
      text: '[{"id":"a","name":"A","tier":"x"}, ["b","B","x"]]', format: "json",
      line: 2, column: undefined, code: "bad-row", fragment: "item 2: the row is not an object", rejected: true,
    },
    "a JSON key that is not a column": {
      text: '[{"id":"a","name":"A","tier":"x","nmae":"A"}]', format: "json",
      line: 1, column: "nmae", code: "unknown-column", fragment: "item 1: unknown column `nmae` is ignored; did you mean `name`?", rejected: false,
    },
    "a JSON value of the wrong kind": {
      text: '[{"id":"a","name":{"vi":"A"},"tier":"x"}]', format: "json",
      line: 1, column: "name", code: "bad-row", fragment: 'item 1: `name` must be text, not {"vi":"A"}', rejected: true,
    },
    "a tag that is not text": {
      text: '[{"id":"a","name":"A","tier":"x","tags":["ok",{}]}]', format: "json",
      line: 1, column: "tags", code: "bad-row", fragment: "item 1: `tags` must be text", rejected: true,
    },
    "tags that are neither a list nor text": {
      text: '[{"id":"a","name":"A","tier":"x","tags":5}]', format: "json",
      line: 1, column: "tags", code: "bad-row", fragment: "item 1: `tags` must be a list, or text separated by `;`", rejected: true,
    },
    "a unit beside merges, by its list": {
      text: JSON.stringify({ units: [{ id: "a", name: "A", tier: "x" }, { id: "a", name: "A", tier: "x" }] }), format: "json",
      line: 2, column: "id", code: "duplicate-row", fragment: "units item 2: unit `a` is already given in units item 1", rejected: true,
    },
    "text that is not JSON": {
      text: '[\n{"id":"a",}\n]', format: "json",
      line: 2, column: undefined, code: "bad-row", fragment: "not valid JSON", rejected: true,
    },
    "JSON of another shape": {
      text: '{"unit":[]}', format: "json",
      line: 1, column: undefined, code: "bad-row", fragment: "not a JSON array of units", rejected: true,
    },
    "a merge into an unknown unit": {
      text: JSON.stringify({ units: [{ id: "a", name: "A", tier: "x" }], merges: [{ id: "a", successor: "bb", date: "2025-07-01" }] }), format: "json",
      line: 1, column: "successor", code: "merge-unknown-unit", fragment: "merges item 1: `bb` is not a unit in the registry", rejected: true,
    },
  };

  it.each(Object.entries(cases))("reports %s", (_, c) => {
    const read = readUnits(c.text, { file: "units.txt", format: c.format ?? "csv" });
    const found = read.issues.find((i) => i.code === c.code);
    expect(found, JSON.stringify(read.issues)).toMatchObject({ file: "units.txt", line: c.line, column: c.column, code: c.code, rejected: c.rejected });
    expect(found?.message).toContain(c.fragment);
    balanced(read.rows);
  });

  it("reports an unknown column once, however many rows have it", () => {
    const read = readUnits("id,name,tier,note\na,A,x,1\nb,B,x,2\nc,C,x,3", { file: "u.csv", format: "csv" });
    expect(read.issues.map((i) => i.code)).toEqual(["unknown-column"]);
    expect(read.rows).toEqual({ read: 3, used: 3, rejected: 0 });
  });

  it("rejects the children of a rejected parent, saying where the parent was", () => {
    const read = readUnits(csv("p,P,x,nowhere,,,", "c,C,y,p,,,"), { file: "u.csv", format: "csv" });
    expect(read.registry.units).toEqual([]);
    expect(read.issues.map((i) => [i.line, i.message])).toEqual([
      [2, "parent `nowhere` is not in the registry"],
      [3, "parent `p` is rejected on line 2"],
    ]);
    expect(read.rows).toEqual({ read: 2, used: 0, rejected: 2 });
  });

  it("rejects every unit on a loop of parents, then the units below them", () => {
    const read = readUnits(csv("a,A,x,c,,,", "b,B,x,a,,,", "c,C,x,b,,,", "d,D,x,a,,,", "e,E,x,,,,", "f,F,x,e,,,"), { file: "u.csv", format: "csv" });
    expect(read.registry.units.map((u) => u.id)).toEqual(["e", "f"]);
    expect(read.issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [2, "bad-row", "parent `c` leads back to `a`: parent links must not loop"],
      [3, "bad-row", "parent `a` leads back to `b`: parent links must not loop"],
      [4, "bad-row", "parent `b` leads back to `c`: parent links must not loop"],
      [5, "unknown-unit", "parent `a` is rejected on line 2"],
    ]);
  });

  it("keeps `__proto__` and `constructor` keys as data, polluting no prototype", () => {
    const text = '[{"id":"a","name":"A","tier":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]';
    const read = readUnits(text, { file: "u.json", format: "json" });
    expect(read.registry.units).toEqual([unit("a", "A", "x")]);
    expect(read.issues.map((i) => i.column)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(read.registry.units[0])).toBe(Object.prototype);
  });

  it("refuses a text over the size limit", () => {
    const read = readUnits(csv("a,A,x,,,,"), { file: "u.csv", format: "csv", maxBytes: 16 });
    expect(read.issues).toEqual([expect.objectContaining({ line: 1, code: "bad-row", rejected: true })]);
    expect(read.issues[0]?.message).toContain("larger than 16 bytes");
    expect(read.rows).toEqual({ read: 0, used: 0, rejected: 0 });
  });
});

describe("readMerges", () => {
  const units = new Set(["dong-ha", "quang-tri", "thua-thien-hue", "hue"]);

  it("reads CSV and JSON alike", () => {
    const csv = "id,successor,date\ndong-ha,quang-tri,01/07/2025\n";
    const json = '{"merges":[{"id":"dong-ha","successor":"quang-tri","date":"2025-07-01"}]}';
    const expected = [{ id: "dong-ha", successor: "quang-tri", date: "2025-07-01" }];
    expect(readMerges(csv, { file: "m.csv", format: "csv", units }).merges).toEqual(expected);
    expect(readMerges(json, { file: "m.json", format: "json", units }).merges).toEqual(expected);
  });

  const cases: [string, string, Partial<DataIssue>, string][] = [
    ["an unknown unit", "dong-ha,quang-tr,2025-07-01", { line: 2, column: "successor", code: "merge-unknown-unit" }, "`quang-tr` is not a unit in the registry; did you mean `quang-tri`?"],
    ["an unknown merged unit", "dongha,quang-tri,2025-07-01", { line: 2, column: "id", code: "merge-unknown-unit" }, "did you mean `dong-ha`?"],
    ["a unit merged into itself", "hue,hue,2025-07-01", { line: 2, column: "successor", code: "bad-row" }, "`successor` is the unit itself"],
    ["a bad date", "hue,quang-tri,2025-13-01", { line: 2, column: "date", code: "bad-row" }, "`date` is not a date: `2025-13-01`"],
    ["a missing date", "hue,quang-tri,", { line: 2, column: "date", code: "bad-row" }, "`date` has no value"],
  ];

  it.each(cases)("reports %s", (_, row, expected, fragment) => {
    const read = readMerges(`id,successor,date\n${row}\n`, { file: "m.csv", format: "csv", units });
    expect(read.issues).toEqual([expect.objectContaining({ file: "m.csv", rejected: true, ...expected })]);
    expect(read.issues[0]?.message).toContain(fragment);
    expect(read.rows).toEqual({ read: 1, used: 0, rejected: 1 });
  });

  it("rejects a second merge of one unit, and merges that loop", () => {
    const text = [
      "id,successor,date",
      "dong-ha,quang-tri,2025-07-01",
      "dong-ha,hue,2025-07-01",
      "hue,thua-thien-hue,2025-07-01",
      "thua-thien-hue,hue,2025-08-01",
    ].join("\n");
    const read = readMerges(text, { file: "m.csv", format: "csv", units });
    expect(read.merges).toEqual([{ id: "dong-ha", successor: "quang-tri", date: "2025-07-01" }]);
    expect(read.issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [3, "duplicate-row", "a merge of `dong-ha` is already given on line 2"],
      [4, "bad-row", "merging `hue` into `thua-thien-hue` closes a loop of merges"],
      [5, "bad-row", "merging `thua-thien-hue` into `hue` closes a loop of merges"],
    ]);
    balanced(read.rows);
  });

  it("checks unit ids only when it is given them", () => {
    expect(readMerges("id,successor,date\nx,y,2025-07-01", { file: "m.csv", format: "csv" }).merges).toHaveLength(1);
  });
});

describe("properties", () => {
  // Names with what breaks naive CSV: commas, quotes, line breaks, and Vietnamese letters.
  const name = fc
    .string({ unit: fc.constantFrom("a", "B", " ", ",", '"', "\n", "\r\n", ";", "ư", "Đ", "ệ", "ồ", "Quảng Trị"), minLength: 1, maxLength: 12 })
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
  const day = fc
    .record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(({ year, month, day }) => isoDate(year, month, day)!);
  const span = fc.option(fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a])), { nil: undefined });

  const registry = fc.uniqueArray(id, { minLength: 1, maxLength: 12 }).chain((ids) =>
    fc.tuple(
      ...ids.map((unitId, i) =>
        fc.record({
          id: fc.constant(unitId),
          name,
          tier: fc.constantFrom("province", "district", "commune"),
          parent: i === 0 ? fc.constant(undefined) : fc.option(fc.constantFrom(...ids.slice(0, i)), { nil: undefined }),
          tags: fc.uniqueArray(fc.constantFrom("coastal", "city", "mountain", "biên-giới"), { maxLength: 3 }),
          span,
        }),
      ),
    ),
  );
  const COLUMNS = ["id", "name", "tier", "parent", "tags", "valid_from", "valid_to"];

  it("reads back the units a CSV was written from, whatever the column order", () => {
    fc.assert(
      fc.property(registry, fc.shuffledSubarray(COLUMNS, { minLength: COLUMNS.length }), (records, order) => {
        const cells = (r: (typeof records)[number]): Record<string, string> => ({
          id: r.id,
          name: r.name,
          tier: r.tier,
          parent: r.parent ?? "",
          tags: r.tags.join(";"),
          valid_from: r.span?.[0] ?? "",
          valid_to: r.span?.[1] ?? "",
        });
        const text = writeCsv([order, ...records.map((r) => order.map((c) => cells(r)[c]!))]);
        const read = readUnits(text, { file: "u.csv", format: "csv" });
        expect(read.issues).toEqual([]);
        expect(read.registry.units).toEqual(
          records.map((r) => unit(r.id, r.name, r.tier, { parent: r.parent, tags: r.tags, validFrom: r.span?.[0], validTo: r.span?.[1] })),
        );
      }),
    );
  });

  it("accounts for every row of a mix of good and bad ones", () => {
    const row = fc.oneof(
      fc.tuple(id, name, fc.constant("x"), fc.constant(""), fc.constant("2022-01-01")),
      fc.tuple(id, fc.constant(""), fc.constant("x"), fc.constant(""), fc.constant("")),
      fc.tuple(id, name, fc.constant("x"), id, fc.constantFrom("2022-02-30", "", "1/1/2022")),
      fc.tuple(fc.constant(""), name, fc.constant("x"), fc.constant(""), fc.constant("")),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(row, fc.constant(["a", "b"]), fc.constant([""]))), (rows) => {
        const read = readUnits(writeCsv([["id", "name", "tier", "parent", "valid_from"], ...rows]), { file: "u.csv", format: "csv" });
        balanced(read.rows);
        expect(read.rows.used).toBe(read.registry.units.length);
        expect(read.rows.read).toBe(rows.filter((r) => r.some((c) => c.trim() !== "")).length);
        expect(new Set(read.issues.filter((i) => i.rejected).map((i) => i.line)).size).toBe(read.rows.rejected);
      }),
    );
  });
});

describe("a chain of parents thousands deep whose root's parent is missing", () => {
  it("drops every unit in it, the first for the missing parent and each other for its rejected parent", () => {
    const rows = ["id,name,tier,parent", ...Array.from({ length: 5000 }, (_, i) => `u${i + 1},U,province,u${i}`)].join("\n");
    const read = readUnits(rows, { file: "u.csv", format: "csv" });
    expect(read.registry.units).toEqual([]);
    expect(read.rows).toEqual({ read: 5000, used: 0, rejected: 5000 });
    expect(read.issues.map((i) => i.args?.kind)).toEqual(["parent-unknown", ...Array<string>(4999).fill("parent-rejected")]);
  });
});

describe("a plain registry row", () => {
  // Cells such as registries hold, with the slips the schema cares about: outer spaces, decomposed
  // Vietnamese (NFD), empty cells, tags and dates.
  const cell = fc.oneof(fc.constantFrom("", " ", "xa-a", " xa-a", "Xã A", "Xã A".normalize("NFD"), "commune", "a;b", "2022-01-01", "huyen"), fc.string({ maxLength: 6 }));
  const columns = fc.record({ id: cell, name: cell, tier: cell, parent: cell, tags: cell, valid_from: cell, valid_to: cell }, { requiredKeys: ["id", "name", "tier"] });

  it("is read without the schema only when the schema would read it the same", () => {
    fc.assert(
      fc.property(columns, (row) => {
        const cells = new Map(Object.entries(row));
        const plain = plainUnit(cells);
        if (plain === undefined) return;
        expect(unitRow.parse(Object.fromEntries(cells))).toEqual(plain);
      }),
      { numRuns: 3000 },
    );
  });
});
