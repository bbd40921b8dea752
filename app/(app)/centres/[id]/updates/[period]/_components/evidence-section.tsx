"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState } from "@/lib/validation/form-state";
import { FormMessage, SelectField } from "@/app/_components/form-fields";
import { deleteEvidenceAction, uploadEvidenceAction } from "@/app/(app)/updates/actions";

export interface EvidenceItem {
  id: string;
  originalName: string;
  sizeBytes: number;
  milestoneTitle: string | null;
}

function DeleteEvidence({ id, updateId, name }: { id: string; updateId: string; name: string }) {
  const t = useTranslations("updates");
  const [state, action, pending] = useActionState(deleteEvidenceAction, initialFormState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="updateId" value={updateId} />
      <button type="submit" className="link-button" disabled={pending} aria-label={t("deleteEvidenceNamed", { name })}>
        {t("deleteEvidence")}
      </button>
      {state.message && <span className="form-error">{state.message}</span>}
    </form>
  );
}

export function EvidenceSection({
  updateId,
  items,
  milestones,
  editable,
  maxMb,
}: {
  updateId: string | null;
  items: EvidenceItem[];
  milestones: { id: string; title: string }[];
  editable: boolean;
  maxMb: number;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(uploadEvidenceAction, initialFormState);
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t("updates.evidence")}</h2>
      {items.length === 0 ? (
        <p className="empty">{t("updates.noEvidence")}</p>
      ) : (
        <ul className="evidence-list">
          {items.map((item) => (
            <li key={item.id}>
              <a href={`/api/evidence/${item.id}`}>{item.originalName}</a> <span className="muted">({Math.max(1, Math.round(item.sizeBytes / 1024))} KB)</span>
              {item.milestoneTitle && <span className="muted"> · {item.milestoneTitle}</span>}
              {editable && updateId && <DeleteEvidence id={item.id} updateId={updateId} name={item.originalName} />}
            </li>
          ))}
        </ul>
      )}
      {editable &&
        (updateId ? (
          <form action={action} className="form" noValidate>
            <input type="hidden" name="updateId" value={updateId} />
            <div className="field">
              <label htmlFor="evidence-file">{t("updates.evidenceFile")}</label>
              <input
                id="evidence-file"
                name="file"
                type="file"
                accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
                aria-describedby={state.fieldErrors?.file ? "evidence-file-hint evidence-file-error" : "evidence-file-hint"}
                aria-invalid={state.fieldErrors?.file ? true : undefined}
              />
              <p id="evidence-file-hint" className="hint">
                {t("updates.evidenceHint", { maxMb })}
              </p>
              {state.fieldErrors?.file && (
                <p id="evidence-file-error" className="field-error">
                  {state.fieldErrors.file}
                </p>
              )}
            </div>
            <SelectField
              name="milestoneId"
              label={t("updates.evidenceFor")}
              state={state}
              options={milestones.map((m) => ({ value: m.id, label: m.title }))}
              emptyLabel={t("updates.evidenceGeneral")}
            />
            <FormMessage state={state} />
            <button type="submit" disabled={pending}>
              {t("updates.upload")}
            </button>
          </form>
        ) : (
          <p className="hint">{t("updates.saveBeforeEvidence")}</p>
        ))}
    </section>
  );
}
