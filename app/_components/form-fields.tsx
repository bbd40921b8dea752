"use client";

import type { FormState } from "@/lib/validation/form-state";

// Labelled inputs whose error is tied to them with aria-describedby. A refused form shows what the
// user typed (state.values) rather than the stored value.

type Common = { name: string; label: string; state: FormState; hint?: string; required?: boolean };

function typed(state: FormState, name: string): string | string[] | undefined {
  return state.values?.[name];
}

function describedBy(name: string, state: FormState, hint?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : null, state.fieldErrors?.[name] ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldLabel({ name, label, required, hidden }: { name: string; label: string; required?: boolean; hidden?: boolean }) {
  return (
    <label htmlFor={name} className={hidden ? "visually-hidden" : undefined}>
      {label}
      {required && <span aria-hidden="true"> *</span>}
    </label>
  );
}

function FieldMessages({ name, state, hint }: { name: string; state: FormState; hint?: string }) {
  const error = state.fieldErrors?.[name];
  return (
    <>
      {hint && (
        <p id={`${name}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({
  name,
  label,
  state,
  hint,
  required,
  defaultValue,
  type = "text",
  hideLabel,
  ...rest
}: Common & { defaultValue?: string | number | null; type?: string; hideLabel?: boolean } & Omit<
    React.InputHTMLAttributes<HTMLInputElement>,
    "defaultValue" | "name" | "type"
  >) {
  const value = typed(state, name);
  return (
    <div className="field">
      <FieldLabel name={name} label={label} required={required} hidden={hideLabel} />
      <input
        id={name}
        name={name}
        type={type}
        required={required}
        defaultValue={typeof value === "string" ? value : (defaultValue ?? "")}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={describedBy(name, state, hint)}
        {...rest}
      />
      <FieldMessages name={name} state={state} hint={hint} />
    </div>
  );
}

export function TextAreaField({ name, label, state, hint, required, defaultValue }: Common & { defaultValue?: string }) {
  const value = typed(state, name);
  return (
    <div className="field">
      <FieldLabel name={name} label={label} required={required} />
      <textarea
        id={name}
        name={name}
        rows={3}
        required={required}
        defaultValue={typeof value === "string" ? value : (defaultValue ?? "")}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={describedBy(name, state, hint)}
      />
      <FieldMessages name={name} state={state} hint={hint} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  state,
  hint,
  required,
  defaultValue,
  options,
  emptyLabel,
}: Common & { defaultValue?: string | null; options: { value: string; label: string }[]; emptyLabel?: string }) {
  const value = typed(state, name);
  return (
    <div className="field">
      <FieldLabel name={name} label={label} required={required} />
      <select
        // React applies a select's defaultValue only on mount, and resets the form after each action:
        // remounting on the typed value keeps the user's choice when a form is refused.
        key={typeof value === "string" ? `typed:${value}` : "stored"}
        id={name}
        name={name}
        required={required}
        defaultValue={typeof value === "string" ? value : (defaultValue ?? "")}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={describedBy(name, state, hint)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages name={name} state={state} hint={hint} />
    </div>
  );
}

export function CheckboxGroup({
  name,
  label,
  state,
  hint,
  defaultValue,
  options,
}: Common & { defaultValue: string[]; options: { value: string; label: string }[] }) {
  const value = typed(state, name);
  const checked = state.values ? (value === undefined ? [] : Array.isArray(value) ? value : [value]) : defaultValue;
  return (
    <fieldset className="field checkbox-group" aria-describedby={describedBy(name, state, hint)}>
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
      <FieldMessages name={name} state={state} hint={hint} />
    </fieldset>
  );
}

export function CheckboxField({ name, label, state, defaultChecked }: Omit<Common, "hint" | "required"> & { defaultChecked: boolean }) {
  const checked = state.values ? state.values[name] === "on" : defaultChecked;
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" name={name} defaultChecked={checked} /> {label}
      </label>
      <FieldMessages name={name} state={state} />
    </div>
  );
}

/** The form-level message, announced to screen readers. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" className="form-message-region">
      {state.message && (
        <p className={state.status === "error" ? "form-error" : "form-success"} role={state.status === "error" ? "alert" : "status"}>
          {state.message}
        </p>
      )}
    </div>
  );
}
