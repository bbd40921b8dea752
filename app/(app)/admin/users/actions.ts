"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { createUser } from "@/lib/use-cases/admin/create-user";
import { updateUser } from "@/lib/use-cases/admin/update-user";

function backToList(): never {
  revalidatePath("/admin/users");
  redirect("/admin/users");
}

export const createUserAction = formCommand("createUserAction", createUser, { done: backToList });

export const updateUserAction = formCommand("updateUserAction", updateUser, { done: backToList });
