import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { RISK_CODES, RISK_SEVERITIES } from "@/lib/domain/risk/types";
import { localeOrDefault } from "@/lib/i18n/locale";
import { flagFilterSchema, flagFilterValues, type FlagFilter } from "@/lib/validation/flag-filter";
import { flagListPage } from "@/lib/use-cases/flags/flag-list-page";
import { FlagTable } from "../_components/flag-table";

/** The address of a page of the same filtered list. */
function pageHref(filter: FlagFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || (name === "show" && value === "open") || (name === "page" && value === 1)) continue;
    params.set(name, String(value));
  }
  const query = params.toString();
  return query ? `/flags?${query}` : "/flags";
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("risk"))("title") };
}

/** Every flag in the user's scope, filterable by province, rule and severity; dismissed ones on request. */
export default async function FlagsPage({ searchParams }: Props) {
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const parsed = flagFilterSchema.safeParse(flagFilterValues(await searchParams));
  const filter: FlagFilter = parsed.success ? parsed.data : { show: "open", page: 1 };
  const { count, suppressed, pages, page, shown, names, provinces } = await pageData("/flags", flagListPage, { ...filter, locale });
  return (
    <>
      <h1>{t("risk.title")}</h1>
      <p className="lead">{t("risk.lead")}</p>
      {!parsed.success && (
        <p className="form-error" role="alert">
          {t("risk.invalidFilter")}
        </p>
      )}
      <form method="get" className="filters" aria-label={t("risk.filters")}>
        {provinces && (
          <div className="field">
            <label htmlFor="province">{t("risk.province")}</label>
            <select id="province" name="province" defaultValue={filter.province ?? ""}>
              <option value="">{t("common.all")}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {locale === "zh" ? p.nameZh : p.nameEn}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="code">{t("risk.columns.rule")}</label>
          <select id="code" name="code" defaultValue={filter.code ?? ""}>
            <option value="">{t("common.all")}</option>
            {RISK_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`risk.codes.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="severity">{t("risk.columns.severity")}</label>
          <select id="severity" name="severity" defaultValue={filter.severity ?? ""}>
            <option value="">{t("common.all")}</option>
            {RISK_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`risk.severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="show">{t("risk.show")}</label>
          <select id="show" name="show" defaultValue={filter.show}>
            <option value="open">{t("risk.showOpen")}</option>
            <option value="all">{t("risk.showAll")}</option>
          </select>
        </div>
        <button type="submit">{t("risk.apply")}</button> <Link href="/flags">{t("risk.clear")}</Link>
      </form>
      <p className="muted">
        {t("risk.count", { count })}
        {pages > 1 && ` · ${t("risk.page", { page, pages })}`}
      </p>
      <FlagTable items={shown} names={names} caption={t("risk.title")} showSuppressed />
      {suppressed > 0 && (
        <p className="muted small">
          <span>{t("risk.suppressedHidden", { count: suppressed })}</span> <Link href={pageHref({ ...filter, show: "all", page: 1 })}>{t("risk.showAll")}</Link>
        </p>
      )}
      {pages > 1 && (
        <nav aria-label={t("audit.pagination")} className="filters">
          {page > 1 && <Link href={pageHref({ ...filter, page: page - 1 })}>{t("audit.previous")}</Link>}
          {page < pages && <Link href={pageHref({ ...filter, page: page + 1 })}>{t("audit.next")}</Link>}
        </nav>
      )}
    </>
  );
}
