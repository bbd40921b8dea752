"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/_components/form-fields";
import { initialFormState } from "@/lib/validation/form-state";
import { createApiTokenAction, type CreateTokenState } from "../actions";
import { NewTokenPanel } from "./new-token-panel";

/** Name and optional last day; after a success the secret is shown above the (reset) form, this once. */
export function CreateTokenForm({ minExpiry, maxExpiry }: { minExpiry: string; maxExpiry: string }) {
  const t = useTranslations("apiTokens");
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createApiTokenAction, initialFormState);
  return (
    <>
      {state.token && <NewTokenPanel key={state.token} token={state.token} />}
      <form action={action} className="form" noValidate aria-labelledby="create-token-title">
        <TextField name="name" label={t("name")} hint={t("nameHint")} state={state} required autoComplete="off" />
        <TextField
          name="expiresOn"
          type="date"
          label={t("expiresOn")}
          hint={t("expiresOnHint", { min: minExpiry, max: maxExpiry })}
          state={state}
          min={minExpiry}
          max={maxExpiry}
        />
        <FormMessage state={state} />
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </button>
      </form>
    </>
  );
}
