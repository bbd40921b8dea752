import "server-only";
import { startEnrolment, totpKey } from "@/lib/auth/two-factor";
import { env } from "@/lib/env";
import { startTwoFactorSchema } from "@/lib/validation/two-factor";
import { defineCommand } from "../define";

/** A new pending secret for the user's own authenticator app. Open before enrolment: that is what it is for. */
export const startTwoFactor = defineCommand({
  name: "settings.twoFactor.start",
  input: startTwoFactorSchema,
  load: () => ({}),
  province: () => null,
  beforeTwoFactor: true,
  run: (tx, { actor }) => {
    startEnrolment(tx, totpKey(env.NEXTAUTH_SECRET), actor);
    return { userId: actor.id };
  },
});
