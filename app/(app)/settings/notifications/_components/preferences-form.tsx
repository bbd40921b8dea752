"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxGroup, FormMessage, SelectField } from "@/app/_components/form-fields";
import { DELIVERY_MODES, type DeliveryPreference } from "@/lib/domain/mail-delivery";
import { MUTABLE_CATEGORIES } from "@/lib/domain/reminders";
import { initialFormState } from "@/lib/validation/form-state";
import { saveNotificationPreferencesAction } from "../actions";

export function PreferencesForm({ initial, digestHour }: { initial: DeliveryPreference; digestHour: number }) {
  const t = useTranslations("reminders");
  const [state, action, pending] = useActionState(saveNotificationPreferencesAction, initialFormState);
  return (
    <form action={action} className="form" noValidate aria-labelledby="preferences-title">
      <SelectField
        name="mode"
        label={t("settings.mode")}
        state={state}
        required
        defaultValue={initial.mode}
        options={DELIVERY_MODES.map((mode) => ({ value: mode, label: t(`settings.modes.${mode}`, { hour: digestHour }) }))}
      />
      <CheckboxGroup
        name="muted"
        label={t("settings.muted")}
        hint={t("settings.mutedHint")}
        state={state}
        defaultValue={[...initial.muted]}
        options={MUTABLE_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
      />
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("settings.saving") : t("settings.save")}
      </button>
    </form>
  );
}
