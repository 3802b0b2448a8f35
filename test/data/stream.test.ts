import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnsFor, readObservations, type ObservationReadOptions } from "../../src/data/observations.js";
import { readObservationStream, streamObservations, type ObservationBatch, type ObservationStreamOptions } from "../../src/data/stream.js";

const fields = new Set(["dossiers", "online_dossiers", "on_time"]);
const units = new Set(["tam-ky", "quang-tri", "đông-hà".normalize("NFC"), "p01-c001"]);
const base = { file: "data.csv", fields, units };

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

const unitCell = fc.oneof(
  { weight: 6, arbitrary: pick(...units) },
  { weight: 1, arbitrary: pick("tam-ki", "", " tam-ky ", "đông-hà".normalize("NFD"), "p01-c00l", "\uFEFFtam-ky") },
);
const periodCell = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 2022, max: 2024 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`) },
  { weight: 2, arbitrary: pick("5/2023", "2023-Q2", "Q3/2023", "2023-h1", "H2/2022", "2023", "2023-5") },
  { weight: 1, arbitrary: pick("2023-13", "2023-Q5", " 2023-01 ", "", "May 2023", "0999", "2023-00") },
);
const countCell = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 200_000 }).map(String) },
  { weight: 2, arbitrary: pick("", "1.373", "13.796", "1.373.000", "1,373", "48,6", "12.5") },
  { weight: 1, arbitrary: pick("-3", "-0", " 7 ", "n/a", "9007199254740993", "123456789012345", "1234567890123456", "007", "1.37", "1..373", ".373") },
);
const anyCell = fc.string({ unit: fc.constantFrom("a", " ", ",", ";", "\t", '"', "\r", "\n", "đ", "😀", "\uFEFF", "1"), maxLength: 6 });

interface Layout {
  readonly names: readonly string[];
  readonly cell: (name: string) => fc.Arbitrary<string>;
}

const headers = fc.oneof(
  { weight: 8, arbitrary: fc.shuffledSubarray(["dossiers", "online_dossiers", "on_time", "onine_dossiers", "note"]).chain((more) => fc.shuffledSubarray(["unit", "period", ...more], { minLength: more.length + 2, maxLength: more.length + 2 })) },
  { weight: 1, arbitrary: fc.shuffledSubarray(["unit", "period", "dossiers", "online_dossiers"], { minLength: 1 }) },
  { weight: 1, arbitrary: pick(["unit", "period", "dossiers", "dossiers"], [" unit ", "period", "", "on_time"], ["unit", "dossiers"]) },
  // Headings as offices write them: another case, diacritics, a title, an alias the policy names.
  { weight: 2, arbitrary: pick(["Unit", "Kỳ báo cáo", "Số hồ sơ", "Online Dossiers"], ["Đơn vị", "PERIOD", "Tổng số hồ sơ", "số hồ sơ"], ["don vi", "ky", "dossiers"]) },
);
const headings = new Map([
  ["dossiers", ["Số hồ sơ", "Tổng số hồ sơ"]],
  ["online_dossiers", ["Hồ sơ trực tuyến"]],
]);
const needed = new Map([["dossiers", ["online_share"]], ["on_time", ["on_time_share", "score"]]]);

function cellFor(name: string): fc.Arbitrary<string> {
  const column = columnsFor(fields, headings).resolve(name.trim());
  const typical = column === "unit" ? unitCell : column === "period" ? periodCell : column !== undefined ? countCell : fc.string({ maxLength: 4 });
  return fc.oneof({ weight: 12, arbitrary: typical }, { weight: 1, arbitrary: anyCell });
}

/** A CSV cell as a spreadsheet would write it, or quoted when it need not be. */
const written = (value: string, delimiter: string) =>
  fc.boolean().map((quote) => (quote || /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value));

const row = (layout: Layout, d: string) =>
  fc.oneof(
    { weight: 16, arbitrary: fc.tuple(...layout.names.map((name) => layout.cell(name).chain((v) => written(v, d)))).map((cells) => cells.join(d)) },
    { weight: 1, arbitrary: fc.array(countCell, { maxLength: layout.names.length + 1 }).map((cells) => cells.join(d)) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(d, '"', " ", "a", "\r", "\n"), maxLength: 8 }) },
  );

const lineEnd = pick("\n", "\r\n", "\r");

const csvText = fc.tuple(headers, pick(",", ",", ";", "\t")).chain(([names, d]) => {
  const layout: Layout = { names, cell: cellFor };
  return fc
    .record({
      boms: fc.integer({ min: 0, max: 3 }),
      blank: fc.boolean(),
      rows: fc.array(fc.tuple(row(layout, d), lineEnd), { maxLength: 14 }),
      headerEnd: lineEnd,
      last: fc.boolean(),
    })
    .map(({ boms, blank, rows, headerEnd, last }) => {
      const body = rows.map(([r, end], i) => (i < rows.length - 1 || last ? r + end : r)).join("");
      return "\uFEFF".repeat(boms) + (blank ? `\n ${d} \r\n` : "") + names.join(d) + headerEnd + body;
    });
});

/** The text cut at the given places, as text or as UTF-8 bytes (which may cut a character). */
function cut(text: string, at: readonly number[], bytes: boolean): (string | Uint8Array)[] {
  const whole = bytes ? new TextEncoder().encode(text) : text;
  const points = [...new Set(at.map((p) => Math.floor(p * (whole.length + 1))))].sort((a, b) => a - b);
  const pieces: (string | Uint8Array)[] = [];
  let from = 0;
  for (const point of [...points, whole.length]) {
    pieces.push(whole.slice(from, Math.max(from, point)));
    from = Math.max(from, point);
  }
  return pieces;
}

const byteLength = (text: string) => Buffer.byteLength(text, "utf8");

async function collect(chunks: Iterable<string | Uint8Array>, options: ObservationStreamOptions): Promise<ObservationBatch[]> {
  const batches: ObservationBatch[] = [];
  for await (const batch of streamObservations(chunks, options)) batches.push(batch);
  return batches;
}

describe("readObservationStream", () => {
  it("reads any CSV, cut anywhere, as readObservations reads the whole text", async () => {
    await fc.assert(
      fc.asyncProperty(
        csvText,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
        fc.boolean(),
        fc.record({ numbers: pick<"plain" | "vi">("plain", "vi"), batchRows: fc.integer({ min: 1, max: 5 }), limit: fc.integer({ min: -3, max: 3 }), limited: fc.boolean(), policy: fc.boolean() }),
        async (text, at, bytes, { numbers, batchRows, limit, limited, policy }) => {
          const maxBytes = limited ? Math.max(0, byteLength(text) + limit) : undefined;
          const options: ObservationReadOptions = { ...base, format: "csv", numbers, ...(maxBytes === undefined ? {} : { maxBytes }), ...(policy ? { headings, needed } : {}) };
          const expected = readObservations(text, options);
          const actual = await readObservationStream(cut(text, at, bytes), { ...options, batchRows });
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads each kind of count cell in an otherwise valid row as readObservations does", async () => {
    const cells = ["0", "007", "123456789012345", "999999999999999", "1234567890123456", "9007199254740991", "9007199254740993", "1.373", "1.373.000", "12.5", "1..373", ".373", "1.37", "1,373", "48,6", "-0", "-3", " 7 ", ""];
    for (const numbers of ["plain", "vi"] as const) {
      const text = ["unit,period,dossiers", ...cells.map((cell, i) => `tam-ky,${2000 + i},${cell}`)].join("\n");
      const options = { ...base, numbers };
      expect(await readObservationStream([text], options)).toEqual(readObservations(text, { ...options, format: "csv" }));
    }
  });

  it("reads a quoted cell with line breaks cut inside it, and counts its lines", async () => {
    const text = 'unit,period,dossiers\r\n"tam-ky","2023-01","1\r\n2"\r\ntam-ky,2023-02,"3"\r\n';
    for (let i = 0; i <= text.length; i++) {
      const actual = await readObservationStream([text.slice(0, i), text.slice(i)], base);
      expect(actual).toEqual(readObservations(text, { ...base, format: "csv" }));
      expect(actual.issues.map((issue) => issue.line)).toEqual([2]);
      expect(actual.observations.map((o) => o.source.line)).toEqual([4]);
    }
  });

  it("reads a cell whose accented letter is cut between two chunks of bytes", async () => {
    const bytes = new TextEncoder().encode("unit,period,dossiers\nđông-hà,2023-01,5\n");
    const split = bytes.indexOf(0xc4) + 1;
    const actual = await readObservationStream([bytes.slice(0, split), bytes.slice(split)], base);
    expect(actual.observations.map((o) => o.unit)).toEqual(["đông-hà".normalize("NFC")]);
  });
});

describe("streamObservations", () => {
  const rows = (n: number) => ["unit,period,dossiers,online_dossiers", ...Array.from({ length: n }, (_, i) => `tam-ky,${2000 + Math.floor(i / 12)}-${(i % 12) + 1},${i},`)].join("\n");

  it("keeps every batch within its row count, and every row either used or reported", async () => {
    const text = rows(1000).replace("tam-ky,2001-1,", "tam-ki,2001-1,");
    const batches = await collect([text], { ...base, batchRows: 64 });
    expect(Math.max(...batches.map((b) => b.rows.read))).toBe(64);
    expect(batches.reduce((n, b) => n + b.rows.read, 0)).toBe(1000);
    expect(batches.reduce((n, b) => n + b.size, 0)).toBe(999);
    expect(batches.flatMap((b) => b.issues).map((i) => [i.line, i.code])).toEqual([[14, "unknown-unit"]]);
    // Counts come by column; an empty cell is NaN, not zero.
    expect(batches[0]!.fields).toEqual(["dossiers", "online_dossiers"]);
    expect([...batches[0]!.counts[0]!.subarray(0, 3)]).toEqual([0, 1, 2]);
    expect(Number.isNaN(batches[0]!.counts[1]![0])).toBe(true);
  });

  it("finds a repeated period among thousands of units", async () => {
    const many = new Set(Array.from({ length: 5000 }, (_, i) => `u${i}`));
    const text = ["unit,period,dossiers", ...[...many].map((unit) => `${unit},2023-Q1,1`), "u4999,2023-02,1", "u0,2023,1"].join("\n");
    const options = { ...base, units: many };
    const actual = await readObservationStream([text], options);
    expect(actual.issues.map((issue) => issue.message)).toEqual([
      "`u4999` 2023-02 overlaps 2023-Q1 on line 5001; report each month once",
      "`u0` 2023 overlaps 2023-Q1 on line 2; report each month once",
    ]);
    expect(actual).toEqual(readObservations(text, { ...options, format: "csv" }));
  });

  it("reports the bytes read after each chunk", async () => {
    const bytes = new TextEncoder().encode(rows(100));
    const chunks = [bytes.slice(0, 700), bytes.slice(700, 1400), bytes.slice(1400)];
    const progress: number[] = [];
    const batches = await collect(chunks, { ...base, onProgress: (n) => progress.push(n) });
    expect(progress).toEqual([700, 1400, bytes.length]);
    expect(batches.at(-1)!.bytesRead).toBe(bytes.length);
  });

  it("refuses a file over maxBytes with one last batch, as readObservations refuses the text", async () => {
    const text = rows(100);
    const batches = await collect(cut(text, [0.25, 0.5, 0.75], false), { ...base, batchRows: 10, maxBytes: text.length - 1 });
    const last = batches.at(-1)!;
    expect(last.refused).toBe(true);
    expect(last.issues).toEqual(readObservations(text, { ...base, format: "csv", maxBytes: text.length - 1 }).issues);
    expect(batches.slice(0, -1).every((b) => !b.refused)).toBe(true);
  });

  it("counts the rows under a header it cannot read, and reports them once at the end", async () => {
    const text = rows(10).replace("unit,", "units,");
    const batches = await collect([text], { ...base, batchRows: 4 });
    expect(batches.map((b) => b.rows.read)).toEqual([4, 4, 2]);
    expect(batches.flatMap((b) => b.issues)).toEqual(readObservations(text, { ...base, format: "csv" }).issues);
  });
});
