import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit } from "./audit";
import { computeEngine } from "./engine";
import { centres, notificationPreferences, planTargets, provinces, redFlagNotices, reminders, reportingCalendars, updates, users } from "./schema";
import { DEFAULT_PREFERENCE, wantsEmail, type DeliveryPreference } from "@/lib/domain/mail-delivery";
import { chinaToday } from "@/lib/domain/china-time";
import { DEFAULT_CALENDAR, daysBetween, type Calendar, type UpdateStatus } from "@/lib/domain/periods";
import { MAIL_RECENT_DAYS, redFlagChanges, type RedFlag, type Reminder, type ReminderCentre, type ReminderInput } from "@/lib/domain/reminders";
import { flagState, isSuppressed } from "@/lib/domain/risk/flag-review";
import type { RiskFlag, RiskSubjectKind } from "@/lib/domain/risk/types";
import { writeTransaction, type DbOrTx } from "./transaction";

/**
 * What the reminder rules read on `today`: every centre with its updates' statuses, the calendars,
 * returned updates, active accounts, and the red flags (not dismissed) that were not red at the last run.
 */
export function loadReminderInput(db: Db, today: string, reportingStart: string): ReminderInput & { cleared: string[] } {
  const calendars = new Map<string, Calendar>(
    db
      .select({ code: reportingCalendars.provinceCode, cadence: reportingCalendars.cadence, dueDays: reportingCalendars.dueDays, graceDays: reportingCalendars.graceDays })
      .from(reportingCalendars)
      .all()
      .map(({ code, ...calendar }) => [code, calendar]),
  );
  const statuses = new Map<string, Map<string, UpdateStatus>>();
  const updateRows = db
    .select({ id: updates.id, centreId: updates.centreId, period: updates.period, status: updates.status, submittedBy: updates.submittedBy, returnedAt: updates.returnedAt })
    .from(updates)
    .all();
  for (const u of updateRows) {
    let byPeriod = statuses.get(u.centreId);
    if (!byPeriod) statuses.set(u.centreId, (byPeriod = new Map()));
    byPeriod.set(u.period, u.status);
  }
  const centreRows: ReminderCentre[] = db
    .select({ id: centres.id, provinceCode: centres.provinceCode, startDate: centres.startDate })
    .from(centres)
    .all()
    .map((c) => ({ ...c, updates: statuses.get(c.id) ?? new Map() }));

  // One full pass in-process, as before the read model: reminders run from a script or a daily schedule.
  const engine = computeEngine(db, today, reportingStart);
  const currentRed: { key: string; provinceCode: string; flag: RiskFlag }[] = [];
  for (const [provinceCode, flags] of engine.flagsByProvince) {
    for (const flag of flags) {
      if (flag.severity === "red" && !isSuppressed(flagState(flag, engine.reviews.get(flag.key), today))) currentRed.push({ key: flag.key, provinceCode, flag });
    }
  }
  const known = new Set(db.select({ key: redFlagNotices.flagKey }).from(redFlagNotices).all().map((r) => r.key));
  const changes = redFlagChanges(currentRed, known);
  const subjectOf = subjectNamer(db, changes.turnedRed.map((r) => r.flag));
  const turnedRed: RedFlag[] = changes.turnedRed.map(({ key, provinceCode, flag }) => ({ key, provinceCode, code: flag.code, subject: subjectOf(flag), explanation: flag.explanation }));

  return {
    today,
    reportingStart,
    calendarOf: (code) => calendars.get(code) ?? DEFAULT_CALENDAR,
    centres: centreRows,
    returned: updateRows
      .filter((u) => u.status === "returned" && u.returnedAt !== null)
      .map((u) => ({ updateId: u.id, centreId: u.centreId, period: u.period, submittedBy: u.submittedBy, returnedAt: u.returnedAt! })),
    turnedRed,
    cleared: changes.cleared,
    people: db.select({ id: users.id, role: users.role, provinceCode: users.provinceCode }).from(users).where(eq(users.active, true)).all(),
  };
}

/** Names of what flags are about, for their messages: centres and targets by their (Chinese) names, provinces in both languages. */
function subjectNamer(db: Db, flags: readonly RiskFlag[]): (flag: RiskFlag) => { zh: string; en: string } {
  const ids = (kinds: readonly RiskSubjectKind[]) => [...new Set(flags.filter((f) => kinds.includes(f.subject.kind)).flatMap((f) => f.subject.ids))];
  const centreIds = ids(["centre", "centre_pair"]);
  const targetIds = ids(["target"]);
  const provinceCodes = ids(["province"]);
  const names = new Map<string, { zh: string; en: string }>();
  if (centreIds.length > 0) for (const c of db.select({ id: centres.id, name: centres.name }).from(centres).where(inArray(centres.id, centreIds)).all()) names.set(c.id, { zh: c.name, en: c.name });
  if (targetIds.length > 0) for (const t of db.select({ id: planTargets.id, title: planTargets.title }).from(planTargets).where(inArray(planTargets.id, targetIds)).all()) names.set(t.id, { zh: t.title, en: t.title });
  if (provinceCodes.length > 0) for (const p of db.select({ code: provinces.code, zh: provinces.nameZh, en: provinces.nameEn }).from(provinces).where(inArray(provinces.code, provinceCodes)).all()) names.set(p.code, { zh: p.zh, en: p.en });
  return (flag) => {
    const named = flag.subject.ids.map((id) => names.get(id) ?? { zh: id, en: id });
    return { zh: named.map((n) => n.zh).join("、"), en: named.map((n) => n.en).join(", ") };
  };
}

