import "server-only";
import { asc, count, eq, inArray, ne } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit, type AuditActor } from "./audit";
import { getPreference } from "./reminders";
import { centres, mailOutbox, reminders, users } from "./schema";
import { chinaToday } from "@/lib/domain/china-time";
import { digestDue } from "@/lib/domain/mail-delivery";
import { isForPerson, reminderProvince } from "@/lib/domain/reminders";
import { NotFoundError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/domain/vocabulary";
import { writeTransaction, type DbOrTx } from "./transaction";

export interface MailItem {
  centreId: string | null;
  category: (typeof reminders.$inferSelect)["category"];
  centreName: string | null;
  period: string | null;
  flagKey: string | null;
  params: Record<string, string | number>;
}
export interface Recipient {
  name: string;
  locale: Locale;
}
export type RenderMail = (recipient: Recipient, items: readonly MailItem[], digestDay: string | null) => { subject: string; body: string };

/**
 * Turns reminders waiting for mail into outbox messages, in one transaction: one message per reminder
 * for people who chose immediate mail; for digest readers, once `digestHour` (Beijing) has passed, one
 * message per person and Beijing day holding everything waiting (the unique index makes a second digest
 * that day impossible). Reminders of deactivated accounts, or no longer for their person (moved province or
 * role), are not mailed. Returns the messages created.
 */
export function queueMail(db: Db, now: Date, digestHour: number, render: RenderMail): number {
  const createdAt = now.toISOString();
  const day = chinaToday(now);
  return writeTransaction(
    db,
    (tx) => {
      const waiting = tx
        .select({
          id: reminders.id,
          userId: reminders.userId,
          email: users.email,
          name: users.name,
          locale: users.locale,
          active: users.active,
          role: users.role,
          userProvince: users.provinceCode,
          category: reminders.category,
          centreId: reminders.centreId,
          centreName: centres.name,
          centreProvince: centres.provinceCode,
          period: reminders.period,
          flagKey: reminders.flagKey,
          params: reminders.params,
        })
        .from(reminders)
        .innerJoin(users, eq(users.id, reminders.userId))
        .leftJoin(centres, eq(centres.id, reminders.centreId))
        .where(eq(reminders.emailStatus, "pending"))
        .orderBy(asc(reminders.userId), asc(reminders.createdAt), asc(reminders.eventKey))
        .all();
      // Reminders recorded before their person was deactivated, moved or given another role are not theirs to mail any more.
      const stale = waiting.filter((row) => !row.active || !isForPerson({ role: row.role, provinceCode: row.userProvince }, row.category, reminderProvince(row)));
      if (stale.length > 0) tx.update(reminders).set({ emailStatus: "skipped" }).where(inArray(reminders.id, stale.map((r) => r.id))).run();
      const staleIds = new Set(stale.map((r) => r.id));
      const byUser = new Map<string, typeof waiting>();
      for (const row of waiting) if (!staleIds.has(row.id)) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);

      let queued = 0;
      const enqueue = (rows: typeof waiting, digestDay: string | null) => {
        const first = rows[0]!;
        const { subject, body } = render({ name: first.name, locale: first.locale }, rows, digestDay);
        const id = randomUUID();
        const base = { id, userId: first.userId, toAddress: first.email, subject, body, status: "pending" as const, nextAttemptAt: createdAt, createdAt };
        const inserted = tx
          .insert(mailOutbox)
          .values({ ...base, kind: digestDay === null ? "immediate" : "digest", digestDay })
          .onConflictDoNothing()
          .run();
        if (inserted.changes === 0) return;
        tx.update(reminders).set({ emailStatus: "queued", outboxId: id }).where(inArray(reminders.id, rows.map((r) => r.id))).run();
        queued += 1;
      };
      for (const [userId, rows] of byUser) {
        if (getPreference(tx, userId).mode === "immediate") for (const row of rows) enqueue([row], null);
        else if (digestDue(now, digestHour)) enqueue(rows, day);
      }
      return queued;
    },
  );
}

/** The administrators' view: counts by status and every message not yet sent, oldest first. */
export function listUnsentMail(db: Db, limit = 200) {
  const counts = Object.fromEntries(
    db.select({ status: mailOutbox.status, n: count() }).from(mailOutbox).groupBy(mailOutbox.status).all().map((r) => [r.status, r.n]),
  ) as Partial<Record<"pending" | "sent" | "failed", number>>;
  const rows = db
    .select({
      id: mailOutbox.id,
      toAddress: mailOutbox.toAddress,
      kind: mailOutbox.kind,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(ne(mailOutbox.status, "sent"))
    .orderBy(asc(mailOutbox.status), asc(mailOutbox.createdAt))
    .limit(limit)
    .all();
  return { counts, rows };
}

/** An administrator sends a failed message once more, now; audited. Only failed messages can be retried. */
export function retryFailedMail(db: DbOrTx, id: string, actor: AuditActor): void {
  writeTransaction(db, (tx) => {
    const row = tx.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, id)).get();
    if (row?.status !== "failed") throw new NotFoundError();
    const nextAttemptAt = new Date().toISOString();
    tx.update(mailOutbox).set({ status: "pending", nextAttemptAt }).where(eq(mailOutbox.id, id)).run();
    writeAudit(tx, { actor, entity: "mail", entityId: id, action: "update", before: { status: "failed" }, after: { status: "pending", nextAttemptAt } });
  });
}
