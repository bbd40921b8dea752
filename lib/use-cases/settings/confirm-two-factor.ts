import "server-only";
import { confirmEnrolment, totpKey } from "@/lib/auth/two-factor";
import { env } from "@/lib/env";
import { keptSessionId } from "@/lib/validation/sessions";
import { twoFactorCodeSchema } from "@/lib/validation/two-factor";
import { defineCommand } from "../define";

/**
 * The first code from the app turns two-factor sign-in on; the answer is the recovery codes, shown this
 * once. The user's other sessions end in the same transaction. Open before enrolment.
 */
export const confirmTwoFactor = defineCommand({
  name: "settings.twoFactor.confirm",
  input: twoFactorCodeSchema.extend({ sessionId: keptSessionId() }),
  load: () => ({}),
  province: () => null,
  beforeTwoFactor: true,
  run: (tx, { actor, input }) => ({ recoveryCodes: confirmEnrolment(tx, totpKey(env.NEXTAUTH_SECRET), actor.id, input.code, new Date(), input.sessionId) }),
});
