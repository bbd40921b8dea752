import writeXlsxFile, { type Cell, type Row } from "write-excel-file/node";
import { downloadHeaders } from "./csv";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** One worksheet: optional preamble lines (scope, "as of" day, units), then a bold header row and the rows. */
export interface TableSheet {
  /** Sheet tab name; Excel allows 31 characters and none of []:*?/\ */
  name: string;
  /** A report title above everything, merged across the table's columns. */
  title?: string;
  preamble?: readonly (readonly string[])[];
  header: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  /** Column widths in characters; by default fitted to the header and values (capped). */
  widths?: readonly number[];
}

const MAX_WIDTH = 60;

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet";
}

/** Display width: CJK characters take two columns. */
function textWidth(value: string | number | null): number {
  if (value === null) return 0;
  let width = 0;
  for (const ch of String(value)) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

function fittedWidths(sheet: TableSheet): number[] {
  return sheet.header.map((h, i) => Math.min(MAX_WIDTH, Math.max(8, textWidth(h), ...sheet.rows.slice(0, 500).map((r) => textWidth(r[i] ?? null))) + 2));
}

function sheetData(sheet: TableSheet): Row[] {
  const preamble: Row[] = (sheet.preamble ?? []).map((line) => line.map((text, i): Cell => (i === 0 ? { value: text, fontWeight: "bold" } : text)));
  const header: Row = sheet.header.map((text): Cell => ({ value: text, fontWeight: "bold", backgroundColor: "#E8EEF4", bottomBorderStyle: "thin", wrap: true }));
  // Strings stay strings (never formulas): a cell that begins with "=" is text in the file.
  const rows: Row[] = sheet.rows.map((row) => row.map((value): Cell => (value === null ? null : typeof value === "number" ? { value, type: Number } : { value, type: String })));
  const title: Row[] = sheet.title
    ? [[{ value: sheet.title, type: String, fontWeight: "bold", fontSize: 16, align: "center", height: 32, columnSpan: Math.max(1, sheet.header.length) }]]
    : [];
  return [...title, ...preamble, ...(preamble.length > 0 ? [[] as Row] : []), header, ...rows];
}

/** A workbook of tables as Excel and WPS open them: one sheet per table, header frozen. */
export async function tablesToXlsx(sheets: readonly TableSheet[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map((sheet) => ({
      data: sheetData(sheet),
      sheet: sheetName(sheet.name),
      columns: (sheet.widths ?? fittedWidths(sheet)).map((width) => ({ width })),
      stickyRowsCount: (sheet.title ? 1 : 0) + (sheet.preamble?.length ? sheet.preamble.length + 1 : 0) + 1,
    })),
    { fontFamily: "Microsoft YaHei", fontSize: 11 },
  ).toBuffer();
}

export function xlsxDownloadHeaders(fileName: string): HeadersInit {
  return downloadHeaders(fileName, XLSX_CONTENT_TYPE);
}
