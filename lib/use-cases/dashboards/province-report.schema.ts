import { z } from "zod";
import { parsePeriod } from "@/lib/domain/periods";
import { periodChoiceRefusal } from "@/lib/domain/reporting-discipline";
import { localeField } from "./view-fields.schema";

/**
 * A province's quarterly report: the province (its URL segment), an ended quarter since reporting began
 * (the latest by default), the one format a report comes in, and the reader's language.
 */
export const provinceReportSchema = (today: string, reportingStart: string) =>
  z.object({
    code: z.string().max(20),
    quarter: z
      .string()
      .superRefine((code, ctx) => {
        const refusal = parsePeriod(code)?.cadence === "quarterly" ? periodChoiceRefusal(code, today, reportingStart) : "periodUnknown";
        if (refusal) ctx.addIssue({ code: "custom", message: refusal });
      })
      .optional(),
    format: z.literal("xlsx").default("xlsx"),
    locale: localeField(),
  });
