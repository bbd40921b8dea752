"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState } from "@/lib/validation/form-state";
import { FormMessage, TextAreaField } from "@/app/_components/form-fields";
import { reviewUpdateAction } from "@/app/(app)/updates/actions";

/** Approve, return with a reason, or (for an approved update) reopen with a reason. */
export function ReviewPanel({ updateId, version, mode }: { updateId: string; version: number; mode: "review" | "reopen" }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(reviewUpdateAction, initialFormState);
  return (
    <form action={action} className="form review-panel" noValidate>
      <input type="hidden" name="id" value={updateId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField
        name="reason"
        label={mode === "review" ? t("updates.returnReason") : t("updates.reopenReason")}
        hint={mode === "review" ? t("updates.returnReasonHint") : undefined}
        state={state}
      />
      <FormMessage state={state} />
      <div className="button-row">
        {mode === "review" ? (
          <>
            <button type="submit" name="decision" value="approve" className="primary" disabled={pending}>
              {t("updates.approve")}
            </button>
            <button type="submit" name="decision" value="return" disabled={pending}>
              {t("updates.return")}
            </button>
          </>
        ) : (
          <button type="submit" name="decision" value="reopen" disabled={pending}>
            {t("updates.reopen")}
          </button>
        )}
      </div>
    </form>
  );
}
