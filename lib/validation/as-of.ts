import { z } from "zod";
import { isoDate, optionalFilter } from "./fields";
import { asOfChoices } from "@/lib/domain/as-of";

/**
 * The dashboards' `asOf` parameter: the close of an ended period, one of the choices the as-of picker
 * offers (asOfChoices: month ends since reporting began, the newest twelve). Left out: now. Today, the
 * future and days before reporting keep their own reasons; any other past day is `asOfNotClose`, and the
 * pages and the API list the choices with it. Only these closes are ever computed, and each is kept.
 */
export const asOfSchema = (today: string, reportingStart: string) => {
  const closes = new Set(asOfChoices(reportingStart, today).map((c) => c.date));
  return z.object({
    asOf: optionalFilter(
      isoDate()
        .refine((d) => typeof d !== "string" || d < today, { error: "asOfNotPast" })
        .refine((d) => typeof d !== "string" || d >= reportingStart, { error: "asOfBeforeReporting" })
        .refine((d) => typeof d !== "string" || d >= today || d < reportingStart || closes.has(d), { error: "asOfNotClose" }),
    ),
  });
};
