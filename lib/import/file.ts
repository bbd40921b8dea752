import { parse } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";
import { csvUnsafeText } from "@/lib/export/csv";
import type { CellValue } from "./table";

// Reads an uploaded file into a grid of cells. The type is decided by content, not by name: XLSX is a
// zip (PK\x03\x04); the old binary .xls (OLE2) is refused with advice; anything else must be text,
// in UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or GB18030 (Excel's default CSV in China).

export type GridResult = { grid: CellValue[][] } | { error: "oldExcel" | "notSpreadsheet" | "unreadable" };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export async function readGrid(bytes: Uint8Array): Promise<GridResult> {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    try {
      return { grid: (await readSheet(Buffer.from(bytes))) as CellValue[][] };
    } catch {
      return { error: "unreadable" };
    }
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return { error: "oldExcel" };
  const text = decodeText(bytes);
  if (text === undefined) return { error: "notSpreadsheet" };
  try {
    return { grid: parseCsv(text) };
  } catch {
    return { error: "unreadable" };
  }
}

export function decodeText(bytes: Uint8Array): string | undefined {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      try {
        text = new TextDecoder("gb18030", { fatal: true }).decode(body);
      } catch {
        return undefined;
      }
    }
  }
  // Control characters other than tab and line ends mean a binary file, not a table.
  return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? undefined : text;
}

function parseCsv(text: string): CellValue[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? "\t" : ",";
  const rows: string[][] = parse(text, { delimiter, relax_column_count: true, relax_quotes: false, skip_empty_lines: false });
  return rows.map((row) => row.map((cell) => (cell === "" ? null : csvUnsafeText(cell))));
}
