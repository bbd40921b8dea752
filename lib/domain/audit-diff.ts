// What an audit entry changed, for a compact "field: old → new" display. Entries store whatever the
// data layer wrote: a create has only `after`, a delete only `before`, an update usually both, and an
// update's `after` may hold just the fields it set, so a field missing from `after` is unchanged.

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that change on every save and say nothing to the reader. */
export const IGNORED_FIELDS: ReadonlySet<string> = new Set(["id", "version", "createdAt", "updatedAt"]);

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

// Values come from JSON written by the same code, so key order is stable and stringify compares them.
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  // An update lists what it set; a create or delete lists the whole record on its one side.
  const fields = a ? Object.keys(a) : b ? Object.keys(b) : [];
  return fields
    .filter((field) => !IGNORED_FIELDS.has(field))
    .map((field) => ({ field, before: b?.[field] ?? null, after: a ? (a[field] ?? null) : null }))
    .filter((change) => !same(change.before, change.after));
}

/** One value in a short line: "—" for none, lists joined, long text cut with an ellipsis. */
export function formatAuditValue(value: unknown, maxLength = 60): string {
  let text: string;
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") text = value === "" ? '""' : value;
  else if (Array.isArray(value)) text = value.length === 0 ? "[]" : value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
  else if (typeof value === "object") text = JSON.stringify(value);
  else text = String(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
