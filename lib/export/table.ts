import { z } from "zod";
import { csvDownloadHeaders, csvWithPreamble } from "./csv";
import { tablesToXlsx, xlsxDownloadHeaders, type TableSheet } from "./xlsx";

export type ExportCell = string | number | null;

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `?format=`: csv unless xlsx is asked for, so links made before XLSX existed keep working. */
export const exportFormatSchema = z.enum(EXPORT_FORMATS).default("csv");

/** A translator as next-intl's getTranslations() returns it, narrowed to what the builders use. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A table as a page shows it, without its preamble: the route adds scope, "as of" day, units and filter. */
export interface TableBody {
  /** Sheet tab and the start of the file name, in the reader's language. */
  name: string;
  header: string[];
  rows: ExportCell[][];
}

export interface PreambleFacts {
  /** "全国", a province's name or a centre's name (with its province). */
  scope: string;
  /** The past day shown, or undefined for now. */
  asOf: string | undefined;
  /** Today as the figures were computed (Beijing). */
  today: string;
  /** The units line; by default the common one (元 as integers, % in headers). */
  units?: string;
  /** The filter in force, in words; left out when none applies to the table. */
  filter?: string;
}

/** The lines every exported table starts with, so a file read on its own says what it holds. */
export function exportPreamble(t: Translate, facts: PreambleFacts): string[][] {
  const lines = [
    [t("export.scope"), facts.scope],
    [t("export.asOf"), facts.asOf ? t("export.asOfPast", { date: facts.asOf }) : t("export.asOfNow", { date: facts.today })],
    [t("export.units"), facts.units ?? t("export.unitsNote")],
  ];
  if (facts.filter !== undefined) lines.push([t("export.filter"), facts.filter]);
  return lines;
}

/** A header with its unit: "投资完成额（元）" / "Executed (yuan)". */
export function withUnit(t: Translate, label: string, unit: string): string {
  return t("export.withUnit", { label, unit });
}

/** The file for one table: CSV (UTF-8 with BOM) or an XLSX workbook of one sheet. */
export async function tableResponse(sheet: TableSheet, fileStem: string, format: ExportFormat): Promise<Response> {
  if (format === "csv") {
    return new Response(csvWithPreamble(sheet.preamble ?? [], sheet.header, sheet.rows), { headers: csvDownloadHeaders(`${fileStem}.csv`) });
  }
  return workbookResponse([sheet], fileStem);
}

export async function workbookResponse(sheets: readonly TableSheet[], fileStem: string): Promise<Response> {
  const file = await tablesToXlsx(sheets);
  return new Response(new Uint8Array(file), { headers: xlsxDownloadHeaders(`${fileStem}.xlsx`) });
}
