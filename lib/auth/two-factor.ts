import type { DbOrTx } from "@/db/transaction";
import {
  claimRecoveryCode,
  claimTotpStep,
  disableTwoFactor,
  enableTwoFactor,
  findSecondFactorAccount,
  findTwoFactor,
  regenerateRecoveryCodes,
  savePendingSecret,
} from "@/db/two-factor";
import { DomainError, FieldErrors } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/vocabulary";
import { deriveKey, open, seal } from "./secret-box";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpUri, verifyTotp } from "./totp";
import { twoFactorRequired } from "./two-factor-policy";

// The rules of TOTP two-factor sign-in on top of db/two-factor.ts. Callers pass the key and the
// moment, so tests can run them on a real database without the app's environment.

/** The key that seals TOTP secrets: HKDF of NEXTAUTH_SECRET, labelled for this one purpose. */
export function totpKey(nextAuthSecret: string | undefined): Buffer {
  if (!nextAuthSecret) throw new Error("NEXTAUTH_SECRET is required for two-factor sign-in (npm start provides one)");
  return deriveKey(nextAuthSecret, "totp-secret-v1");
}

export interface Enrolment {
  secret: string;
  uri: string;
}

/** A new secret for the user's app, kept sealed until a first code confirms it. */
export function startEnrolment(db: DbOrTx, key: Buffer, user: { id: string; email: string }, now = new Date()): Enrolment {
  const secret = newTotpSecret();
  savePendingSecret(db, user.id, seal(key, secret, user.id), now);
  return { secret, uri: totpUri(secret, user.email) };
}

/** The secret waiting for confirmation (shown again after a reload), or null. */
export function pendingEnrolment(db: DbOrTx, key: Buffer, user: { id: string; email: string }): Enrolment | null {
  const row = findTwoFactor(db, user.id);
  if (!row || row.enabledAt) return null;
  const secret = open(key, row.secretSealed, user.id);
  return { secret, uri: totpUri(secret, user.email) };
}

/** The step a TOTP code proves against the user's (pending or enabled) secret; the caller spends it. */
function matchTotp(key: Buffer, userId: string, code: string, now: Date, row: { secretSealed: string; lastUsedStep: number | null }): number | null {
  return verifyTotp(open(key, row.secretSealed, userId), code, now.getTime(), row.lastUsedStep);
}

/**
 * The first code from the app turns 2FA on; the answer is the recovery codes, to be shown this once.
 * The user's sessions other than `keepSessionId` (the browser that enrolled) end in the same transaction.
 */
export function confirmEnrolment(db: DbOrTx, key: Buffer, userId: string, code: string, now = new Date(), keepSessionId?: string): string[] {
  const row = findTwoFactor(db, userId);
  if (!row) throw new DomainError("twoFactorNotStarted");
  if (row.enabledAt) throw new DomainError("twoFactorAlreadyOn");
  const step = matchTotp(key, userId, code, now, row);
  if (step === null) throw new FieldErrors({ code: "twoFactorCodeWrong" });
  const codes = newRecoveryCodes();
  enableTwoFactor(db, { userId, step, codeHashes: codes.map(hashRecoveryCode), keepSessionId }, now);
  return codes;
}

/** A current TOTP code of an enabled authenticator, spent on success. */
export function verifyTotpCode(db: DbOrTx, key: Buffer, userId: string, code: string, now = new Date()): boolean {
  const row = findTwoFactor(db, userId);
  if (!row?.enabledAt) return false;
  const step = matchTotp(key, userId, code, now, row);
  return step !== null && claimTotpStep(db, userId, step);
}

/** A TOTP code or an unused recovery code (which is then spent). */
export function verifySecondFactor(db: DbOrTx, key: Buffer, userId: string, code: string, now = new Date()): boolean {
  const recovery = normaliseRecoveryCode(code);
  if (recovery !== null) return findTwoFactor(db, userId)?.enabledAt ? claimRecoveryCode(db, userId, hashRecoveryCode(recovery), now) : false;
  return verifyTotpCode(db, key, userId, code, now);
}

/** Thrown by sign-in when the password was right and a code is needed: the login form then asks for one. */
export const TOTP_REQUIRED = "TOTP_REQUIRED";

/**
 * Sign-in's second step, after the password verified: true when the user has no authenticator or
 * gave a good code; false for a wrong code (the same refusal as a wrong password); throws
 * Error(TOTP_REQUIRED) when a code is needed and none was given.
 */
export function passesSecondFactor(db: DbOrTx, key: () => Buffer, userId: string, code: string | undefined, now = new Date()): boolean {
  const account = findSecondFactorAccount(db, userId);
  if (!account?.enabledAt) return true;
  if (!code) throw new Error(TOTP_REQUIRED);
  return verifySecondFactor(db, key(), userId, code, now);
}

/** New recovery codes, on a current TOTP code (not a recovery code: that would let one stolen code mint ten). */
export function regenerateCodes(db: DbOrTx, key: Buffer, userId: string, code: string, now = new Date()): string[] {
  if (!verifyTotpCode(db, key, userId, code, now)) throw new FieldErrors({ code: "twoFactorCodeWrong" });
  const codes = newRecoveryCodes();
  regenerateRecoveryCodes(db, { userId, codeHashes: codes.map(hashRecoveryCode) }, now);
  return codes;
}

/**
 * Turns 2FA off on a code (TOTP, or a recovery code for a lost phone), once the caller has verified the
 * current password (an async hash check, done before the write transaction opens). Refused for a role
 * that requires 2FA, before anything is checked or spent.
 */
export function disableSecondFactor(db: DbOrTx, key: Buffer, user: { id: string; role: Role }, code: string, requiredRoles: readonly Role[], now = new Date()): void {
  refuseDisableForRole(user.role, requiredRoles);
  if (!verifySecondFactor(db, key, user.id, code, now)) throw new FieldErrors({ code: "twoFactorCodeWrong" });
  disableTwoFactor(db, user.id);
}

/** A role that requires 2FA may not turn it off: checked first, so nothing is verified or spent. */
export function refuseDisableForRole(role: Role, requiredRoles: readonly Role[]): void {
  if (twoFactorRequired(role, requiredRoles)) throw new DomainError("twoFactorRequiredForRole");
}
