import { getDb } from "@/db/client";
import { getProvince } from "@/db/provinces";
import { cityName } from "@/lib/domain/cities";
import { canReadProvince } from "@/lib/domain/permissions";
import { flagRows } from "@/lib/export/tables/flags";
import { centreRows, lookAlikeRows, targetRows } from "@/lib/export/tables/province";
import type { Translate } from "@/lib/export/table";
import { localName } from "@/lib/i18n/locale";
import { centreFilterSchema, centreFilterValues, type CentreFilter } from "@/lib/validation/centre-filter";
import { exportRoute, refuse, type ExportContext } from "@/app/_lib/export-route";
import { subjectNames } from "@/lib/use-cases/engine";
import { provinceModel } from "../province-model";

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
  load: async ({ user, params, query, asOf, locale }: ExportContext<{ code: string }>) => {
    const province = getProvince(getDb(), params.code);
    if (!province) return refuse.notFound();
    if (!canReadProvince(user, params.code)) return refuse.forbidden("province_scope", params.code);
    const filter = centreFilterSchema.safeParse(centreFilterValues(query));
    if (!filter.success) return refuse.invalid(String(filter.error.issues[0]?.path[0] ?? ""), filter.error.issues[0]?.message ?? "invalid");
    return { name: localName(locale, province), filter: filter.data, ...(await provinceModel(user, params.code, filter.data, asOf)) };
  },
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
    flags: ({ name, engine, flags }, { t, locale }) => ({
      name: `${name}-${t("export.files.flags")}`,
      scope: name,
      today: engine.today,
      filter: t("export.filters.allFlags"),
      ...flagRows(t, locale, flags, subjectNames(flags, locale)),
    }),
  },
});
