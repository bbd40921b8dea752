import { periodLabel } from "@/lib/domain/periods";
import { disciplineRows, overdueRows } from "@/lib/export/tables/discipline";
import type { Translate } from "@/lib/export/table";
import { disciplineFilterValues } from "@/lib/validation/discipline-filter";
import { exportRoute, type ExportContext } from "@/app/_lib/export-route";
import { disciplineExport } from "@/lib/use-cases/discipline/discipline-export";

export const dynamic = "force-dynamic";

/** The discipline page's tables (provinces, overdue centres) for its period and province, as CSV or XLSX. */
export const GET = exportRoute({
  route: "/reporting/discipline/export",
  load: { query: disciplineExport, input: ({ query, asOf, locale }: ExportContext<Record<string, never>>) => ({ ...disciplineFilterValues(query), asOf, locale }) },
  tables: {
    provinces: ({ today, period, report, names, provinceScope }, { t, locale }) => {
      const national = provinceScope === "all";
      const scope = scopeName(t, provinceScope, names);
      return {
        name: `${t("export.files.discipline")}-${scope}`,
        scope,
        today,
        filter: periodFilter(t, period, locale),
        ...disciplineRows(
          t,
          // As on the page: over all provinces, those without centres are left out.
          report.provinces.filter((row) => row.centres > 0 || !national).map((row) => ({ ...row, name: names.get(row.provinceCode) ?? row.provinceCode })),
          report.total,
          national ? t("discipline.totalNational") : t("discipline.total"),
        ),
      };
    },
    overdue: ({ today, period, report, names, centreNames, provinceScope }, { t, locale }) => {
      const scope = scopeName(t, provinceScope, names);
      return { name: `${t("export.files.overdue")}-${scope}`, scope, today, filter: periodFilter(t, period, locale), ...overdueRows(t, locale, report.overdue, centreNames, names) };
    },
  },
});

/** Whom the file covers: the country, or the province by name. */
function scopeName(t: Translate, provinceScope: string, names: ReadonlyMap<string, string>): string {
  return provinceScope === "all" ? t("export.national") : (names.get(provinceScope) ?? provinceScope);
}

const periodFilter = (t: Translate, period: string, locale: "zh" | "en") => `${t("discipline.period")}：${periodLabel(period, locale)}`;
