"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/_components/form-fields";
import { initialFormState } from "@/lib/validation/form-state";
import { revokeApiTokenAction } from "../actions";

/** Two steps: "Revoke" opens the warning and a confirming button named after the token. */
export function RevokeTokenForm({ id, name }: { id: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [state, action, pending] = useActionState(revokeApiTokenAction, initialFormState);
  return (
    <details className="revoke-token">
      <summary>
        {t("revoke")}
        <span className="visually-hidden"> {name}</span>
      </summary>
      <form action={action} noValidate>
        <input type="hidden" name="id" value={id} />
        <p className="small">{t("revokeWarning")}</p>
        <button type="submit" className="primary" disabled={pending}>
          {t("revokeConfirm", { name })}
        </button>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
