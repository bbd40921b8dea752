import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { addDays, dueDate, parsePeriod, periodLabel } from "@/lib/domain/periods";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { calendarForm } from "@/lib/use-cases/admin/calendar-form";
import { CalendarForm } from "../_components/calendar-form";

type Props = { params: Promise<{ code: string }> };

// A fixed example period of each cadence, so the admin sees what the numbers mean in dates.
const EXAMPLE_PERIODS = { quarterly: "2026-Q3", monthly: "2026-09" } as const;

export default async function EditCalendarPage({ params }: Props) {
  const { province, calendar } = await pageData("/admin/calendars/[code]", calendarForm, { code: (await params).code });
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const period = parsePeriod(EXAMPLE_PERIODS[calendar.cadence])!;
  const due = dueDate(period, calendar);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/calendars">{t("calendars.title")}</Link> /
      </p>
      <h1>{t("calendars.editTitle", { province: localName(locale, province) })}</h1>
      {calendar.isDefault && <p className="lead">{t("calendars.usesDefault")}</p>}
      <CalendarForm
        initial={{ provinceCode: province.code, version: calendar.version, cadence: calendar.cadence, dueDays: calendar.dueDays, graceDays: calendar.graceDays }}
      />
      <p className="lead" data-testid="calendar-example">
        {t("calendars.example", { period: periodLabel(period.code, locale), due, graceEnd: addDays(due, calendar.graceDays) })}
      </p>
    </>
  );
}
