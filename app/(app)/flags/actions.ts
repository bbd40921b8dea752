"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { recordFlagReview } from "@/db/flag-reviews";
import { formAction } from "@/lib/auth/form-action";
import { chinaToday } from "@/lib/domain/china-time";
import { DomainError, ForbiddenError } from "@/lib/domain/errors";
import { availableFlagActions, flagState } from "@/lib/domain/risk/flag-review";
import { canReview } from "@/lib/domain/update-workflow";
import { flagReviewSchema } from "@/lib/validation/flag-review";
import { findFlag, getEngine } from "@/lib/use-cases/engine";

export const reviewFlagAction = formAction("reviewFlagAction", { schema: () => flagReviewSchema(chinaToday()), roles: ["reviewer"] }, async (input, user) => {
  const db = getDb();
  // The flag as the rules compute it now (the snapshot is current: it is stamped with the newest audit entry).
  const snapshot = await getEngine();
  const found = findFlag(snapshot, input.flagKey);
  if (!found) throw new DomainError("flagGone");
  if (!canReview(user, found.provinceCode)) throw new ForbiddenError();
  const state = flagState(found.flag, snapshot.reviews.get(found.flag.key), snapshot.today);
  if (!availableFlagActions(found.flag, state).includes(input.action)) throw new DomainError("flagActionNotAvailable", "action");
  recordFlagReview(db, { flag: found.flag, provinceCode: found.provinceCode, action: input.action, comment: input.comment, expiresOn: input.expiresOn }, user.id);
  const path = `/flags/${encodeURIComponent(found.flag.key)}`;
  revalidatePath(path);
  redirect(`${path}?done=${input.action}`);
});
