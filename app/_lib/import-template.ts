import "server-only";
import { CENTRE_STATUSES, COMPUTE_PRECISIONS, FOCUS_TAGS, MILESTONE_CATEGORIES } from "@/lib/domain/vocabulary";
import { csvDownloadHeaders, csvWithPreamble } from "@/lib/export/csv";
import { tablesToXlsx, xlsxDownloadHeaders } from "@/lib/export/xlsx";
import { instructionSheet, templateSheet } from "@/lib/import/template";
import type { importTemplate } from "@/lib/use-cases/import/import-template";
import type { UseCase } from "@/lib/use-cases/define";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type TemplateView = typeof importTemplate extends UseCase<infer T> ? T : never;

/** The template (or current data) as a download in the chosen format. */
export async function templateResponse({ request, data, today }: TemplateView, t: Translate, scopeName: string): Promise<Response> {
  const { locale } = data;
  // The instruction notes list each coded column's choices in the user's language.
  const choices = {
    tags: FOCUS_TAGS.map((tag) => t(`focusTags.${tag}`)).join(locale === "zh" ? "、" : ", "),
    statuses: CENTRE_STATUSES.map((s) => t(`centreStatuses.${s}`)).join(locale === "zh" ? "、" : ", "),
    categories: MILESTONE_CATEGORIES.map((c) => t(`milestoneCategories.${c}`)).join(locale === "zh" ? "、" : ", "),
    precisions: COMPUTE_PRECISIONS.join(", "),
  };
  const withChoices: Translate = (key, values) => t(key, { ...choices, ...values });
  const preamble = request.filled
    ? [
        [t("import.kind"), t(`import.kinds.${request.kind}`) + (request.period ? ` ${request.period}` : "")],
        [t("import.scope"), scopeName],
        [t("import.generated"), today],
        [t("export.units"), t("import.unitsNote")],
      ]
    : [];
  const sheet = templateSheet(request.kind, data, withChoices, preamble);
  const name = `${t(`import.fileName.${request.kind}`)}${request.filled ? `-${request.period ?? today}` : ""}.${request.format}`;
  if (request.format === "csv") return new Response(csvWithPreamble(sheet.preamble ?? [], sheet.header, sheet.rows), { headers: csvDownloadHeaders(name) });
  const file = await tablesToXlsx([sheet, instructionSheet(request.kind, withChoices)]);
  return new Response(new Uint8Array(file), { headers: xlsxDownloadHeaders(name) });
}
