"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { MILESTONE_CATEGORIES } from "@/lib/domain/vocabulary";
import { initialFormState } from "@/lib/validation/form-state";
import { CheckboxField, FormMessage, SelectField, TextField } from "@/app/_components/form-fields";
import { createMilestoneAction, updateMilestoneAction } from "../actions";

export interface MilestoneFormValues {
  id?: string;
  version?: number;
  centreId: string;
  title: string;
  category: string;
  weight: number;
  plannedDate: string;
  evidenceRequired: boolean;
}

export function MilestoneForm({ initial }: { initial: MilestoneFormValues }) {
  const t = useTranslations();
  const editing = initial.id !== undefined;
  const [state, action, pending] = useActionState(editing ? updateMilestoneAction : createMilestoneAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      {editing ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : (
        <input type="hidden" name="centreId" value={initial.centreId} />
      )}
      <TextField name="title" label={t("milestones.name")} state={state} required defaultValue={initial.title} />
      <SelectField
        name="category"
        label={t("milestones.category")}
        state={state}
        required
        defaultValue={initial.category}
        options={MILESTONE_CATEGORIES.map((c) => ({ value: c, label: t(`milestoneCategories.${c}`) }))}
      />
      <TextField name="weight" label={t("milestones.weight")} hint={t("milestones.weightHint")} state={state} required inputMode="numeric" defaultValue={initial.weight} />
      <TextField name="plannedDate" type="date" label={t("milestones.plannedDate")} state={state} required defaultValue={initial.plannedDate} />
      <CheckboxField name="evidenceRequired" label={t("milestones.evidenceRequired")} state={state} defaultChecked={initial.evidenceRequired} />
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("common.saving") : t("common.save")}
      </button>
    </form>
  );
}
