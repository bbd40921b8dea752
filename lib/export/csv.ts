import { stringify } from "csv-stringify/sync";

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a
 * leading apostrophe, which Excel and WPS hide and the importer removes again (OWASP "CSV injection").
 * Text that itself starts with an apostrophe gets one too, so the importer's removal gives it back intact.
 */
export function csvSafeText(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
}

/** Undoes csvSafeText on a cell read back from a CSV file. */
export function csvUnsafeText(text: string): string {
  return /^'[=+\-@\t\r']/.test(text) ? text.slice(1) : text;
}

/**
 * A CSV file as Excel opens it correctly in China: UTF-8 with a byte-order mark, CRLF line ends.
 * `preamble` lines (scope, "as of" day, units) come first, then a blank line, the header and rows.
 */
export function csvWithPreamble(preamble: readonly (readonly string[])[], header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (value: string | number | null) => (value === null ? "" : typeof value === "string" ? csvSafeText(value) : value);
  const lines = preamble.length > 0 ? [...preamble, []] : [];
  const body = stringify([...lines, header, ...rows.map((row) => row.map(cell))], { record_delimiter: "\r\n" });
  return `\uFEFF${body}`;
}

/** Headers for a download, the file name in ASCII and in UTF-8 for browsers that read it. */
export function downloadHeaders(fileName: string, contentType: string): HeadersInit {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}

export function csvDownloadHeaders(fileName: string): HeadersInit {
  return downloadHeaders(fileName, "text/csv; charset=utf-8");
}
