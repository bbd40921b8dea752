import type { z } from "zod";

/** What a server action returns to its form: a message and per-field errors, never rows or secrets. */
export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, so a refused form keeps it (passwords are never echoed). */
  values?: Record<string, string | string[]>;
}

export const initialFormState: FormState = { status: "idle" };

/** The first issue of each field, as a message key under `validation.` (zod paths joined with dots). */
export function fieldErrorKeys(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.join(".") || "_form";
    errors[field] ??= issue.message;
  }
  return errors;
}

/** FormData as a plain object: repeated names become arrays; Next's internal `$ACTION` fields are dropped. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}
