import { z } from "zod";
import { isoDate, optionalFilter } from "./fields";

/**
 * The dashboards' `asOf` parameter: a past day (the close of an earlier period), not before reporting
 * began. Left out: now.
 */
export const asOfSchema = (today: string, reportingStart: string) =>
  z.object({
    asOf: optionalFilter(
      isoDate()
        .refine((d) => typeof d !== "string" || d < today, { error: "asOfNotPast" })
        .refine((d) => typeof d !== "string" || d >= reportingStart, { error: "asOfBeforeReporting" }),
    ),
  });
