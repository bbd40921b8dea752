import "server-only";
import { regenerateCodes, totpKey } from "@/lib/auth/two-factor";
import { env } from "@/lib/env";
import { twoFactorCodeSchema } from "@/lib/validation/two-factor";
import { defineCommand } from "../define";

/** New recovery codes for old, on a current TOTP code of the user's own authenticator. */
export const regenerateRecoveryCodes = defineCommand({
  name: "settings.twoFactor.regenerate",
  input: twoFactorCodeSchema,
  load: () => ({}),
  province: () => null,
  run: (tx, { actor, input }) => ({ recoveryCodes: regenerateCodes(tx, totpKey(env.NEXTAUTH_SECRET), actor.id, input.code) }),
});
