import { z } from "zod";
import { AUDIT_ACTIONS } from "@/db/audit";
import { enumOf, integer, isoDate, whenFieldsValid } from "./fields";

// The audit log's GET filter. Every field may be left out; an empty select or date means "any".

export const MAX_AUDIT_PAGE = 100_000;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

// Ids are only ever compared as bound parameters; the length cap keeps junk out of the query.
const id = () => z.string({ error: "invalid" }).max(64, { error: "invalid" });

export const auditFilterSchema = z
  .object({
    centre: optional(id()),
    user: optional(id()),
    action: optional(enumOf(AUDIT_ACTIONS)),
    from: optional(isoDate()),
    to: optional(isoDate()),
    page: optional(integer(1, MAX_AUDIT_PAGE)).transform((page) => page ?? 1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: "toBeforeFrom", when: whenFieldsValid("from", "to") });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_FILTER_FIELDS = ["centre", "user", "action", "from", "to", "page"] as const;

/** Next's searchParams hold arrays when a name repeats; the filter takes the first of each. */
export function auditFilterValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of AUDIT_FILTER_FIELDS) {
    const value = params[field];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) values[field] = first;
  }
  return values;
}
