import "server-only";
import { z } from "zod";
import { AUDIT_ACTIONS } from "@/db/audit";
import { listAuditActors, listAuditEntries } from "@/db/audit-log";
import { listCentresInScope } from "@/db/centres";
import { listProvinceOptions } from "@/db/provinces";
import { readableScope } from "@/lib/domain/permissions";
import { auditFilterSchema } from "@/lib/validation/audit-filter";
import { fieldErrorKeys } from "@/lib/validation/form-state";
import { defineQuery } from "../define";

export const AUDIT_PAGE_SIZE = 50;

/**
 * /audit: the audit trail within the reader's scope (a provincial reviewer sees entries about their
 * province's centres only), filtered, a page at a time, with the filters' choices. The input is the
 * address's filter values as typed: they are checked here, not refused, because an invalid filter still
 * shows the form with a message at each field (and no entries).
 */
export const auditPage = defineQuery({
  name: "audit.list",
  input: z.record(z.string(), z.string()),
  load: () => ({}),
  // A list: every entry and every choice below is read within the actor's own scope.
  province: () => null,
  run: ({ db, actor, input }) => {
    const scope = readableScope(actor);
    // Choices come from the reader's scope only, so the selects reveal nothing outside it.
    const centres = listCentresInScope(db, scope).map((c) => ({ id: c.id, name: c.name, provinceCode: c.provinceCode }));
    const actors = listAuditActors(db, scope);
    const parsed = auditFilterSchema.safeParse(input);
    const errors: Record<string, string> = parsed.success ? {} : fieldErrorKeys(parsed.error.issues);
    // An id outside the lists would filter by something the select cannot show (or another province's centre).
    if (parsed.success && parsed.data.centre && !centres.some((c) => c.id === parsed.data.centre)) errors.centre = "invalid";
    if (parsed.success && parsed.data.user && !actors.some((a) => a.id === parsed.data.user)) errors.user = "invalid";
    const filter = parsed.success && Object.keys(errors).length === 0 ? parsed.data : undefined;
    const result = filter
      ? listAuditEntries(db, { scope, centreId: filter.centre, userId: filter.user, action: filter.action, from: filter.from, to: filter.to, page: filter.page, pageSize: AUDIT_PAGE_SIZE })
      : undefined;
    return {
      /** "all", or the one province the reader sees. */
      scope,
      provinces: listProvinceOptions(db),
      centres,
      actors,
      actions: AUDIT_ACTIONS,
      /** The valid filter, or undefined with `errors` (a reason code per field) and no entries. */
      filter,
      errors,
      result: result && { ...result, pages: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)) },
    };
  },
});
