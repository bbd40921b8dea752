"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CADENCES } from "@/lib/domain/vocabulary";
import { initialFormState } from "@/lib/validation/form-state";
import { FormMessage, SelectField, TextField } from "@/app/_components/form-fields";
import { updateCalendarAction } from "../actions";
import { messageKey } from "@/lib/i18n/translator";

export interface CalendarFormValues {
  provinceCode: string;
  version: number;
  cadence: string;
  dueDays: number;
  graceDays: number;
}

export function CalendarForm({ initial }: { initial: CalendarFormValues }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(updateCalendarAction, initialFormState);
  const current = state.current;
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="provinceCode" value={initial.provinceCode} />
      <input type="hidden" name="version" value={initial.version} />
      <SelectField
        name="cadence"
        label={t("calendars.cadence")}
        state={state}
        required
        defaultValue={initial.cadence}
        options={CADENCES.map((c) => ({ value: c, label: t(`cadences.${c}`) }))}
      />
      <div className="field-row">
        <TextField name="dueDays" label={t("calendars.dueDays")} hint={t("calendars.dueDaysHint")} state={state} required inputMode="numeric" defaultValue={initial.dueDays} />
        <TextField name="graceDays" label={t("calendars.graceDays")} hint={t("calendars.graceDaysHint")} state={state} required inputMode="numeric" defaultValue={initial.graceDays} />
      </div>
      <FormMessage state={state} />
      {current?.cadence && (
        <p className="hint">
          {t("calendars.current", {
            cadence: t.has(messageKey(`cadences.${current.cadence}`)) ? t(messageKey(`cadences.${current.cadence}`)) : current.cadence,
            dueDays: current.dueDays ?? "",
            graceDays: current.graceDays ?? "",
          })}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("common.saving") : t("common.save")}
      </button>
    </form>
  );
}
