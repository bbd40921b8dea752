import { z } from "zod";
import { RISK_CODES } from "@/lib/domain/risk/types";
import { enumOf, integer, provinceCode } from "./fields";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** The flag list's GET filter; every field may be left out. `show=all` includes standing dismissals. */
export const flagFilterSchema = z.object({
  province: optional(provinceCode()),
  code: optional(enumOf(RISK_CODES)),
  severity: optional(enumOf(["red", "amber", "info"] as const)),
  show: optional(enumOf(["open", "all"] as const)).transform((v) => v ?? "open"),
  page: optional(integer(1, 100_000)).transform((v) => v ?? 1),
});
export type FlagFilter = z.infer<typeof flagFilterSchema>;

/** The first value of each filter field from Next's searchParams. */
export function flagFilterValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of ["province", "code", "severity", "show", "page"]) {
    const value = params[field];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) values[field] = first;
  }
  return values;
}
