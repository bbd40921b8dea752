import "server-only";
import { getCentreProvince } from "@/db/centres";
import { recordConfidenceRating } from "@/db/confidence";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { confidenceRatingSchema } from "@/lib/validation/confidence";
import { defineCommand } from "../define";
import { getEngine } from "../engine";

/**
 * A reviewer of the centre's province records their delivery-confidence rating. The computed level and
 * completion in force at this moment are kept beside it, so the rating can later be read against them.
 */
export const rateCentre = defineCommand({
  name: "centres.rate",
  input: confidenceRatingSchema,
  load: async ({ db, input }) => {
    const provinceCode = CENTRE_ID_PATTERN.test(input.centreId) ? getCentreProvince(db, input.centreId) : undefined;
    if (!provinceCode) return undefined;
    // Read before the write transaction opens: the engine's snapshot is not a row this command changes.
    const computed = (await getEngine()).centres.get(input.centreId);
    return computed && { provinceCode, computedLevel: computed.computedLevel, computedCompletionPct: computed.completionPct };
  },
  province: (rows) => rows.provinceCode,
  run: (tx, { actor, input, rows }) => {
    recordConfidenceRating(tx, { centreId: input.centreId, rating: input.rating, narrative: input.narrative, computedLevel: rows.computedLevel, computedCompletionPct: rows.computedCompletionPct }, actor.id);
    return { centreId: input.centreId };
  },
});
