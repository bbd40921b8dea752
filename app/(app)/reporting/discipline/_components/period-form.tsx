import { getLocale, getTranslations } from "next-intl/server";
import { periodLabel } from "@/lib/domain/periods";
import { localeOrDefault, localName } from "@/lib/i18n/locale";

interface Props {
  quarters: readonly string[];
  months: readonly string[];
  period: string | undefined;
  /** Provinces a national reader may narrow to; empty for a provincial reader, who sees only their own. */
  provinces: readonly { code: string; nameZh: string; nameEn: string }[];
  province: string | undefined;
  asOf: string | undefined;
}

/** Chooses the period (ended quarters and months) and, for national readers, one province. A plain GET form. */
export async function PeriodForm({ quarters, months, period, provinces, province, asOf }: Props) {
  const t = await getTranslations("discipline");
  const locale = localeOrDefault(await getLocale());
  return (
    <form method="get" className="filters" aria-label={t("filters")}>
      {asOf !== undefined && <input type="hidden" name="asOf" value={asOf} />}
      <div className="field">
        <label htmlFor="discipline-period">{t("period")}</label>
        <select id="discipline-period" name="period" defaultValue={period ?? ""}>
          <optgroup label={t("quarters")}>
            {quarters.map((code) => (
              <option key={code} value={code}>
                {periodLabel(code, locale)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("months")}>
            {months.map((code) => (
              <option key={code} value={code}>
                {periodLabel(code, locale)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {provinces.length > 0 && (
        <div className="field">
          <label htmlFor="discipline-province">{t("province")}</label>
          <select id="discipline-province" name="province" defaultValue={province ?? ""}>
            <option value="">{t("allProvinces")}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {localName(locale, p)}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit">{t("show")}</button>
    </form>
  );
}
