import { chinaToday } from "@/lib/domain/china-time";
import { periodLabel } from "@/lib/domain/periods";
import { readableScope } from "@/lib/domain/permissions";
import { defaultDisciplinePeriod, disciplinePeriodChoices } from "@/lib/domain/reporting-discipline";
import { env } from "@/lib/env";
import { disciplineRows, overdueRows } from "@/lib/export/tables/discipline";
import { localName } from "@/lib/i18n/locale";
import { disciplineFilterSchema, disciplineFilterValues } from "@/lib/validation/discipline-filter";
import { disciplineReport } from "@/app/_lib/discipline";
import { exportRoute, refuse, type ExportContext } from "@/app/_lib/export-route";

export const dynamic = "force-dynamic";

/** The discipline page's tables (provinces, overdue centres) for its period and province, as CSV or XLSX. */
export const GET = exportRoute({
  route: "/reporting/discipline/export",
  load: ({ user, query, asOf, t, locale }: ExportContext<Record<string, never>>) => {
    const today = asOf ?? chinaToday();
    const parsed = disciplineFilterSchema(today, env.REPORTING_START).safeParse(disciplineFilterValues(query));
    if (!parsed.success) return refuse.invalid(String(parsed.error.issues[0]?.path[0] ?? ""), parsed.error.issues[0]?.message ?? "invalid");
    const scope = readableScope(user);
    // The page quietly shows a provincial reader their own province; a download naming another is refused.
    if (scope !== "all" && parsed.data.province !== undefined && parsed.data.province !== scope) return refuse.forbidden("province_scope", parsed.data.province);
    const provinceScope = scope === "all" ? (parsed.data.province ?? "all") : scope;
    const period = parsed.data.period ?? defaultDisciplinePeriod(disciplinePeriodChoices(env.REPORTING_START, today));
    if (period === undefined) return refuse.notFound();
    const { data, report } = disciplineReport(provinceScope, period, asOf);
    if (provinceScope !== "all" && data.provinces.length === 0) return refuse.invalid("province", "provinceUnknown");
    const names = new Map(data.provinces.map((p) => [p.code, localName(locale, p)]));
    return {
      today,
      report,
      names,
      centreNames: new Map(data.centres.map((c) => [c.id, c.name])),
      scopeName: provinceScope === "all" ? t("export.national") : (names.get(provinceScope) ?? provinceScope),
      national: provinceScope === "all",
      filter: `${t("discipline.period")}：${periodLabel(period, locale)}`,
    };
  },
  tables: {
    provinces: ({ today, report, names, scopeName, national, filter }, { t }) => ({
      name: `${t("export.files.discipline")}-${scopeName}`,
      scope: scopeName,
      today,
      filter,
      ...disciplineRows(
        t,
        // As on the page: over all provinces, those without centres are left out.
        report.provinces.filter((row) => row.centres > 0 || !national).map((row) => ({ ...row, name: names.get(row.provinceCode) ?? row.provinceCode })),
        report.total,
        national ? t("discipline.totalNational") : t("discipline.total"),
      ),
    }),
    overdue: ({ today, report, names, centreNames, scopeName, filter }, { t, locale }) => ({
      name: `${t("export.files.overdue")}-${scopeName}`,
      scope: scopeName,
      today,
      filter,
      ...overdueRows(t, locale, report.overdue, centreNames, names),
    }),
  },
});
