// Sign-in throttling (OWASP ASVS 5.0 L2): a pure decision over the recent attempts, so a test can
// state the times by hand. The database keeps the attempts (db/login-attempts.ts); nothing is
// locked for good: every refusal names a moment after which attempts are allowed again.

/**
 * What became of one sign-in attempt. `pending` is written before the password check and replaced after it.
 * `code_required`: the right password of an account with an authenticator, without a code yet (the form's
 * first step); `bad_code`: the right password with a wrong or reused code.
 */
export const LOGIN_OUTCOMES = ["pending", "success", "bad_credentials", "bad_code", "code_required", "throttled", "inactive", "invalid_input"] as const;
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];

/**
 * Outcomes that count as a failed guess. A pending attempt counts until its check ends, so parallel
 * requests cannot all slip in under the limit. A wrong second-factor code counts like a wrong password,
 * so six-digit codes cannot be guessed faster than passwords. Throttled attempts checked no password, a
 * deactivated account's right password guessed nothing, the first step of a two-factor sign-in guessed
 * nothing, and invalid input reached no account: none of them count.
 */
export const FAILED_OUTCOMES: readonly LoginOutcome[] = ["pending", "bad_credentials", "bad_code"];

export const THROTTLE = {
  /** Both limits count failures over this sliding window. */
  windowMs: 15 * 60_000,
  /** Per account (normalised email, known or not): failures in the window before a back-off. */
  accountFreeFailures: 5,
  /** The first back-off; each further failure doubles it… */
  accountFirstWaitMs: 60_000,
  /** …up to this cap. */
  accountMaxWaitMs: 15 * 60_000,
} as const;

export interface AttemptRecord {
  /** Insertion order: decides what came after the last success. */
  id: number;
  at: Date;
  outcome: LoginOutcome;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; until: Date; scope: "account" | "address" };

/**
 * Per account: the failures since its last success inside the window. Fewer than 5 pass; from the
 * 5th on, the next attempt waits 1, 2, 4, 8 then 15 minutes (capped) after the latest failure.
 */
export function accountWaitUntil(attempts: readonly AttemptRecord[], now: Date): Date | null {
  const windowStart = now.getTime() - THROTTLE.windowMs;
  const ordered = [...attempts].sort((a, b) => a.id - b.id);
  const lastSuccess = ordered.findLastIndex((a) => a.outcome === "success");
  const failures = ordered.slice(lastSuccess + 1).filter((a) => FAILED_OUTCOMES.includes(a.outcome) && a.at.getTime() > windowStart);
  if (failures.length < THROTTLE.accountFreeFailures) return null;
  const doublings = failures.length - THROTTLE.accountFreeFailures;
  const wait = Math.min(THROTTLE.accountFirstWaitMs * 2 ** Math.min(doublings, 30), THROTTLE.accountMaxWaitMs);
  const latest = Math.max(...failures.map((f) => f.at.getTime()));
  const until = latest + wait;
  return until > now.getTime() ? new Date(until) : null;
}

/**
 * Per client address, across accounts: at `maxFailures` failures in the window, wait until enough of
 * them have left it to drop below the limit. A success does not reset it: one valid account must not
 * clear the way for spraying the others.
 */
export function addressWaitUntil(failureTimes: readonly Date[], now: Date, maxFailures: number): Date | null {
  const windowStart = now.getTime() - THROTTLE.windowMs;
  const recent = failureTimes.map((t) => t.getTime()).filter((t) => t > windowStart).sort((a, b) => a - b);
  if (recent.length < maxFailures) return null;
  // Allowed again once only maxFailures - 1 remain: when the (n - max)th oldest leaves the window.
  return new Date(recent[recent.length - maxFailures]! + THROTTLE.windowMs);
}

/** Both limits; the later wait wins. */
export function decideLogin(input: {
  accountAttempts: readonly AttemptRecord[];
  addressFailures: readonly Date[];
  now: Date;
  addressMaxFailures: number;
}): ThrottleDecision {
  const account = accountWaitUntil(input.accountAttempts, input.now);
  const address = addressWaitUntil(input.addressFailures, input.now, input.addressMaxFailures);
  if (!account && !address) return { allowed: true };
  if (account && (!address || account >= address)) return { allowed: false, until: account, scope: "account" };
  return { allowed: false, until: address!, scope: "address" };
}
