import "server-only";
import { and, desc, eq, isNull, or, count } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import type { Tx } from "./audit";
import type { DbOrTx } from "./transaction";
import { centres, notifications, updates, users } from "./schema";

export type NotificationKind = (typeof notifications.$inferInsert)["kind"];

/** Active reviewers whose scope covers the province: its own and the national ones. */
export function reviewerIdsFor(tx: Tx | Db, provinceCode: string): string[] {
  return tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "reviewer"), eq(users.active, true), or(eq(users.provinceCode, provinceCode), isNull(users.provinceCode))))
    .all()
    .map((r) => r.id);
}

/** Written in the transaction of the change it reports. The actor is never notified of their own act. */
export function notify(
  tx: Tx | Db,
  recipients: readonly (string | null)[],
  kind: NotificationKind,
  updateId: string,
  actorId: string,
  reason: string | null = null,
): void {
  const createdAt = new Date().toISOString();
  for (const userId of new Set(recipients)) {
    if (!userId || userId === actorId) continue;
    tx.insert(notifications).values({ id: randomUUID(), userId, kind, updateId, actorId, reason, createdAt }).run();
  }
}

export function listNotifications(db: Db, userId: string, limit = 50) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      period: updates.period,
      centreId: centres.id,
      centreName: centres.name,
      actorName: users.name,
      reason: notifications.reason,
    })
    .from(notifications)
    .innerJoin(updates, eq(updates.id, notifications.updateId))
    .innerJoin(centres, eq(centres.id, updates.centreId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
    .all();
}

export function unreadCount(db: Db, userId: string): number {
  return db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .get()!.n;
}

/** Marks the user's unread notifications read; returns how many. */
export function markRead(db: DbOrTx, userId: string): number {
  return db.update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes;
}
