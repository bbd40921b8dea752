"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createUser, updateUser } from "@/db/users";
import { hashPassword } from "@/lib/auth/password";
import { formAction } from "@/lib/auth/form-action";
import { DomainError } from "@/lib/domain/errors";
import { createUserSchema, updateUserSchema } from "@/lib/validation/user";

const ADMINS = ["admin"] as const;

export const createUserAction = formAction("createUserAction", { schema: createUserSchema, roles: ADMINS }, async (input, user) => {
  const { password, ...fields } = input;
  // Hash before the synchronous transaction.
  const passwordHash = await hashPassword(password);
  createUser(getDb(), { ...fields, passwordHash }, { userId: user.id });
  revalidatePath("/admin/users");
  redirect("/admin/users");
});

export const updateUserAction = formAction("updateUserAction", { schema: updateUserSchema, roles: ADMINS }, (input, user) => {
  const { id, version, ...changes } = input;
  // An admin cannot lock themselves out or drop their own rights by mistake.
  if (id === user.id && !changes.active) throw new DomainError("cannotDeactivateSelf", "active");
  if (id === user.id && changes.role !== "admin") throw new DomainError("cannotDemoteSelf", "role");
  updateUser(getDb(), id, version, changes, { userId: user.id });
  revalidatePath("/admin/users");
  redirect("/admin/users");
});
