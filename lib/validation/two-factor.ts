import { z } from "zod";
import { PASSWORD_MAX } from "./user";

// Spaces are allowed inside a code (apps show "123 456"); the checks proper are in lib/auth/totp.ts.
const totpCode = () =>
  z
    .string({ error: "required" })
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().min(1, { error: "required" }).regex(/^\d{6}$/, { error: "twoFactorCodeFormat" }));

/** A TOTP code, or a recovery code (16 base32 characters, hyphens and spaces ignored). */
const totpOrRecoveryCode = () =>
  z
    .string({ error: "required" })
    .transform((v) => v.replace(/[\s-]/g, ""))
    .pipe(z.string().min(1, { error: "required" }).regex(/^(\d{6}|[A-Za-z2-7]{16})$/, { error: "twoFactorCodeOrRecoveryFormat" }));

/** Starting enrolment takes no input: the server makes the secret. */
export const startTwoFactorSchema = z.object({});

/** Confirming enrolment and regenerating recovery codes: a current code from the app. */
export const twoFactorCodeSchema = z.object({ code: totpCode() });

/** Turning 2FA off: the current password and a code from the app or a recovery code. */
export const disableTwoFactorSchema = z.object({
  currentPassword: z.string({ error: "required" }).min(1, { error: "required" }).max(PASSWORD_MAX, { error: "tooLong" }),
  disableCode: totpOrRecoveryCode(),
});
