import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { HOTP, Secret, TOTP } from "otpauth";

// RFC 6238 with the parameters every authenticator app understands: SHA-1, 6 digits, 30-second steps.
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: one, so a code typed as it rolls over (or with a clock 30 s off) still works. */
export const TOTP_WINDOW = 1;
/** RFC 4226 recommends at least 128 bits and suggests 160: the length of an SHA-1 block. */
export const TOTP_SECRET_BYTES = 20;
export const TOTP_ISSUER = "人工智能创新中心建设监测平台";

export function newTotpSecret(): string {
  return new Secret({ size: TOTP_SECRET_BYTES }).base32;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: accountEmail,
    secret: Secret.fromBase32(secretBase32),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** The time step (counter) a moment falls in. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for one step: for tests and for showing what an app would show. */
export function totpCodeAt(secretBase32: string, step: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(secretBase32), counter: step, digits: TOTP_DIGITS });
}

export function looksLikeTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ""));
}

/**
 * The step a code proves, or null. A code is good for the step before, at and after now, and only
 * for a step later than `lastUsedStep`: once a code was accepted, it and every older code are spent,
 * so a code seen over a shoulder or in a log cannot be replayed, not even within its 90 seconds.
 */
export function verifyTotp(secretBase32: string, code: string, nowMs: number, lastUsedStep: number | null): number | null {
  const given = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(given)) return null;
  const now = totpStep(nowMs);
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    if (timingSafeEqual(Buffer.from(totpCodeAt(secretBase32, step)), Buffer.from(given))) return step;
  }
  return null;
}

// Recovery codes: 16 characters of RFC 4648 base32 (80 random bits), shown in groups of four. With that
// much entropy an unsalted SHA-256 cannot be reversed by guessing, so no slow hash is needed.
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const RECOVERY_LENGTH = 16;

export function newRecoveryCode(): string {
  const bytes = randomBytes(10); // 80 bits = 16 × 5 bits
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += RECOVERY_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join("-");
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** What the user typed, as stored: case, spaces and hyphens do not matter. Null if it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, "");
  return code.length === RECOVERY_LENGTH && [...code].every((c) => RECOVERY_ALPHABET.includes(c)) ? code : null;
}

export function hashRecoveryCode(code: string): string {
  const normal = normaliseRecoveryCode(code);
  if (normal === null) throw new Error("hashRecoveryCode: not a recovery code");
  return createHash("sha256").update(normal).digest("hex");
}
