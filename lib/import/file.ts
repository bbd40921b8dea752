import { parse } from "csv-parse/sync";
import { Unzip, UnzipInflate } from "fflate";
import { readSheet } from "read-excel-file/node";
import { csvUnsafeText } from "@/lib/export/csv";
import type { CellValue } from "./table";

// Reads an uploaded file into a grid of cells. The type is decided by content, not by name: XLSX is a
// zip (PK\x03\x04); the old binary .xls (OLE2) is refused with advice; anything else must be text,
// in UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text") or GB18030 (Excel's default CSV in China).

export type GridResult = { grid: CellValue[][] } | { error: "oldExcel" | "notSpreadsheet" | "unreadable" | "unpacksTooLarge" };

/** An XLSX whose parts unpack to more than this is refused before it is parsed (a 20,000-row sheet unpacks to a few tens of MB). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/**
 * The bytes an archive really unpacks to, counted while inflating and given up past `limit`, so a small
 * file that expands enormously (a "zip bomb") costs a fraction of a second instead of the server's memory.
 * The sizes the archive declares are not trusted. Undefined when it is over the limit or not a readable zip.
 */
export function unpackedSize(bytes: Uint8Array, limit: number): number | undefined {
  let total = 0;
  let refused = false;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (refused) return;
      total += chunk?.length ?? 0;
      if (error || total > limit) {
        refused = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    return undefined;
  }
  return refused ? undefined : total;
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export async function readGrid(bytes: Uint8Array): Promise<GridResult> {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (unpackedSize(bytes, MAX_UNPACKED_BYTES) === undefined) return { error: "unpacksTooLarge" };
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
