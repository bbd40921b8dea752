import { stringify } from "csv-stringify/sync";

/**
 * A CSV file as Excel opens it correctly in China: UTF-8 with a byte-order mark, CRLF line ends.
 * `preamble` lines (scope, "as of" day, units) come first, then a blank line, the header and rows.
 */
export function csvWithPreamble(preamble: readonly (readonly string[])[], header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const body = stringify([...preamble, [], header, ...rows.map((row) => row.map((cell) => (cell === null ? "" : cell)))], { record_delimiter: "\r\n" });
  return `\uFEFF${body}`;
}

/** Headers for a CSV download, the file name in ASCII and in UTF-8 for browsers that read it. */
export function csvDownloadHeaders(fileName: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
