import { columnForHeader, IMPORT_COLUMNS, headerLabel, type ImportColumn } from "./columns";
import type { ImportKind } from "./kinds";

// Turns a sheet's grid of cells into records keyed by column, after finding the header row (exports put
// scope and "as of" lines above it). Problems with the header itself are reported like row errors.

export type CellValue = string | number | boolean | Date | null;

/** One problem in the file: where (spreadsheet row number, header as written), what was there, and why (a message key). */
export interface ImportIssue {
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
  /** Values for the reason's message, e.g. the row a duplicate repeats. */
  params?: Record<string, string | number>;
}

export interface ImportRecord {
  /** The row number a spreadsheet shows (1-based, header rows included). */
  row: number;
  values: Record<string, CellValue>;
}

export interface ImportTable {
  records: ImportRecord[];
  /** Columns present in the file, by key, with the header as written there. */
  headers: Map<string, string>;
  issues: ImportIssue[];
}

/** Rows per file: the write is one transaction, and the server answers nobody else while it runs (≈ 0.5 ms a row). */
export const MAX_IMPORT_ROWS = 20_000;
const HEADER_SEARCH_ROWS = 20;

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A cell as the text a person typed, for error reports and text fields. */
export function cellText(value: CellValue | undefined): string | null {
  if (isBlank(value)) return null;
  if (value instanceof Date) return isoDay(value);
  return String(value);
}

/** Spreadsheet dates arrive as midnight UTC of the day shown. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function findHeaderRow(kind: ImportKind, grid: readonly (readonly CellValue[])[]): number {
  const needed = Math.min(2, IMPORT_COLUMNS[kind].length);
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const matches = grid[i]!.filter((cell) => typeof cell === "string" && columnForHeader(kind, cell) !== undefined).length;
    if (matches >= needed) return i;
  }
  return -1;
}

export function readTable(kind: ImportKind, grid: readonly (readonly CellValue[])[]): ImportTable {
  const issues: ImportIssue[] = [];
  const headerIndex = findHeaderRow(kind, grid);
  if (headerIndex < 0) return { records: [], headers: new Map(), issues: [{ row: null, column: null, value: null, reason: "noHeader" }] };

  const headerRow = headerIndex + 1;
  const byIndex = new Map<number, ImportColumn>();
  const headers = new Map<string, string>();
  // Columns with a header, known or not: values under an unknown header are covered by its one issue.
  const named = new Set<number>();
  grid[headerIndex]!.forEach((cell, i) => {
    const text = cellText(cell);
    if (text === null) return;
    named.add(i);
    const column = columnForHeader(kind, text);
    if (!column) return issues.push({ row: headerRow, column: text, value: null, reason: "unknownColumn" });
    if (headers.has(column.key)) return issues.push({ row: headerRow, column: text, value: null, reason: "duplicateColumn" });
    byIndex.set(i, column);
    headers.set(column.key, text);
  });
  for (const column of IMPORT_COLUMNS[kind]) {
    if (column.required && !headers.has(column.key)) issues.push({ row: headerRow, column: headerLabel(column), value: null, reason: "missingColumn" });
  }

  const records: ImportRecord[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i]!;
    if (cells.every(isBlank)) continue;
    // Stop reading at once: a file past the limit is refused whole, however long it is.
    if (records.length === MAX_IMPORT_ROWS) return { records: [], headers, issues: [{ row: null, column: null, value: String(MAX_IMPORT_ROWS), reason: "tooManyRows" }] };
    const values: Record<string, CellValue> = {};
    let strayReported = false;
    cells.forEach((cell, j) => {
      const column = byIndex.get(j);
      if (column) values[column.key] = isBlank(cell) ? null : cell;
      else if (!named.has(j) && !isBlank(cell) && !strayReported) {
        strayReported = true;
        issues.push({ row: i + 1, column: null, value: cellText(cell), reason: "valueWithoutHeader" });
      }
    });
    records.push({ row: i + 1, values });
  }
  if (records.length === 0 && issues.length === 0) issues.push({ row: null, column: null, value: null, reason: "noRows" });
  return { records, headers, issues };
}
