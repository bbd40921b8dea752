import { getLocale, getTranslations } from "next-intl/server";
import { plainTranslator } from "@/lib/i18n/translator";
import { addressOf } from "@/lib/auth/security-log";
import { quarterlyReportSheets, quarterName } from "@/lib/export/report";
import { workbookResponse, type Translate } from "@/lib/export/table";
import { localeOrDefault } from "@/lib/i18n/locale";
import { firstValues } from "@/lib/validation/fields";
import { queryRefusalResponse } from "@/app/_lib/export-route";
import { provinceReport } from "@/lib/use-cases/dashboards/province-report";

export const dynamic = "force-dynamic";

/**
 * A province's quarterly status report as an XLSX workbook: the figures as they stood at the end of the
 * quarter, and the quarter's reporting counted to today. Another province than the reader's is not found.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const locale = localeOrDefault(await getLocale());
  const query = firstValues(Object.fromEntries(new URL(request.url).searchParams), ["quarter", "format"]);
  const outcome = await provinceReport.execute({ actor: { via: "session" }, route: "/provinces/[code]/report", method: "GET", address: addressOf(request.headers) }, { ...query, code, locale });
  if (!outcome.ok) return queryRefusalResponse(outcome.refusal);
  const report = outcome.value;
  const t: Translate = plainTranslator(await getTranslations());
  return workbookResponse(quarterlyReportSheets(t, locale, report), t("report.file", { province: report.provinceName, quarter: quarterName(report.quarter, locale) }));
}
