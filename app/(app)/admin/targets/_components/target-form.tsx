"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SOURCE_STATUSES, TARGET_KINDS } from "@/lib/domain/vocabulary";
import { TARGET_MEASURES } from "@/lib/domain/target-measures";
import { initialFormState } from "@/lib/validation/form-state";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/app/_components/form-fields";
import { createTargetAction, updateTargetAction } from "../actions";

export interface TargetFormValues {
  id?: string;
  version?: number;
  provinceCode: string;
  title: string;
  kind: string;
  metric: string;
  unit: string;
  targetValue: number | null;
  baselineValue: number;
  baselineDate: string;
  deadline: string;
  sourceDocument: string;
  sourceUrl: string | null;
  sourceStatus: string;
  measure: string | null;
  plannedValues: { date: string; value: number }[];
}

export function TargetForm({ initial, provinces }: { initial: TargetFormValues; provinces: { value: string; label: string }[] }) {
  const t = useTranslations();
  const editing = initial.id !== undefined;
  const [state, action, pending] = useActionState(editing ? updateTargetAction : createTargetAction, initialFormState);
  return (
    <form action={action} className="form" noValidate>
      {editing && (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
          <input type="hidden" name="provinceCode" value={initial.provinceCode} />
        </>
      )}
      {!editing && (
        <SelectField name="provinceCode" label={t("targets.province")} state={state} required defaultValue={initial.provinceCode} options={provinces} emptyLabel={t("common.choose")} />
      )}
      <TextField name="title" label={t("targets.title")} state={state} required defaultValue={initial.title} />
      <SelectField
        name="kind"
        label={t("targets.kind")}
        hint={t("targets.kindHint")}
        state={state}
        required
        defaultValue={initial.kind}
        options={TARGET_KINDS.map((k) => ({ value: k, label: t(`targetKinds.${k}`) }))}
      />
      <div className="field-row">
        <TextField name="metric" label={t("targets.metric")} state={state} required defaultValue={initial.metric} />
        <TextField name="unit" label={t("targets.unit")} hint={t("targets.unitHint")} state={state} required defaultValue={initial.unit} />
      </div>
      <div className="field-row">
        <TextField name="baselineValue" label={t("targets.baselineValue")} state={state} required inputMode="decimal" defaultValue={initial.baselineValue} />
        <TextField name="baselineDate" type="date" label={t("targets.baselineDate")} state={state} required defaultValue={initial.baselineDate} />
      </div>
      <div className="field-row">
        <TextField name="targetValue" label={t("targets.targetValue")} state={state} required inputMode="decimal" defaultValue={initial.targetValue} />
        <TextField name="deadline" type="date" label={t("targets.deadline")} state={state} required defaultValue={initial.deadline} />
      </div>
      <SelectField
        name="measure"
        label={t("targets.measure")}
        hint={t("targets.measureHint")}
        state={state}
        defaultValue={initial.measure ?? ""}
        options={TARGET_MEASURES.map((m) => ({ value: m, label: t(`targetMeasures.${m}`) }))}
        emptyLabel={t("targets.noMeasure")}
      />
      <TextAreaField
        name="plannedValues"
        label={t("targets.plannedValues")}
        hint={t("targets.plannedValuesHint")}
        state={state}
        defaultValue={initial.plannedValues.map((p) => `${p.date} ${p.value}`).join("\n")}
      />
      <TextField name="sourceDocument" label={t("targets.sourceDocument")} state={state} required defaultValue={initial.sourceDocument} />
      <TextField name="sourceUrl" type="url" label={t("targets.sourceUrl")} state={state} defaultValue={initial.sourceUrl} />
      <SelectField
        name="sourceStatus"
        label={t("targets.sourceStatus")}
        state={state}
        required
        defaultValue={initial.sourceStatus}
        options={SOURCE_STATUSES.map((s) => ({ value: s, label: t(`sourceStatuses.${s}`) }))}
      />
      <FormMessage state={state} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? t("common.saving") : t("common.save")}
      </button>
    </form>
  );
}
