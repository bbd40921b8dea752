"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/_components/form-fields";
import { initialFormState } from "@/lib/validation/form-state";
import { changePasswordAction } from "../actions";

/** Current, new and repeated password; none of them is ever sent back to the browser. */
export function ChangePasswordForm() {
  const t = useTranslations("password");
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="form" noValidate aria-labelledby="change-password-title">
      <TextField name="currentPassword" type="password" label={t("current")} state={state} required autoComplete="current-password" />
      <TextField name="newPassword" type="password" label={t("new")} hint={t("newHint")} state={state} required autoComplete="new-password" />
      <TextField name="confirmPassword" type="password" label={t("confirm")} state={state} required autoComplete="new-password" />
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
