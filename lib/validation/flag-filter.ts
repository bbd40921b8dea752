import { z } from "zod";
import { RISK_CODES, RISK_SEVERITIES } from "@/lib/domain/risk/types";
import { enumOf, firstValues, integer, optionalFilter, provinceCode } from "./fields";


/** The flag list's GET filter; every field may be left out. `show=all` includes standing dismissals. */
export const flagFilterSchema = z.object({
  province: optionalFilter(provinceCode()),
  code: optionalFilter(enumOf(RISK_CODES)),
  severity: optionalFilter(enumOf(RISK_SEVERITIES)),
  show: optionalFilter(enumOf(["open", "all"] as const)).transform((v) => v ?? "open"),
  page: optionalFilter(integer(1, 100_000)).transform((v) => v ?? 1),
});
export type FlagFilter = z.infer<typeof flagFilterSchema>;

export function flagFilterValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return firstValues(params, ["province", "code", "severity", "show", "page"]);
}
