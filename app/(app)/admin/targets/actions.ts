"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createTarget, getTarget, updateTarget } from "@/db/targets";
import { formAction } from "@/lib/auth/form-action";
import { DomainError, NotFoundError } from "@/lib/domain/errors";
import { targetSchema, updateTargetSchema } from "@/lib/validation/target";

const ADMINS = ["admin"] as const;

export const createTargetAction = formAction("createTargetAction", { schema: targetSchema, roles: ADMINS }, (input, user) => {
  createTarget(getDb(), input, { userId: user.id });
  revalidatePath(`/provinces/${input.provinceCode}`);
  redirect(`/admin/targets?province=${input.provinceCode}`);
});

export const updateTargetAction = formAction("updateTargetAction", { schema: updateTargetSchema, roles: ADMINS }, (input, user) => {
  const db = getDb();
  const { id, version, ...changes } = input;
  const stored = getTarget(db, id);
  if (!stored) throw new NotFoundError();
  // Centres link to targets of their own province, so a target cannot move.
  if (stored.provinceCode !== changes.provinceCode) throw new DomainError("provinceImmutable", "provinceCode");
  updateTarget(db, id, version, changes, { userId: user.id });
  revalidatePath(`/provinces/${changes.provinceCode}`);
  redirect(`/admin/targets?province=${changes.provinceCode}`);
});
