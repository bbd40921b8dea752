"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState } from "@/lib/validation/form-state";
import { DELIVERY_LEVELS } from "@/lib/domain/engine";
import { FormMessage, SelectField, TextAreaField } from "@/app/_components/form-fields";
import { rateCentreAction } from "../rating-actions";

export function ConfidenceForm({ centreId }: { centreId: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(rateCentreAction, initialFormState);
  return (
    <form action={action} className="form" noValidate aria-label={t("confidence.formTitle")}>
      <input type="hidden" name="centreId" value={centreId} />
      <SelectField
        name="rating"
        label={t("confidence.rating")}
        state={state}
        required
        options={DELIVERY_LEVELS.map((level) => ({ value: level, label: t(`risk.level.${level}`) }))}
        emptyLabel={t("common.choose")}
      />
      <TextAreaField name="narrative" label={t("confidence.narrative")} hint={t("confidence.narrativeHint")} state={state} required />
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("common.saving") : t("confidence.submit")}
      </button>
    </form>
  );
}
