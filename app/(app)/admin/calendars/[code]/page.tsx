import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCalendarSetting } from "@/db/calendars";
import { getProvince } from "@/db/provinces";
import { requireUser } from "@/lib/auth/current-user";
import { assertAdmin } from "@/lib/auth/guards";
import { addDays, dueDate, parsePeriod, periodLabel } from "@/lib/domain/periods";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { CalendarForm } from "../_components/calendar-form";

type Props = { params: Promise<{ code: string }> };

// A fixed example period of each cadence, so the admin sees what the numbers mean in dates.
const EXAMPLE_PERIODS = { quarterly: "2026-Q3", monthly: "2026-09" } as const;

export default async function EditCalendarPage({ params }: Props) {
  const user = await requireUser();
  assertAdmin(user, "/admin/calendars/[code]");
  const db = getDb();
  const province = getProvince(db, (await params).code);
  if (!province) notFound();
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const calendar = getCalendarSetting(db, province.code);
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
