"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/_components/form-fields";
import { initialFormState } from "@/lib/validation/form-state";
import { retryMailAction } from "../actions";

export function RetryMailForm({ id, to }: { id: string; to: string }) {
  const t = useTranslations("reminders.admin");
  const [state, action, pending] = useActionState(retryMailAction, initialFormState);
  return (
    <form action={action} noValidate>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending}>
        {t("retry")}
        <span className="visually-hidden"> {to}</span>
      </button>
      <FormMessage state={state} />
    </form>
  );
}
