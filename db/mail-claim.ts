import "server-only";
import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { centres, mailOutbox, reminders, users } from "./schema";
import { nextAttemptAt } from "@/lib/domain/mail-delivery";
import { isForPerson, reminderProvince } from "@/lib/domain/reminders";
import { writeTransaction } from "./transaction";

/**
 * A claimed message is left alone by other runs for this long; a run that died mid-send frees it after it.
 * One message is claimed at a time, just before it is sent, so the claim only has to outlast one SMTP
 * attempt (whose timeouts, lib/mail/transport.ts, add up to well under this).
 */
export const CLAIM_MS = 10 * 60_000;

export interface ClaimedMail {
  id: string;
  claimToken: string;
  toAddress: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Claims the next message due at `now` under a fresh token, or returns undefined when none is due. A message
 * whose recipient was deactivated since it was queued, or for whom one of its reminders no longer is (moved
 * province or role), is not sent: it is marked failed with the reason, for administrators to see.
 */
export function claimNextMail(db: Db, now: Date): ClaimedMail | undefined {
  const at = now.toISOString();
  return writeTransaction(
    db,
    (tx) => {
      for (;;) {
        const row = tx
          .select({ id: mailOutbox.id, userId: mailOutbox.userId, toAddress: mailOutbox.toAddress, subject: mailOutbox.subject, body: mailOutbox.body, attempts: mailOutbox.attempts })
          .from(mailOutbox)
          .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, at), or(isNull(mailOutbox.claimedUntil), lte(mailOutbox.claimedUntil, at))))
          .orderBy(asc(mailOutbox.nextAttemptAt))
          .limit(1)
          .get();
        if (!row) return undefined;
        const reason = recipientProblem(tx, row.id, row.userId);
        if (reason !== null) {
          tx.update(mailOutbox).set({ status: "failed", claimedUntil: null, claimToken: null, lastError: reason }).where(eq(mailOutbox.id, row.id)).run();
          continue;
        }
        const claimToken = randomUUID();
        const claimedUntil = new Date(now.getTime() + CLAIM_MS).toISOString();
        tx.update(mailOutbox).set({ claimedUntil, claimToken }).where(eq(mailOutbox.id, row.id)).run();
        const { userId: _userId, ...message } = row;
        return { ...message, claimToken };
      }
    },
  );
}

function recipientProblem(tx: Pick<Db, "select">, outboxId: string, userId: string): string | null {
  const person = tx.select({ active: users.active, role: users.role, provinceCode: users.provinceCode }).from(users).where(eq(users.id, userId)).get();
  if (!person?.active) return "recipient deactivated";
  const items = tx
    .select({ category: reminders.category, params: reminders.params, centreProvince: centres.provinceCode })
    .from(reminders)
    .leftJoin(centres, eq(centres.id, reminders.centreId))
    .where(eq(reminders.outboxId, outboxId))
    .all();
  return items.every((item) => isForPerson(person, item.category, reminderProvince(item))) ? null : "recipient no longer responsible (moved province or role)";
}

/** Records a send, only if this claim still holds the message; false when another run took it over. */
export function recordMailSent(db: Db, claim: Pick<ClaimedMail, "id" | "claimToken">, attempts: number, now: Date): boolean {
  const result = db
    .update(mailOutbox)
    .set({ status: "sent", attempts, sentAt: now.toISOString(), claimedUntil: null, claimToken: null, lastError: null })
    .where(and(eq(mailOutbox.id, claim.id), eq(mailOutbox.claimToken, claim.claimToken), eq(mailOutbox.status, "pending")))
    .run();
  return result.changes > 0;
}

/**
 * After a failed attempt: try again later with backoff, or give up as `failed` (shown to administrators).
 * Ignored ("lost") when this claim no longer holds the message, so a late failure cannot reopen a message
 * another run has sent since.
 */
export function recordMailFailure(db: Db, claim: Pick<ClaimedMail, "id" | "claimToken">, attempts: number, error: string, now: Date): "retry" | "failed" | "lost" {
  const next = nextAttemptAt(attempts, now);
  const result = db
    .update(mailOutbox)
    .set({ status: next === null ? "failed" : "pending", attempts, nextAttemptAt: next ?? now.toISOString(), claimedUntil: null, claimToken: null, lastError: error.slice(0, 1000) })
    .where(and(eq(mailOutbox.id, claim.id), eq(mailOutbox.claimToken, claim.claimToken), eq(mailOutbox.status, "pending")))
    .run();
  if (result.changes === 0) return "lost";
  return next === null ? "failed" : "retry";
}
