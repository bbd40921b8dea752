import { z } from "zod";
import { centreSchema, milestoneSchema } from "@/lib/validation/centre";

/** The most milestones one registration may carry: a centre's whole plan fits well inside. */
export const MAX_MILESTONES = 100;

/**
 * Registering a centre: the centre form's fields, and (from the API) its first milestones with the
 * milestone form's fields, all written in one transaction. The form sends none.
 */
export const createCentreSchema = centreSchema.and(
  z.object({
    milestones: z
      // An element that is not an object is checked as an empty one, so each missing field is named.
      .array(z.preprocess((item) => (typeof item === "object" && item !== null ? item : {}), milestoneSchema.omit({ centreId: true })), { error: "invalid" })
      .max(MAX_MILESTONES, { error: "tooMany" })
      .default([]),
  }),
);
export type CreateCentreInput = z.output<typeof createCentreSchema>;
