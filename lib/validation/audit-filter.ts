import { z } from "zod";
import { AUDIT_ACTIONS } from "@/db/audit";
import { enumOf, firstValues, integer, isoDate, optionalFilter, whenFieldsValid } from "./fields";

// The audit log's GET filter. Every field may be left out; an empty select or date means "any".

export const MAX_AUDIT_PAGE = 100_000;


// Ids are only ever compared as bound parameters; the length cap keeps junk out of the query.
const id = () => z.string({ error: "invalid" }).max(64, { error: "invalid" });

export const auditFilterSchema = z
  .object({
    centre: optionalFilter(id()),
    user: optionalFilter(id()),
    action: optionalFilter(enumOf(AUDIT_ACTIONS)),
    from: optionalFilter(isoDate()),
    to: optionalFilter(isoDate()),
    page: optionalFilter(integer(1, MAX_AUDIT_PAGE)).transform((page) => page ?? 1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: "toBeforeFrom", when: whenFieldsValid("from", "to") });
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_FILTER_FIELDS = ["centre", "user", "action", "from", "to", "page"] as const;

export function auditFilterValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return firstValues(params, AUDIT_FILTER_FIELDS);
}
