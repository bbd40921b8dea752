import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { periodLabel } from "@/lib/domain/periods";
import type { OverdueCentre } from "@/lib/domain/reporting-discipline";
import { localeOrDefault } from "@/lib/i18n/locale";

/** At scale thousands of updates can be overdue; the page lists the longest-overdue ones. */
export const OVERDUE_SHOWN = 200;

interface Props {
  overdue: readonly OverdueCentre[];
  centreNames: ReadonlyMap<string, string>;
  provinceNames: ReadonlyMap<string, string>;
}

/** The overdue centres, most days late first (the order the rule gives), each linked to its centre page. */
export async function OverdueList({ overdue, centreNames, provinceNames }: Props) {
  const t = await getTranslations("discipline");
  const locale = localeOrDefault(await getLocale());
  if (overdue.length === 0) return <p className="empty">{t("noOverdue")}</p>;
  const shown = overdue.slice(0, OVERDUE_SHOWN);
  return (
    <>
      {shown.length < overdue.length && <p className="muted">{t("overdueTruncated", { shown: shown.length, count: overdue.length })}</p>}
      <table className="data-table" data-testid="overdue-list">
        <caption className="visually-hidden">{t("overdueCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("overdueColumns.centre")}</th>
            <th scope="col">{t("overdueColumns.province")}</th>
            <th scope="col">{t("overdueColumns.period")}</th>
            <th scope="col" className="date">
              {t("overdueColumns.dueDate")}
            </th>
            <th scope="col" className="num">
              {t("overdueColumns.daysLate")}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((o) => (
            <tr key={`${o.centreId}:${o.period}`}>
              <th scope="row">
                <Link href={`/centres/${o.centreId}`}>{centreNames.get(o.centreId) ?? o.centreId}</Link>
              </th>
              <td>{provinceNames.get(o.provinceCode) ?? o.provinceCode}</td>
              <td>{periodLabel(o.period, locale)}</td>
              <td className="date">{o.dueDate}</td>
              <td className="num">{o.daysLate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
