"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState } from "@/lib/validation/form-state";
import { setThresholdAction } from "../actions";

/**
 * One threshold's value, saved on its own (each change is its own audited event), with a reset
 * while it is overridden. Ids carry the key: the page holds one such form per threshold.
 */
export function ThresholdForm({ thresholdKey, label, value, version, overridden }: { thresholdKey: string; label: string; value: number; version: number; overridden: boolean }) {
  const t = useTranslations("thresholds");
  const [state, action, pending] = useActionState(setThresholdAction, initialFormState);
  const id = `threshold-${thresholdKey.replace(".", "-")}`;
  const error = state.fieldErrors?.value ?? (state.status === "error" ? state.message : undefined);
  const typed = state.values?.value;
  return (
    <form action={action} className="inline-form" noValidate>
      <input type="hidden" name="key" value={thresholdKey} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        name="value"
        inputMode="decimal"
        size={12}
        defaultValue={typeof typed === "string" ? typed : value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />{" "}
      <button type="submit" disabled={pending}>
        {t("save")}
      </button>{" "}
      {overridden && (
        <button type="submit" name="reset" value="1" className="secondary" disabled={pending}>
          {t("reset")}
        </button>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
