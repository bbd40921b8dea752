import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { formatNumber } from "@/lib/domain/format";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/risk/thresholds";
import { readThreshold, THRESHOLD_FIELDS, withOverrides } from "@/lib/domain/risk/threshold-fields";
import { localeOrDefault } from "@/lib/i18n/locale";
import { thresholdsPage } from "@/lib/use-cases/admin/thresholds-page";
import { ThresholdForm } from "./_components/threshold-form";

type Props = { searchParams: Promise<{ saved?: string; reset?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("thresholds"))("title") };
}

/** Every risk threshold with its default and the value in force; each edit is audited and applies at once. */
export default async function ThresholdsPage({ searchParams }: Props) {
  const { overrides } = await pageData("/admin/thresholds", thresholdsPage, {});
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const current = withOverrides(new Map([...overrides].map(([key, row]) => [key, row.value])));
  const { saved, reset } = await searchParams;
  const changedKey = saved ?? reset;
  const groups = [...new Set(THRESHOLD_FIELDS.map((f) => f.key.split(".")[0]!))];
  return (
    <>
      <h1>{t("thresholds.title")}</h1>
      <p className="lead">{t("thresholds.lead")}</p>
      {changedKey && THRESHOLD_FIELDS.some((f) => f.key === changedKey) && (
        <p className="form-success" role="status">
          {t(saved ? "thresholds.savedKey" : "thresholds.resetKey", { label: t(`thresholds.fields.${changedKey.replace(".", "_")}`) })}
        </p>
      )}
      {groups.map((group) => (
        <section key={group} aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>{t(`thresholds.groups.${group}`)}</h2>
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
              {THRESHOLD_FIELDS.filter((f) => f.key.startsWith(`${group}.`)).map((field) => {
                const label = t(`thresholds.fields.${field.key.replace(".", "_")}`);
                const override = overrides.get(field.key);
                return (
                  <tr key={field.key} data-threshold={field.key}>
                    <th scope="row">
                      {label}
                      <div className="muted small">
                        <code>{field.key}</code> · {t("thresholds.range", { min: formatNumber(field.min, locale, 4), max: formatNumber(field.max, locale, 4) })}
                        {override && <span className="badge">{t("thresholds.overridden")}</span>}
                      </div>
                    </th>
                    <td className="num">{formatNumber(readThreshold(DEFAULT_THRESHOLDS, field.key), locale, 6)}</td>
                    <td>
                      <ThresholdForm thresholdKey={field.key} label={label} value={readThreshold(current, field.key)} version={override?.version ?? 0} overridden={override !== undefined} />
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
