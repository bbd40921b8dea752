import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { passesSecondFactor, totpKey } from "./two-factor";

/**
 * Sign-in's check after a right password (passed by authorize in options.ts to signInWithThrottle): true when the
 * account has no authenticator or `code` is good; false for a wrong code, which the login form shows
 * as the same failure as a wrong password; throws Error("TOTP_REQUIRED") when a code must be asked for.
 */
export function checkSecondFactor(userId: string, code: string | undefined): boolean {
  return passesSecondFactor(getDb(), () => totpKey(env.NEXTAUTH_SECRET), userId, code);
}
