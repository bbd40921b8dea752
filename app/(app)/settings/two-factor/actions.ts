"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formCommand } from "@/lib/adapters/form";
import { confirmTwoFactor } from "@/lib/use-cases/settings/confirm-two-factor";
import { disableTwoFactor } from "@/lib/use-cases/settings/disable-two-factor";
import { regenerateRecoveryCodes } from "@/lib/use-cases/settings/regenerate-recovery-codes";
import { startTwoFactor } from "@/lib/use-cases/settings/start-two-factor";
import type { FormState } from "@/lib/validation/form-state";
import { withSessionId } from "../with-session-id";

const PAGE = "/settings/two-factor";

/**
 * The answer that carries new recovery codes: like a new API token, the response to this one POST is
 * the only time they exist outside their hashes. They are never stored, logged or put in a URL.
 */
export type RecoveryCodesState = FormState & { recoveryCodes?: string[] };

// Every action here works on the signed-in user's own authenticator: there is no user id to tamper with.
// Starting and confirming are open to a session that still owes its enrolment (their use cases say so).

export const startTwoFactorAction = formCommand("startTwoFactorAction", startTwoFactor, {
  done: () => {
    revalidatePath(PAGE);
    redirect(PAGE);
  },
});

export const confirmTwoFactorAction: (previous: RecoveryCodesState, formData: FormData) => Promise<RecoveryCodesState> = withSessionId(
  formCommand("confirmTwoFactorAction", confirmTwoFactor, {
    done: async ({ recoveryCodes }) => {
      const state: RecoveryCodesState = { status: "success", message: (await getTranslations("twoFactor"))("enabled"), recoveryCodes };
      return state;
    },
  }),
);

export const regenerateRecoveryCodesAction: (previous: RecoveryCodesState, formData: FormData) => Promise<RecoveryCodesState> = formCommand(
  "regenerateRecoveryCodesAction",
  regenerateRecoveryCodes,
  {
    done: async ({ recoveryCodes }) => {
      const state: RecoveryCodesState = { status: "success", message: (await getTranslations("twoFactor"))("regenerated"), recoveryCodes };
      return state;
    },
  },
);

export const disableTwoFactorAction = formCommand("disableTwoFactorAction", disableTwoFactor, {
  done: () => {
    revalidatePath(PAGE);
    redirect(`${PAGE}?disabled=1`);
  },
});
