import type { Db } from "@/db/client";
import { finishAttempt, recordInvalidAttempt, startAttempt } from "@/db/login-attempts";
import { findCredentialsByEmail } from "@/db/users";
import { loginSchema } from "@/lib/validation/user";
import { clientAddress } from "./client-address";
import { verifyPassword } from "./password";
import { TOTP_REQUIRED } from "./two-factor";

export interface SignInRequest {
  credentials: Record<string, unknown> | undefined;
  headers: Record<string, string | string[] | undefined> | undefined;
  trustProxy: boolean;
  addressMaxFailures: number;
  /**
   * The check after a right password (lib/auth/second-factor.ts): true when the account has no
   * authenticator or the code is good, false for a wrong code; throws Error(TOTP_REQUIRED) to ask for one.
   */
  secondFactor?: (userId: string, code: string | undefined) => boolean;
  now?: Date;
}

/**
 * The credentials check behind next-auth's `authorize`, with throttling: the user id and client
 * address on success, "code_required" when the right password needs a second-factor code (the form's
 * first step), null on every kind of failure. Each attempt is logged (db/login-attempts.ts).
 * Unknown emails and throttled attempts still run one argon2id verification (against a dummy hash),
 * so neither is told apart from a wrong password by the answer or its timing.
 */
export async function signInWithThrottle(
  db: Db,
  request: SignInRequest,
): Promise<{ userId: string; address: string } | "code_required" | null> {
  const now = request.now ?? new Date();
  const address = clientAddress(request.headers, request.trustProxy);
  const parsed = loginSchema.safeParse(request.credentials ?? {});
  if (!parsed.success) {
    const raw = request.credentials?.email;
    recordInvalidAttempt(db, { email: typeof raw === "string" ? raw.trim().toLowerCase().slice(0, 254) : "", address, now });
    return null;
  }
  const { email, password } = parsed.data;
  const attempt = startAttempt(db, { email, address, now, addressMaxFailures: request.addressMaxFailures });
  const account = findCredentialsByEmail(db, email);
  if (!attempt.decision.allowed) {
    finishAttempt(db, attempt.id, "throttled", account?.id ?? null);
    await verifyPassword(undefined, password);
    return null;
  }
  try {
    const valid = await verifyPassword(account?.passwordHash, password);
    if (!account || !valid) {
      finishAttempt(db, attempt.id, "bad_credentials", account?.id ?? null);
      return null;
    }
    if (!account.active) {
      finishAttempt(db, attempt.id, "inactive", account.id);
      return null;
    }
    const factor = request.secondFactor ? secondFactorOutcome(request.secondFactor, account.id, parsed.data.code) : "passed";
    if (factor !== "passed") {
      finishAttempt(db, attempt.id, factor, account.id);
      return factor === "code_required" ? "code_required" : null;
    }
    finishAttempt(db, attempt.id, "success", account.id);
    return { userId: account.id, address };
  } catch (error) {
    finishAttempt(db, attempt.id, "bad_credentials", account?.id ?? null);
    throw error;
  }
}

function secondFactorOutcome(check: NonNullable<SignInRequest["secondFactor"]>, userId: string, code: string | undefined) {
  try {
    return check(userId, code) ? "passed" : "bad_code";
  } catch (error) {
    if (error instanceof Error && error.message === TOTP_REQUIRED) return "code_required";
    throw error;
  }
}
