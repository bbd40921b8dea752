import { z } from "zod";
import { RISK_CODES } from "@/lib/domain/risk/types";
import { CENTRE_STATUSES, FOCUS_TAGS } from "@/lib/domain/vocabulary";
import { enumOf, firstValues, optionalFilter } from "./fields";

/** The province page's centre filter (GET); every field may be left out. `flag=any`: centres with any open red or amber flag. */
export const centreFilterSchema = z.object({
  status: optionalFilter(enumOf(CENTRE_STATUSES)),
  tag: optionalFilter(enumOf(FOCUS_TAGS)),
  // A prefecture-level city: SSCC00 with CC not 00 (SS0000 is the province).
  city: optionalFilter(z.string().regex(/^\d{2}(?!00)\d{2}00$/, { error: "invalid" })),
  flag: optionalFilter(enumOf(["any", ...RISK_CODES] as const)),
});
export type CentreFilter = z.infer<typeof centreFilterSchema>;

export const CENTRE_FILTER_FIELDS = ["status", "tag", "city", "flag"] as const;

export function centreFilterValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return firstValues(params, CENTRE_FILTER_FIELDS);
}
