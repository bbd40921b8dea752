import type { z } from "zod";

/** What a server action returns to its form: a message and per-field errors, never rows or secrets. */
export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, so a refused form keeps it (passwords are never echoed). */
  values?: Record<string, string | string[]>;
  /** After a conflict: the values someone else saved meanwhile, by field name. */
  current?: Record<string, string>;
}

export const initialFormState: FormState = { status: "idle" };

/** The first issue of each field, as a message key under `validation.` (zod paths joined with dots). */
export function fieldErrorKeys(issues: readonly Pick<z.core.$ZodIssue, "path" | "message">[]): Record<string, string> {
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

/**
 * Turns dotted field names into nested values: `milestones.0.progress` → `{ milestones: [{ progress }] }`.
 * Numeric segments make arrays. Plain names pass through unchanged.
 */
export function unflatten(flat: Record<string, string | string[]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    if (parts.some((p) => p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const slot = /^\d+$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[slot] = value;
        return;
      }
      container[slot] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {};
      node = container[slot] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}
