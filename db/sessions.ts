import { and, eq, gt, lte, ne } from "drizzle-orm";
import type { Tx } from "./audit";
import { randomBytes } from "node:crypto";
import type { Db } from "./client";
import { sessions, users } from "./schema";
import { writeTransaction } from "./transaction";

export function createSession(db: Db, userId: string, maxAgeMs: number, now = new Date()): string {
  const id = randomBytes(32).toString("base64url");
  writeTransaction(db, (tx) => {
    // Expired rows are only garbage; clearing the user's own at sign-in keeps the table small.
    tx.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now.toISOString()))).run();
    tx.insert(sessions)
      .values({ id, userId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + maxAgeMs).toISOString() })
      .run();
  });
  return id;
}

/**
 * The user behind a live session, or undefined when the session was ended, has expired,
 * or its account is deactivated. Runs on every authenticated request.
 */
export function findSessionUser(db: Db, sessionId: string, now = new Date()) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      provinceCode: users.provinceCode,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now.toISOString()), eq(users.active, true)))
    .get();
}

export function deleteSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of the user but the one making the request: after a password change, a stolen session dies. */
export function deleteOtherSessions(db: Db | Tx, userId: string, keepSessionId: string): void {
  db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))).run();
}
