import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { DEFAULT_CALENDAR } from "@/lib/domain/periods";
import { localName } from "@/lib/i18n/locale";
import { calendarsPage } from "@/lib/use-cases/admin/calendars-page";

export async function generateMetadata() {
  return { title: (await getTranslations("calendars"))("title") };
}

export default async function CalendarsPage() {
  const { calendars } = await pageData("/admin/calendars", calendarsPage, {});
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <h1>{t("calendars.title")}</h1>
      <p className="lead">
        {t("calendars.lead", { cadence: t(`cadences.${DEFAULT_CALENDAR.cadence}`), dueDays: DEFAULT_CALENDAR.dueDays, graceDays: DEFAULT_CALENDAR.graceDays })}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("calendars.province")}</th>
            <th scope="col">{t("calendars.cadence")}</th>
            <th scope="col" className="num">
              {t("calendars.dueDays")}
            </th>
            <th scope="col" className="num">
              {t("calendars.graceDays")}
            </th>
            <th scope="col">{t("common.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {calendars.map((c) => (
            <tr key={c.code} data-testid={`calendar-${c.code}`}>
              <td>{localName(locale, c)}</td>
              <td>
                {t(`cadences.${c.cadence}`)}
                {c.isDefault && <span className="badge">{t("calendars.default")}</span>}
              </td>
              <td className="num">{t("calendars.days", { count: c.dueDays })}</td>
              <td className="num">{t("calendars.days", { count: c.graceDays })}</td>
              <td>
                <Link href={`/admin/calendars/${c.code}`} aria-label={t("calendars.editLink", { province: localName(locale, c) })}>
                  {t("common.edit")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
