import { readableScope } from "@/lib/domain/permissions";
import { overviewRowsToExport } from "@/lib/export/tables/overview";
import { flagRows } from "@/lib/export/tables/flags";
import { overviewViewSchema, overviewViewValues } from "@/lib/validation/overview";
import { exportRoute, refuse } from "@/app/_lib/export-route";
import { subjectNames } from "@/lib/use-cases/engine";
import { overviewModel, TOP_FLAGS } from "../overview-model";

export const dynamic = "force-dynamic";

/** The overview's tables (provinces, most severe open flags) as CSV or XLSX: the same rows, filter and order as the page. */
export const GET = exportRoute({
  route: "/overview/export",
  load: async ({ user, query, asOf }) => {
    if (readableScope(user) !== "all") return refuse.forbidden("national_scope_required");
    const view = overviewViewSchema.safeParse(overviewViewValues(query));
    if (!view.success) return refuse.invalid(String(view.error.issues[0]?.path[0] ?? ""), view.error.issues[0]?.message ?? "invalid");
    return { view: view.data, ...(await overviewModel(user, view.data, asOf)) };
  },
  tables: {
    provinces: ({ view, engine, rows, reportingPeriod }, { t, locale }) => ({
      name: t("export.overviewFile"),
      scope: t("export.national"),
      today: engine.today,
      filter: `${view.q ?? "—"} / ${t(`overview.${view.show === "all" ? "showAll" : "showBehind"}`)}`,
      ...overviewRowsToExport(t, locale, rows, reportingPeriod),
    }),
    flags: ({ engine, open }, { t, locale }) => {
      const top = open.slice(0, TOP_FLAGS);
      return {
        name: t("export.files.topFlags"),
        scope: t("export.national"),
        today: engine.today,
        filter: t("export.filters.topFlags", { count: top.length, total: open.length }),
        ...flagRows(t, locale, top, subjectNames(top, locale)),
      };
    },
  },
});
