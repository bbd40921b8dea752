import "server-only";
import { findPasswordHash } from "@/db/users";
import { verifyPassword } from "@/lib/auth/password";
import { disableSecondFactor, refuseDisableForRole, totpKey } from "@/lib/auth/two-factor";
import { FieldErrors } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import { disableTwoFactorSchema } from "@/lib/validation/two-factor";
import { defineCommand } from "../define";

/**
 * Turns the user's own two-factor sign-in off, on the current password and a code (TOTP, or a recovery
 * code for a lost phone). Refused for a role that requires it, before anything is checked or spent. The
 * password's slow hash check runs in `load`, before the write transaction; the code is spent inside it.
 */
export const disableTwoFactor = defineCommand({
  name: "settings.twoFactor.disable",
  input: disableTwoFactorSchema,
  load: async ({ db, actor, input }) => {
    refuseDisableForRole(actor.role, env.TWO_FACTOR_REQUIRED_ROLES);
    if (!(await verifyPassword(findPasswordHash(db, actor.id), input.currentPassword))) throw new FieldErrors({ currentPassword: "currentPasswordWrong" });
    return {};
  },
  province: () => null,
  run: (tx, { actor, input }) => {
    disableSecondFactor(tx, totpKey(env.NEXTAUTH_SECRET), actor, input.disableCode, env.TWO_FACTOR_REQUIRED_ROLES);
    return { userId: actor.id };
  },
});
