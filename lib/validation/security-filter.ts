import { z } from "zod";
import { firstValues, integer, optionalFilter } from "./fields";

// The security log's GET filter (/admin/security). Every field may be left out: an empty select is "any".

export const MAX_SECURITY_PAGE = 100_000;

export const securityFilterSchema = z.object({
  // Compared only as bound parameters; the caps keep junk out of the query.
  user: optionalFilter(z.string({ error: "invalid" }).max(64, { error: "invalid" })),
  route: optionalFilter(z.string({ error: "invalid" }).max(200, { error: "invalid" })),
  page: optionalFilter(integer(1, MAX_SECURITY_PAGE)).transform((page) => page ?? 1),
});
export type SecurityFilter = z.infer<typeof securityFilterSchema>;

export function securityFilterValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return firstValues(params, ["user", "route", "page"] as const);
}
