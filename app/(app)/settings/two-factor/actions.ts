"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCurrentSessionId } from "@/lib/auth/current-user";
import { formAction } from "@/lib/auth/form-action";
import { confirmEnrolment, disableSecondFactor, regenerateCodes, startEnrolment, totpKey } from "@/lib/auth/two-factor";
import { env } from "@/lib/env";
import type { FormState } from "@/lib/validation/form-state";
import { disableTwoFactorSchema, startTwoFactorSchema, twoFactorCodeSchema } from "@/lib/validation/two-factor";

const PAGE = "/settings/two-factor";

/**
 * The answer that carries new recovery codes: like a new API token, the response to this one POST is
 * the only time they exist outside their hashes. They are never stored, logged or put in a URL.
 */
export type RecoveryCodesState = FormState & { recoveryCodes?: string[] };

// Every action here works on the signed-in user's own authenticator: there is no user id to tamper with.

/** Open before enrolment (that is what it is for): a new pending secret, shown by the page. */
export const startTwoFactorAction = formAction("startTwoFactorAction", { schema: startTwoFactorSchema, beforeTwoFactor: true }, (_input, user) => {
  startEnrolment(getDb(), totpKey(env.NEXTAUTH_SECRET), user);
  revalidatePath(PAGE);
  redirect(PAGE);
});

/** Open before enrolment: the first code turns 2FA on and the answer carries the recovery codes. */
export const confirmTwoFactorAction: (previous: RecoveryCodesState, formData: FormData) => Promise<RecoveryCodesState> = formAction(
  "confirmTwoFactorAction",
  { schema: twoFactorCodeSchema, beforeTwoFactor: true },
  async (input, user) => {
    const recoveryCodes = confirmEnrolment(getDb(), totpKey(env.NEXTAUTH_SECRET), user.id, input.code, new Date(), await getCurrentSessionId());
    const state: RecoveryCodesState = { status: "success", message: (await getTranslations("twoFactor"))("enabled"), recoveryCodes };
    return state;
  },
);

export const regenerateRecoveryCodesAction: (previous: RecoveryCodesState, formData: FormData) => Promise<RecoveryCodesState> = formAction(
  "regenerateRecoveryCodesAction",
  { schema: twoFactorCodeSchema },
  async (input, user) => {
    const recoveryCodes = regenerateCodes(getDb(), totpKey(env.NEXTAUTH_SECRET), user.id, input.code);
    const state: RecoveryCodesState = { status: "success", message: (await getTranslations("twoFactor"))("regenerated"), recoveryCodes };
    return state;
  },
);

/** Refused for a role that requires 2FA (the data layer checks, not only the hidden form). */
export const disableTwoFactorAction = formAction("disableTwoFactorAction", { schema: disableTwoFactorSchema }, async (input, user) => {
  await disableSecondFactor(
    getDb(),
    totpKey(env.NEXTAUTH_SECRET),
    user,
    { currentPassword: input.currentPassword, code: input.disableCode },
    env.TWO_FACTOR_REQUIRED_ROLES,
  );
  revalidatePath(PAGE);
  redirect(`${PAGE}?disabled=1`);
});
