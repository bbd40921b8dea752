import "server-only";
import type { Db } from "@/db/client";
import { getProvince } from "@/db/provinces";
import { FieldErrors } from "@/lib/domain/errors";

/**
 * A list's `province` filter, loaded: a code no province has is an invalid parameter (400); one outside
 * the caller's scope is then refused by the use case's rule as not found.
 */
export function loadProvinceFilter(db: Db, province: string | undefined): { province: string | undefined } {
  if (province !== undefined && !getProvince(db, province)) throw new FieldErrors({ province: "provinceUnknown" });
  return { province };
}
