import { z } from "zod";
import { enumOf, requiredText } from "./fields";

export const DELIVERY_LEVELS = ["green", "amber", "red"] as const;

/** A reviewer's delivery-confidence rating of a centre: the level and the narrative behind it. */
export const confidenceRatingSchema = z.object({
  centreId: requiredText(100),
  rating: enumOf(DELIVERY_LEVELS),
  narrative: requiredText(4000),
});
export type ConfidenceRatingFormInput = z.infer<typeof confidenceRatingSchema>;
