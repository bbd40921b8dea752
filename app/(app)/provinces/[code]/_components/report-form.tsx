import { useLocale, useTranslations } from "next-intl";
import { parsePeriod } from "@/lib/domain/periods";
import { quarterName } from "@/lib/export/report";

/** Picks an ended quarter and downloads the province's quarterly report for it (a plain GET, so it works without script). */
export function ReportForm({ code, quarters }: { code: string; quarters: readonly string[] }) {
  const t = useTranslations("report");
  const locale = useLocale() === "en" ? "en" : "zh";
  return (
    <section aria-labelledby="report-heading" className="no-print">
      <h2 id="report-heading">{t("formHeading")}</h2>
      <p className="muted small">{t("formNote")}</p>
      {quarters.length === 0 ? (
        <p className="empty">{t("noQuarter")}</p>
      ) : (
        <form method="get" action={`/provinces/${code}/report`} className="filters">
          <input type="hidden" name="format" value="xlsx" />
          <label>
            {t("quarter")}
            <select name="quarter" defaultValue={quarters[0]}>
              {quarters.map((q) => (
                <option key={q} value={q}>
                  {quarterName(parsePeriod(q)!, locale)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("download")}</button>
        </form>
      )}
    </section>
  );
}
