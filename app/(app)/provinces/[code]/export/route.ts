import { cityName } from "@/lib/domain/cities";
import { flagRows } from "@/lib/export/tables/flags";
import { centreRows, lookAlikeRows, targetRows } from "@/lib/export/tables/province";
import type { Translate } from "@/lib/export/table";
import { centreFilterValues, type CentreFilter } from "@/lib/validation/centre-filter";
import { exportRoute, type ExportContext } from "@/app/_lib/export-route";
import { provincePage } from "@/lib/use-cases/dashboards/province-page";

export const dynamic = "force-dynamic";

/** The centre filter in force, in words: "状态：建设中；城市：杭州市", or "—" when none. */
function filterText(t: Translate, filter: CentreFilter): string {
  const parts = [
    filter.status && `${t("centres.status")}：${t(`centreStatuses.${filter.status}`)}`,
    filter.tag && `${t("centres.focusTags")}：${t(`focusTags.${filter.tag}`)}`,
    filter.city && `${t("centres.city")}：${cityName(filter.city) ?? filter.city}`,
    filter.flag && `${t("province.flagFilter")}：${filter.flag === "any" ? t("province.anyFlag") : t(`risk.codes.${filter.flag}`)}`,
  ].filter((part): part is string => Boolean(part));
  return parts.length === 0 ? "—" : parts.join("；");
}

/** The province page's tables (targets, centres with the page's filter, look-alike groups, flags) as CSV or XLSX. */
export const GET = exportRoute({
  route: "/provinces/[code]/export",
  // The page's own query: another province than the reader's is not found (404), a bad filter refused (400).
  load: { query: provincePage, input: ({ params, query, asOf, locale }: ExportContext<{ code: string }>) => ({ ...centreFilterValues(query), code: params.code, asOf, locale }) },
  tables: {
    targets: ({ name, engine, targets }, { t, locale }) => ({
      name: `${name}-${t("export.files.targets")}`,
      scope: name,
      today: engine.today,
      units: t("export.unitsTargets"),
      ...targetRows(t, locale, targets.map((target) => ({ ...target, result: engine.targets.get(target.id)! }))),
    }),
    centres: ({ name, engine, centres, filter, openWarnings }, { t, locale }) => ({
      name: `${name}-${t("export.files.centres")}`,
      scope: name,
      today: engine.today,
      filter: filterText(t, filter),
      ...centreRows(
        t,
        locale,
        centres.map((c) => {
          const result = engine.centres.get(c.id)!;
          return { ...c, result, openFlags: openWarnings(result.flags) };
        }),
      ),
    }),
    lookalikes: ({ name, engine, groups, allCentres }, { t, locale }) => ({
      name: `${name}-${t("export.files.lookAlikes")}`,
      scope: name,
      today: engine.today,
      ...lookAlikeRows(t, locale, groups, new Map(allCentres.map((c) => [c.id, c]))),
    }),
    flags: ({ name, engine, flags, flagNames }, { t, locale }) => ({
      name: `${name}-${t("export.files.flags")}`,
      scope: name,
      today: engine.today,
      filter: t("export.filters.allFlags"),
      ...flagRows(t, locale, flags, flagNames),
    }),
  },
});
