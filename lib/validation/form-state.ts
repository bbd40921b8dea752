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

/**
 * The first issue of each field, as a message key under `validation.` (zod paths joined with dots). A
 * path ending in an index names one value of a multi-value control (`focusTags.0`, `partners.2`), whose
 * message is shown at the control, so the index is dropped; rows keep theirs (`milestones.0.progress`).
 */
export function fieldErrorKeys(issues: readonly Pick<z.core.$ZodIssue, "path" | "message">[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = typeof issue.path.at(-1) === "number" ? issue.path.slice(0, -1) : issue.path;
    const field = path.join(".") || "_form";
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
 * The largest row index a dotted name may carry. Numeric segments make arrays, and `rows.99999999.x`
 * would make a sparse array of a hundred million holes for the schema to walk (minutes of CPU and
 * gigabytes of issues from one request); no form has anywhere near this many rows.
 */
export const MAX_FORM_INDEX = 10_000;

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Turns dotted field names into nested values: `milestones.0.progress` → `{ milestones: [{ progress }] }`.
 * Numeric segments make arrays. Plain names pass through unchanged. The names come from the request,
 * so a name that cannot nest is dropped rather than trusted: prototype keys, an index above
 * MAX_FORM_INDEX, or a path through a value that is already plain text (`name` and `name.x`) or through
 * an inherited property (`toString.x` would otherwise write onto a built-in function shared by every request).
 */
export function unflatten(flat: Record<string, string | string[]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const isIndex = (part: string) => /^\d+$/.test(part);
  names: for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    if (parts.some((p) => FORBIDDEN_SEGMENTS.has(p) || (isIndex(p) && Number(p) > MAX_FORM_INDEX))) continue;
    let node: Record<string | number, unknown> = root;
    for (const [i, part] of parts.slice(0, -1).entries()) {
      const slot = isIndex(part) ? Number(part) : part;
      if (!Object.hasOwn(node, slot)) node[slot] = isIndex(parts[i + 1]!) ? [] : {};
      const next = node[slot];
      if (next === null || typeof next !== "object") continue names;
      node = next as Record<string | number, unknown>;
    }
    const last = parts[parts.length - 1]!;
    node[isIndex(last) ? Number(last) : last] = value;
  }
  return root;
}
