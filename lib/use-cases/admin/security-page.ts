import "server-only";
import { z } from "zod";
import { listSecurityEventRoutes, listSecurityEvents, listSecurityEventUsers } from "@/db/security-events";
import { securityFilterSchema, type SecurityFilter } from "@/lib/validation/security-filter";
import { defineQuery } from "../define";

export const SECURITY_PAGE_SIZE = 50;

/**
 * /admin/security: refused authorizations, newest first, filtered by user and route, with the choices
 * of both filters. The input is the address's filter values as typed; they are checked here rather than
 * refused, because a bad filter still shows the page (every event, and a message saying so).
 */
export const securityPage = defineQuery({
  name: "admin.security.list",
  input: z.record(z.string(), z.string()),
  load: () => ({}),
  // The log names users of every province: the rule (administrators) is the whole check.
  province: () => null,
  run: ({ db, input }) => {
    const parsed = securityFilterSchema.safeParse(input);
    const filter: SecurityFilter = parsed.success ? parsed.data : { page: 1 };
    const { total, rows } = listSecurityEvents(db, { userId: filter.user, route: filter.route, page: filter.page, pageSize: SECURITY_PAGE_SIZE });
    return {
      users: listSecurityEventUsers(db),
      routes: listSecurityEventRoutes(db),
      filter,
      invalidFilter: !parsed.success,
      total,
      pages: Math.max(1, Math.ceil(total / SECURITY_PAGE_SIZE)),
      rows,
    };
  },
});
