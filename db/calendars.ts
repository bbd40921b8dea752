import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { writeAudit, type AuditActor } from "./audit";
import { provinces, reportingCalendars } from "./schema";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import { DEFAULT_CALENDAR, type Calendar } from "@/lib/domain/periods";
import { writeTransaction, type DbOrTx } from "./transaction";

/** A province's calendar as an admin edits it: version 0 and `isDefault` while no row is stored. */
export interface CalendarSetting extends Calendar {
  version: number;
  isDefault: boolean;
}

const calendarColumns = {
  cadence: reportingCalendars.cadence,
  dueDays: reportingCalendars.dueDays,
  graceDays: reportingCalendars.graceDays,
  version: reportingCalendars.version,
};

function settingOf(row: { cadence: Calendar["cadence"]; dueDays: number; graceDays: number; version: number } | undefined): CalendarSetting {
  return row ? { ...row, isDefault: false } : { ...DEFAULT_CALENDAR, version: 0, isDefault: true };
}

export function getCalendarSetting(db: DbOrTx, provinceCode: string): CalendarSetting {
  return settingOf(db.select(calendarColumns).from(reportingCalendars).where(eq(reportingCalendars.provinceCode, provinceCode)).get());
}

/** The calendar the reporting rules use: the stored one, else DEFAULT_CALENDAR. */
export function getCalendar(db: DbOrTx, provinceCode: string): Calendar {
  const { cadence, dueDays, graceDays } = getCalendarSetting(db, provinceCode);
  return { cadence, dueDays, graceDays };
}

/** All 34 divisions in code order, each with its calendar (the default where none is stored). */
export function listCalendars(db: Db) {
  return db
    .select({ code: provinces.code, nameZh: provinces.nameZh, nameEn: provinces.nameEn, ...calendarColumns })
    .from(provinces)
    .leftJoin(reportingCalendars, eq(reportingCalendars.provinceCode, provinces.code))
    .orderBy(asc(provinces.code))
    .all()
    .map(({ code, nameZh, nameEn, cadence, dueDays, graceDays, version }) => ({
      code,
      nameZh,
      nameEn,
      ...settingOf(cadence === null || dueDays === null || graceDays === null || version === null ? undefined : { cadence, dueDays, graceDays, version }),
    }));
}

/**
 * Saves a province's calendar if nobody changed it since `version` was read: version 0 means
 * "was the default", so the first save inserts the row and a concurrent first save is refused.
 */
export function setCalendar(db: DbOrTx, provinceCode: string, version: number, calendar: Calendar, actor: AuditActor): void {
  writeTransaction(db, (tx) => {
    if (!tx.select({ code: provinces.code }).from(provinces).where(eq(provinces.code, provinceCode)).get()) throw new NotFoundError();
    const before = tx.select(calendarColumns).from(reportingCalendars).where(eq(reportingCalendars.provinceCode, provinceCode)).get();
    const stored = settingOf(before);
    if (stored.version !== version) {
      throw new ConflictError({ cadence: stored.cadence, dueDays: String(stored.dueDays), graceDays: String(stored.graceDays) });
    }
    const after = { cadence: calendar.cadence, dueDays: calendar.dueDays, graceDays: calendar.graceDays, version: version + 1 };
    if (!before) {
      tx.insert(reportingCalendars).values({ provinceCode, ...after }).run();
      writeAudit(tx, { actor, entity: "reporting_calendar", entityId: provinceCode, action: "create", after });
      return;
    }
    tx.update(reportingCalendars)
      .set(after)
      .where(and(eq(reportingCalendars.provinceCode, provinceCode), eq(reportingCalendars.version, version)))
      .run();
    writeAudit(tx, { actor, entity: "reporting_calendar", entityId: provinceCode, action: "update", before, after });
  });
}
