import "server-only";
import { z } from "zod";
import { getCalendar } from "@/db/calendars";
import { chinaToday } from "@/lib/domain/china-time";
import { periodContaining, periodLabel, previousPeriod, type Cadence, type Period } from "@/lib/domain/periods";
import { CADENCES, LOCALES } from "@/lib/domain/vocabulary";
import { defineQuery } from "../define";

/** The current period and the eight before it, for each cadence the user reports in, newest first. */
function periodChoices(cadences: readonly Cadence[], today: string, locale: (typeof LOCALES)[number]) {
  const choices: { code: string; label: string; end: string }[] = [];
  for (const cadence of cadences) {
    let period: Period = periodContaining(today, cadence);
    for (let i = 0; i < 9; i++, period = previousPeriod(period)) choices.push({ code: period.code, label: periodLabel(period.code, locale), end: period.end });
  }
  return choices.sort((a, b) => b.end.localeCompare(a.end) || a.code.localeCompare(b.code));
}

/** The import form: staff import into their province (in its calendar's cadence), administrators anywhere. */
export const importPage = defineQuery({
  name: "import.page",
  input: z.object({ locale: z.enum(LOCALES) }),
  load: () => ({}),
  province: () => null,
  run: ({ db, actor, input }) => {
    const today = chinaToday();
    const cadences = actor.provinceCode ? [getCalendar(db, actor.provinceCode).cadence] : CADENCES;
    const periods = periodChoices(cadences, today, input.locale);
    // The latest period that has ended: the one being reported now.
    const defaultPeriod = periods.find((p) => p.end < today)?.code ?? periods[0]!.code;
    return { periods: periods.map(({ code, label }) => ({ code, label })), defaultPeriod };
  },
});
