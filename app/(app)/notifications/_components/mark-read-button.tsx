"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState } from "@/lib/validation/form-state";
import { FormMessage } from "@/app/_components/form-fields";
import { markNotificationsReadAction } from "../actions";

export function MarkReadButton() {
  const t = useTranslations("notifications");
  const [state, action, pending] = useActionState(markNotificationsReadAction, initialFormState);
  return (
    <form action={action}>
      <button type="submit" disabled={pending}>
        {t("markAllRead")}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
