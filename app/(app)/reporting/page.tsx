import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { chinaToday } from "@/lib/domain/china-time";
import { getCalendar } from "@/db/calendars";
import { listCentresInScope } from "@/db/centres";
import { myOpenUpdates, updateStatusesFor } from "@/db/updates";
import { requireUser } from "@/lib/auth/current-user";
import { readableScope } from "@/lib/domain/permissions";
import { endedPeriods, periodContaining, periodLabel, periodStanding, reportingFrom, type Calendar } from "@/lib/domain/periods";
import { localeOrDefault } from "@/lib/i18n/locale";

const PERIODS_SHOWN = 4;

export async function generateMetadata() {
  return { title: (await getTranslations("reporting"))("title") };
}

/** "My centres": each centre's recent periods — due, overdue, in review or done — with a link to its update. */
export default async function ReportingPage() {
  const user = await requireUser();
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const db = getDb();
  const today = chinaToday();
  const centres = listCentresInScope(db, readableScope(user));
  const calendars = new Map<string, Calendar>();
  for (const c of centres) if (!calendars.has(c.provinceCode)) calendars.set(c.provinceCode, getCalendar(db, c.provinceCode));

  // The current period (open, can be drafted early) and the last ended ones.
  const periodsOf = (c: (typeof centres)[number]) => {
    const calendar = calendars.get(c.provinceCode)!;
    return [periodContaining(today, calendar.cadence), ...endedPeriods(reportingFrom(c.startDate, env.REPORTING_START), today, calendar.cadence, PERIODS_SHOWN - 1)];
  };
  const allPeriodCodes = [...new Set(centres.flatMap((c) => periodsOf(c).map((p) => p.code)))];
  const statuses = new Map(updateStatusesFor(db, centres.map((c) => c.id), allPeriodCodes).map((u) => [`${u.centreId}:${u.period}`, u.status]));
  const mine = myOpenUpdates(db, user.id);

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
                    {periodsOf(c).map((p) => {
                      const standing = periodStanding(p, calendars.get(c.provinceCode)!, statuses.get(`${c.id}:${p.code}`), today);
                      return (
                        <li key={p.code}>
                          <Link href={`/centres/${c.id}/updates/${p.code}`} className={`chip standing-${standing}`}>
                            {periodLabel(p.code, locale)} · {t(`standings.${standing}`)}
                          </Link>
                        </li>
                      );
                    })}
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
