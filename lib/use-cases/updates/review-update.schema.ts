import { z } from "zod";
import { UPDATE_REVIEW_ACTIONS } from "@/lib/domain/update-workflow";
import { enumOf, optionalText, version } from "@/lib/validation/fields";

/**
 * Approve, return or reopen one update. The review form names the update by its id; the API by its
 * centre and period (its URL). Exactly one of the two is given.
 */
export const reviewUpdateSchema = z
  .object({
    id: z.string().min(1).optional(),
    centreId: z.string().min(1).optional(),
    period: z.string().min(1).optional(),
    version: version(),
    decision: enumOf(UPDATE_REVIEW_ACTIONS),
    reason: optionalText(2000),
  })
  .refine((input) => (input.id !== undefined) !== (input.centreId !== undefined && input.period !== undefined), { error: "invalid", path: ["id"] });
export type ReviewUpdateInput = z.output<typeof reviewUpdateSchema>;
