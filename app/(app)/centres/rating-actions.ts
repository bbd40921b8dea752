"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCentreProvince } from "@/db/centres";
import { recordConfidenceRating } from "@/db/confidence";
import { formAction } from "@/lib/auth/form-action";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canReview } from "@/lib/domain/update-workflow";
import { confidenceRatingSchema } from "@/lib/validation/confidence";
import { getEngine } from "@/lib/use-cases/engine";

export const rateCentreAction = formAction("rateCentreAction", { schema: confidenceRatingSchema, roles: ["reviewer"] }, async (input, user) => {
  const db = getDb();
  const provinceCode = getCentreProvince(db, input.centreId);
  if (!provinceCode) throw new NotFoundError();
  if (!canReview(user, provinceCode)) throw new ForbiddenError();
  // The computed level beside the rating is the one in force at this moment, kept with it.
  const computed = await (await getEngine()).centres.get(input.centreId);
  if (!computed) throw new NotFoundError();
  recordConfidenceRating(
    db,
    { centreId: input.centreId, rating: input.rating, narrative: input.narrative, computedLevel: computed.computedLevel, computedCompletionPct: computed.completionPct },
    user.id,
  );
  revalidatePath(`/centres/${input.centreId}`);
  redirect(`/centres/${input.centreId}#confidence`);
});
