"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { FlagAction } from "@/lib/domain/risk/flag-review";
import { initialFormState, type FormState } from "@/lib/validation/form-state";
import { FormMessage, TextAreaField, TextField } from "@/app/_components/form-fields";
import { reviewFlagAction } from "../actions";

/** A reviewer's action on a flag: each needs a comment; a dismissal also an expiry date (a justification may have one). */
export function FlagReviewForm({ flagKey, actions, maxExpiry, minExpiry }: { flagKey: string; actions: readonly FlagAction[]; minExpiry: string; maxExpiry: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(reviewFlagAction, initialFormState);
  // After a refused submit React resets the form to its defaults: the radios' defaults follow the
  // action just submitted, and a click after that is kept in component state until the next answer.
  const submitted = typeof state.values?.action === "string" ? (state.values.action as FlagAction) : undefined;
  const [choice, setChoice] = useState<{ after: FormState; action: FlagAction }>({ after: state, action: actions[0]! });
  const selected = choice.after === state ? choice.action : (submitted ?? choice.action);
  const needsExpiry = selected === "dismissed" || selected === "justified";
  return (
    <form action={formAction} className="form" noValidate aria-label={t("risk.review.formTitle")}>
      <input type="hidden" name="flagKey" value={flagKey} />
      <fieldset className="field" aria-describedby={state.fieldErrors?.action ? "action-error" : undefined}>
        <legend>{t("risk.review.action")}</legend>
        {actions.map((a) => (
          <label key={a} className="choice">
            <input type="radio" name="action" value={a} defaultChecked={selected === a} onChange={() => setChoice({ after: state, action: a })} /> {t(`risk.review.actions.${a}`)}
          </label>
        ))}
        {state.fieldErrors?.action && (
          <p id="action-error" className="field-error">
            {state.fieldErrors.action}
          </p>
        )}
      </fieldset>
      <TextAreaField name="comment" label={t(`risk.review.commentLabel.${selected}`)} state={state} required />
      {needsExpiry && (
        <TextField
          name="expiresOn"
          type="date"
          label={t("risk.review.expiresOn")}
          hint={t(selected === "dismissed" ? "risk.review.expiresOnHintRequired" : "risk.review.expiresOnHintOptional", { min: minExpiry, max: maxExpiry })}
          state={state}
          required={selected === "dismissed"}
        />
      )}
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("common.saving") : t("risk.review.submit")}
      </button>
    </form>
  );
}
