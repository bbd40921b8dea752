import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { formatNumber } from "@/lib/domain/format";
import { localeOrDefault } from "@/lib/i18n/locale";
import { thresholdsPage } from "@/lib/use-cases/admin/thresholds-page";
import { ThresholdForm } from "./_components/threshold-form";
import { thresholdsPageModel } from "./thresholds-model";
import { messageKey } from "@/lib/i18n/translator";

type Props = { searchParams: Promise<{ saved?: string; reset?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("thresholds"))("title") };
}

/** Every risk threshold (the rows of lib/registry/thresholds.ts) with its default and the value in force; each edit is audited and applies at once. */
export default async function ThresholdsPage({ searchParams }: Props) {
  const { overrides } = await pageData("/admin/thresholds", thresholdsPage, {});
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const groups = thresholdsPageModel(overrides, locale);
  const { saved, reset } = await searchParams;
  const changed = groups.flatMap((g) => g.rows).find((r) => r.key === (saved ?? reset));
  return (
    <>
      <h1>{t("thresholds.title")}</h1>
      <p className="lead">{t("thresholds.lead")}</p>
      {changed && (
        <p className="form-success" role="status">
          {t(saved ? "thresholds.savedKey" : "thresholds.resetKey", { label: t(messageKey(changed.labelKey)) })}
        </p>
      )}
      {groups.map(({ group, titleKey, rows }) => (
        <section key={group} aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>{t(messageKey(titleKey))}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("thresholds.threshold")}</th>
                <th scope="col" className="num">
                  {t("thresholds.default")}
                </th>
                <th scope="col">{t("thresholds.inForce")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const label = t(messageKey(row.labelKey));
                return (
                  <tr key={row.key} data-threshold={row.key}>
                    <th scope="row">
                      {label}
                      <p className="muted small">{t(messageKey(row.helpKey))}</p>
                      <div className="muted small">
                        <code>{row.key}</code> · {t("thresholds.unit", { unit: t(`thresholds.units.${row.unit}`) })} ·{" "}
                        {t("thresholds.range", { min: row.rangeText.min, max: row.rangeText.max })} · {t("thresholds.step", { step: formatNumber(row.step, locale, 6) })} ·{" "}
                        {t(`thresholds.sources.${row.source}`)}
                        {row.overridden && <span className="badge">{t("thresholds.overridden")}</span>}
                      </div>
                    </th>
                    <td className="num">{row.defaultText}</td>
                    <td>
                      <ThresholdForm thresholdKey={row.key} label={label} value={row.value} version={row.version} overridden={row.overridden} />
                      <span className="muted small">{row.valueText}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
