"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCentreFor, createMilestoneFor, updateCentreFor, updateMilestoneFor } from "@/app/_lib/centre-edits";
import { formAction } from "@/lib/auth/form-action";
import { centreSchema, milestoneSchema, updateCentreSchema, updateMilestoneSchema } from "@/lib/validation/centre";

// The rules (stored province checked, version compared) live in centre-edits, shared with the REST API.

const EDITORS = ["staff", "admin"] as const;

export const createCentreAction = formAction("createCentreAction", { schema: centreSchema, roles: EDITORS }, (input, user) => {
  const id = createCentreFor(user, input);
  revalidatePath(`/provinces/${input.provinceCode}`);
  redirect(`/centres/${id}`);
});

export const updateCentreAction = formAction("updateCentreAction", { schema: updateCentreSchema, roles: EDITORS }, (input, user) => {
  updateCentreFor(user, input);
  revalidatePath(`/centres/${input.id}`);
  redirect(`/centres/${input.id}`);
});

export const createMilestoneAction = formAction("createMilestoneAction", { schema: milestoneSchema, roles: EDITORS }, (input, user) => {
  createMilestoneFor(user, input);
  revalidatePath(`/centres/${input.centreId}`);
  redirect(`/centres/${input.centreId}`);
});

export const updateMilestoneAction = formAction("updateMilestoneAction", { schema: updateMilestoneSchema, roles: EDITORS }, (input, user) => {
  const centreId = updateMilestoneFor(user, input);
  revalidatePath(`/centres/${centreId}`);
  redirect(`/centres/${centreId}`);
});
