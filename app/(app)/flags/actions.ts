"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { computeEngine } from "@/db/engine";
import { recordFlagReview } from "@/db/flag-reviews";
import { formAction } from "@/lib/auth/form-action";
import { env } from "@/lib/env";
import { chinaToday } from "@/lib/domain/china-time";
import { DomainError, FieldErrors, ForbiddenError } from "@/lib/domain/errors";
import { availableFlagActions, flagState } from "@/lib/domain/risk/flag-review";
import { canReview } from "@/lib/domain/update-workflow";
import { fieldErrorKeys } from "@/lib/validation/form-state";
import { flagReviewFields, flagReviewSchema } from "@/lib/validation/flag-review";
import { findFlag } from "@/app/_lib/engine";

export const reviewFlagAction = formAction("reviewFlagAction", { schema: flagReviewFields, roles: ["reviewer"] }, (fields, user) => {
  const today = chinaToday();
  const checked = flagReviewSchema(today).safeParse(fields);
  if (!checked.success) throw new FieldErrors(fieldErrorKeys(checked.error.issues));
  const input = checked.data;
  const db = getDb();
  // The flag as the rules compute it now: a review is always of the current figures.
  const snapshot = computeEngine(db, today, env.REPORTING_START);
  const found = findFlag(snapshot, input.flagKey);
  if (!found) throw new DomainError("flagGone");
  if (!canReview(user, found.provinceCode)) throw new ForbiddenError();
  const state = flagState(found.flag, snapshot.reviews.get(found.flag.key), today);
  if (!availableFlagActions(found.flag, state).includes(input.action)) throw new DomainError("flagActionNotAvailable", "action");
  recordFlagReview(db, { flag: found.flag, provinceCode: found.provinceCode, action: input.action, comment: input.comment, expiresOn: input.expiresOn }, user.id);
  const path = `/flags/${encodeURIComponent(found.flag.key)}`;
  revalidatePath(path);
  redirect(`${path}?done=${input.action}`);
});
