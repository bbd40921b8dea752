"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/_components/form-fields";
import { initialFormState } from "@/lib/validation/form-state";
import { disableTwoFactorAction } from "../actions";

export function DisableTwoFactorForm() {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState(disableTwoFactorAction, initialFormState);
  return (
    <form action={action} className="form" noValidate aria-labelledby="disable-title">
      <TextField name="currentPassword" type="password" label={t("currentPassword")} state={state} required autoComplete="current-password" />
      <TextField name="disableCode" label={t("disableCode")} state={state} required autoComplete="one-time-code" />
      <FormMessage state={state} />
      <button type="submit" disabled={pending}>
        {pending ? t("disabling") : t("disable")}
      </button>
    </form>
  );
}
