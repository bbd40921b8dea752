import "server-only";
import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit, type AuditActor, type Tx } from "./audit";
import { recoveryCodes, sessions, userTwoFactor, users } from "./schema";
import { revokeSessions } from "./sessions";
import { writeTransaction, type DbOrTx } from "./transaction";
import { DomainError } from "@/lib/domain/errors";

// Data access for TOTP two-factor sign-in. Secrets arrive here sealed and codes as SHA-256 hashes:
// nothing in this file sees a plain secret, and no audit entry holds one.

export function findTwoFactor(db: DbOrTx, userId: string) {
  return db
    .select({ secretSealed: userTwoFactor.secretSealed, enabledAt: userTwoFactor.enabledAt, lastUsedStep: userTwoFactor.lastUsedStep })
    .from(userTwoFactor)
    .where(eq(userTwoFactor.userId, userId))
    .get();
}

/** What sign-in needs beyond the password: the role (is 2FA required?) and the authenticator, if any. */
export function findSecondFactorAccount(db: DbOrTx, userId: string) {
  return db
    .select({ role: users.role, secretSealed: userTwoFactor.secretSealed, enabledAt: userTwoFactor.enabledAt, lastUsedStep: userTwoFactor.lastUsedStep })
    .from(users)
    .leftJoin(userTwoFactor, eq(userTwoFactor.userId, users.id))
    .where(eq(users.id, userId))
    .get();
}

/** Keeps a new, not yet confirmed secret; replaces an earlier unconfirmed one. Refused once 2FA is on. */
export function savePendingSecret(db: DbOrTx, userId: string, secretSealed: string, now = new Date()): void {
  writeTransaction(db, (tx) => {
    const existing = tx.select({ enabledAt: userTwoFactor.enabledAt }).from(userTwoFactor).where(eq(userTwoFactor.userId, userId)).get();
    if (existing?.enabledAt) throw new DomainError("twoFactorAlreadyOn");
    tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, userId)).run();
    tx.insert(userTwoFactor).values({ userId, secretSealed, createdAt: now.toISOString() }).run();
    writeAudit(tx, { actor: { userId }, entity: "user", entityId: userId, action: "update", after: { twoFactor: "started" } });
  });
}

/**
 * Spends a time step: succeeds only if `step` is later than the last one accepted. One conditional
 * UPDATE, so two requests racing with the same code cannot both pass.
 */
export function claimTotpStep(db: DbOrTx, userId: string, step: number): boolean {
  const result = db
    .update(userTwoFactor)
    .set({ lastUsedStep: step })
    .where(and(eq(userTwoFactor.userId, userId), or(isNull(userTwoFactor.lastUsedStep), lt(userTwoFactor.lastUsedStep, step))))
    .run();
  return result.changes === 1;
}

/** Spends a recovery code: true once per code, false for an unknown, used or another user's code. */
export function claimRecoveryCode(db: DbOrTx, userId: string, codeHash: string, now = new Date()): boolean {
  const result = db
    .update(recoveryCodes)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .run();
  return result.changes === 1;
}

function replaceCodes(tx: Tx, userId: string, codeHashes: readonly string[], now: Date): void {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  for (const codeHash of codeHashes) {
    tx.insert(recoveryCodes).values({ id: randomUUID(), userId, codeHash, createdAt: now.toISOString() }).run();
  }
}

/**
 * Turns 2FA on after the first code proved the app holds the pending secret: the code's step is
 * spent, the recovery codes are stored, and the change is audited, all or nothing.
 */
/**
 * Turns the pending authenticator on. With `keepSessionId`, the user's other sessions end (ASVS: a new
 * authentication factor signs out whoever may have held the account before it).
 */
export function enableTwoFactor(
  db: DbOrTx,
  input: { userId: string; step: number; codeHashes: readonly string[]; keepSessionId?: string },
  now = new Date(),
): void {
  writeTransaction(db, (tx) => {
    const pending = tx.select({ enabledAt: userTwoFactor.enabledAt }).from(userTwoFactor).where(eq(userTwoFactor.userId, input.userId)).get();
    if (!pending) throw new DomainError("twoFactorNotStarted");
    if (pending.enabledAt) throw new DomainError("twoFactorAlreadyOn");
    tx.update(userTwoFactor).set({ enabledAt: now.toISOString() }).where(eq(userTwoFactor.userId, input.userId)).run();
    if (!claimTotpStep(tx, input.userId, input.step)) throw new DomainError("twoFactorCodeWrong", "code");
    replaceCodes(tx, input.userId, input.codeHashes, now);
    if (input.keepSessionId) revokeSessions(tx, input.userId, input.keepSessionId);
    writeAudit(tx, { actor: { userId: input.userId }, entity: "user", entityId: input.userId, action: "update", after: { twoFactor: "enabled" } });
  });
}

/** New recovery codes for old: every earlier code, used or not, stops working. */
export function regenerateRecoveryCodes(db: DbOrTx, input: { userId: string; codeHashes: readonly string[] }, now = new Date()): void {
  writeTransaction(db, (tx) => {
    replaceCodes(tx, input.userId, input.codeHashes, now);
    writeAudit(tx, { actor: { userId: input.userId }, entity: "user", entityId: input.userId, action: "update", after: { twoFactor: "recoveryCodesRegenerated" } });
  });
}

export function disableTwoFactor(db: DbOrTx, userId: string): void {
  writeTransaction(db, (tx) => {
    removeTwoFactor(tx, userId);
    writeAudit(tx, { actor: { userId }, entity: "user", entityId: userId, action: "update", after: { twoFactor: "disabled" } });
  });
}

function removeTwoFactor(tx: Tx, userId: string): void {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, userId)).run();
}

/**
 * The operator's reset for a user who lost both phone and recovery codes (`npm run two-factor:reset`):
 * removes the authenticator and ends every session of the user, so the next sign-in is by password and,
 * for a role that requires 2FA, leads straight to enrolment again. False when the user had none.
 */
export function resetTwoFactor(db: Db, userId: string, actor: AuditActor): boolean {
  return writeTransaction(db, (tx) => {
    const existing = tx.select({ userId: userTwoFactor.userId }).from(userTwoFactor).where(eq(userTwoFactor.userId, userId)).get();
    if (!existing) return false;
    removeTwoFactor(tx, userId);
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    writeAudit(tx, { actor, entity: "user", entityId: userId, action: "reset", after: { twoFactor: "reset" } });
    return true;
  });
}

export function unusedRecoveryCodeCount(db: DbOrTx, userId: string): number {
  return db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))).get()?.n ?? 0;
}
