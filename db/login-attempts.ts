import "server-only";
import { and, desc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Db } from "./client";
import { loginAttempts } from "./schema";
import { decideLogin, FAILED_OUTCOMES, THROTTLE, type LoginOutcome, type ThrottleDecision } from "@/lib/auth/throttle";
import { writeTransaction } from "./transaction";

/** Attempts older than this are deleted as new ones arrive. */
export const LOGIN_ATTEMPT_RETENTION_MS = 30 * 24 * 3600_000;

export interface AttemptStart {
  email: string;
  address: string;
  now: Date;
  addressMaxFailures: number;
}

/**
 * Decides and records in one immediate transaction (no await inside), so concurrent sign-ins see each
 * other: an allowed attempt is stored as `pending` (a failure until finishAttempt says otherwise), a
 * refused one as `throttled`. Old attempts are pruned on the way, through the index on `at`.
 */
export function startAttempt(db: Db, input: AttemptStart): { id: number; decision: ThrottleDecision } {
  const since = new Date(input.now.getTime() - THROTTLE.windowMs).toISOString();
  return writeTransaction(db, (tx) => {
    tx.delete(loginAttempts).where(lt(loginAttempts.at, new Date(input.now.getTime() - LOGIN_ATTEMPT_RETENTION_MS).toISOString())).run();
    const accountAttempts = tx
      .select({ id: loginAttempts.id, at: loginAttempts.at, outcome: loginAttempts.outcome })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, input.email), gt(loginAttempts.at, since)))
      .all()
      .map((a) => ({ ...a, at: new Date(a.at) }));
    const addressFailures = tx
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.address, input.address), gt(loginAttempts.at, since), inArray(loginAttempts.outcome, [...FAILED_OUTCOMES])))
      .all()
      .map((a) => new Date(a.at));
    const decision = decideLogin({ accountAttempts, addressFailures, now: input.now, addressMaxFailures: input.addressMaxFailures });
    const row = tx
      .insert(loginAttempts)
      .values({ at: input.now.toISOString(), email: input.email, address: input.address, outcome: decision.allowed ? "pending" : "throttled" })
      .returning({ id: loginAttempts.id })
      .get();
    return { id: row.id, decision };
  });
}

/** The result of the password check for a pending attempt. */
export function finishAttempt(db: Db, id: number, outcome: Exclude<LoginOutcome, "pending">, userId: string | null): void {
  db.update(loginAttempts).set({ outcome, userId }).where(eq(loginAttempts.id, id)).run();
}

/** An attempt refused before any account was looked up (malformed email or password). */
export function recordInvalidAttempt(db: Db, input: { email: string; address: string; now: Date }): void {
  db.insert(loginAttempts).values({ at: input.now.toISOString(), email: input.email, address: input.address, outcome: "invalid_input" }).run();
}

/** Newest first, for tests and for an operator's review. */
export function listLoginAttempts(db: Db, limit = 100) {
  return db.select().from(loginAttempts).orderBy(desc(loginAttempts.id)).limit(limit).all();
}
