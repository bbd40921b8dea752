"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/validation/form-state";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/app/_components/form-fields";
import { saveUpdateAction } from "@/app/(app)/updates/actions";
import { INDICATOR_GROUPS } from "./indicator-fields";

export interface UpdateFormProps {
  centreId: string;
  period: string;
  version: number;
  /** Stored values of this update (or blanks), as form strings. */
  initial: Record<string, string>;
  /** The last approved figures, as display strings, shown beside each field. */
  lastApproved: Record<string, string> | null;
  milestones: { id: string; title: string; evidenceRequired: boolean; approvedProgress: number; progress: number; actualCompletionDate: string | null }[];
}

function ConflictValue({ state, name }: { state: FormState; name: string }) {
  const t = useTranslations("updates");
  const current = state.current?.[name];
  if (current === undefined) return null;
  return <p className="conflict-value">{t("currentValue", { value: current || "—" })}</p>;
}

export function UpdateForm({ centreId, period, version, initial, lastApproved, milestones }: UpdateFormProps) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(saveUpdateAction, initialFormState);
  const previous = (name: string) => (lastApproved && lastApproved[name] ? t("updates.lastApproved", { value: lastApproved[name] }) : undefined);

  return (
    <form action={action} className="form update-form" noValidate>
      <input type="hidden" name="centreId" value={centreId} />
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="version" value={version} />

      <fieldset className="group">
        <legend>{t("updates.milestonesLegend")}</legend>
        {state.fieldErrors?.milestones && <p className="field-error">{state.fieldErrors.milestones}</p>}
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t("milestones.name")}</th>
              <th scope="col">{t("updates.approvedProgress")}</th>
              <th scope="col">{t("updates.progressNow")}</th>
              <th scope="col">{t("milestones.actualDate")}</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((m, i) => (
              <tr key={m.id}>
                <td>
                  <input type="hidden" name={`milestones.${i}.id`} value={m.id} />
                  {m.title}
                  {m.evidenceRequired && <span className="badge">{t("milestones.evidenceRequired")}</span>}
                </td>
                <td className="num">{m.approvedProgress}%</td>
                <td>
                  <TextField
                    name={`milestones.${i}.progress`}
                    label={t("updates.progressOf", { title: m.title })}
                    state={state}
                    inputMode="numeric"
                    defaultValue={m.progress}
                    className="narrow-input"
                    hideLabel
                  />
                </td>
                <td>
                  <TextField
                    name={`milestones.${i}.actualCompletionDate`}
                    label={t("updates.completionDateOf", { title: m.title })}
                    type="date"
                    state={state}
                    defaultValue={m.actualCompletionDate}
                    hideLabel
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>

      {INDICATOR_GROUPS.map((group) => (
        <fieldset key={group.key} className="group">
          <legend>{t(`updates.groups.${group.key}`)}</legend>
          <div className="field-grid">
            {group.fields.map((f) => (
              <div key={f.name}>
                {f.options ? (
                  <SelectField
                    name={f.name}
                    label={t(`updates.fields.${f.name}`)}
                    state={state}
                    defaultValue={initial[f.name]}
                    options={f.options.map((p) => ({ value: p, label: p }))}
                    emptyLabel={t("updates.notReported")}
                    hint={previous(f.name)}
                  />
                ) : (
                  <TextField
                    name={f.name}
                    label={t(`updates.fields.${f.name}`)}
                    state={state}
                    inputMode={f.kind === "decimal" || f.kind === "percent" ? "decimal" : "numeric"}
                    defaultValue={initial[f.name]}
                    hint={previous(f.name)}
                  />
                )}
                <ConflictValue state={state} name={f.name} />
              </div>
            ))}
          </div>
        </fieldset>
      ))}

      <TextAreaField name="narrative" label={t("updates.fields.narrative")} hint={t("updates.narrativeHint")} state={state} defaultValue={initial.narrative} />
      <ConflictValue state={state} name="narrative" />
      <TextAreaField name="correctionReason" label={t("updates.fields.correctionReason")} hint={t("updates.correctionHint")} state={state} defaultValue={initial.correctionReason} />

      <FormMessage state={state} />
      <div className="button-row">
        <button type="submit" name="intent" value="save" disabled={pending}>
          {pending ? t("common.saving") : t("updates.saveDraft")}
        </button>
        <button type="submit" name="intent" value="submit" className="primary" disabled={pending}>
          {t("updates.submit")}
        </button>
      </div>
    </form>
  );
}
