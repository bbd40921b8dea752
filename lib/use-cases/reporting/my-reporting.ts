import "server-only";
import { z } from "zod";
import { getCalendar } from "@/db/calendars";
import { listCentresInScope } from "@/db/centres";
import { myOpenUpdates, updateStatusesFor } from "@/db/updates";
import { chinaToday } from "@/lib/domain/china-time";
import { readableScope } from "@/lib/domain/permissions";
import { endedPeriods, periodContaining, periodStanding, reportingFrom, type Calendar } from "@/lib/domain/periods";
import { env } from "@/lib/env";
import { defineQuery } from "../define";

const PERIODS_SHOWN = 4;

/**
 * "My centres": each centre of the reader's scope with its recent periods (the current one, which can be
 * drafted early, and the last ended ones) and their standing (due, overdue, in review, done), and the
 * updates this reader started or submitted that wait on them (drafts, returned).
 */
export const myReporting = defineQuery({
  name: "reporting.myUpdates",
  input: z.object({}),
  load: () => ({}),
  // Everything listed is the reader's own scope or their own updates.
  province: () => null,
  run: ({ db, actor }) => {
    const today = chinaToday();
    const centres = listCentresInScope(db, readableScope(actor));
    const calendars = new Map<string, Calendar>();
    for (const c of centres) if (!calendars.has(c.provinceCode)) calendars.set(c.provinceCode, getCalendar(db, c.provinceCode));
    const periodsOf = (c: (typeof centres)[number]) => {
      const calendar = calendars.get(c.provinceCode)!;
      return [periodContaining(today, calendar.cadence), ...endedPeriods(reportingFrom(c.startDate, env.REPORTING_START), today, calendar.cadence, PERIODS_SHOWN - 1)];
    };
    const allPeriodCodes = [...new Set(centres.flatMap((c) => periodsOf(c).map((p) => p.code)))];
    const statuses = new Map(updateStatusesFor(db, centres.map((c) => c.id), allPeriodCodes).map((u) => [`${u.centreId}:${u.period}`, u.status]));
    return {
      mine: myOpenUpdates(db, actor.id),
      centres: centres.map((c) => ({
        id: c.id,
        name: c.name,
        periods: periodsOf(c).map((p) => ({ code: p.code, standing: periodStanding(p, calendars.get(c.provinceCode)!, statuses.get(`${c.id}:${p.code}`), today) })),
      })),
    };
  },
});
