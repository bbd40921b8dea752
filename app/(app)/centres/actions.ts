"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createCentre, getCentreProvince, updateCentre } from "@/db/centres";
import { createMilestone, getMilestoneWithProvince, updateMilestone } from "@/db/milestones";
import { formAction } from "@/lib/auth/form-action";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canEditCentresIn } from "@/lib/domain/permissions";
import { centreSchema, milestoneSchema, updateCentreSchema, updateMilestoneSchema } from "@/lib/validation/centre";

// Ids arrive from hidden inputs, so each action loads the row and checks its stored province.

const EDITORS = ["staff", "admin"] as const;

export const createCentreAction = formAction("createCentreAction", { schema: centreSchema, roles: EDITORS }, (input, user) => {
  if (!canEditCentresIn(user, input.provinceCode)) throw new ForbiddenError();
  const id = createCentre(getDb(), input, { userId: user.id });
  revalidatePath(`/provinces/${input.provinceCode}`);
  redirect(`/centres/${id}`);
});

export const updateCentreAction = formAction("updateCentreAction", { schema: updateCentreSchema, roles: EDITORS }, (input, user) => {
  const db = getDb();
  const storedProvince = getCentreProvince(db, input.id);
  if (!storedProvince) throw new NotFoundError();
  if (!canEditCentresIn(user, storedProvince)) throw new ForbiddenError();
  const { id, version, ...changes } = input;
  updateCentre(db, id, version, changes, { userId: user.id });
  revalidatePath(`/centres/${id}`);
  redirect(`/centres/${id}`);
});

export const createMilestoneAction = formAction("createMilestoneAction", { schema: milestoneSchema, roles: EDITORS }, (input, user) => {
  const db = getDb();
  const storedProvince = getCentreProvince(db, input.centreId);
  if (!storedProvince) throw new NotFoundError();
  if (!canEditCentresIn(user, storedProvince)) throw new ForbiddenError();
  createMilestone(db, input, { userId: user.id });
  revalidatePath(`/centres/${input.centreId}`);
  redirect(`/centres/${input.centreId}`);
});

export const updateMilestoneAction = formAction("updateMilestoneAction", { schema: updateMilestoneSchema, roles: EDITORS }, (input, user) => {
  const db = getDb();
  const stored = getMilestoneWithProvince(db, input.id);
  if (!stored) throw new NotFoundError();
  if (!canEditCentresIn(user, stored.provinceCode)) throw new ForbiddenError();
  updateMilestone(db, input, { userId: user.id });
  revalidatePath(`/centres/${stored.milestone.centreId}`);
  redirect(`/centres/${stored.milestone.centreId}`);
});
