import { z } from "zod";
import { DELIVERY_LEVELS } from "@/lib/domain/engine";
import { enumOf, requiredText } from "./fields";


/** A reviewer's delivery-confidence rating of a centre: the level and the narrative behind it. */
export const confidenceRatingSchema = z.object({
  centreId: requiredText(100),
  rating: enumOf(DELIVERY_LEVELS),
  narrative: requiredText(4000),
});
