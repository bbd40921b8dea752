import type { z } from "zod";
import { INDICATORS } from "@/lib/registry/indicators";
import { headerLabel, IMPORT_COLUMNS } from "./columns";
import type { ImportKind } from "./kinds";
import { cellText, type ImportIssue, type ImportRecord, type ImportTable } from "./table";

/** Planning yields the number of rows done this often, so a caller can report progress and let other work run. */
export const PROGRESS_EVERY = 500;

/** Runs a planning generator to the end without pausing (tests, small files). */
export function runToEnd<T>(steps: Generator<number, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A value the schema could not read in a coded column is most likely a misspelt name: the import says
 * so and lists the choices (the message names them) instead of the form's plain "invalid".
 */
const UNKNOWN_VALUE: Record<string, { schemaReason: string; reason: string }> = {
  focusTags: { schemaReason: "invalid", reason: "unknownCode" },
  status: { schemaReason: "invalid", reason: "unknownCode" },
  category: { schemaReason: "invalid", reason: "unknownCode" },
  // Every enum indicator of the registry (the compute precision today).
  ...Object.fromEntries(INDICATORS.filter((d) => d.type === "enum").map((d) => [d.key, { schemaReason: "invalid", reason: "unknownCode" }])),
  cityCode: { schemaReason: "cityCode", reason: "unknownCity" },
  provinceCode: { schemaReason: "provinceCode", reason: "unknownProvince" },
};

/** Collects a file's problems, each pointing at a row and at a column as the file names it. */
export class IssueList {
  private readonly found: { issue: ImportIssue; order: number }[] = [];

  constructor(
    private readonly kind: ImportKind,
    private readonly table: ImportTable,
  ) {
    this.found.push(...table.issues.map((issue) => ({ issue, order: -1 })));
  }

  /** A problem with one cell (the column key), or with the whole row when `key` is null. */
  add(record: ImportRecord, key: string | null, reason: string, params?: Record<string, string | number>): void {
    const position = key === null ? -1 : IMPORT_COLUMNS[this.kind].findIndex((c) => c.key === key);
    const column = IMPORT_COLUMNS[this.kind][position];
    const issue: ImportIssue = {
      row: record.row,
      column: key === null ? null : (this.table.headers.get(key) ?? (column ? headerLabel(column) : key)),
      value: key === null ? null : cellText(record.values[key] ?? null),
      reason,
      ...(params && { params }),
    };
    // Whole-row problems after the row's cells, cells in the template's column order.
    this.found.push({ issue, order: key === null ? Number.MAX_SAFE_INTEGER : position });
  }

  /**
   * A row from an export older than the stored record would undo someone's later change: it is refused
   * (reported here, true returned) when its version cell names another version than `current`.
   */
  staleAgainst(record: ImportRecord, current: number): boolean {
    const text = cellText(record.values.version ?? null);
    if (text === null) return false;
    const version = Number(text);
    if (!Number.isInteger(version) || version < 1) this.add(record, "version", "integer");
    else if (version !== current) this.add(record, "version", "staleVersion", { current });
    else return false;
    return true;
  }

  /** Every problem, by row and, within a row, by column (the order a reader scans the sheet). */
  get issues(): ImportIssue[] {
    return [...this.found].sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.order - b.order).map((f) => f.issue);
  }

  /** Schema issues, each on the column its first path segment names (schema fields and columns share names). */
  addZod(record: ImportRecord, issues: readonly z.core.$ZodIssue[]): void {
    const seen = new Set<string>();
    for (const issue of issues) {
      const field = String(issue.path[0] ?? "");
      const key = field === "" ? null : field;
      // One message per cell, as the form shows one per field.
      if (seen.has(String(key))) continue;
      seen.add(String(key));
      const unknown = key === null ? undefined : UNKNOWN_VALUE[key];
      if (unknown && issue.message === unknown.schemaReason) this.add(record, key, unknown.reason, { field: key! });
      else this.add(record, key, issue.message);
    }
  }

  get length(): number {
    return this.found.length;
  }
}

/** Rows that name the same thing twice: the second and later ones are refused, pointing at the first. */
export class KeyRegister {
  private readonly firstRow = new Map<string, number>();

  /** The row that already used this key, if any. */
  claim(key: string, row: number): number | undefined {
    const first = this.firstRow.get(key);
    if (first === undefined) this.firstRow.set(key, row);
    return first;
  }
}
