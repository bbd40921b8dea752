import "server-only";
import { z } from "zod";
import { findTwoFactor, unusedRecoveryCodeCount } from "@/db/two-factor";
import { pendingEnrolment, totpKey } from "@/lib/auth/two-factor";
import { twoFactorRequired } from "@/lib/auth/two-factor-policy";
import { env } from "@/lib/env";
import { defineQuery } from "../define";

/**
 * The signed-in user's own authenticator: off, waiting for its first code (with the secret to scan),
 * or on. Open to a session that still owes its enrolment: this is where it enrols.
 */
export const twoFactorPage = defineQuery({
  name: "settings.twoFactor.page",
  input: z.object({}),
  load: () => ({}),
  province: () => null,
  beforeTwoFactor: true,
  run: ({ db, actor }) => {
    const row = findTwoFactor(db, actor.id);
    const required = twoFactorRequired(actor.role, env.TWO_FACTOR_REQUIRED_ROLES);
    const base = { required, mustEnrol: required && !row?.enabledAt };
    if (row?.enabledAt) return { ...base, state: "on" as const, since: row.enabledAt, recoveryLeft: unusedRecoveryCodeCount(db, actor.id) };
    const enrolment = row ? pendingEnrolment(db, totpKey(env.NEXTAUTH_SECRET), actor) : null;
    return enrolment ? { ...base, state: "pending" as const, enrolment } : { ...base, state: "off" as const };
  },
});
