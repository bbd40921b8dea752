import { z } from "zod";
import { MAP_MEASURES, SORT_KEYS } from "@/lib/domain/dashboard";
import { enumOf, firstValues, optionalFilter } from "./fields";

/**
 * The national overview's view settings (GET): map measure, table order and filters. Every field may
 * be left out; the page and its CSV export read the same schema.
 */
export const overviewViewSchema = z.object({
  measure: optionalFilter(enumOf(MAP_MEASURES)).transform((v) => v ?? "completion"),
  sort: optionalFilter(enumOf(SORT_KEYS)).transform((v) => v ?? "name"),
  dir: optionalFilter(enumOf(["asc", "desc"] as const)).transform((v) => v ?? "asc"),
  /** Part of a province's name, Chinese or English. */
  q: optionalFilter(z.string().trim().max(40, { error: "tooLong" })),
  /** `behind`: only provinces with a target at risk or an open red flag. */
  show: optionalFilter(enumOf(["all", "behind"] as const)).transform((v) => v ?? "all"),
});
export type OverviewView = z.infer<typeof overviewViewSchema>;

export const OVERVIEW_VIEW_FIELDS = ["measure", "sort", "dir", "q", "show"] as const;

export function overviewViewValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return firstValues(params, OVERVIEW_VIEW_FIELDS);
}
