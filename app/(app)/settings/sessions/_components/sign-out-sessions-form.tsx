"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/_components/form-fields";
import { initialFormState } from "@/lib/validation/form-state";
import type { SignOutSessionsInput } from "@/lib/validation/sessions";
import { signOutSessionsAction } from "../actions";

const LABELS = {
  others: { button: "signOutOthers", hint: "signOutOthersHint" },
  everywhere: { button: "signOutEverywhere", hint: "signOutEverywhereHint" },
} as const;

export function SignOutSessionsForm({ scope }: { scope: SignOutSessionsInput["scope"] }) {
  const t = useTranslations("sessions");
  const [state, action, pending] = useActionState(signOutSessionsAction, initialFormState);
  const hintId = `sign-out-${scope}-hint`;
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="scope" value={scope} />
      <p id={hintId} className="small">
        {t(LABELS[scope].hint)}
      </p>
      <button type="submit" className={scope === "others" ? "primary" : "button secondary"} disabled={pending} aria-describedby={hintId}>
        {t(LABELS[scope].button)}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
