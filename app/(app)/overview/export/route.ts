import { overviewRowsToExport } from "@/lib/export/tables/overview";
import { flagRows } from "@/lib/export/tables/flags";
import { overviewViewValues } from "@/lib/validation/overview";
import { exportRoute } from "@/app/_lib/export-route";
import { overviewExport } from "@/lib/use-cases/dashboards/overview-export";

export const dynamic = "force-dynamic";

/** The overview's tables (provinces, most severe open flags) as CSV or XLSX: the same rows, filter and order as the page. */
export const GET = exportRoute({
  route: "/overview/export",
  load: { query: overviewExport, input: ({ query, asOf, locale }) => ({ ...overviewViewValues(query), asOf, locale }) },
  tables: {
    provinces: ({ view, today, rows, reportingPeriod }, { t, locale }) => ({
      name: t("export.overviewFile"),
      scope: t("export.national"),
      today,
      filter: `${view.q ?? "—"} / ${t(`overview.${view.show === "all" ? "showAll" : "showBehind"}`)}`,
      ...overviewRowsToExport(t, locale, rows, reportingPeriod),
    }),
    flags: ({ today, open, top, topNames }, { t, locale }) => ({
      name: t("export.files.topFlags"),
      scope: t("export.national"),
      today,
      filter: t("export.filters.topFlags", { count: top.length, total: open.length }),
      ...flagRows(t, locale, top, topNames),
    }),
  },
});