export function getPreference(db: Pick<Db, "select">, userId: string): DeliveryPreference {
  const row = db.select({ mode: notificationPreferences.mode, muted: notificationPreferences.muted }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).get();
  return row ?? DEFAULT_PREFERENCE;
}

/** A person's own mail settings, audited with what they were before. */
export function setPreference(db: DbOrTx, userId: string, preference: DeliveryPreference): void {
  const after = { mode: preference.mode, muted: [...preference.muted] };
  writeTransaction(db, (tx) => {
    const before = getPreference(tx, userId);
    tx.insert(notificationPreferences).values({ userId, ...after }).onConflictDoUpdate({ target: notificationPreferences.userId, set: after }).run();
    writeAudit(tx, { actor: { userId }, entity: "notification_preference", entityId: userId, action: "update", before, after });
  });
}

/** (person, event) pairs already recorded among `list`, read before the write so a run that adds nothing takes no write lock for long. */
function recordedKeys(db: Db, list: readonly Reminder[]): Set<string> {
  const keys = new Set<string>();
  const chunks = (values: Iterable<string>) => {
    const all = [...new Set(values)];
    return Array.from({ length: Math.ceil(all.length / 500) }, (_, i) => all.slice(i * 500, i * 500 + 500));
  };
  // Both columns constrained, so the lookup walks the (user, event) unique index instead of the table.
  for (const userIds of chunks(list.map((r) => r.userId))) {
    for (const eventKeys of chunks(list.map((r) => r.eventKey))) {
      const rows = db
        .select({ userId: reminders.userId, eventKey: reminders.eventKey })
        .from(reminders)
        .where(and(inArray(reminders.userId, userIds), inArray(reminders.eventKey, eventKeys)))
        .all();
      for (const row of rows) keys.add(`${row.userId}|${row.eventKey}`);
    }
  }
  return keys;
}

/**
 * Records the reminders in one transaction: a (person, event) already recorded is skipped (read first, and
 * by the unique index for a run racing this one), so a second run adds nothing. Each new row waits for mail
 * only when mail is configured, the person has not muted its category and its stage was reached within
 * MAIL_RECENT_DAYS; older ones are in the app only. The red flags seen are remembered. Returns how many
 * reminders were new.
 */
export function recordReminders(db: Db, list: readonly Reminder[], red: { turnedRed: readonly RedFlag[]; cleared: readonly string[] }, now: Date, mailEnabled: boolean): number {
  const createdAt = now.toISOString();
  const today = chinaToday(now);
  const known = recordedKeys(db, list);
  const fresh = list.filter((r) => !known.has(`${r.userId}|${r.eventKey}`));
  if (fresh.length === 0 && red.turnedRed.length === 0 && red.cleared.length === 0) return 0;
  return writeTransaction(
    db,
    (tx) => {
      let added = 0;
      const preferences = new Map<string, DeliveryPreference>();
      for (const { reachedOn, ...r } of fresh) {
        let preference = preferences.get(r.userId);
        if (!preference) preferences.set(r.userId, (preference = getPreference(tx, r.userId)));
        const recent = daysBetween(reachedOn, today) <= MAIL_RECENT_DAYS;
        const emailStatus = mailEnabled && recent && wantsEmail(preference, r.category) ? "pending" : "skipped";
        const result = tx
          .insert(reminders)
          .values({ id: randomUUID(), ...r, createdAt, emailStatus })
          .onConflictDoNothing({ target: [reminders.userId, reminders.eventKey] })
          .run();
        added += result.changes;
      }
      for (const flag of red.turnedRed) tx.insert(redFlagNotices).values({ flagKey: flag.key, since: createdAt }).onConflictDoNothing().run();
      if (red.cleared.length > 0) tx.delete(redFlagNotices).where(inArray(redFlagNotices.flagKey, [...red.cleared])).run();
      return added;
    },
  );
}

/** The signed-in user's reminders for the notifications page, newest first. */
export function listReminders(db: Db, userId: string, limit = 50) {
  return db
    .select({
      id: reminders.id,
      category: reminders.category,
      centreId: reminders.centreId,
      centreName: centres.name,
      period: reminders.period,
      flagKey: reminders.flagKey,
      params: reminders.params,
      createdAt: reminders.createdAt,
      readAt: reminders.readAt,
    })
    .from(reminders)
    .leftJoin(centres, eq(centres.id, reminders.centreId))
    .where(eq(reminders.userId, userId))
    .orderBy(desc(reminders.createdAt))
    .limit(limit)
    .all();
}

export function unreadReminderCount(db: Db, userId: string): number {
  return db.select({ n: count() }).from(reminders).where(and(eq(reminders.userId, userId), isNull(reminders.readAt))).get()!.n;
}

/** Marks the user's unread reminders read; returns how many. */
export function markRemindersRead(db: DbOrTx, userId: string): number {
  return db.update(reminders).set({ readAt: new Date().toISOString() }).where(and(eq(reminders.userId, userId), isNull(reminders.readAt))).run().changes;
}
