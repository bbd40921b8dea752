"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/_components/form-fields";
import { initialFormState } from "@/lib/validation/form-state";
import { confirmTwoFactorAction, regenerateRecoveryCodesAction, type RecoveryCodesState } from "../actions";
import { RecoveryCodesPanel } from "./recovery-codes-panel";

const ACTIONS = { confirm: confirmTwoFactorAction, regenerate: regenerateRecoveryCodesAction };

/**
 * One code from the app, for confirming enrolment or for new recovery codes. On success the form
 * gives way to the codes, shown this once.
 */
export function CodeForm({ purpose, labelledBy }: { purpose: keyof typeof ACTIONS; labelledBy: string }) {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState<RecoveryCodesState, FormData>(ACTIONS[purpose], initialFormState);
  if (state.recoveryCodes) {
    return (
      <>
        <p className="form-success" role="status">
          {state.message}
        </p>
        <RecoveryCodesPanel codes={state.recoveryCodes} />
      </>
    );
  }
  return (
    <form action={action} className="form" noValidate aria-labelledby={labelledBy}>
      <TextField name="code" label={t("code")} hint={t("codeHint")} state={state} required autoComplete="one-time-code" inputMode="numeric" />
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {purpose === "confirm" ? (pending ? t("confirming") : t("confirm")) : pending ? t("regenerating") : t("regenerate")}
      </button>
    </form>
  );
}
