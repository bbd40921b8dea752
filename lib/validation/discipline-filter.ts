import { z } from "zod";
import { periodChoiceRefusal } from "@/lib/domain/reporting-discipline";
import { firstValues, optionalFilter } from "./fields";

// Refusal messages are keys under `discipline.errors.` in the message files (this page's own namespace).

/**
 * The reporting-discipline page's GET parameters: a period that had ended by `today` (the "as of" day
 * when one is chosen) and not before reporting began, and a province code. Both may be left out: the
 * page then shows the latest ended quarter, over every province the reader may see.
 */
export const disciplineFilterSchema = (today: string, reportingStart: string) =>
  z.object({
    period: optionalFilter(
      z.string().superRefine((code, ctx) => {
        const refusal = periodChoiceRefusal(code, today, reportingStart);
        if (refusal) ctx.addIssue({ code: "custom", message: refusal });
      }),
    ),
    province: optionalFilter(z.string().regex(/^\d{2}0000$/, { error: "provinceUnknown" })),
  });
export type DisciplineFilter = z.infer<ReturnType<typeof disciplineFilterSchema>>;

export function disciplineFilterValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return firstValues(params, ["period", "province"]);
}
