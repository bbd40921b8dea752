"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatYuan } from "@/lib/domain/format";
import { localeOrDefault } from "@/lib/i18n/locale";
import { CENTRE_STATUSES, FOCUS_TAGS } from "@/lib/domain/vocabulary";
import { initialFormState } from "@/lib/validation/form-state";
import { CheckboxGroup, FormMessage, SelectField, TextAreaField, TextField } from "@/app/_components/form-fields";
import { createCentreAction, updateCentreAction } from "../actions";

export interface CentreFormValues {
  id?: string;
  version?: number;
  provinceCode: string;
  cityCode: string;
  name: string;
  leadInstitution: string;
  leadCreditCode: string | null;
  partners: string[];
  focusTags: string[];
  plannedBudgetYuan: number | null;
  startDate: string;
  plannedCompletionDate: string;
  status: string;
  targetIds: string[];
}

type Option = { value: string; label: string };

export function CentreForm({ initial, cities, targets }: { initial: CentreFormValues; cities: Option[]; targets: Option[] }) {
  const t = useTranslations();
  const editing = initial.id !== undefined;
  const [state, action, pending] = useActionState(editing ? updateCentreAction : createCentreAction, initialFormState);
  const locale = localeOrDefault(useLocale());
  const [budgetTyped, setBudgetTyped] = useState(String(state.values?.plannedBudgetYuan ?? initial.plannedBudgetYuan ?? ""));
  const budget = Number(budgetTyped.replace(/,/g, ""));
  // Read back in 万元/亿元 while typing, so a digit too many or too few is caught before saving.
  const budgetReadBack = budgetTyped.trim() !== "" && Number.isSafeInteger(budget) && budget >= 0 ? formatYuan(budget, locale) : null;

  return (
    <form action={action} className="form" noValidate>
      {/* Attacker-controlled like any input: the action re-checks the stored row's province. */}
      {editing && <input type="hidden" name="id" value={initial.id} />}
      {editing && <input type="hidden" name="version" value={initial.version} />}
      <input type="hidden" name="provinceCode" value={initial.provinceCode} />
      <TextField name="name" label={t("centres.name")} state={state} required defaultValue={initial.name} />
      <SelectField
        name="cityCode"
        label={t("centres.city")}
        state={state}
        required
        defaultValue={initial.cityCode}
        options={cities}
        emptyLabel={t("common.choose")}
      />
      <TextField name="leadInstitution" label={t("centres.leadInstitution")} state={state} required defaultValue={initial.leadInstitution} />
      <TextField
        name="leadCreditCode"
        label={t("centres.leadCreditCode")}
        hint={t("centres.leadCreditCodeHint")}
        state={state}
        defaultValue={initial.leadCreditCode}
        maxLength={18}
        autoCapitalize="characters"
      />
      <TextAreaField name="partners" label={t("centres.partners")} hint={t("centres.partnersHint")} state={state} defaultValue={initial.partners.join("\n")} />
      <CheckboxGroup
        name="focusTags"
        label={t("centres.focusTags")}
        hint={t("centres.focusTagsHint")}
        state={state}
        defaultValue={initial.focusTags}
        options={FOCUS_TAGS.map((tag) => ({ value: tag, label: t(`focusTags.${tag}`) }))}
      />
      <TextField
        name="plannedBudgetYuan"
        label={t("centres.plannedBudgetYuan")}
        hint={t("centres.plannedBudgetHint")}
        state={state}
        required
        inputMode="numeric"
        defaultValue={initial.plannedBudgetYuan}
        onChange={(event) => setBudgetTyped(event.target.value)}
      />
      <p className="read-back" aria-live="polite" data-testid="budget-read-back">
        {budgetReadBack && t("centres.budgetReadBack", { amount: budgetReadBack })}
      </p>
      <div className="field-row">
        <TextField name="startDate" type="date" label={t("centres.startDate")} state={state} required defaultValue={initial.startDate} />
        <TextField
          name="plannedCompletionDate"
          type="date"
          label={t("centres.plannedCompletion")}
          state={state}
          required
          defaultValue={initial.plannedCompletionDate}
        />
      </div>
      <SelectField
        name="status"
        label={t("centres.status")}
        state={state}
        required
        defaultValue={initial.status}
        options={CENTRE_STATUSES.map((s) => ({ value: s, label: t(`centreStatuses.${s}`) }))}
      />
      {targets.length > 0 && (
        <CheckboxGroup name="targetIds" label={t("centres.contributesTo")} state={state} defaultValue={initial.targetIds} options={targets} />
      )}
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("common.saving") : t("common.save")}
      </button>
    </form>
  );
}
