import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCalendar } from "@/db/calendars";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanImport } from "@/lib/auth/guards";
import { chinaToday } from "@/lib/domain/china-time";
import { periodContaining, periodLabel, previousPeriod, type Cadence, type Period } from "@/lib/domain/periods";
import { CADENCES } from "@/lib/domain/vocabulary";
import { localeOrDefault } from "@/lib/i18n/locale";
import { ImportForm } from "./_components/import-form";

export async function generateMetadata() {
  return { title: (await getTranslations("import"))("title") };
}

/** The current period and the eight before it, for each cadence the user reports in. */
function periodChoices(cadences: readonly Cadence[], today: string, locale: "zh" | "en") {
  const choices: { code: string; label: string; end: string }[] = [];
  for (const cadence of cadences) {
    let period: Period = periodContaining(today, cadence);
    for (let i = 0; i < 9; i++, period = previousPeriod(period)) choices.push({ code: period.code, label: periodLabel(period.code, locale), end: period.end });
  }
  return choices.sort((a, b) => b.end.localeCompare(a.end) || a.code.localeCompare(b.code));
}

/** Staff import into their province, administrators anywhere; reviewers only read. */
export default async function ImportPage() {
  const user = await requireUser();
  assertCanImport(user, "/import");
  const t = await getTranslations("import");
  const locale = localeOrDefault(await getLocale());
  const today = chinaToday();
  const cadences = user.provinceCode ? [getCalendar(getDb(), user.provinceCode).cadence] : CADENCES;
  const periods = periodChoices(cadences, today, locale);
  // The latest period that has ended: the one being reported now.
  const defaultPeriod = periods.find((p) => p.end < today)?.code ?? periods[0]!.code;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ImportForm periods={periods.map(({ code, label }) => ({ code, label }))} defaultPeriod={defaultPeriod} />
    </>
  );
}
