import "server-only";
import { and, asc, eq, gt, isNotNull, lte, ne, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "./client";
import { sessions, users, userTwoFactor } from "./schema";
import { writeTransaction, type DbOrTx } from "./transaction";

/** last_seen_at is rewritten only when older than this: the idle timeout needs no write per request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface SessionTimeouts {
  /** No request for this long ends the session (SESSION_IDLE_MINUTES). */
  idleMs: number;
}

export function createSession(
  db: Db,
  userId: string,
  maxAgeMs: number,
  { now = new Date(), address = "unknown" }: { now?: Date; address?: string } = {},
): string {
  const id = randomBytes(32).toString("base64url");
  writeTransaction(db, (tx) => {
    // Expired rows are only garbage; clearing the user's own at sign-in keeps the table small.
    tx.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, now.toISOString()))).run();
    const user = tx.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new Error(`createSession: no user ${userId}`);
    tx.insert(sessions)
      .values({
        id,
        userId,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + maxAgeMs).toISOString(),
        sessionVersion: user.sessionVersion,
        lastSeenAt: now.toISOString(),
        address,
      })
      .run();
  });
  return id;
}

/** A session is live before its absolute expiry, within the idle timeout, at the user's current session version, for an active user. */
function liveSession(now: Date, { idleMs }: SessionTimeouts) {
  return and(
    gt(sessions.expiresAt, now.toISOString()),
    gt(sessions.lastSeenAt, new Date(now.getTime() - idleMs).toISOString()),
    eq(sessions.sessionVersion, users.sessionVersion),
    eq(users.active, true),
  );
}

/**
 * The user behind a live session, or undefined when the session was ended, has expired or idled out,
 * was revoked by a newer session version, or its account is deactivated. Role and province come from
 * the users row, never the token. Runs on every authenticated request; marks the session seen at most
 * once a minute.
 */
export function findSessionUser(db: Db, sessionId: string, timeouts: SessionTimeouts, now = new Date()) {
  const row = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      provinceCode: users.provinceCode,
      locale: users.locale,
      lastSeenAt: sessions.lastSeenAt,
      // Whether the user has a confirmed authenticator: a role that requires one reaches nothing else without it.
      twoFactorEnabled: isNotNull(userTwoFactor.enabledAt).mapWith(Boolean),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userTwoFactor, eq(userTwoFactor.userId, users.id))
    .where(and(eq(sessions.id, sessionId), liveSession(now, timeouts)))
    .get();
  if (!row) return undefined;
  const { lastSeenAt, ...user } = row;
  if (now.getTime() - new Date(lastSeenAt).getTime() >= LAST_SEEN_RESOLUTION_MS) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run();
  }
  return user;
}

/** The user's live sessions, oldest first, for the sessions page. */
export function listUserSessions(db: Db, userId: string, timeouts: SessionTimeouts, now = new Date()) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, address: sessions.address })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.userId, userId), liveSession(now, timeouts)))
    .orderBy(asc(sessions.createdAt))
    .all();
}

export function deleteSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/**
 * Ends every session of the user at once by raising their session version, then drops the dead rows.
 * With `keepSessionId`, that one session moves to the new version and stays signed in (sign out
 * elsewhere, a password change). Call inside the transaction that makes the change, if there is one.
 */
export function revokeSessions(db: DbOrTx, userId: string, keepSessionId?: string): void {
  const bumped = db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion })
    .get();
  if (!bumped) return;
  if (keepSessionId) {
    // Only a session live at the old version moves up: a revoked one must stay dead.
    db.update(sessions)
      .set({ sessionVersion: bumped.sessionVersion })
      .where(and(eq(sessions.id, keepSessionId), eq(sessions.userId, userId), eq(sessions.sessionVersion, bumped.sessionVersion - 1)))
      .run();
    db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))).run();
  } else {
    db.delete(sessions).where(eq(sessions.userId, userId)).run();
  }
}
