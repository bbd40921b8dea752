import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { periodLabel } from "@/lib/domain/periods";
import { localeOrDefault } from "@/lib/i18n/locale";
import { myReporting } from "@/lib/use-cases/reporting/my-reporting";

export async function generateMetadata() {
  return { title: (await getTranslations("reporting"))("title") };
}

/** "My centres": each centre's recent periods — due, overdue, in review or done — with a link to its update. */
export default async function ReportingPage() {
  const { mine, centres } = await pageData("/reporting", myReporting, {});
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());

  return (
    <>
      <h1>{t("reporting.title")}</h1>
      <p>
        <Link href="/reporting/discipline">{t("discipline.linkFromReporting")}</Link>
      </p>
      {mine.length > 0 && (
        <section aria-labelledby="mine-heading" className="notice">
          <h2 id="mine-heading">{t("reporting.needsYou")}</h2>
          <ul>
            {mine.map((u) => (
              <li key={u.id}>
                <Link href={`/centres/${u.centreId}/updates/${u.period}`}>
                  {u.centreName} · {periodLabel(u.period, locale)}
                </Link>{" "}
                — {t(`updateStatuses.${u.status}`)}
                {u.status === "returned" && u.returnReason && <span className="muted">: {u.returnReason}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {centres.length === 0 ? (
        <p className="empty">{t("reporting.noCentres")}</p>
      ) : (
        <table className="data-table reporting-table">
          <thead>
            <tr>
              <th scope="col">{t("centres.name")}</th>
              <th scope="col">{t("reporting.periods")}</th>
            </tr>
          </thead>
          <tbody>
            {centres.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={`/centres/${c.id}`}>{c.name}</Link>
                </th>
                <td>
                  <ul className="period-chips">
                    {c.periods.map(({ code, standing }) => (
                      <li key={code}>
                        <Link href={`/centres/${c.id}/updates/${code}`} className={`chip standing-${standing}`}>
                          {periodLabel(code, locale)} · {t(`standings.${standing}`)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
