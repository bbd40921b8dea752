import "server-only";
import { getDb } from "@/db/client";
import { centreRefs, importableCentres, importableMilestones, periodUpdates } from "@/db/imports";
import { listProvinceOptions } from "@/db/provinces";
import type { SessionUser } from "@/lib/auth/current-user";
import { editableScope } from "@/lib/domain/permissions";
import { CENTRE_STATUSES, COMPUTE_PRECISIONS, FOCUS_TAGS, MILESTONE_CATEGORIES, type Locale } from "@/lib/domain/vocabulary";
import { csvDownloadHeaders, csvWithPreamble } from "@/lib/export/csv";
import { tablesToXlsx, xlsxDownloadHeaders } from "@/lib/export/xlsx";
import { instructionSheet, templateSheet, type TemplateData } from "@/lib/import/template";
import type { z } from "zod";
import type { importTemplateSchema } from "@/lib/validation/import";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** What a filled template holds: the data the user may import into, i.e. their editing scope. */
function templateData(user: SessionUser, request: z.output<typeof importTemplateSchema>, locale: Locale): TemplateData {
  const db = getDb();
  const scope = editableScope(user);
  const base = { locale, provinces: listProvinceOptions(db) };
  if (!request.filled) return base;
  switch (request.kind) {
    case "centres":
      return { ...base, centres: importableCentres(db, scope) };
    case "milestones":
      return { ...base, milestones: importableMilestones(db, scope) };
    case "updates":
      return { ...base, refs: centreRefs(db, scope), updates: periodUpdates(db, scope, request.period!), period: request.period };
  }
}

/** The template (or current data) as a download in the chosen format. */
export async function templateResponse(user: SessionUser, request: z.output<typeof importTemplateSchema>, t: Translate, locale: Locale, scopeName: string, today: string): Promise<Response> {
  const data = templateData(user, request, locale);
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
