import { and, eq, gt, isNotNull, lte, ne } from "drizzle-orm";
import type { Tx } from "./audit";
import { randomBytes } from "node:crypto";
import type { Db } from "./client";
import { sessions, users, userTwoFactor } from "./schema";

export function createSession(db: Db, userId: string, maxAgeMs: number, now = new Date()): string {
  const id = randomBytes(32).toString("base64url");
  db.transaction((tx) => {
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
      // Whether the user has a confirmed authenticator: a role that requires one reaches nothing else without it.
      twoFactorEnabled: isNotNull(userTwoFactor.enabledAt).mapWith(Boolean),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userTwoFactor, eq(userTwoFactor.userId, users.id))
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
