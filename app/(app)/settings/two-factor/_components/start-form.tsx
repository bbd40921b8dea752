"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/_components/form-fields";
import { initialFormState } from "@/lib/validation/form-state";
import { startTwoFactorAction } from "../actions";

export function StartTwoFactorForm() {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState(startTwoFactorAction, initialFormState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("starting") : t("start")}
      </button>
    </form>
  );
}
