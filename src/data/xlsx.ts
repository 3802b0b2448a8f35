/**
 * Excel workbooks as units send them, read into a `Sheet`: rows of cell values the readers then
 * validate exactly as they validate CSV (see records.ts). Reading a workbook is asynchronous, so
 * it happens here, before the readers. Numbers stay numbers; text stays text, to be read with the
 * number style asked for (`1.373` with `numbers: "vi"`); a date becomes ISO text, or a month
 * (`2022-10`) when its format shows no day; a formula gives its cached result. Nothing is
 * dropped silently: an error value or a formula with no cached result becomes text the count
 * schema refuses, naming it.
 */
// exceljs is loaded when a workbook is read, not at startup: it is hundreds of modules (see bench/README.md).
import type ExcelJS from "exceljs";
import { MAX_INPUT_BYTES, type Sheet, type SheetRow } from "./records.js";

export interface SheetReadOptions {
  /** The worksheet to read; the first one unless said. */
  readonly sheet?: string | undefined;
  /** Refuse larger files; 512 MiB unless said. */
  readonly maxBytes?: number;
}

export type SheetRead = { readonly ok: true; readonly sheet: Sheet } | { readonly ok: false; readonly message: string };

type Cell = string | number | undefined;

export async function readSheet(bytes: Uint8Array, options: SheetReadOptions = {}): Promise<SheetRead> {
  const limit = options.maxBytes ?? MAX_INPUT_BYTES;
  if (bytes.byteLength > limit) return { ok: false, message: `the workbook is larger than ${limit} bytes; split it and read the parts` };
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  try {
    // exceljs's types predate Buffer's type parameter; any Uint8Array view of the bytes will do.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `not an Excel workbook (.xlsx): ${reason}; an old .xls file must be saved as .xlsx first` };
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => `\`${s.name}\``).join(", ");
  const wanted = options.sheet?.normalize("NFC");
  const worksheet = wanted === undefined ? sheets[0] : sheets.find((s) => s.name.normalize("NFC") === wanted);
  if (!worksheet) {
    return { ok: false, message: options.sheet === undefined ? "the workbook has no worksheet" : `the workbook has no sheet \`${options.sheet}\`; its sheets are ${names}` };
  }
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    // By the cells the row holds, not every column up to its last: one cell in column XFD is one
    // cell, not 16,384. The array stays sparse; a hole reads as an empty cell.
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellValue(cell);
    });
    rows.push({ line, cells });
  });
  return { ok: true, sheet: { kind: "sheet", name: worksheet.name, rows } };
}

// A merged range gives every cell it covers its value (exceljs reads them so): a unit merged down
// over its months stays the unit of each row; a heading merged down is handled as a second header row.
function cellValue(cell: ExcelJS.Cell): Cell {
  return valueOf(cell.value, cell.numFmt);
}

function valueOf(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value, numFmt);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return `=${"formula" in value ? value.formula : value.sharedFormula} (no value saved)`;
    if (typeof result === "object" && result !== null && "error" in result) return String((result).error);
    return valueOf(result as ExcelJS.CellValue, numFmt);
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : valueOf(value.text, numFmt);
  return String(value);
}

/**
 * Excel keeps dates as day numbers, which exceljs gives as UTC instants: read them in UTC, rounded
 * to the minute (serials carry float noise). A format without a day (`mm/yyyy`) is a month.
 */
function dateText(date: Date, numFmt: string | undefined): string {
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
  const month = `${pad(rounded.getUTCFullYear(), 4)}-${pad(rounded.getUTCMonth() + 1)}`;
  const showsDay = numFmt === undefined || numFmt === "" || /d/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, ""));
  return showsDay ? `${month}-${pad(rounded.getUTCDate())}` : month;
}
